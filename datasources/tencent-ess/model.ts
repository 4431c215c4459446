/**
 * Vendor-neutral shapes the ESS datasource returns; resolvers see these, never the wire format.
 * Enums map the vendor's numbers by value (see `flow-mapper.ts`); `UNKNOWN` stands for a value the
 * vendor adds later, so a new status never crashes a read.
 */
export enum FlowStatus {
  NOT_STARTED = 'NOT_STARTED',
  PENDING_SIGNATURE = 'PENDING_SIGNATURE',
  PARTLY_SIGNED = 'PARTLY_SIGNED',
  REJECTED = 'REJECTED',
  SIGNED = 'SIGNED',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
  NOT_STARTED_FILL = 'NOT_STARTED_FILL',
  PENDING_FILL = 'PENDING_FILL',
  PARTLY_FILLED = 'PARTLY_FILLED',
  FILL_REFUSED = 'FILL_REFUSED',
  INVALIDATED = 'INVALIDATED',
  RELEASED = 'RELEASED',
  UNKNOWN = 'UNKNOWN',
}

export enum ApproverStatus {
  NOT_STARTED = 'NOT_STARTED',
  IN_PROCESS = 'IN_PROCESS',
  PENDING_SIGNATURE = 'PENDING_SIGNATURE',
  SIGNED = 'SIGNED',
  REJECTED = 'REJECTED',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
  NOT_PRE_STARTED = 'NOT_PRE_STARTED',
  PENDING_FILL = 'PENDING_FILL',
  TERMINATED = 'TERMINATED',
  FILLED = 'FILLED',
  RELEASED = 'RELEASED',
  TRANSFERRED = 'TRANSFERRED',
  UNKNOWN = 'UNKNOWN',
}

/** How a reminder is delivered. */
export enum RemindType {
  SMS = 'SMS',
  EMAIL = 'EMAIL',
}

/** Who signs a release agreement on our side (ESS `ApproverType`). */
export enum ReleasedApproverType {
  ORGANIZATION = 'ORGANIZATION',
  ENTERPRISESERVER = 'ENTERPRISESERVER',
}

/** How a released approver signs (ESS `ApproverSignComponentType`). */
export enum SignComponentType {
  SIGN_SEAL = 'SIGN_SEAL',
  SIGN_SIGNATURE = 'SIGN_SIGNATURE',
}

export interface FlowApproverRecord {
  readonly name: string | null;
  /** Masked (`138****8001`): the full number never leaves the datasource. */
  readonly mobile: string | null;
  readonly status: ApproverStatus;
  readonly signOrder: number | null;
  readonly approvedAt: Date | null;
  readonly organizationName: string | null;
  readonly recipientId: string | null;
  readonly approverType: string | null;
  readonly roleName: string | null;
  readonly message: string | null;
}

export interface FlowRecord {
  readonly id: string;
  readonly name: string | null;
  readonly status: FlowStatus;
  readonly description: string | null;
  readonly message: string | null;
  readonly createdAt: Date | null;
  readonly approvers: readonly FlowApproverRecord[];
}

export interface ReleasedApproverCommand {
  readonly name: string;
  readonly mobile: string;
  readonly recipientId?: string;
  readonly approverType?: ReleasedApproverType;
  readonly signComponentType?: SignComponentType;
  readonly signRole?: string;
  readonly sealId?: string;
}

/** A validated request to release (rescind) a fully signed flow. */
export interface CreateReleaseFlowCommand {
  readonly flowId: string;
  readonly reason: string;
  readonly remainInForceItem?: string;
  readonly originalExpenseSettlement?: string;
  readonly originalOtherSettlement?: string;
  readonly otherDeals?: string;
  readonly releasedApprovers?: readonly ReleasedApproverCommand[];
  /** Signing deadline of the release flow; the vendor defaults to 7 days. */
  readonly deadline?: Date;
  readonly userData?: string;
}

export interface RemindRecord {
  readonly flowId: string;
  /** The vendor's `CanRemind`: false when it refused (nobody waiting, reminded too often). */
  readonly canRemind: boolean;
  readonly message: string | null;
}
