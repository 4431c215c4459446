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

export type SignComponentType =
  | 'SIGN_SEAL'
  | 'SIGN_SIGNATURE';

/** The vendor an error came from. */
export type Vendor =
  | 'TENCENT_ESS'
  | 'VNPT_ECONTRACT'
  | 'VOLCENGINE_BILLING';

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


export type FlowsByIdsQuery = { flows: Array<{ id: string, status: FlowStatus } | null> };

export type CreateReleaseFlowMutationVariables = Exact<{
  input: CreateReleaseFlowInput;
}>;


export type CreateReleaseFlowMutation = { createReleaseFlow:
    | { __typename: 'AlreadyExistsError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'CreateReleaseFlowSuccess', releaseFlow: { id: string, name: string | null, status: FlowStatus, description: string | null, message: string | null, createdAt: string | null, approvers: Array<{ name: string | null, mobile: string | null, status: ApproverStatus, signOrder: number | null, approvedAt: string | null, organizationName: string | null, recipientId: string | null, approverType: string | null, roleName: string | null }> }, originalFlow: { id: string, status: FlowStatus } }
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
    | { __typename: 'RemindFlowsSuccess', records: Array<{ reminded: boolean, message: string | null, flow: { id: string, status: FlowStatus } }> }
    | { __typename: 'VendorAuthError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'VendorError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
    | { __typename: 'VendorUnavailableError', code: ErrorCode, message: string, vendor: Vendor | null, vendorCode: string | null, vendorMessage: string | null, vendorRequestId: string | null, retryable: boolean }
   };

export const FlowFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FlowFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Flow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"approvers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"mobile"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"signOrder"}},{"kind":"Field","name":{"kind":"Name","value":"approvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"organizationName"}},{"kind":"Field","name":{"kind":"Name","value":"recipientId"}},{"kind":"Field","name":{"kind":"Name","value":"approverType"}},{"kind":"Field","name":{"kind":"Name","value":"roleName"}}]}}]}}]} as unknown as DocumentNode<FlowFieldsFragment, unknown>;
export const ErrorFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"vendor"}},{"kind":"Field","name":{"kind":"Name","value":"vendorCode"}},{"kind":"Field","name":{"kind":"Name","value":"vendorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"vendorRequestId"}},{"kind":"Field","name":{"kind":"Name","value":"retryable"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RateLimitedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}}]}}]} as unknown as DocumentNode<ErrorFieldsFragment, unknown>;
export const FlowByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FlowById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FlowFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FlowFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Flow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"approvers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"mobile"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"signOrder"}},{"kind":"Field","name":{"kind":"Name","value":"approvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"organizationName"}},{"kind":"Field","name":{"kind":"Name","value":"recipientId"}},{"kind":"Field","name":{"kind":"Name","value":"approverType"}},{"kind":"Field","name":{"kind":"Name","value":"roleName"}}]}}]}}]} as unknown as DocumentNode<FlowByIdQuery, FlowByIdQueryVariables>;
export const FlowsByIdsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FlowsByIds"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<FlowsByIdsQuery, FlowsByIdsQueryVariables>;
export const CreateReleaseFlowDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateReleaseFlow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateReleaseFlowInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createReleaseFlow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreateReleaseFlowSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"releaseFlow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"FlowFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"originalFlow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FlowFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Flow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"approvers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"mobile"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"signOrder"}},{"kind":"Field","name":{"kind":"Name","value":"approvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"organizationName"}},{"kind":"Field","name":{"kind":"Name","value":"recipientId"}},{"kind":"Field","name":{"kind":"Name","value":"approverType"}},{"kind":"Field","name":{"kind":"Name","value":"roleName"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"vendor"}},{"kind":"Field","name":{"kind":"Name","value":"vendorCode"}},{"kind":"Field","name":{"kind":"Name","value":"vendorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"vendorRequestId"}},{"kind":"Field","name":{"kind":"Name","value":"retryable"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RateLimitedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}}]}}]} as unknown as DocumentNode<CreateReleaseFlowMutation, CreateReleaseFlowMutationVariables>;
export const RemindFlowsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemindFlows"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RemindFlowsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"remindFlows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RemindFlowsSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"records"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reminded"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"flow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"vendor"}},{"kind":"Field","name":{"kind":"Name","value":"vendorCode"}},{"kind":"Field","name":{"kind":"Name","value":"vendorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"vendorRequestId"}},{"kind":"Field","name":{"kind":"Name","value":"retryable"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RateLimitedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}}]}}]} as unknown as DocumentNode<RemindFlowsMutation, RemindFlowsMutationVariables>;