import { ErrorCode } from '../../../src/errors/error-code';
import { classifyVendorCode, UNKNOWN_VENDOR_CODE_RULE } from '../../../src/errors/vendor-code-table';
import { TENCENT_ESS_ERROR_TABLE } from '../../../datasources/tencent-ess/error-table';
import { TENCENT_ESS_SEED_ERROR_CODES } from '../../fixtures/tencent-ess-seed-codes';

/** API 3.0 common error codes as VENDORS.md lists them, with the family each must land in. */
const COMMON_CODES: readonly (readonly [string, ErrorCode])[] = [
  ['AuthFailure.InvalidAuthorization', ErrorCode.VENDOR_AUTH_FAILED],
  ['AuthFailure.InvalidSecretId', ErrorCode.VENDOR_AUTH_FAILED],
  ['AuthFailure.MFAFailure', ErrorCode.VENDOR_AUTH_FAILED],
  ['AuthFailure.SecretIdNotFound', ErrorCode.VENDOR_AUTH_FAILED],
  ['AuthFailure.SignatureExpire', ErrorCode.VENDOR_AUTH_FAILED],
  ['AuthFailure.SignatureFailure', ErrorCode.VENDOR_AUTH_FAILED],
  ['AuthFailure.TokenFailure', ErrorCode.VENDOR_AUTH_FAILED],
  ['AuthFailure.UnauthorizedOperation', ErrorCode.VENDOR_AUTH_FAILED],
  ['ActionOffline', ErrorCode.VENDOR_ERROR],
  ['DryRunOperation', ErrorCode.VENDOR_ERROR],
  ['FailedOperation', ErrorCode.FAILED_PRECONDITION],
  ['InternalError', ErrorCode.VENDOR_UNAVAILABLE],
  ['InvalidAction', ErrorCode.VENDOR_ERROR],
  ['InvalidParameter', ErrorCode.INVALID_INPUT],
  ['InvalidParameterValue', ErrorCode.INVALID_INPUT],
  ['InvalidRequest', ErrorCode.INVALID_INPUT],
  ['IpInBlacklist', ErrorCode.PERMISSION_DENIED],
  ['IpNotInWhitelist', ErrorCode.PERMISSION_DENIED],
  ['LimitExceeded', ErrorCode.QUOTA_EXCEEDED],
  ['MissingParameter', ErrorCode.INVALID_INPUT],
  ['NoSuchProduct', ErrorCode.VENDOR_ERROR],
  ['NoSuchVersion', ErrorCode.VENDOR_ERROR],
  ['RequestLimitExceeded', ErrorCode.RATE_LIMITED],
  ['RequestLimitExceeded.GlobalRegionUinLimitExceeded', ErrorCode.RATE_LIMITED],
  ['RequestLimitExceeded.IPLimitExceeded', ErrorCode.RATE_LIMITED],
  ['RequestLimitExceeded.UinLimitExceeded', ErrorCode.RATE_LIMITED],
  ['RequestSizeLimitExceeded', ErrorCode.INVALID_INPUT],
  ['ResourceInUse', ErrorCode.FAILED_PRECONDITION],
  ['ResourceInsufficient', ErrorCode.QUOTA_EXCEEDED],
  ['ResourceNotFound', ErrorCode.NOT_FOUND],
  ['ResourceUnavailable', ErrorCode.VENDOR_UNAVAILABLE],
  ['ResponseSizeLimitExceeded', ErrorCode.VENDOR_ERROR],
  ['ServiceUnavailable', ErrorCode.VENDOR_UNAVAILABLE],
  ['UnauthorizedOperation', ErrorCode.PERMISSION_DENIED],
  ['UnknownParameter', ErrorCode.INVALID_INPUT],
  ['UnsupportedOperation', ErrorCode.FAILED_PRECONDITION],
  ['UnsupportedProtocol', ErrorCode.VENDOR_ERROR],
  ['UnsupportedRegion', ErrorCode.VENDOR_ERROR],
];

/** Seed codes whose family is not simply their prefix's: the rules DESIGN.md and the brief single out. */
const SEED_EXCEPTIONS: readonly (readonly [string, ErrorCode])[] = [
  ['FailedOperation.RequestLimitExceeded', ErrorCode.RATE_LIMITED],
  ['OperationDenied.ApproverRepeat', ErrorCode.ALREADY_EXISTS],
  ['OperationDenied.NoQuota', ErrorCode.QUOTA_EXCEEDED],
  ['OperationDenied.OutQueryLimit', ErrorCode.RATE_LIMITED],
];

/** The family a seed code lands in by its first segment, when it is not an exception above. */
const FAMILY_BY_ROOT: Readonly<Record<string, ErrorCode>> = {
  FailedOperation: ErrorCode.FAILED_PRECONDITION,
  InternalError: ErrorCode.VENDOR_UNAVAILABLE,
  InvalidParameter: ErrorCode.INVALID_INPUT,
  InvalidParameterValue: ErrorCode.INVALID_INPUT,
  LimitExceeded: ErrorCode.QUOTA_EXCEEDED,
  MissingParameter: ErrorCode.INVALID_INPUT,
  OperationDenied: ErrorCode.PERMISSION_DENIED,
  RequestLimitExceeded: ErrorCode.RATE_LIMITED,
  ResourceNotFound: ErrorCode.NOT_FOUND,
  UnauthorizedOperation: ErrorCode.PERMISSION_DENIED,
};

const exactRows = Object.entries(TENCENT_ESS_ERROR_TABLE.exact);
const classify = (code: string) => classifyVendorCode(TENCENT_ESS_ERROR_TABLE, code);

describe('TENCENT_ESS_ERROR_TABLE', () => {
  it.each(exactRows)('classifies %s with its own exact row', (code, rule) => {
    expect(classify(code)).toBe(rule);
    expect(rule.message).toMatch(/^[\x20-\x7e]+$/); // English, printable, no vendor text
    expect(rule.message.endsWith('.')).toBe(true);
  });

  it.each(COMMON_CODES)('has an exact row for the common code %s mapping to %s', (code, expected) => {
    expect(TENCENT_ESS_ERROR_TABLE.exact[code]).toMatchObject({ code: expected });
  });

  it.each(TENCENT_ESS_SEED_ERROR_CODES.map((code) => [code]))('has an exact row for the seed code %s', (code) => {
    expect(TENCENT_ESS_ERROR_TABLE.exact[code]).toBeDefined();
  });

  it.each(TENCENT_ESS_SEED_ERROR_CODES.map((code) => [code]))('maps the seed code %s to the family its rule names', (code) => {
    const exception = SEED_EXCEPTIONS.find(([listed]) => listed === code);
    const root = code.split('.')[0] ?? code;
    expect(classify(code).code).toBe(exception ? exception[1] : FAMILY_BY_ROOT[root]);
  });

  it('lists each seed code once when the two seed documents share codes', () => {
    expect(new Set(TENCENT_ESS_SEED_ERROR_CODES).size).toBe(TENCENT_ESS_SEED_ERROR_CODES.length);
    expect(TENCENT_ESS_SEED_ERROR_CODES).toHaveLength(76);
  });

  it.each([
    ['InvalidParameter.Whatever', ErrorCode.INVALID_INPUT],
    ['InvalidParameterValue.Whatever', ErrorCode.INVALID_INPUT],
    ['MissingParameter.Whatever', ErrorCode.INVALID_INPUT],
    ['UnknownParameter.Whatever', ErrorCode.INVALID_INPUT],
    ['ResourceNotFound.Xyz', ErrorCode.NOT_FOUND],
    ['OperationDenied.Xyz', ErrorCode.PERMISSION_DENIED],
    ['UnauthorizedOperation.Xyz', ErrorCode.PERMISSION_DENIED],
    ['InternalError.Xyz', ErrorCode.VENDOR_UNAVAILABLE],
    ['ResourceUnavailable.Xyz', ErrorCode.VENDOR_UNAVAILABLE],
    ['FailedOperation.Xyz', ErrorCode.FAILED_PRECONDITION],
    ['FailedOperation.RequestLimitExceeded.Xyz', ErrorCode.RATE_LIMITED],
    ['UnsupportedOperation.Xyz', ErrorCode.FAILED_PRECONDITION],
    ['ResourceInUse.Xyz', ErrorCode.FAILED_PRECONDITION],
    ['LimitExceeded.Xyz', ErrorCode.QUOTA_EXCEEDED],
    ['ResourceInsufficient.Xyz', ErrorCode.QUOTA_EXCEEDED],
    ['RequestLimitExceeded.Xyz', ErrorCode.RATE_LIMITED],
    ['AuthFailure.Xyz', ErrorCode.VENDOR_AUTH_FAILED],
  ])('falls back by prefix when given the invented sub-code %s', (code, expected) => {
    expect(TENCENT_ESS_ERROR_TABLE.exact[code]).toBeUndefined();
    expect(classify(code).code).toBe(expected);
  });

  it.each(['SomethingNew', 'InvalidParameterish', 'AuthFailureX', ''])('answers VENDOR_ERROR when given the unknown code %p', (code) => {
    expect(classify(code)).toBe(UNKNOWN_VENDOR_CODE_RULE);
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(TENCENT_ESS_ERROR_TABLE)).toBe(true);
    expect(Object.isFrozen(TENCENT_ESS_ERROR_TABLE.exact)).toBe(true);
    expect(Object.isFrozen(TENCENT_ESS_ERROR_TABLE.prefixes)).toBe(true);
    expect(exactRows.every(([, rule]) => Object.isFrozen(rule))).toBe(true);
  });
});
