import { isJsonObject, type JsonObject } from '../../src/json/json-object';
import { readArray, readBoolean, readNumber, readString } from '../http/json-readers';
import {
  ContractStatus,
  DocumentStatus,
  type CodedValue,
  type DocumentHistoryRecord,
  type DocumentProcessRecord,
  type DocumentRecord,
  type DocumentTypeRecord,
  type DocumentUserRecord,
} from './model';
import { VNPT_DEFAULT_OFFSET_MINUTES, parseVnptDate } from './vnpt-date';
import { vnptError } from './vnpt-error';

/** Vendor `status.value` → DocumentStatus. Descriptions vary between VNPT versions, so only values count. */
const DOCUMENT_STATUS_BY_VALUE: ReadonlyMap<number, DocumentStatus> = new Map([
  [1, DocumentStatus.NEW],
  [2, DocumentStatus.READY],
  [3, DocumentStatus.PROCESSING],
  [4, DocumentStatus.COMPLETED],
  [5, DocumentStatus.CORRECTING],
  [-1, DocumentStatus.REJECTED],
  [-2, DocumentStatus.DELETED],
  [-3, DocumentStatus.CANCELED],
]);

/** Vendor `contractStatus.value` → ContractStatus. */
const CONTRACT_STATUS_BY_VALUE: ReadonlyMap<number, ContractStatus> = new Map([
  [0, ContractStatus.UNDEFINED],
  [1, ContractStatus.ACTIVE],
  [2, ContractStatus.NEARLY_EXPIRED],
  [-1, ContractStatus.EXPIRED],
  [-2, ContractStatus.NOT_YET_EFFECTIVE],
]);

export interface DocumentMapperOptions {
  /** Offset east of UTC for the vendor's offset-less dates; default UTC+7 (`VNPT_DEFAULT_OFFSET_MINUTES`). */
  readonly defaultOffsetMinutes?: number;
}

/**
 * Maps one wire document (the `data` of GET /api/documents/{id} or POST /api/documents/cancel) to a
 * `DocumentRecord`. Defensive: missing or mistyped optional fields are left out, unknown status values
 * become `UNKNOWN`, malformed list entries are skipped. Download URLs, attachments and the like are not
 * copied (the URLs embed a token).
 *
 * @throws VendorError `VENDOR_UNAVAILABLE` only when the value is not an object or lacks its `id`: without
 *   an id there is no entity to return, and the answer is as unusable as a malformed body.
 */
export function mapVnptDocument(wire: unknown, options: DocumentMapperOptions = {}): DocumentRecord {
  const offset = options.defaultOffsetMinutes ?? VNPT_DEFAULT_OFFSET_MINUTES;
  const id = isJsonObject(wire) ? readString(wire.id)?.trim() : undefined;
  if (!isJsonObject(wire) || !id) {
    throw vnptError('MALFORMED_BODY', { vendorMessage: 'The document in the answer has no id' });
  }
  const status = isJsonObject(wire.status) ? wire.status : undefined;
  const statusValue = readNumber(status?.value);
  const contractStatusValue = isJsonObject(wire.contractStatus) ? readNumber(wire.contractStatus.value) : undefined;

  return {
    id,
    no: readString(wire.no),
    subject: readString(wire.subject),
    // Stryker disable next-line ConditionalExpression: equivalent: Map.get(undefined) is undefined too
    status: (statusValue !== undefined ? DOCUMENT_STATUS_BY_VALUE.get(statusValue) : undefined) ?? DocumentStatus.UNKNOWN,
    statusDescription: readString(status?.description),
    contractStatus:
      // Stryker disable next-line ConditionalExpression: equivalent: Map.get(undefined) is undefined too
      (contractStatusValue !== undefined ? CONTRACT_STATUS_BY_VALUE.get(contractStatusValue) : undefined) ?? ContractStatus.UNKNOWN,
    reason: readString(wire.reason),
    description: readString(wire.description),
    createdAt: parseVnptDate(wire.createdDate, offset),
    lastModifiedAt: parseVnptDate(wire.lastModifiedDate, offset),
    completedAt: parseVnptDate(wire.completedDate, offset),
    createdByUserId: readNumber(wire.createdByUserId),
    processRecipientCount: readNumber(wire.processRecipientCount),
    processInOrder: readBoolean(wire.processInOrder),
    type: mapType(wire.type),
    processes: readArray(wire.processes)
      .filter(isJsonObject)
      .map((process) => mapProcess(process, offset)),
    histories: readArray(wire.histories)
      .filter(isJsonObject)
      .map((history) => mapHistory(history, offset)),
  };
}

function mapType(value: unknown): DocumentTypeRecord | undefined {
  if (!isJsonObject(value)) return undefined;
  const id = readNumber(value.id);
  if (id === undefined) return undefined;
  return {
    id,
    code: readString(value.code),
    name: readString(value.name),
    description: readString(value.description),
  };
}

function mapProcess(process: JsonObject, offset: number): DocumentProcessRecord {
  return {
    id: readString(process.id),
    orderNo: readNumber(process.orderNo),
    isOrder: readBoolean(process.isOrder),
    status: mapCodedValue(process.status),
    accessPermission: mapCodedValue(process.accessPermission),
    displayType: mapCodedValue(process.displayType),
    processedAt: parseVnptDate(process.processedDate, offset),
    processedBy: mapUser(process.processedByUser),
  };
}

function mapHistory(history: JsonObject, offset: number): DocumentHistoryRecord {
  return {
    createdAt: parseVnptDate(history.createdDate, offset),
    requestType: mapCodedValue(history.requestType),
    ipAddress: readString(history.ipAddress),
    activity: mapCodedValue(history.activity),
  };
}

function mapUser(value: unknown): DocumentUserRecord | undefined {
  if (!isJsonObject(value)) return undefined;
  const id = readNumber(value.id);
  if (id === undefined) return undefined;
  return {
    id,
    code: readString(value.code),
    name: readString(value.name),
    email: readString(value.email),
    phone: readString(value.phone),
  };
}

function mapCodedValue(value: unknown): CodedValue | undefined {
  if (!isJsonObject(value)) return undefined;
  const code = readNumber(value.value);
  if (code === undefined) return undefined;
  return { value: code, description: readString(value.description) };
}
