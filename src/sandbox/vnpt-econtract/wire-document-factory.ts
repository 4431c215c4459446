import { randomBytes, randomUUID } from 'node:crypto';
import { formatVnptLocalDate, formatVnptOffsetDate } from './vnpt-clock';
import type { VnptWireCodedValue, VnptWireDocument, VnptWireHistory, VnptWireProcess } from './wire-document';

/** The document statuses VNPT documents, by name. */
export type VnptStatusName = 'NEW' | 'READY' | 'PROCESSING' | 'COMPLETED' | 'CORRECTING' | 'REJECTED' | 'DELETED' | 'CANCELED';

/** Wire `status` values and the descriptions the simulator prints for them. */
export const VNPT_WIRE_STATUSES: Readonly<Record<VnptStatusName, VnptWireCodedValue>> = Object.freeze({
  NEW: Object.freeze({ value: 1, description: 'New' }),
  READY: Object.freeze({ value: 2, description: 'Ready' }),
  PROCESSING: Object.freeze({ value: 3, description: 'Processing' }),
  COMPLETED: Object.freeze({ value: 4, description: 'Completed' }),
  CORRECTING: Object.freeze({ value: 5, description: 'Correcting' }),
  REJECTED: Object.freeze({ value: -1, description: 'Rejected' }),
  DELETED: Object.freeze({ value: -2, description: 'Deleted' }),
  CANCELED: Object.freeze({ value: -3, description: 'Canceled' }),
});

/** The history activity a successful cancel appends. */
export const CANCEL_ACTIVITY: VnptWireCodedValue = Object.freeze({ value: -3, description: 'Cancel document' });

/** Integrations call over the API; the seed's sample (made in the web app) shows 0 "Web". */
export const API_REQUEST_TYPE: VnptWireCodedValue = Object.freeze({ value: 1, description: 'API' });

const ACTIVITY_BY_STATUS: Readonly<Partial<Record<VnptStatusName, VnptWireCodedValue>>> = Object.freeze({
  COMPLETED: Object.freeze({ value: 4, description: 'Complete document' }),
  REJECTED: Object.freeze({ value: -1, description: 'Reject document' }),
  DELETED: Object.freeze({ value: -2, description: 'Delete document' }),
  CANCELED: CANCEL_ACTIVITY,
});

/** What varies between sandbox documents; everything else is shaped like the seed's sample. */
export interface WireDocumentSpec {
  readonly baseUrl: string;
  readonly status: VnptStatusName;
  readonly createdByUserId: number;
  readonly now: Date;
  readonly id?: string;
  readonly reason?: string;
  /** Days before `now` the document was created; default 30. */
  readonly ageDays?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Builds a complete wire document (processes, histories, type, download URLs with a token). */
export function buildWireDocument(spec: WireDocumentSpec): VnptWireDocument {
  const id = spec.id ?? randomUUID();
  const createdAt = new Date(spec.now.getTime() - (spec.ageDays ?? 30) * DAY_MS);
  const lastModifiedAt = new Date(createdAt.getTime() + DAY_MS);
  const finished = spec.status === 'COMPLETED' || spec.status === 'CANCELED';
  const no = `TEST.${formatVnptLocalDate(createdAt).slice(0, 10).replace(/-/g, '')}.${randomCode(8)}`;
  const history = (activity: VnptWireCodedValue, at: Date): VnptWireHistory => ({
    createdDate: formatVnptOffsetDate(at),
    requestType: API_REQUEST_TYPE,
    ipAddress: '10.70.39.64',
    activity,
  });
  const closingActivity = ACTIVITY_BY_STATUS[spec.status];
  return {
    id,
    createdDate: formatVnptLocalDate(createdAt),
    lastModifiedDate: formatVnptOffsetDate(lastModifiedAt),
    ...(finished ? { completedDate: formatVnptLocalDate(lastModifiedAt) } : {}),
    no,
    subject: `Chứng từ ${no}`,
    hasVerified: false,
    status: VNPT_WIRE_STATUSES[spec.status],
    contractStatus: spec.status === 'COMPLETED' ? { value: 1, description: 'Active' } : { value: 0, description: 'Undefined' },
    description: '',
    createdByUserId: spec.createdByUserId,
    reason: spec.reason ?? (spec.status === 'CANCELED' || spec.status === 'REJECTED' ? 'Sai thông tin' : null),
    processRecipientCount: 1,
    processInOrder: true,
    isWaitToSignDraw: false,
    isWaitToSignDigital: false,
    isWaitToApprove: false,
    isWaitToFillData: spec.status === 'READY' || spec.status === 'PROCESSING',
    isFillable: spec.status === 'READY',
    type: {
      id: 46,
      code: 'CKDS',
      name: 'Chiết khấu doanh số',
      description: 'Chứng từ chiết khấu doanh số',
      documentCount: 1,
      children: [],
    },
    processes: buildProcesses(id, spec.status, createdAt, lastModifiedAt, spec.createdByUserId),
    histories: [
      history({ value: 1, description: 'Create document' }, createdAt),
      ...(closingActivity ? [history(closingActivity, lastModifiedAt)] : []),
    ],
    attachments: [],
    relatedDocuments: [],
    linkedDocuments: [],
    messages: [],
    downloadUrl: `${spec.baseUrl}/Api/Download?token=${randomBytes(24).toString('base64url')}`,
    downloadOriginalUrl: `${spec.baseUrl}/Api/Download?token=${randomBytes(24).toString('base64url')}`,
    sharedUsers: [],
  };
}

/** Two steps like the seed's sample: a fill step, then a view-only step by the creator. */
function buildProcesses(
  documentId: string,
  status: VnptStatusName,
  createdAt: Date,
  processedAt: Date,
  creatorId: number,
): VnptWireProcess[] {
  const filled = status !== 'NEW' && status !== 'READY';
  const common = {
    createdDate: formatVnptLocalDate(createdAt),
    comId: 164,
    isOrder: true,
    displayType: { value: 2, description: 'Text and image' },
    documentId,
    fillingItems: [],
  };
  return [
    {
      ...common,
      id: randomUUID(),
      orderNo: 1,
      accessPermission: { value: 5, description: 'Fill data' },
      status: filled ? { value: 5, description: 'Filled' } : { value: 1, description: 'Waiting' },
      ...(filled
        ? {
            processedDate: formatVnptLocalDate(processedAt),
            processedByUserId: 2341,
            processedByUser: {
              id: 2341,
              code: 'sandbox.filler',
              name: 'Sandbox Filler',
              email: 'filler@sandbox.invalid',
              phone: '0900000000',
            },
          }
        : {}),
    },
    {
      ...common,
      id: randomUUID(),
      orderNo: 2,
      accessPermission: { value: 1, description: 'View only' },
      status: { value: 1, description: 'Waiting' },
      processedByUserId: creatorId,
    },
  ];
}

const CODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function randomCode(length: number): string {
  return Array.from(randomBytes(length), (byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join('');
}
