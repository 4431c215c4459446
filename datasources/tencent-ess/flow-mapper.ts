import { ErrorCode } from '../../src/errors/error-code';
import { Vendor } from '../../src/errors/vendor';
import { VendorError } from '../../src/errors/vendor-error';
import { isJsonObject } from '../../src/json/json-object';
import { readArray, readInteger, readString, readText } from '../http/json-readers';
import { ApproverStatus, FlowStatus, type FlowApproverRecord, type FlowRecord, type RemindRecord } from './model';

const FLOW_STATUS_BY_VALUE: ReadonlyMap<number, FlowStatus> = new Map([
  [0, FlowStatus.NOT_STARTED],
  [1, FlowStatus.PENDING_SIGNATURE],
  [2, FlowStatus.PARTLY_SIGNED],
  [3, FlowStatus.REJECTED],
  [4, FlowStatus.SIGNED],
  [5, FlowStatus.EXPIRED],
  [6, FlowStatus.REVOKED],
  [7, FlowStatus.NOT_STARTED_FILL],
  [8, FlowStatus.PENDING_FILL],
  [9, FlowStatus.PARTLY_FILLED],
  [10, FlowStatus.FILL_REFUSED],
  [16, FlowStatus.INVALIDATED],
  [21, FlowStatus.RELEASED],
]);

const APPROVER_STATUS_BY_VALUE: ReadonlyMap<number, ApproverStatus> = new Map([
  [0, ApproverStatus.NOT_STARTED],
  [1, ApproverStatus.IN_PROCESS],
  [2, ApproverStatus.PENDING_SIGNATURE],
  [3, ApproverStatus.SIGNED],
  [4, ApproverStatus.REJECTED],
  [5, ApproverStatus.EXPIRED],
  [6, ApproverStatus.REVOKED],
  [7, ApproverStatus.NOT_PRE_STARTED],
  [8, ApproverStatus.PENDING_FILL],
  [9, ApproverStatus.TERMINATED],
  [10, ApproverStatus.FILLED],
  [15, ApproverStatus.RELEASED],
  [19, ApproverStatus.TRANSFERRED],
]);

type WireObject = Readonly<Record<string, unknown>>;

/** The model keeps `null` for "not sent"; the shared readers answer `undefined`. */
function text(value: unknown): string | null {
  return readText(value) ?? null;
}

function integer(value: unknown): number | null {
  return readInteger(value) ?? null;
}

/** ESS times are Unix seconds; 0 means "not yet". */
function unixSeconds(value: unknown): Date | null {
  const seconds = readInteger(value);
  // Stryker disable next-line ConditionalExpression: `seconds !== undefined` → true is equivalent, `undefined > 0` is false too
  return seconds !== undefined && seconds > 0 ? new Date(seconds * 1000) : null;
}

/**
 * A `FlowStatus` number (DescribeFlowInfo's `FlowStatus`, a callback's `FlowCallbackStatus`: one numbering)
 * mapped by value; a value the vendor adds later, or a non-integer, is `UNKNOWN`.
 */
export function flowStatusFromValue(value: unknown): FlowStatus {
  const n = readInteger(value);
  // Stryker disable next-line ConditionalExpression: → false is equivalent, Map.get(undefined) is undefined too
  return (n === undefined ? undefined : FLOW_STATUS_BY_VALUE.get(n)) ?? FlowStatus.UNKNOWN;
}

function approverStatusFromValue(value: unknown): ApproverStatus {
  const n = readInteger(value);
  // Stryker disable next-line ConditionalExpression: → false is equivalent, Map.get(undefined) is undefined too
  return (n === undefined ? undefined : APPROVER_STATUS_BY_VALUE.get(n)) ?? ApproverStatus.UNKNOWN;
}

/** Keeps the first 3 and last 4 digits (`13800138001` → `138****8001`); short values are fully masked. */
function maskMobile(value: unknown): string | null {
  const mobile = readText(value);
  if (mobile === undefined) return null;
  if (mobile.length < 8) return '*'.repeat(mobile.length);
  return `${mobile.slice(0, 3)}${'*'.repeat(mobile.length - 7)}${mobile.slice(-4)}`;
}

function mapApprover(wire: unknown): FlowApproverRecord | null {
  if (!isJsonObject(wire)) return null;
  return {
    name: text(wire.ApproveName),
    mobile: maskMobile(wire.Mobile),
    status: approverStatusFromValue(wire.ApproveStatus),
    signOrder: integer(wire.SignOrder),
    approvedAt: unixSeconds(wire.ApproveTime),
    organizationName: text(wire.OrganizationName),
    recipientId: text(wire.RecipientId),
    approverType: text(wire.ApproveType),
    roleName: text(wire.ApproverRoleName),
    message: text(wire.ApproveMessage),
  };
}

/** Maps one `FlowDetailInfos[]` item; `null` when it has no FlowId (nothing to key it by). */
function mapFlowDetail(wire: unknown): FlowRecord | null {
  if (!isJsonObject(wire)) return null;
  const id = readText(wire.FlowId);
  if (id === undefined) return null;
  return {
    id,
    name: text(wire.FlowName),
    status: flowStatusFromValue(wire.FlowStatus),
    description: text(wire.FlowDescription),
    message: text(wire.FlowMessage),
    createdAt: unixSeconds(wire.CreatedOn),
    approvers: readArray(wire.FlowApproverInfos)
      .map(mapApprover)
      .filter((a): a is FlowApproverRecord => a !== null),
  };
}

/** `DescribeFlowInfo` answers in no guaranteed order and omits unknown ids: key the flows by id. */
export function mapFlowDetails(response: WireObject): Map<string, FlowRecord> {
  const flows = new Map<string, FlowRecord>();
  for (const item of readArray(response.FlowDetailInfos)) {
    const flow = mapFlowDetail(item);
    if (flow) flows.set(flow.id, flow);
  }
  return flows;
}

export function mapRemindRecords(response: WireObject): RemindRecord[] {
  return readArray(response.RemindFlowRecords)
    .filter(isJsonObject)
    .flatMap((record) => {
      const flowId = readString(record.FlowId);
      return flowId === undefined ? [] : [{ flowId, canRemind: record.CanRemind === true, message: text(record.RemindMessage) }];
    });
}

/** A required field the vendor left out: its answer is unusable. */
export function missingField(field: string, requestId: unknown): VendorError {
  return new VendorError({
    code: ErrorCode.VENDOR_UNAVAILABLE,
    message: `The vendor's answer lacks ${field}.`,
    vendor: Vendor.TENCENT_ESS,
    vendorRequestId: readString(requestId),
  });
}
