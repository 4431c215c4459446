/**
 * How the simulated Volcengine Billing answers with an error: HTTP status, `CodeN` where a real answer
 * showed one, and the message template (`%s` / `%v` are filled in order, as the vendor does). Business
 * codes and statuses come from the HandleInvitation seed document, common codes from VENDORS.md.
 */

export interface VolcErrorSpec {
  readonly httpStatus: number;
  /** Only where observed in real answers; the field is optional on the wire. */
  readonly codeN?: number;
  readonly template: string;
}

/** One error to answer with; `args` fill the template's placeholders in order. */
export interface VolcErrorInstance {
  readonly code: string;
  readonly args?: readonly string[];
  /** Overrides the template (e.g. an injected fault's own text). */
  readonly message?: string;
  /** Overrides the table's status. */
  readonly httpStatus?: number;
}

function spec(httpStatus: number, template: string, codeN?: number): VolcErrorSpec {
  return Object.freeze(codeN === undefined ? { httpStatus, template } : { httpStatus, template, codeN });
}

export const VOLC_SIMULATED_ERRORS: Readonly<Record<string, VolcErrorSpec>> = Object.freeze({
  // Common OpenAPI codes.
  MissingParameter: spec(400, 'The required parameter %s is missing.', 100002),
  MissingAuthenticationToken: spec(401, 'The request is missing an Authorization header.'),
  MissingRequestInfo: spec(400, 'The request is missing %s information.'),
  MissingSignature: spec(401, 'The request is missing a signature.'),
  InvalidAuthorization: spec(401, "Invalid 'Authorization' header, Pls check your authorization header.", 100024),
  InvalidTimestamp: spec(400, 'The request timestamp %s is invalid or more than 15 minutes from the server time.'),
  ServiceNotFound: spec(404, 'Could not find service %s.'),
  InvalidActionOrVersion: spec(404, 'Could not find operation %s for version %s.'),
  InvalidAccessKey: spec(401, 'The AccessKeyId %s does not exist in our records.', 100009),
  SignatureDoesNotMatch: spec(
    401,
    'The request signature we calculated does not match the signature you provided. Check your Secret Access Key and signing method. Consult the service documentation for details.',
    100010,
  ),
  AccessDenied: spec(403, 'User is not authorized to perform: billing:%s', 100013),
  InternalError: spec(500, 'The request has failed due to an internal error.'),
  InternalServiceTimeout: spec(504, 'The service timed out while processing the request.'),
  FlowLimitExceeded: spec(429, 'The request rate of this API exceeds the limit.'),
  AccountFlowLimitExceeded: spec(429, 'The request rate of this account exceeds the limit.'),
  RequestLimitExceeded: spec(429, 'The request rate exceeds the limit.'),
  ServiceUnavailableTemp: spec(503, 'The service is temporarily unavailable. Please try again later.'),

  // HandleInvitation (seed document).
  ParamInvalid: spec(400, 'The specified parameter %s is invalid.'),
  InternalServerError: spec(500, 'The request has failed due to an unknown error.'),
  'OperationDenied.TrusteeshipMajorExcludePartnership': spec(
    400,
    'Account %v already has other reseller/commission seller relationships and cannot be the trusted master account!',
  ),
  'OperationDenied.TrusteeshipMajorExcludeTrusteeshipSub': spec(
    400,
    'Account %v is a linked sub-account of another account and cannot become the trusted master account!',
  ),
  'OperationDenied.AccountRelationNotExist': spec(
    400,
    'The relationship between the invited associated account and the operation account does not exist!',
  ),
  'OperationDenied.FinanceManagementMajorExcludePartnership': spec(
    400,
    'Account %v already has other agency/dropshipping relationships and cannot become the main financial management account!',
  ),
  'OperationDenied.TrusteeshipSubArrears': spec(400, 'Account %v is in arrears and cannot be linked with trusteeship!'),
  'OperationDenied.FinanceManagementSubExcludeCorpFinance': spec(
    400,
    'The associated account %v already has other financial relationships and cannot be linked!',
  ),
  'OperationDenied.FinanceManagementSubExcludePartnership': spec(
    400,
    'The associated account %v already has other affiliate/dropshipping relationships and cannot be associated!',
  ),
  'OperationDenied.UnCompleteCorpAuthentication': spec(
    400,
    'The associated account %v has not completed the enterprise real-name authentication and cannot be associated!',
  ),
  'OperationDenied.FinanceManagementMajorExcludeFinanceManagementSub': spec(
    400,
    'Account %v is a financial management sub-account of other accounts and cannot become the main financial management account!',
  ),
  'OperationDenied.FinanceManagementMajorExcludeTrusteeship': spec(
    400,
    'Account %v already has a hosting relationship and cannot become the main financial management account!',
  ),
  'OperationDenied.FinanceManagementSubjectNonExist': spec(
    400,
    'The associated account does not have a valid business relationship with the current account and cannot be associated with "financial management". For details, please consult the sales & sales operation responsible for your business.',
  ),
  'OperationDenied.AccountRelationExist': spec(
    400,
    'The relationship between the invited associated account and the operation account already exists!',
  ),
  'OperationDenied.UpdateFinancialRelationSameAccount': spec(
    400,
    'The account cannot have a business (financial + ecological) relationship with itself',
  ),
  'OperationDenied.TrusteeshipSubExcludeFinanceManagement': spec(
    400,
    'Account %v already has a financial management relationship and cannot be hosted!',
  ),
  'OperationDenied.AuthenticateInconsistent': spec(
    400,
    'The associated account of the invitation is inconsistent with the real-name authentication of the operation account, so the associated invitation cannot be carried out!',
  ),
  'OperationDenied.OrderExist': spec(400, 'Account %v has outstanding orders and cannot be linked with trusteeship!'),
  'OperationDenied.FinanceManagementAuthTypeInValid': spec(400, 'The financial management authorization is unreasonable, please re-select'),
  'OperationDenied.FinanceRelationExcludePartnership': spec(
    400,
    'Account %v already has other agency/dropshipping relationships and cannot become the main financial account!',
  ),
  'OperationDenied.DebtInvoice': spec(400, 'Account %v owes invoice and cannot be linked with trusteeship!'),
  'OperationDenied.TrusteeshipMajorExcludeFinanceManagement': spec(
    400,
    'Account %v already has a financial management relationship and cannot become the main hosting account!',
  ),
  'OperationDenied.TrusteeshipSubExcludePartnership': spec(
    400,
    'Account %v already has other reseller/commission seller relationships and cannot be linked with trusteeship!',
  ),
  'OperationDenied.TrusteeshipSubExcludeTrusteeship': spec(
    400,
    'Account %v already has a linked trusteeship and cannot be linked with another trusteeship!',
  ),
});

/** For a code the table does not know (e.g. an injected one): a plain 400. */
const FALLBACK: VolcErrorSpec = spec(400, 'The request failed with error %s.');

/** Replaces `%s` / `%v` in order; a placeholder without an argument is left as it is. */
function fillTemplate(template: string, args: readonly string[]): string {
  let next = 0;
  return template.replace(/%[sv]/g, (placeholder) => {
    const value = args.at(next);
    next += 1;
    return value ?? placeholder;
  });
}

/** The metadata every answer carries. */
export interface VolcResponseMetadata {
  readonly RequestId: string;
  readonly Action: string;
  readonly Version: string;
  readonly Service: string;
  readonly Region: string;
}

/** The HTTP status and JSON body of an error answer. */
export function renderVolcError(
  error: VolcErrorInstance,
  metadata: VolcResponseMetadata,
): { status: number; body: Record<string, unknown> } {
  const known = Object.hasOwn(VOLC_SIMULATED_ERRORS, error.code) ? VOLC_SIMULATED_ERRORS[error.code] : undefined;
  const table = known ?? FALLBACK;
  const args = known ? (error.args ?? []) : [error.code];
  const message = error.message ?? fillTemplate(table.template, args);
  const body = {
    ResponseMetadata: {
      ...metadata,
      Error:
        table.codeN === undefined ? { Code: error.code, Message: message } : { Code: error.code, CodeN: table.codeN, Message: message },
    },
  };
  return { status: error.httpStatus ?? table.httpStatus, body };
}
