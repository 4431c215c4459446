import { ErrorCode } from '../../src/errors/error-code';
import { rule, vendorCodeTable, type VendorCodeRule, type VendorCodeTable } from '../../src/errors/vendor-code-table';
import { withStatusOverrides, type HttpStatusTable } from '../http/http-status-error';

/**
 * Tencent Cloud ESS error codes → the shared error model (DESIGN.md "Error model"). Every code of the two
 * seed documents' error tables and every API 3.0 common code has an exact row; `prefixes` catch the
 * sub-codes Tencent adds later. Messages are English and safe for end users; the vendor's own text travels
 * separately as `vendorMessage`.
 */

const { INVALID_INPUT, NOT_FOUND, ALREADY_EXISTS, FAILED_PRECONDITION, PERMISSION_DENIED, QUOTA_EXCEEDED } = ErrorCode;
const { RATE_LIMITED, VENDOR_AUTH_FAILED, VENDOR_UNAVAILABLE, VENDOR_ERROR } = ErrorCode;

/** Codes where the fault is this service's integration, not the caller's input. */
const INTEGRATION_FAULT = 'This is a fault in the subgraph integration, not in your request.';

const EXACT: Readonly<Record<string, VendorCodeRule>> = {
  // --- API 3.0 common codes: our credentials (an operator problem, never the caller's) ---
  AuthFailure: rule(VENDOR_AUTH_FAILED, 'The e-sign vendor rejected the service credentials.'),
  'AuthFailure.InvalidAuthorization': rule(VENDOR_AUTH_FAILED, 'The e-sign vendor rejected the request signature format.'),
  'AuthFailure.InvalidSecretId': rule(VENDOR_AUTH_FAILED, 'The e-sign vendor rejected the service SecretId as invalid.'),
  'AuthFailure.MFAFailure': rule(VENDOR_AUTH_FAILED, 'The e-sign vendor requires multi-factor authentication for the service credentials.'),
  'AuthFailure.SecretIdNotFound': rule(VENDOR_AUTH_FAILED, 'The e-sign vendor does not know the service SecretId, or it is disabled.'),
  'AuthFailure.SignatureExpire': rule(VENDOR_AUTH_FAILED, 'The e-sign vendor rejected the request as expired; check the server clock.'),
  'AuthFailure.SignatureFailure': rule(VENDOR_AUTH_FAILED, 'The e-sign vendor rejected the request signature; check the SecretKey.'),
  'AuthFailure.TokenFailure': rule(VENDOR_AUTH_FAILED, 'The e-sign vendor rejected the temporary credential token.'),
  'AuthFailure.UnauthorizedOperation': rule(VENDOR_AUTH_FAILED, 'The service credentials are not authorized for this e-sign operation.'),

  // --- common codes: our integration is wrong ---
  ActionOffline: rule(VENDOR_ERROR, `The e-sign vendor has taken this operation offline. ${INTEGRATION_FAULT}`),
  DryRunOperation: rule(VENDOR_ERROR, `The e-sign vendor treated the request as a dry run. ${INTEGRATION_FAULT}`),
  InvalidAction: rule(VENDOR_ERROR, `The e-sign vendor does not know the requested operation. ${INTEGRATION_FAULT}`),
  NoSuchProduct: rule(VENDOR_ERROR, `The e-sign vendor does not know the requested product. ${INTEGRATION_FAULT}`),
  NoSuchVersion: rule(VENDOR_ERROR, `The e-sign vendor does not know the requested API version. ${INTEGRATION_FAULT}`),
  ResponseSizeLimitExceeded: rule(VENDOR_ERROR, `The e-sign vendor's answer would be too large. ${INTEGRATION_FAULT}`),
  UnsupportedProtocol: rule(VENDOR_ERROR, `The e-sign vendor does not accept the HTTP method or protocol used. ${INTEGRATION_FAULT}`),
  UnsupportedRegion: rule(VENDOR_ERROR, `The e-sign vendor does not serve the requested region. ${INTEGRATION_FAULT}`),

  // --- common codes: the request ---
  InvalidParameter: rule(INVALID_INPUT, 'A parameter is invalid.'),
  InvalidParameterValue: rule(INVALID_INPUT, 'A parameter value is invalid.'),
  InvalidRequest: rule(INVALID_INPUT, 'The request could not be parsed.'),
  MissingParameter: rule(INVALID_INPUT, 'A required parameter is missing.'),
  RequestSizeLimitExceeded: rule(INVALID_INPUT, 'The request is too large.'),
  UnknownParameter: rule(INVALID_INPUT, 'The request contains an unknown parameter.'),

  // --- common codes: state, permission, capacity ---
  FailedOperation: rule(FAILED_PRECONDITION, 'The operation failed because of the current state of the resource.'),
  ResourceInUse: rule(FAILED_PRECONDITION, 'The resource is in use.'),
  UnsupportedOperation: rule(FAILED_PRECONDITION, 'The operation is not supported for this resource.'),
  ResourceNotFound: rule(NOT_FOUND, 'The resource does not exist.'),
  IpInBlacklist: rule(PERMISSION_DENIED, 'The e-sign vendor blocks the address this service calls from.'),
  IpNotInWhitelist: rule(PERMISSION_DENIED, 'The address this service calls from is not on the e-sign vendor allow-list.'),
  UnauthorizedOperation: rule(PERMISSION_DENIED, 'The operation is not authorized.'),
  OperationDenied: rule(PERMISSION_DENIED, 'The operation was denied.'),
  LimitExceeded: rule(QUOTA_EXCEEDED, 'A quota was exceeded.'),
  ResourceInsufficient: rule(QUOTA_EXCEEDED, 'The vendor has insufficient resources for this request.'),
  RequestLimitExceeded: rule(RATE_LIMITED, 'Too many requests to the e-sign vendor; try again shortly.'),
  'RequestLimitExceeded.GlobalRegionUinLimitExceeded': rule(
    RATE_LIMITED,
    'Too many requests to the e-sign vendor across regions; try again shortly.',
  ),
  'RequestLimitExceeded.IPLimitExceeded': rule(
    RATE_LIMITED,
    'Too many requests to the e-sign vendor from this address; try again shortly.',
  ),
  'RequestLimitExceeded.UinLimitExceeded': rule(
    RATE_LIMITED,
    'Too many requests to the e-sign vendor from this account; try again shortly.',
  ),
  InternalError: rule(VENDOR_UNAVAILABLE, 'The e-sign vendor had an internal error; try again later.'),
  ResourceUnavailable: rule(VENDOR_UNAVAILABLE, 'The resource is temporarily unavailable at the e-sign vendor; try again later.'),
  ServiceUnavailable: rule(VENDOR_UNAVAILABLE, 'The e-sign vendor is temporarily unavailable; try again later.'),

  // --- seed: FailedOperation.* ---
  'FailedOperation.AgeNotAchieveNormalLegal': rule(FAILED_PRECONDITION, 'A signer does not meet the legal age for electronic signing.'),
  'FailedOperation.FlowHasDocument': rule(FAILED_PRECONDITION, 'The flow already has a document attached.'),
  'FailedOperation.OrganizationExperienceChange': rule(
    FAILED_PRECONDITION,
    "The organization's business status does not match the business registry.",
  ),
  'FailedOperation.OrganizationNameChanged': rule(FAILED_PRECONDITION, "The organization's name does not match the business registry."),
  'FailedOperation.OrganizationNameNeedChange': rule(
    FAILED_PRECONDITION,
    "The organization's name does not match the business registry; its super administrator must update it.",
  ),
  'FailedOperation.RequestLimitExceeded': rule(RATE_LIMITED, 'Too many requests to the e-sign vendor; try again shortly.'),
  'FailedOperation.UserInfoNoMatch': rule(FAILED_PRECONDITION, 'The user information does not match the vendor records.'),

  // --- seed: InternalError.* ---
  'InternalError.Db': rule(VENDOR_UNAVAILABLE, 'The e-sign vendor had a database error; try again later.'),
  'InternalError.DbInsert': rule(VENDOR_UNAVAILABLE, 'The e-sign vendor failed to store a record; try again later.'),
  'InternalError.DbRead': rule(VENDOR_UNAVAILABLE, 'The e-sign vendor failed to read a record; try again later.'),
  'InternalError.Decryption': rule(VENDOR_UNAVAILABLE, 'The e-sign vendor failed to decrypt data; try again later.'),
  'InternalError.DependsApi': rule(VENDOR_UNAVAILABLE, 'A service the e-sign vendor depends on failed; try again later.'),
  'InternalError.DependsDb': rule(VENDOR_UNAVAILABLE, 'The e-sign vendor had a database error; try again later.'),
  'InternalError.Encryption': rule(VENDOR_UNAVAILABLE, 'The e-sign vendor failed to encrypt data; try again later.'),
  'InternalError.System': rule(VENDOR_UNAVAILABLE, 'The e-sign vendor had a system error; try again later.'),

  // --- seed: InvalidParameter.*, InvalidParameterValue.*, MissingParameter.* ---
  'InvalidParameter.ApproverType': rule(INVALID_INPUT, 'A signer type is not allowed here.'),
  'InvalidParameter.CardNumber': rule(INVALID_INPUT, 'An identity document number is invalid for its type.'),
  'InvalidParameter.CardType': rule(INVALID_INPUT, 'An identity document type is invalid.'),
  'InvalidParameter.CcNum': rule(INVALID_INPUT, 'The carbon-copy recipients are not allowed.'),
  'InvalidParameter.ClientToken': rule(INVALID_INPUT, 'The client token is invalid.'),
  'InvalidParameter.CustomShowMap': rule(INVALID_INPUT, 'The custom display template is invalid.'),
  'InvalidParameter.FlowCallbackUrl': rule(INVALID_INPUT, 'The flow callback URL is invalid.'),
  'InvalidParameter.FlowDeadLine': rule(INVALID_INPUT, 'The deadline is invalid.'),
  'InvalidParameter.FlowDescription': rule(INVALID_INPUT, 'The flow description is invalid.'),
  'InvalidParameter.FlowName': rule(INVALID_INPUT, 'The flow name is invalid.'),
  'InvalidParameter.FlowType': rule(INVALID_INPUT, 'The flow type is invalid.'),
  'InvalidParameter.FlowUserData': rule(INVALID_INPUT, 'The user data is invalid or too long.'),
  'InvalidParameter.FromSource': rule(INVALID_INPUT, 'The request source is invalid.'),
  'InvalidParameter.IdCardValidityOverLimit': rule(INVALID_INPUT, "A signer's identity document has expired."),
  'InvalidParameter.InvalidMobile': rule(INVALID_INPUT, 'A mobile number is incorrect.'),
  'InvalidParameter.InvalidName': rule(INVALID_INPUT, 'A name is incorrect.'),
  'InvalidParameter.Mobile': rule(INVALID_INPUT, 'A mobile number is invalid.'),
  'InvalidParameter.Name': rule(INVALID_INPUT, 'A name is invalid.'),
  'InvalidParameter.NonsupportMobile': rule(INVALID_INPUT, 'A mobile number is empty or not supported.'),
  'InvalidParameter.NotifyType': rule(INVALID_INPUT, 'The notification type is not supported.'),
  'InvalidParameter.OrganizationName': rule(INVALID_INPUT, 'An organization name is invalid.'),
  'InvalidParameter.ParamError': rule(INVALID_INPUT, 'A parameter is invalid.'),
  'InvalidParameter.PersonAutoSignTag': rule(INVALID_INPUT, 'The personal automatic-signing tag is not set.'),
  'InvalidParameter.PreReadTime': rule(INVALID_INPUT, 'The required reading time is invalid.'),
  'InvalidParameterValue.Mask': rule(INVALID_INPUT, 'A parameter value is invalid.'),
  'MissingParameter.ApproverMobile': rule(INVALID_INPUT, "A signer's mobile number is missing."),
  'MissingParameter.ApproverName': rule(INVALID_INPUT, "A signer's name is missing."),
  'MissingParameter.ApproverOrganizationInfo': rule(INVALID_INPUT, "A signer's organization information is missing."),
  'MissingParameter.FlowId': rule(INVALID_INPUT, 'A flow id is missing.'),

  // --- seed: OperationDenied.* ---
  'OperationDenied.ApproverRepeat': rule(ALREADY_EXISTS, 'The same signer appears more than once.'),
  'OperationDenied.NoQuota': rule(QUOTA_EXCEEDED, "The organization's e-sign quota is used up."),
  'OperationDenied.OutQueryLimit': rule(RATE_LIMITED, 'Too many queries to the e-sign vendor; try again shortly.'),
  'OperationDenied.BranchSendFlowToParentNotAllow': rule(
    PERMISSION_DENIED,
    'A subsidiary may not start flows for its parent organization.',
  ),
  'OperationDenied.CcForbid': rule(PERMISSION_DENIED, 'Carbon copies are not allowed for this organization.'),
  'OperationDenied.CcUserRepeat': rule(PERMISSION_DENIED, 'The same carbon-copy recipient appears more than once.'),
  'OperationDenied.Forbid': rule(PERMISSION_DENIED, 'The operation is forbidden.'),
  'OperationDenied.InvalidApproverAge': rule(PERMISSION_DENIED, 'A signer does not meet the age requirement for electronic signing.'),
  'OperationDenied.NoIdentityVerify': rule(PERMISSION_DENIED, 'The user has not completed identity verification.'),
  'OperationDenied.NoLogin': rule(PERMISSION_DENIED, 'The operator has not signed in to the e-sign vendor.'),
  'OperationDenied.NoOpenServerSign': rule(PERMISSION_DENIED, 'The signing organization has not enabled automatic signing.'),
  'OperationDenied.OrgUniformSocialCreditCodeErr': rule(PERMISSION_DENIED, 'The unified social credit code was not found.'),
  'OperationDenied.OrganizationNotActivated': rule(PERMISSION_DENIED, 'The organization is not activated at the e-sign vendor.'),
  'OperationDenied.OverSeaForbid': rule(PERMISSION_DENIED, 'Users outside mainland China are not supported.'),
  'OperationDenied.PersonHasNoSignature': rule(PERMISSION_DENIED, 'The person has no usable signature configured.'),
  'OperationDenied.PersonNoOpenServerSign': rule(PERMISSION_DENIED, 'The person has not enabled automatic signing.'),
  'OperationDenied.WhiteListForbid': rule(PERMISSION_DENIED, 'The feature is not enabled for this organization.'),

  // --- seed: ResourceNotFound.*, UnauthorizedOperation.* ---
  'ResourceNotFound.Application': rule(NOT_FOUND, 'The application does not exist or was deleted.'),
  'ResourceNotFound.AuthActiveOrganization': rule(NOT_FOUND, 'The organization has not completed verification and activation.'),
  'ResourceNotFound.Flow': rule(NOT_FOUND, 'The flow does not exist.'),
  'ResourceNotFound.FlowApprover': rule(NOT_FOUND, 'The signer does not exist in the flow.'),
  'ResourceNotFound.Organization': rule(NOT_FOUND, 'The organization does not exist or is not verified.'),
  'ResourceNotFound.SuperAdmin': rule(NOT_FOUND, "The organization's super administrator does not exist."),
  'ResourceNotFound.User': rule(NOT_FOUND, 'The user or employee does not exist.'),
  'ResourceNotFound.VerifyUser': rule(NOT_FOUND, 'The user or employee has not completed identity verification.'),
  'UnauthorizedOperation.NoPermissionFeature': rule(PERMISSION_DENIED, "The organization's e-sign edition does not include this feature."),
};

/** Families; `classifyVendorCode` takes the longest prefix, so `FailedOperation.RequestLimitExceeded.X` is rate limiting. */
const PREFIXES: Readonly<Record<string, VendorCodeRule>> = {
  AuthFailure: rule(VENDOR_AUTH_FAILED, 'The e-sign vendor rejected the service credentials.'),
  FailedOperation: rule(FAILED_PRECONDITION, 'The operation failed because of the current state of the resource.'),
  'FailedOperation.RequestLimitExceeded': rule(RATE_LIMITED, 'Too many requests to the e-sign vendor; try again shortly.'),
  InternalError: rule(VENDOR_UNAVAILABLE, 'The e-sign vendor had an internal error; try again later.'),
  InvalidParameter: rule(INVALID_INPUT, 'A parameter is invalid.'),
  InvalidParameterValue: rule(INVALID_INPUT, 'A parameter value is invalid.'),
  LimitExceeded: rule(QUOTA_EXCEEDED, 'A quota was exceeded.'),
  MissingParameter: rule(INVALID_INPUT, 'A required parameter is missing.'),
  OperationDenied: rule(PERMISSION_DENIED, 'The operation was denied.'),
  RequestLimitExceeded: rule(RATE_LIMITED, 'Too many requests to the e-sign vendor; try again shortly.'),
  ResourceInUse: rule(FAILED_PRECONDITION, 'The resource is in use.'),
  ResourceInsufficient: rule(QUOTA_EXCEEDED, 'The vendor has insufficient resources for this request.'),
  ResourceNotFound: rule(NOT_FOUND, 'The resource does not exist.'),
  ResourceUnavailable: rule(VENDOR_UNAVAILABLE, 'The resource is temporarily unavailable at the e-sign vendor; try again later.'),
  ServiceUnavailable: rule(VENDOR_UNAVAILABLE, 'The e-sign vendor is temporarily unavailable; try again later.'),
  UnauthorizedOperation: rule(PERMISSION_DENIED, 'The operation is not authorized.'),
  UnknownParameter: rule(INVALID_INPUT, 'The request contains an unknown parameter.'),
  UnsupportedOperation: rule(FAILED_PRECONDITION, 'The operation is not supported for this resource.'),
};

/** The ESS table for `classifyVendorCode`. */
export const TENCENT_ESS_ERROR_TABLE: VendorCodeTable = vendorCodeTable(EXACT, PREFIXES);

const TRANSPORT_FAILURE = rule(VENDOR_UNAVAILABLE, 'The e-sign vendor answered with a transport error; try again later.');

/**
 * ESS's deviations from the shared HTTP status table. VENDORS.md (Tencent ESS, Envelope): API errors
 * arrive with HTTP 200 as `Response.Error`, and *(SDK)* any non-200 is a transport error. So a status
 * that comes without an error envelope says nothing about our input, our credentials or the resource:
 * each 4xx the shared table gives a meaning is a transport failure here. 429 keeps the shared meaning
 * (rate limited, waiting as `Retry-After` says), and 5xx already is `VENDOR_UNAVAILABLE`.
 */
export const TENCENT_ESS_HTTP_STATUS_TABLE: HttpStatusTable = withStatusOverrides({
  statuses: { 400: TRANSPORT_FAILURE, 401: TRANSPORT_FAILURE, 403: TRANSPORT_FAILURE, 404: TRANSPORT_FAILURE },
  otherClientError: TRANSPORT_FAILURE,
});
