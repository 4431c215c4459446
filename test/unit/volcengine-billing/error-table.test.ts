import { ErrorCode } from '../../../src/errors/error-code';
import { classifyVendorCode, UNKNOWN_VENDOR_CODE_RULE } from '../../../src/errors/vendor-code-table';
import { VOLC_BILLING_ERROR_TABLE } from '../../../datasources/volcengine-billing/error-table';
import { VOLC_BILLING_COMMON_ERROR_CODES, VOLC_BILLING_SEED_ERROR_CODES } from '../../fixtures/volcengine-billing-seed-codes';

/** Every code of the HandleInvitation seed document with the family it must land in. */
const SEED_ROWS: readonly (readonly [string, ErrorCode])[] = [
  ['MissingParameter', ErrorCode.INVALID_INPUT],
  ['OperationDenied.TrusteeshipMajorExcludePartnership', ErrorCode.FAILED_PRECONDITION],
  ['OperationDenied.TrusteeshipMajorExcludeTrusteeshipSub', ErrorCode.FAILED_PRECONDITION],
  ['OperationDenied.AccountRelationNotExist', ErrorCode.NOT_FOUND],
  ['OperationDenied.FinanceManagementMajorExcludePartnership', ErrorCode.FAILED_PRECONDITION],
  ['OperationDenied.TrusteeshipSubArrears', ErrorCode.FAILED_PRECONDITION],
  ['OperationDenied.FinanceManagementSubExcludeCorpFinance', ErrorCode.FAILED_PRECONDITION],
  ['OperationDenied.FinanceManagementSubExcludePartnership', ErrorCode.FAILED_PRECONDITION],
  ['OperationDenied.UnCompleteCorpAuthentication', ErrorCode.FAILED_PRECONDITION],
  ['OperationDenied.FinanceManagementMajorExcludeFinanceManagementSub', ErrorCode.FAILED_PRECONDITION],
  ['OperationDenied.FinanceManagementMajorExcludeTrusteeship', ErrorCode.FAILED_PRECONDITION],
  ['OperationDenied.FinanceManagementSubjectNonExist', ErrorCode.FAILED_PRECONDITION],
  ['OperationDenied.AccountRelationExist', ErrorCode.ALREADY_EXISTS],
  ['OperationDenied.UpdateFinancialRelationSameAccount', ErrorCode.FAILED_PRECONDITION],
  ['OperationDenied.TrusteeshipSubExcludeFinanceManagement', ErrorCode.FAILED_PRECONDITION],
  ['ParamInvalid', ErrorCode.INVALID_INPUT],
  ['OperationDenied.AuthenticateInconsistent', ErrorCode.FAILED_PRECONDITION],
  ['OperationDenied.OrderExist', ErrorCode.FAILED_PRECONDITION],
  ['OperationDenied.FinanceManagementAuthTypeInValid', ErrorCode.FAILED_PRECONDITION],
  ['OperationDenied.FinanceRelationExcludePartnership', ErrorCode.FAILED_PRECONDITION],
  ['OperationDenied.DebtInvoice', ErrorCode.FAILED_PRECONDITION],
  ['OperationDenied.TrusteeshipMajorExcludeFinanceManagement', ErrorCode.FAILED_PRECONDITION],
  ['OperationDenied.TrusteeshipSubExcludePartnership', ErrorCode.FAILED_PRECONDITION],
  ['OperationDenied.TrusteeshipSubExcludeTrusteeship', ErrorCode.FAILED_PRECONDITION],
  ['InternalServerError', ErrorCode.VENDOR_UNAVAILABLE],
];

/** The common OpenAPI codes of VENDORS.md with their families. */
const COMMON_ROWS: readonly (readonly [string, ErrorCode])[] = [
  ['MissingParameter', ErrorCode.INVALID_INPUT],
  ['MissingAuthenticationToken', ErrorCode.VENDOR_AUTH_FAILED],
  ['MissingRequestInfo', ErrorCode.VENDOR_AUTH_FAILED],
  ['MissingSignature', ErrorCode.VENDOR_AUTH_FAILED],
  ['InvalidTimestamp', ErrorCode.VENDOR_AUTH_FAILED],
  ['ServiceNotFound', ErrorCode.VENDOR_ERROR],
  ['InvalidActionOrVersion', ErrorCode.VENDOR_ERROR],
  ['InvalidAccessKey', ErrorCode.VENDOR_AUTH_FAILED],
  ['SignatureDoesNotMatch', ErrorCode.VENDOR_AUTH_FAILED],
  ['AccessDenied', ErrorCode.PERMISSION_DENIED],
  ['InternalError', ErrorCode.VENDOR_UNAVAILABLE],
  ['InternalServiceTimeout', ErrorCode.VENDOR_UNAVAILABLE],
  ['FlowLimitExceeded', ErrorCode.RATE_LIMITED],
  ['AccountFlowLimitExceeded', ErrorCode.RATE_LIMITED],
  ['RequestLimitExceeded', ErrorCode.RATE_LIMITED],
  ['ServiceUnavailableTemp', ErrorCode.VENDOR_UNAVAILABLE],
];

describe('VOLC_BILLING_ERROR_TABLE', () => {
  it('lists exactly the seed document codes in VOLC_BILLING_SEED_ERROR_CODES', () => {
    expect([...VOLC_BILLING_SEED_ERROR_CODES]).toEqual(SEED_ROWS.map(([code]) => code));
  });

  it('lists exactly the VENDORS.md common codes in VOLC_BILLING_COMMON_ERROR_CODES', () => {
    expect([...VOLC_BILLING_COMMON_ERROR_CODES]).toEqual(COMMON_ROWS.map(([code]) => code));
  });

  it.each([...VOLC_BILLING_SEED_ERROR_CODES, ...VOLC_BILLING_COMMON_ERROR_CODES])('has an exact row for %s', (code) => {
    expect(VOLC_BILLING_ERROR_TABLE.exact[code]).toBeDefined();
  });

  it.each(SEED_ROWS)('maps seed code %s to %s', (vendorCode, expected) => {
    expect(classifyVendorCode(VOLC_BILLING_ERROR_TABLE, vendorCode).code).toBe(expected);
  });

  it.each(COMMON_ROWS)('maps common code %s to %s', (vendorCode, expected) => {
    expect(classifyVendorCode(VOLC_BILLING_ERROR_TABLE, vendorCode).code).toBe(expected);
  });

  it.each(Object.entries(VOLC_BILLING_ERROR_TABLE.exact))('gives %s an English message without placeholders', (_code, rule) => {
    expect(rule.message).toMatch(/^[\x20-\x7e]+$/);
    expect(rule.message).not.toMatch(/%[sv]/);
  });

  it.each([
    ['OperationDenied.SomethingNew', ErrorCode.PERMISSION_DENIED],
    ['OperationDenied', ErrorCode.PERMISSION_DENIED],
    ['MissingParameter.RelationID', ErrorCode.INVALID_INPUT],
    ['ParamInvalid.MajorAccountID', ErrorCode.INVALID_INPUT],
    ['InvalidParameter.Relation', ErrorCode.INVALID_INPUT],
    ['AccessDenied.Policy', ErrorCode.PERMISSION_DENIED],
    ['InternalError.Database', ErrorCode.VENDOR_UNAVAILABLE],
    ['ServiceUnavailable.Maintenance', ErrorCode.VENDOR_UNAVAILABLE],
    ['RequestLimitExceeded.Account', ErrorCode.RATE_LIMITED],
    ['FlowLimitExceeded.Action', ErrorCode.RATE_LIMITED],
  ])('falls back by prefix when given %s', (vendorCode, expected) => {
    expect(VOLC_BILLING_ERROR_TABLE.exact[vendorCode]).toBeUndefined();
    expect(classifyVendorCode(VOLC_BILLING_ERROR_TABLE, vendorCode).code).toBe(expected);
  });

  it.each(['SomethingElse', 'OperationDeniedX', 'Internal', 'constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'maps an unknown code to VENDOR_ERROR when given %s',
    (vendorCode) => {
      expect(classifyVendorCode(VOLC_BILLING_ERROR_TABLE, vendorCode)).toBe(UNKNOWN_VENDOR_CODE_RULE);
    },
  );
});
