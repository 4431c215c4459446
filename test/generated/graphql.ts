/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** ESS ApproveStatus by value; UNKNOWN for values added later. */
export type ApproverStatus =
  | 'EXPIRED'
  | 'FILLED'
  | 'IN_PROCESS'
  | 'NOT_PRE_STARTED'
  | 'NOT_STARTED'
  | 'PENDING_FILL'
  | 'PENDING_SIGNATURE'
  | 'REJECTED'
  | 'RELEASED'
  | 'REVOKED'
  | 'SIGNED'
  | 'TERMINATED'
  | 'TRANSFERRED'
  | 'UNKNOWN';

/** Cancel a Ready, Processing or Completed VNPT document. Only its creator (this service's VNPT user) may. */
export type CancelDocumentInput = {
  /** The VNPT document id. */
  documentId: string | number;
  /** Makes retries safe: the first outcome is replayed for 24 h for the same key and input. */
  idempotencyKey?: string | null | undefined;
  /** Why the document is canceled; 1–500 characters. */
  reason: string;
};

/** VNPT eContract contract validity by value (0 UNDEFINED, 1 ACTIVE, 2 NEARLY_EXPIRED, -1 EXPIRED, -2 NOT_YET_EFFECTIVE); UNKNOWN for values added later. */
export type ContractStatus =
  | 'ACTIVE'
  | 'EXPIRED'
  | 'NEARLY_EXPIRED'
  | 'NOT_YET_EFFECTIVE'
  | 'UNDEFINED'
  | 'UNKNOWN';

/** Rescind a fully signed flow by starting a release agreement. */
export type CreateReleaseFlowInput = {
  /** Signing deadline of the release flow; vendor default 7 days. */
  deadline?: string | null | undefined;
  /** The signed flow to release. */
  flowId: string | number;
  /** Makes retries safe: the first outcome is replayed for 24 h for the same key and input. */
  idempotencyKey?: string | null | undefined;
  /** Settlement of original expenses; at most 200 characters. */
  originalExpenseSettlement?: string | null | undefined;
  /** Other settlements; at most 200 characters. */
  originalOtherSettlement?: string | null | undefined;
  /** Other agreements; at most 200 characters. */
  otherDeals?: string | null | undefined;
  /** Why the contract is released; 1–200 characters. */
  reason: string;
  /** Defaults to the original flow's signers. */
  releasedApprovers?: Array<ReleasedApproverInput> | null | undefined;
  /** Terms that remain in force; at most 200 characters. */
  remainInForceItem?: string | null | undefined;
  /** Passed through to callbacks; at most 20480 characters. */
  userData?: string | null | undefined;
};

/** VNPT eContract document status by value (1 NEW, 2 READY, 3 PROCESSING, 4 COMPLETED, 5 CORRECTING, -1 REJECTED, -2 DELETED, -3 CANCELED); UNKNOWN for values added later. */
export type DocumentStatus =
  | 'CANCELED'
  /** Can be canceled by its creator. */
  | 'COMPLETED'
  | 'CORRECTING'
  | 'DELETED'
  | 'NEW'
  /** Can be canceled by its creator. */
  | 'PROCESSING'
  /** Can be canceled by its creator. */
  | 'READY'
  | 'REJECTED'
  /** A status value this service does not know yet; see `statusDescription`. */
  | 'UNKNOWN';

/** Stable failure codes: switch on these, never on message text. */
export type ErrorCode =
  | 'ALREADY_EXISTS'
  | 'DEADLINE_EXCEEDED'
  | 'FAILED_PRECONDITION'
  | 'FORBIDDEN'
  | 'IDEMPOTENCY_CONFLICT'
  | 'INTERNAL'
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'PERMISSION_DENIED'
  | 'QUOTA_EXCEEDED'
  | 'RATE_LIMITED'
  | 'UNAUTHENTICATED'
  | 'VENDOR_AUTH_FAILED'
  | 'VENDOR_ERROR'
  | 'VENDOR_UNAVAILABLE';

/** Volcengine financial relation by value (1 FINANCIAL_CUSTODY, 4 FINANCIAL_MANAGEMENT); UNKNOWN for values added later. */
export type FinancialRelation =
  /** Vendor Relation 1 (财务托管). */
  | 'FINANCIAL_CUSTODY'
  /** Vendor Relation 4 (财务管理). */
  | 'FINANCIAL_MANAGEMENT'
  /** A value the vendor added after this service was written. Read only: refused as input. */
  | 'UNKNOWN';

/** ESS FlowStatus by value (0 NOT_STARTED … 21 RELEASED); UNKNOWN for values added later. */
export type FlowStatus =
  | 'EXPIRED'
  | 'FILL_REFUSED'
  | 'INVALIDATED'
  | 'NOT_STARTED'
  | 'NOT_STARTED_FILL'
  | 'PARTLY_FILLED'
  | 'PARTLY_SIGNED'
  | 'PENDING_FILL'
  | 'PENDING_SIGNATURE'
  | 'REJECTED'
  | 'RELEASED'
  | 'REVOKED'
  | 'SIGNED'
  | 'UNKNOWN';

/** How to answer an invitation: the HandleInvitation body `Action` (2 ACCEPT, 3 REJECT). */
export type InvitationDecision =
  /** Vendor Action 2. */
  | 'ACCEPT'
  /** Vendor Action 3. */
  | 'REJECT';

/** Volcengine invitation type by value (1 RELATION, 2 AUTHORIZATION); UNKNOWN for values added later. */
export type InvitationType =
  /** Vendor InvitationType 2: an authorization offered on an established relation. */
  | 'AUTHORIZATION'
  /** Vendor InvitationType 1: an invitation to a financial relation (custody or management). */
  | 'RELATION'
  /** A value the vendor added after this service was written. Read only: refused as input. */
  | 'UNKNOWN';

/** An enterprise signer replacing an original signer in the release agreement. */
export type ReleasedApproverInput = {
  /** Vendor default: ORGANIZATION. */
  approverType?: ReleasedApproverType | null | undefined;
  /** Mobile number (digits, optional leading +). */
  mobile: string;
  /** Real name, at most 50 characters. */
  name: string;
  /** RecipientId of the original signer this one replaces (from `Flow.approvers`). */
  recipientId?: string | null | undefined;
  sealId?: string | null | undefined;
  /** Vendor default: SIGN_SEAL. */
  signComponentType?: SignComponentType | null | undefined;
  /** Role name shown to the signer, at most 20 characters. */
  signRole?: string | null | undefined;
};

export type ReleasedApproverType =
  | 'ENTERPRISESERVER'
  | 'ORGANIZATION';

/** Remind the pending signers of up to 100 flows. */
export type RemindFlowsInput = {
  /** 1 to 100 distinct FlowIds; duplicates are removed. */
  flowIds: Array<string | number>;
  /** Channels; the vendor default when omitted. */
  remindTypes?: Array<RemindType> | null | undefined;
};

export type RemindType =
  | 'EMAIL'
  | 'SMS';

/** Accept or reject a Volcengine finance invitation (HandleInvitation). Name the invitation in exactly one of two ways: `invitationId` (the `Invitation.id`), or its fields: `invitationType` and `relationId`, plus `majorAccountId` and `relation` for RELATION or `authId` for AUTHORIZATION (a field the type does not use is ignored). Both ways send the vendor the same request. */
export type RespondToInvitationInput = {
  /** Without `invitationId`, required for AUTHORIZATION: the vendor AuthID (`Invitation.authId`). */
  authId?: string | null | undefined;
  decision: InvitationDecision;
  /** Makes retries safe: the first outcome is replayed for 24 h for the same key and the same input (in the same form: an `invitationId` and the fields of the same invitation are different inputs). */
  idempotencyKey?: string | null | undefined;
  /** The `Invitation.id` to answer, in place of all the fields below but `decision` and `idempotencyKey`. The rest is read from the vendor's ListInvitation, so this form also needs the `invitations:read` scope; an id the vendor does not list is NOT_FOUND. */
  invitationId?: string | number | null | undefined;
  /** Without `invitationId`: RELATION or AUTHORIZATION (`Invitation.type`; UNKNOWN is refused). */
  invitationType?: InvitationType | null | undefined;
  /** Without `invitationId`, required for RELATION: the inviting account's UID as decimal digits (`Invitation.majorAccountId`). A String because UIDs exceed 2^31; it is sent to the vendor as a JSON integer, digit for digit. */
  majorAccountId?: string | null | undefined;
  /** Without `invitationId`, required for RELATION (`Invitation.relation`; UNKNOWN is refused). */
  relation?: FinancialRelation | null | undefined;
  /** Without `invitationId`: the vendor RelationID (`Invitation.relationId`). */
  relationId?: string | null | undefined;
};

export type SignComponentType =
  | 'SIGN_SEAL'
  | 'SIGN_SIGNATURE';

/** The vendor an error came from. */
export type Vendor =
  | 'TENCENT_ESS'
  | 'VNPT_ECONTRACT'
  | 'VOLCENGINE_BILLING';

export type DocumentFieldsFragment = { id: string, no: string | null, subject: string | null, status: DocumentStatus, statusDescription: string | null, contractStatus: ContractStatus, reason: string | null, description: string | null, createdAt: string | null, lastModifiedAt: string | null, completedAt: string | null, createdByUserId: number | null, processRecipientCount: number | null, processInOrder: boolean | null, type: { id: number, code: string | null, name: string | null, description: string | null } | null, processes: Array<{ id: string | null, orderNo: number | null, isOrder: boolean | null, processedAt: string | null, status: { value: number, description: string | null } | null, accessPermission: { value: number, description: string | null } | null, displayType: { value: number, description: string | null } | null, processedBy: { id: number, code: string | null, name: string | null } | null }>, histories: Array<{ createdAt: string | null, requestType: { value: number, description: string | null } | null, activity: { value: number, description: string | null } | null }> };

export type DocumentByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type DocumentByIdQuery = { document: { id: string, no: string | null, subject: string | null, status: DocumentStatus, statusDescription: string | null, contractStatus: ContractStatus, reason: string | null, description: string | null, createdAt: string | null, lastModifiedAt: string | null, completedAt: string | null, createdByUserId: number | null, processRecipientCount: number | null, processInOrder: boolean | null, type: { id: number, code: string | null, name: string | null, description: string | null } | null, processes: Array<{ id: string | null, orderNo: number | null, isOrder: boolean | null, processedAt: string | null, status: { value: number, description: string | null } | null, accessPermission: { value: number, description: string | null } | null, displayType: { value: number, description: string | null } | null, processedBy: { id: number, code: string | null, name: string | null } | null }>, histories: Array<{ createdAt: string | null, requestType: { value: number, description: string | null } | null, activity: { value: number, description: string | null } | null }> } | null };

export type DocumentStatusByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type DocumentStatusByIdQuery = { document: { id: string, status: DocumentStatus } | null };

export type CancelDocumentMutationVariables = Exact<{
  input: CancelDocumentInput;
}>;


export type CancelDocumentMutation = { cancelDocument:
    | { __typename: 'CancelDocumentSuccess', documentId: string, document: { id: string, no: string | null, subject: string | null, status: DocumentStatus, statusDescription: string | null, contractStatus: ContractStatus, reason: string | null, description: string | null, createdAt: string | null, lastModifiedAt: string | null, completedAt: string | null, createdByUserId: number | null, processRecipientCount: number | null, processInOrder: boolean | null, type: { id: number, code: string | null, name: string | null, description: string | null } | null, processes: Array<{ id: string | null, orderNo: number | null, isOrder: boolean | null, processedAt: string | null, status: { value: number, description: string | null } | null, accessPermission: { value: number, description: string | null } | null, displayType: { value: number, description: string | null } | null, processedBy: { id: number, code: string | null, name: string | null } | null }>, histories: Array<{ createdAt: string | null, requestType: { value: number, description: string | null } | null, activity: { value: number, description: string | null } | null }> } | null }
    | { __typename: 'DeadlineExceededError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'FailedPreconditionError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'IdempotencyConflictError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'InvalidInputError', field: string | null, code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'PermissionDeniedError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'QuotaExceededError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number | null, code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'VendorAuthError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'VendorError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'VendorUnavailableError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
   };

export type CancelDocumentIdMutationVariables = Exact<{
  input: CancelDocumentInput;
}>;


export type CancelDocumentIdMutation = { cancelDocument:
    | { __typename: 'CancelDocumentSuccess', documentId: string, document: { id: string } | null }
    | { __typename: 'DeadlineExceededError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'FailedPreconditionError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'IdempotencyConflictError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'InvalidInputError', field: string | null, code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'PermissionDeniedError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'QuotaExceededError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number | null, code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'VendorAuthError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'VendorError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'VendorUnavailableError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
   };

export type FlowFieldsFragment = { id: string, name: string | null, status: FlowStatus, description: string | null, message: string | null, createdAt: string | null, approvers: Array<{ name: string | null, mobile: string | null, status: ApproverStatus, signOrder: number | null, approvedAt: string | null, organizationName: string | null, recipientId: string | null, approverType: string | null, roleName: string | null }> };

type ErrorFields_AlreadyExistsError_Fragment = { __typename: 'AlreadyExistsError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean };

type ErrorFields_DeadlineExceededError_Fragment = { __typename: 'DeadlineExceededError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean };

type ErrorFields_FailedPreconditionError_Fragment = { __typename: 'FailedPreconditionError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean };

type ErrorFields_IdempotencyConflictError_Fragment = { __typename: 'IdempotencyConflictError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean };

type ErrorFields_InvalidInputError_Fragment = { __typename: 'InvalidInputError', field: string | null, code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean };

type ErrorFields_NotFoundError_Fragment = { __typename: 'NotFoundError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean };

type ErrorFields_PermissionDeniedError_Fragment = { __typename: 'PermissionDeniedError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean };

type ErrorFields_QuotaExceededError_Fragment = { __typename: 'QuotaExceededError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean };

type ErrorFields_RateLimitedError_Fragment = { __typename: 'RateLimitedError', retryAfterSeconds: number | null, code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean };

type ErrorFields_VendorAuthError_Fragment = { __typename: 'VendorAuthError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean };

type ErrorFields_VendorError_Fragment = { __typename: 'VendorError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean };

type ErrorFields_VendorUnavailableError_Fragment = { __typename: 'VendorUnavailableError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean };

export type ErrorFieldsFragment =
  | ErrorFields_AlreadyExistsError_Fragment
  | ErrorFields_DeadlineExceededError_Fragment
  | ErrorFields_FailedPreconditionError_Fragment
  | ErrorFields_IdempotencyConflictError_Fragment
  | ErrorFields_InvalidInputError_Fragment
  | ErrorFields_NotFoundError_Fragment
  | ErrorFields_PermissionDeniedError_Fragment
  | ErrorFields_QuotaExceededError_Fragment
  | ErrorFields_RateLimitedError_Fragment
  | ErrorFields_VendorAuthError_Fragment
  | ErrorFields_VendorError_Fragment
  | ErrorFields_VendorUnavailableError_Fragment
;

export type FlowByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type FlowByIdQuery = { flow: { id: string, name: string | null, status: FlowStatus, description: string | null, message: string | null, createdAt: string | null, approvers: Array<{ name: string | null, mobile: string | null, status: ApproverStatus, signOrder: number | null, approvedAt: string | null, organizationName: string | null, recipientId: string | null, approverType: string | null, roleName: string | null }> } | null };

export type FlowsByIdsQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type FlowsByIdsQuery = { flows: Array<{ id: string, status: FlowStatus } | null> | null };

export type CreateReleaseFlowMutationVariables = Exact<{
  input: CreateReleaseFlowInput;
}>;


export type CreateReleaseFlowMutation = { createReleaseFlow:
    | { __typename: 'AlreadyExistsError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'CreateReleaseFlowSuccess', releaseFlowId: string, originalFlowId: string, releaseFlow: { id: string, name: string | null, status: FlowStatus, description: string | null, message: string | null, createdAt: string | null, approvers: Array<{ name: string | null, mobile: string | null, status: ApproverStatus, signOrder: number | null, approvedAt: string | null, organizationName: string | null, recipientId: string | null, approverType: string | null, roleName: string | null }> } | null, originalFlow: { id: string, status: FlowStatus } | null }
    | { __typename: 'DeadlineExceededError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'FailedPreconditionError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'IdempotencyConflictError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'InvalidInputError', field: string | null, code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'PermissionDeniedError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'QuotaExceededError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number | null, code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'VendorAuthError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'VendorError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'VendorUnavailableError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
   };

export type RemindFlowsMutationVariables = Exact<{
  input: RemindFlowsInput;
}>;


export type RemindFlowsMutation = { remindFlows:
    | { __typename: 'DeadlineExceededError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'FailedPreconditionError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'InvalidInputError', field: string | null, code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'PermissionDeniedError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'QuotaExceededError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number | null, code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'RemindFlowsSuccess', records: Array<{ flowId: string, canRemind: boolean, message: string | null, flow: { id: string, status: FlowStatus } | null }> }
    | { __typename: 'VendorAuthError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'VendorError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'VendorUnavailableError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
   };

export type CreateReleaseFlowIdsMutationVariables = Exact<{
  input: CreateReleaseFlowInput;
}>;


export type CreateReleaseFlowIdsMutation = { createReleaseFlow:
    | { __typename: 'AlreadyExistsError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'CreateReleaseFlowSuccess', releaseFlowId: string, originalFlowId: string, releaseFlow: { __typename: 'Flow', id: string } | null, originalFlow: { id: string } | null }
    | { __typename: 'DeadlineExceededError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'FailedPreconditionError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'IdempotencyConflictError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'InvalidInputError', field: string | null, code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'PermissionDeniedError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'QuotaExceededError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number | null, code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'VendorAuthError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'VendorError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'VendorUnavailableError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
   };

export type RemindFlowsIdsMutationVariables = Exact<{
  input: RemindFlowsInput;
}>;


export type RemindFlowsIdsMutation = { remindFlows:
    | { __typename: 'DeadlineExceededError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'FailedPreconditionError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'InvalidInputError', field: string | null, code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'PermissionDeniedError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'QuotaExceededError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number | null, code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'RemindFlowsSuccess', records: Array<{ flowId: string, canRemind: boolean, flow: { id: string } | null }> }
    | { __typename: 'VendorAuthError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'VendorError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'VendorUnavailableError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
   };

export type InvitationFieldsFragment = { id: string, type: InvitationType, relationId: string, relation: FinancialRelation, majorAccountId: string | null, majorAccountName: string | null, subAccountId: string | null, subAccountName: string | null, authId: string | null, status: string, statusCode: number | null, updatedAt: string | null };

export type InvitationsQueryVariables = Exact<{ [key: string]: never; }>;


export type InvitationsQuery = { invitations: Array<{ id: string, type: InvitationType, relationId: string, relation: FinancialRelation, majorAccountId: string | null, majorAccountName: string | null, subAccountId: string | null, subAccountName: string | null, authId: string | null, status: string, statusCode: number | null, updatedAt: string | null }> | null };

export type InvitationIdsQueryVariables = Exact<{ [key: string]: never; }>;


export type InvitationIdsQuery = { invitations: Array<{ id: string }> | null };

export type RespondToInvitationMutationVariables = Exact<{
  input: RespondToInvitationInput;
}>;


export type RespondToInvitationMutation = { respondToInvitation:
    | { __typename: 'AlreadyExistsError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'DeadlineExceededError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'FailedPreconditionError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'IdempotencyConflictError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'InvalidInputError', field: string | null, code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'PermissionDeniedError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'QuotaExceededError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number | null, code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'RespondToInvitationSuccess', invitationId: string, decision: InvitationDecision, accepted: boolean, invitation: { id: string, type: InvitationType, relationId: string, relation: FinancialRelation, majorAccountId: string | null, majorAccountName: string | null, subAccountId: string | null, subAccountName: string | null, authId: string | null, status: string, statusCode: number | null, updatedAt: string | null } | null }
    | { __typename: 'VendorAuthError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'VendorError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'VendorUnavailableError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
   };

export type RespondToInvitationWithoutRefreshMutationVariables = Exact<{
  input: RespondToInvitationInput;
}>;


export type RespondToInvitationWithoutRefreshMutation = { respondToInvitation:
    | { __typename: 'AlreadyExistsError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'DeadlineExceededError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'FailedPreconditionError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'IdempotencyConflictError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'InvalidInputError', field: string | null, code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'PermissionDeniedError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'QuotaExceededError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number | null, code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'RespondToInvitationSuccess', invitationId: string, decision: InvitationDecision, accepted: boolean }
    | { __typename: 'VendorAuthError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'VendorError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'VendorUnavailableError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
   };

export type RespondToInvitationKeyOnlyMutationVariables = Exact<{
  input: RespondToInvitationInput;
}>;


export type RespondToInvitationKeyOnlyMutation = { respondToInvitation:
    | { __typename: 'AlreadyExistsError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'DeadlineExceededError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'FailedPreconditionError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'IdempotencyConflictError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'InvalidInputError', field: string | null, code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'PermissionDeniedError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'QuotaExceededError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number | null, code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'RespondToInvitationSuccess', invitationId: string, decision: InvitationDecision, accepted: boolean, invitation: { __typename: 'Invitation', id: string } | null }
    | { __typename: 'VendorAuthError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'VendorError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'VendorUnavailableError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
   };

export type SandboxFlowQueryVariables = Exact<{
  id: string | number;
}>;


export type SandboxFlowQuery = { flow: { id: string, name: string | null, status: FlowStatus, approvers: Array<{ name: string | null, mobile: string | null, status: ApproverStatus, recipientId: string | null }> } | null };

export type SandboxDocumentQueryVariables = Exact<{
  id: string | number;
}>;


export type SandboxDocumentQuery = { document: { id: string, no: string | null, subject: string | null, status: DocumentStatus, contractStatus: ContractStatus, processes: Array<{ orderNo: number | null, status: { value: number, description: string | null } | null }> } | null };

export type SandboxInvitationsQueryVariables = Exact<{ [key: string]: never; }>;


export type SandboxInvitationsQuery = { invitations: Array<{ id: string, type: InvitationType, relationId: string, relation: FinancialRelation, majorAccountId: string | null, status: string }> | null };

export type SandboxRemindFlowsMutationVariables = Exact<{
  input: RemindFlowsInput;
}>;


export type SandboxRemindFlowsMutation = { remindFlows:
    | { __typename: 'DeadlineExceededError', code: ErrorCode, message: string, vendorCode: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'FailedPreconditionError', code: ErrorCode, message: string, vendorCode: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'InvalidInputError', code: ErrorCode, message: string, vendorCode: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string, vendorCode: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'PermissionDeniedError', code: ErrorCode, message: string, vendorCode: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'QuotaExceededError', code: ErrorCode, message: string, vendorCode: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string, vendorCode: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'RemindFlowsSuccess', records: Array<{ flowId: string, canRemind: boolean, message: string | null, flow: { id: string, status: FlowStatus } | null }> }
    | { __typename: 'VendorAuthError', code: ErrorCode, message: string, vendorCode: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'VendorError', code: ErrorCode, message: string, vendorCode: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'VendorUnavailableError', code: ErrorCode, message: string, vendorCode: string | null, vendorRequestId: string | null, retryable: boolean }
   };

export type SandboxCancelDocumentMutationVariables = Exact<{
  input: CancelDocumentInput;
}>;


export type SandboxCancelDocumentMutation = { cancelDocument:
    | { __typename: 'CancelDocumentSuccess', documentId: string, document: { id: string, status: DocumentStatus } | null }
    | { __typename: 'DeadlineExceededError', code: ErrorCode, message: string }
    | { __typename: 'FailedPreconditionError', code: ErrorCode, message: string }
    | { __typename: 'IdempotencyConflictError', code: ErrorCode, message: string }
    | { __typename: 'InvalidInputError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'PermissionDeniedError', code: ErrorCode, message: string }
    | { __typename: 'QuotaExceededError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
    | { __typename: 'VendorAuthError', code: ErrorCode, message: string }
    | { __typename: 'VendorError', code: ErrorCode, message: string }
    | { __typename: 'VendorUnavailableError', code: ErrorCode, message: string }
   };

export type SandboxCreateReleaseFlowMutationVariables = Exact<{
  input: CreateReleaseFlowInput;
}>;


export type SandboxCreateReleaseFlowMutation = { createReleaseFlow:
    | { __typename: 'AlreadyExistsError', code: ErrorCode, message: string }
    | { __typename: 'CreateReleaseFlowSuccess', releaseFlowId: string, originalFlowId: string, releaseFlow: { id: string, status: FlowStatus } | null }
    | { __typename: 'DeadlineExceededError', code: ErrorCode, message: string }
    | { __typename: 'FailedPreconditionError', code: ErrorCode, message: string }
    | { __typename: 'IdempotencyConflictError', code: ErrorCode, message: string }
    | { __typename: 'InvalidInputError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'PermissionDeniedError', code: ErrorCode, message: string }
    | { __typename: 'QuotaExceededError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
    | { __typename: 'VendorAuthError', code: ErrorCode, message: string }
    | { __typename: 'VendorError', code: ErrorCode, message: string }
    | { __typename: 'VendorUnavailableError', code: ErrorCode, message: string }
   };

export type SandboxRespondToInvitationMutationVariables = Exact<{
  input: RespondToInvitationInput;
}>;


export type SandboxRespondToInvitationMutation = { respondToInvitation:
    | { __typename: 'AlreadyExistsError', code: ErrorCode, message: string, vendorCode: string | null }
    | { __typename: 'DeadlineExceededError', code: ErrorCode, message: string, vendorCode: string | null }
    | { __typename: 'FailedPreconditionError', code: ErrorCode, message: string, vendorCode: string | null }
    | { __typename: 'IdempotencyConflictError', code: ErrorCode, message: string, vendorCode: string | null }
    | { __typename: 'InvalidInputError', code: ErrorCode, message: string, vendorCode: string | null }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string, vendorCode: string | null }
    | { __typename: 'PermissionDeniedError', code: ErrorCode, message: string, vendorCode: string | null }
    | { __typename: 'QuotaExceededError', code: ErrorCode, message: string, vendorCode: string | null }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string, vendorCode: string | null }
    | { __typename: 'RespondToInvitationSuccess', invitationId: string, decision: InvitationDecision, accepted: boolean, invitation: { id: string, status: string } | null }
    | { __typename: 'VendorAuthError', code: ErrorCode, message: string, vendorCode: string | null }
    | { __typename: 'VendorError', code: ErrorCode, message: string, vendorCode: string | null }
    | { __typename: 'VendorUnavailableError', code: ErrorCode, message: string, vendorCode: string | null }
   };

export const DocumentFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DocumentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Document"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"no"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusDescription"}},{"kind":"Field","name":{"kind":"Name","value":"contractStatus"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastModifiedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdByUserId"}},{"kind":"Field","name":{"kind":"Name","value":"processRecipientCount"}},{"kind":"Field","name":{"kind":"Name","value":"processInOrder"}},{"kind":"Field","name":{"kind":"Name","value":"type"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"processes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orderNo"}},{"kind":"Field","name":{"kind":"Name","value":"isOrder"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accessPermission"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"displayType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"processedAt"}},{"kind":"Field","name":{"kind":"Name","value":"processedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"histories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"requestType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"activity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}}]} as unknown as DocumentNode<DocumentFieldsFragment, unknown>;
export const FlowFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FlowFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Flow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"approvers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"mobile"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"signOrder"}},{"kind":"Field","name":{"kind":"Name","value":"approvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"organizationName"}},{"kind":"Field","name":{"kind":"Name","value":"recipientId"}},{"kind":"Field","name":{"kind":"Name","value":"approverType"}},{"kind":"Field","name":{"kind":"Name","value":"roleName"}}]}}]}}]} as unknown as DocumentNode<FlowFieldsFragment, unknown>;
export const ErrorFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"vendor"}},{"kind":"Field","name":{"kind":"Name","value":"vendorCode"}},{"kind":"Field","name":{"kind":"Name","value":"vendorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"vendorRequestId"}},{"kind":"Field","name":{"kind":"Name","value":"retryable"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RateLimitedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}}]}}]} as unknown as DocumentNode<ErrorFieldsFragment, unknown>;
export const InvitationFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InvitationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Invitation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"relationId"}},{"kind":"Field","name":{"kind":"Name","value":"relation"}},{"kind":"Field","name":{"kind":"Name","value":"majorAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"majorAccountName"}},{"kind":"Field","name":{"kind":"Name","value":"subAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"subAccountName"}},{"kind":"Field","name":{"kind":"Name","value":"authId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusCode"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<InvitationFieldsFragment, unknown>;
export const DocumentByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DocumentById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"document"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DocumentFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DocumentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Document"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"no"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusDescription"}},{"kind":"Field","name":{"kind":"Name","value":"contractStatus"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastModifiedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdByUserId"}},{"kind":"Field","name":{"kind":"Name","value":"processRecipientCount"}},{"kind":"Field","name":{"kind":"Name","value":"processInOrder"}},{"kind":"Field","name":{"kind":"Name","value":"type"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"processes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orderNo"}},{"kind":"Field","name":{"kind":"Name","value":"isOrder"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accessPermission"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"displayType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"processedAt"}},{"kind":"Field","name":{"kind":"Name","value":"processedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"histories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"requestType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"activity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}}]} as unknown as DocumentNode<DocumentByIdQuery, DocumentByIdQueryVariables>;
export const DocumentStatusByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DocumentStatusById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"document"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<DocumentStatusByIdQuery, DocumentStatusByIdQueryVariables>;
export const CancelDocumentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelDocument"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CancelDocumentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelDocument"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CancelDocumentSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documentId"}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DocumentFields"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DocumentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Document"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"no"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusDescription"}},{"kind":"Field","name":{"kind":"Name","value":"contractStatus"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastModifiedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdByUserId"}},{"kind":"Field","name":{"kind":"Name","value":"processRecipientCount"}},{"kind":"Field","name":{"kind":"Name","value":"processInOrder"}},{"kind":"Field","name":{"kind":"Name","value":"type"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"processes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orderNo"}},{"kind":"Field","name":{"kind":"Name","value":"isOrder"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accessPermission"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"displayType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"processedAt"}},{"kind":"Field","name":{"kind":"Name","value":"processedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"histories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"requestType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"activity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"vendor"}},{"kind":"Field","name":{"kind":"Name","value":"vendorCode"}},{"kind":"Field","name":{"kind":"Name","value":"vendorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"vendorRequestId"}},{"kind":"Field","name":{"kind":"Name","value":"retryable"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RateLimitedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}}]}}]} as unknown as DocumentNode<CancelDocumentMutation, CancelDocumentMutationVariables>;
export const CancelDocumentIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelDocumentId"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CancelDocumentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelDocument"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CancelDocumentSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documentId"}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"vendor"}},{"kind":"Field","name":{"kind":"Name","value":"vendorCode"}},{"kind":"Field","name":{"kind":"Name","value":"vendorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"vendorRequestId"}},{"kind":"Field","name":{"kind":"Name","value":"retryable"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RateLimitedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}}]}}]} as unknown as DocumentNode<CancelDocumentIdMutation, CancelDocumentIdMutationVariables>;
export const FlowByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FlowById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FlowFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FlowFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Flow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"approvers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"mobile"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"signOrder"}},{"kind":"Field","name":{"kind":"Name","value":"approvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"organizationName"}},{"kind":"Field","name":{"kind":"Name","value":"recipientId"}},{"kind":"Field","name":{"kind":"Name","value":"approverType"}},{"kind":"Field","name":{"kind":"Name","value":"roleName"}}]}}]}}]} as unknown as DocumentNode<FlowByIdQuery, FlowByIdQueryVariables>;
export const FlowsByIdsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FlowsByIds"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<FlowsByIdsQuery, FlowsByIdsQueryVariables>;
export const CreateReleaseFlowDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateReleaseFlow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateReleaseFlowInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createReleaseFlow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreateReleaseFlowSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"releaseFlowId"}},{"kind":"Field","name":{"kind":"Name","value":"originalFlowId"}},{"kind":"Field","name":{"kind":"Name","value":"releaseFlow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FlowFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"originalFlow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FlowFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Flow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"approvers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"mobile"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"signOrder"}},{"kind":"Field","name":{"kind":"Name","value":"approvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"organizationName"}},{"kind":"Field","name":{"kind":"Name","value":"recipientId"}},{"kind":"Field","name":{"kind":"Name","value":"approverType"}},{"kind":"Field","name":{"kind":"Name","value":"roleName"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"vendor"}},{"kind":"Field","name":{"kind":"Name","value":"vendorCode"}},{"kind":"Field","name":{"kind":"Name","value":"vendorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"vendorRequestId"}},{"kind":"Field","name":{"kind":"Name","value":"retryable"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RateLimitedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}}]}}]} as unknown as DocumentNode<CreateReleaseFlowMutation, CreateReleaseFlowMutationVariables>;
export const RemindFlowsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemindFlows"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RemindFlowsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"remindFlows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RemindFlowsSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"records"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flowId"}},{"kind":"Field","name":{"kind":"Name","value":"canRemind"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"flow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"vendor"}},{"kind":"Field","name":{"kind":"Name","value":"vendorCode"}},{"kind":"Field","name":{"kind":"Name","value":"vendorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"vendorRequestId"}},{"kind":"Field","name":{"kind":"Name","value":"retryable"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RateLimitedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}}]}}]} as unknown as DocumentNode<RemindFlowsMutation, RemindFlowsMutationVariables>;
export const CreateReleaseFlowIdsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateReleaseFlowIds"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateReleaseFlowInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createReleaseFlow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreateReleaseFlowSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"releaseFlowId"}},{"kind":"Field","name":{"kind":"Name","value":"originalFlowId"}},{"kind":"Field","name":{"kind":"Name","value":"releaseFlow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"originalFlow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"vendor"}},{"kind":"Field","name":{"kind":"Name","value":"vendorCode"}},{"kind":"Field","name":{"kind":"Name","value":"vendorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"vendorRequestId"}},{"kind":"Field","name":{"kind":"Name","value":"retryable"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RateLimitedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}}]}}]} as unknown as DocumentNode<CreateReleaseFlowIdsMutation, CreateReleaseFlowIdsMutationVariables>;
export const RemindFlowsIdsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemindFlowsIds"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RemindFlowsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"remindFlows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RemindFlowsSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"records"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flowId"}},{"kind":"Field","name":{"kind":"Name","value":"canRemind"}},{"kind":"Field","name":{"kind":"Name","value":"flow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"vendor"}},{"kind":"Field","name":{"kind":"Name","value":"vendorCode"}},{"kind":"Field","name":{"kind":"Name","value":"vendorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"vendorRequestId"}},{"kind":"Field","name":{"kind":"Name","value":"retryable"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RateLimitedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}}]}}]} as unknown as DocumentNode<RemindFlowsIdsMutation, RemindFlowsIdsMutationVariables>;
export const InvitationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Invitations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invitations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InvitationFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InvitationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Invitation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"relationId"}},{"kind":"Field","name":{"kind":"Name","value":"relation"}},{"kind":"Field","name":{"kind":"Name","value":"majorAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"majorAccountName"}},{"kind":"Field","name":{"kind":"Name","value":"subAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"subAccountName"}},{"kind":"Field","name":{"kind":"Name","value":"authId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusCode"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<InvitationsQuery, InvitationsQueryVariables>;
export const InvitationIdsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InvitationIds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invitations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<InvitationIdsQuery, InvitationIdsQueryVariables>;
export const RespondToInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RespondToInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RespondToInvitationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"respondToInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RespondToInvitationSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invitationId"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"accepted"}},{"kind":"Field","name":{"kind":"Name","value":"invitation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"InvitationFields"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"InvitationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Invitation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"relationId"}},{"kind":"Field","name":{"kind":"Name","value":"relation"}},{"kind":"Field","name":{"kind":"Name","value":"majorAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"majorAccountName"}},{"kind":"Field","name":{"kind":"Name","value":"subAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"subAccountName"}},{"kind":"Field","name":{"kind":"Name","value":"authId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusCode"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"vendor"}},{"kind":"Field","name":{"kind":"Name","value":"vendorCode"}},{"kind":"Field","name":{"kind":"Name","value":"vendorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"vendorRequestId"}},{"kind":"Field","name":{"kind":"Name","value":"retryable"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RateLimitedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}}]}}]} as unknown as DocumentNode<RespondToInvitationMutation, RespondToInvitationMutationVariables>;
export const RespondToInvitationWithoutRefreshDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RespondToInvitationWithoutRefresh"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RespondToInvitationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"respondToInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RespondToInvitationSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invitationId"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"accepted"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"vendor"}},{"kind":"Field","name":{"kind":"Name","value":"vendorCode"}},{"kind":"Field","name":{"kind":"Name","value":"vendorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"vendorRequestId"}},{"kind":"Field","name":{"kind":"Name","value":"retryable"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RateLimitedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}}]}}]} as unknown as DocumentNode<RespondToInvitationWithoutRefreshMutation, RespondToInvitationWithoutRefreshMutationVariables>;
export const RespondToInvitationKeyOnlyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RespondToInvitationKeyOnly"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RespondToInvitationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"respondToInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RespondToInvitationSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invitationId"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"accepted"}},{"kind":"Field","name":{"kind":"Name","value":"invitation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"vendor"}},{"kind":"Field","name":{"kind":"Name","value":"vendorCode"}},{"kind":"Field","name":{"kind":"Name","value":"vendorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"vendorRequestId"}},{"kind":"Field","name":{"kind":"Name","value":"retryable"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RateLimitedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}}]}}]} as unknown as DocumentNode<RespondToInvitationKeyOnlyMutation, RespondToInvitationKeyOnlyMutationVariables>;
export const SandboxFlowDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SandboxFlow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"approvers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"mobile"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"recipientId"}}]}}]}}]}}]} as unknown as DocumentNode<SandboxFlowQuery, SandboxFlowQueryVariables>;
export const SandboxDocumentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SandboxDocument"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"document"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"no"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"contractStatus"}},{"kind":"Field","name":{"kind":"Name","value":"processes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderNo"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SandboxDocumentQuery, SandboxDocumentQueryVariables>;
export const SandboxInvitationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SandboxInvitations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invitations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"relationId"}},{"kind":"Field","name":{"kind":"Name","value":"relation"}},{"kind":"Field","name":{"kind":"Name","value":"majorAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<SandboxInvitationsQuery, SandboxInvitationsQueryVariables>;
export const SandboxRemindFlowsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SandboxRemindFlows"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RemindFlowsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"remindFlows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RemindFlowsSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"records"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flowId"}},{"kind":"Field","name":{"kind":"Name","value":"canRemind"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"flow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"vendorCode"}},{"kind":"Field","name":{"kind":"Name","value":"vendorRequestId"}},{"kind":"Field","name":{"kind":"Name","value":"retryable"}}]}}]}}]}}]} as unknown as DocumentNode<SandboxRemindFlowsMutation, SandboxRemindFlowsMutationVariables>;
export const SandboxCancelDocumentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SandboxCancelDocument"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CancelDocumentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelDocument"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CancelDocumentSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"documentId"}},{"kind":"Field","name":{"kind":"Name","value":"document"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SandboxCancelDocumentMutation, SandboxCancelDocumentMutationVariables>;
export const SandboxCreateReleaseFlowDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SandboxCreateReleaseFlow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateReleaseFlowInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createReleaseFlow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreateReleaseFlowSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"releaseFlowId"}},{"kind":"Field","name":{"kind":"Name","value":"originalFlowId"}},{"kind":"Field","name":{"kind":"Name","value":"releaseFlow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SandboxCreateReleaseFlowMutation, SandboxCreateReleaseFlowMutationVariables>;
export const SandboxRespondToInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SandboxRespondToInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RespondToInvitationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"respondToInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RespondToInvitationSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invitationId"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"accepted"}},{"kind":"Field","name":{"kind":"Name","value":"invitation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"vendorCode"}}]}}]}}]}}]} as unknown as DocumentNode<SandboxRespondToInvitationMutation, SandboxRespondToInvitationMutationVariables>;