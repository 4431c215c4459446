import { ErrorCode } from '../../src/errors/error-code';
import { rule, vendorCodeTable, type VendorCodeRule, type VendorCodeTable } from '../../src/errors/vendor-code-table';
import { HTTP_STATUS_TABLE, type HttpStatusTable } from '../http/http-status-error';

/**
 * Volcengine Billing error codes → the shared error model (DESIGN.md "Error model"). Every code in the
 * HandleInvitation seed document and every common OpenAPI code in VENDORS.md has an exact row; prefixes
 * catch variants the vendor adds later. Messages are ours (English, no placeholders); the vendor's own
 * filled-in text travels separately as `vendorMessage`.
 */

/** "The request is valid but an account's state forbids it" — the caller must change something first. */
function precondition(message: string): VendorCodeRule {
  return rule(ErrorCode.FAILED_PRECONDITION, message);
}

const BAD_PARAMETERS = rule(ErrorCode.INVALID_INPUT, 'The request has a missing or invalid parameter.');
const OUR_SIGNING = rule(
  ErrorCode.VENDOR_AUTH_FAILED,
  'This service could not authenticate to Volcengine Billing; its credentials or request signing need attention.',
);
const VENDOR_DOWN = rule(ErrorCode.VENDOR_UNAVAILABLE, 'Volcengine Billing is temporarily unavailable. Try again later.');
const THROTTLED = rule(ErrorCode.RATE_LIMITED, 'Too many requests to Volcengine Billing. Try again shortly.');
const UNKNOWN_API = rule(ErrorCode.VENDOR_ERROR, 'Volcengine Billing does not offer the requested operation.');

export const VOLC_BILLING_ERROR_TABLE: VendorCodeTable = vendorCodeTable(
  {
    // Parameters: the caller's input (or our encoding of it) is wrong.
    MissingParameter: BAD_PARAMETERS,
    ParamInvalid: BAD_PARAMETERS,

    // Relation state.
    'OperationDenied.AccountRelationNotExist': rule(
      ErrorCode.NOT_FOUND,
      'No such pending invitation between the inviting account and this account.',
    ),
    'OperationDenied.AccountRelationExist': rule(
      ErrorCode.ALREADY_EXISTS,
      'The relationship between the inviting account and this account already exists.',
    ),

    // Valid requests that an account's current state forbids.
    'OperationDenied.TrusteeshipMajorExcludePartnership': precondition(
      'The inviting account has reseller relationships and cannot become a financial custody master account.',
    ),
    'OperationDenied.TrusteeshipMajorExcludeTrusteeshipSub': precondition(
      'The inviting account is itself in financial custody and cannot become a custody master account.',
    ),
    'OperationDenied.TrusteeshipMajorExcludeFinanceManagement': precondition(
      'The inviting account has a financial management relationship and cannot become a custody master account.',
    ),
    'OperationDenied.TrusteeshipSubArrears': precondition('The account is in arrears and cannot be placed in financial custody.'),
    'OperationDenied.TrusteeshipSubExcludeFinanceManagement': precondition(
      'The account has a financial management relationship and cannot be placed in financial custody.',
    ),
    'OperationDenied.TrusteeshipSubExcludePartnership': precondition(
      'The account has reseller relationships and cannot be placed in financial custody.',
    ),
    'OperationDenied.TrusteeshipSubExcludeTrusteeship': precondition(
      'The account is already in financial custody and cannot join another.',
    ),
    'OperationDenied.FinanceManagementMajorExcludePartnership': precondition(
      'The inviting account has reseller relationships and cannot become a financial management master account.',
    ),
    'OperationDenied.FinanceManagementMajorExcludeFinanceManagementSub': precondition(
      'The inviting account is itself under financial management and cannot become a management master account.',
    ),
    'OperationDenied.FinanceManagementMajorExcludeTrusteeship': precondition(
      'The inviting account has a financial custody relationship and cannot become a management master account.',
    ),
    'OperationDenied.FinanceManagementSubExcludeCorpFinance': precondition(
      'The account already has another financial relationship and cannot be linked.',
    ),
    'OperationDenied.FinanceManagementSubExcludePartnership': precondition(
      'The account has reseller relationships and cannot be linked for financial management.',
    ),
    'OperationDenied.FinanceManagementSubjectNonExist': precondition(
      'The accounts have no valid business relationship, so financial management cannot be linked.',
    ),
    'OperationDenied.FinanceManagementAuthTypeInValid': precondition(
      'The requested financial management authorization is not allowed; choose another.',
    ),
    'OperationDenied.FinanceRelationExcludePartnership': precondition(
      'The inviting account has reseller relationships and cannot become a financial master account.',
    ),
    'OperationDenied.UnCompleteCorpAuthentication': precondition(
      'The account has not completed enterprise real-name verification and cannot be linked.',
    ),
    'OperationDenied.AuthenticateInconsistent': precondition(
      'The two accounts have different real-name verification details, so they cannot be linked.',
    ),
    'OperationDenied.UpdateFinancialRelationSameAccount': precondition('An account cannot have a financial relationship with itself.'),
    'OperationDenied.OrderExist': precondition('The account has unfinished orders and cannot be placed in financial custody.'),
    'OperationDenied.DebtInvoice': precondition('The account owes invoices and cannot be placed in financial custody.'),

    // Authentication of *this service* to the vendor: an operator problem, not the caller's.
    MissingAuthenticationToken: OUR_SIGNING,
    MissingSignature: OUR_SIGNING,
    // Missing X-Date and the like: only our signer can cause it, so it is not the caller's invalid input.
    MissingRequestInfo: OUR_SIGNING,
    // Our clock or our X-Date formatting is off.
    InvalidTimestamp: OUR_SIGNING,
    InvalidAccessKey: OUR_SIGNING,
    InvalidAuthorization: OUR_SIGNING,
    SignatureDoesNotMatch: OUR_SIGNING,
    AccessDenied: rule(ErrorCode.PERMISSION_DENIED, 'The Volcengine account is not allowed to perform this operation.'),

    InternalError: VENDOR_DOWN,
    InternalServerError: VENDOR_DOWN,
    InternalServiceTimeout: VENDOR_DOWN,
    ServiceUnavailableTemp: VENDOR_DOWN,

    FlowLimitExceeded: THROTTLED,
    AccountFlowLimitExceeded: THROTTLED,
    RequestLimitExceeded: THROTTLED,

    ServiceNotFound: UNKNOWN_API,
    InvalidActionOrVersion: UNKNOWN_API,
  },
  {
    // An OperationDenied.* code not listed above: the vendor refuses for a reason we do not know.
    OperationDenied: rule(ErrorCode.PERMISSION_DENIED, 'Volcengine Billing refused the operation for this account.'),
    MissingParameter: BAD_PARAMETERS,
    ParamInvalid: BAD_PARAMETERS,
    InvalidParameter: BAD_PARAMETERS,
    AccessDenied: rule(ErrorCode.PERMISSION_DENIED, 'The Volcengine account is not allowed to perform this operation.'),
    InternalError: VENDOR_DOWN,
    InternalServerError: VENDOR_DOWN,
    ServiceUnavailable: VENDOR_DOWN,
    FlowLimitExceeded: THROTTLED,
    RequestLimitExceeded: THROTTLED,
  },
);

/**
 * HTTP statuses of answers without an `Error.Code` mean what the shared table says: VENDORS.md documents
 * no status of its own for Volcengine (its common codes come with 400, 401, 403, 404, 429 and 5xx, and
 * an answer that names its code is classified by the code, whatever the status).
 */
export const VOLC_BILLING_HTTP_STATUS_TABLE: HttpStatusTable = HTTP_STATUS_TABLE;
