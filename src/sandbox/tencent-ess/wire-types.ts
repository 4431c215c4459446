/**
 * Tencent ESS (API 2020-11-11) values as they travel on the wire, for the sandbox simulator. Field names
 * are the vendor's, exactly as VENDORS.md lists them for DescribeFlowInfo and CreateFlowReminds.
 */

/** One signer of a flow (`FlowApproverInfos[]`). Times are Unix seconds; 0 when not yet happened. */
export interface EssApproverInfo {
  ApproveName: string;
  /** See `ESS_APPROVER_STATUS`. */
  ApproveStatus: number;
  ApproveMessage: string;
  ApproveTime: number;
  /** `ORGANIZATION`, `PERSON` or `ENTERPRISESERVER`. */
  ApproveType: string;
  /** Full 11-digit mobile; the vendor does not mask it, our API does. */
  Mobile: string;
  SignOrder: number;
  OrganizationId: string;
  OrganizationName: string;
  /** Stable per flow and signer; `ReleasedApprovers[].RelievedApproverRecipientId` points at it. */
  RecipientId: string;
  SignId: string;
  ApproverRoleName: string;
}

/** One flow in DescribeFlowInfo's `FlowDetailInfos[]`. */
export interface EssFlowDetail {
  FlowId: string;
  FlowName: string;
  /** See `ESS_FLOW_STATUS`. */
  FlowStatus: number;
  FlowMessage: string;
  FlowDescription: string;
  /** Unix seconds. */
  CreatedOn: number;
  FlowApproverInfos: EssApproverInfo[];
  CcInfos: unknown[];
  Creator?: string;
  UserFlowType?: string;
  TemplateId?: string;
}

/** One entry of CreateFlowReminds' `RemindFlowRecords[]`. */
export interface EssRemindFlowRecord {
  CanRemind: boolean;
  FlowId: string;
  RemindMessage: string;
}

/** FlowStatus values the simulator's rules look at (the full list is in VENDORS.md). */
export const ESS_FLOW_STATUS = Object.freeze({
  NOT_STARTED: 0,
  PENDING_SIGNATURE: 1,
  PARTLY_SIGNED: 2,
  REJECTED: 3,
  SIGNED: 4,
  EXPIRED: 5,
  REVOKED: 6,
  RELEASED: 21,
} as const);

/** ApproveStatus values the simulator's rules look at. */
export const ESS_APPROVER_STATUS = Object.freeze({
  IN_PROCESS: 1,
  PENDING_SIGNATURE: 2,
  SIGNED: 3,
  REJECTED: 4,
  EXPIRED: 5,
  RELEASED: 15,
} as const);

/**
 * A business refusal: rendered by the simulator as HTTP 200 with
 * `{"Response":{"Error":{"Code","Message"},"RequestId"}}`, exactly like the vendor.
 */
export class EssApiError extends Error {
  override readonly name = 'EssApiError';

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
