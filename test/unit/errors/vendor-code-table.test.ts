import { ErrorCode } from '../../../src/errors/error-code';
import {
  classifyVendorCode,
  UNKNOWN_VENDOR_CODE_RULE,
  type VendorCodeRule,
  type VendorCodeTable,
} from '../../../src/errors/vendor-code-table';

const rule = (code: ErrorCode, message: string): VendorCodeRule => ({ code, message });

const EXACT_NO_QUOTA = rule(ErrorCode.QUOTA_EXCEEDED, 'exact OperationDenied.NoQuota');
const EXACT_INTERNAL = rule(ErrorCode.VENDOR_UNAVAILABLE, 'exact InternalError');
const PREFIX_OPERATION_DENIED = rule(ErrorCode.PERMISSION_DENIED, 'prefix OperationDenied');
const PREFIX_OPERATION_DENIED_ACCOUNT = rule(ErrorCode.FAILED_PRECONDITION, 'prefix OperationDenied.Account');
const PREFIX_AUTH_FAILURE = rule(ErrorCode.VENDOR_AUTH_FAILED, 'prefix AuthFailure');
const PREFIX_INTERNAL = rule(ErrorCode.VENDOR_ERROR, 'prefix InternalError');

const TABLE: VendorCodeTable = {
  exact: {
    'OperationDenied.NoQuota': EXACT_NO_QUOTA,
    InternalError: EXACT_INTERNAL,
  },
  prefixes: {
    OperationDenied: PREFIX_OPERATION_DENIED,
    'OperationDenied.Account': PREFIX_OPERATION_DENIED_ACCOUNT,
    AuthFailure: PREFIX_AUTH_FAILURE,
    InternalError: PREFIX_INTERNAL,
  },
};

describe('classifyVendorCode', () => {
  it.each<readonly [string, string, VendorCodeRule]>([
    ['an exact row wins over a matching prefix', 'OperationDenied.NoQuota', EXACT_NO_QUOTA],
    ['an exact row wins over the same text as a prefix', 'InternalError', EXACT_INTERNAL],
    ['a prefix matches a code one segment below it', 'OperationDenied.Blacklisted', PREFIX_OPERATION_DENIED],
    ['a prefix matches a code several segments below it', 'AuthFailure.Signature.Expired', PREFIX_AUTH_FAILURE],
    ['a prefix matches the code equal to it', 'AuthFailure', PREFIX_AUTH_FAILURE],
    ['the longest matching prefix wins', 'OperationDenied.Account.Frozen', PREFIX_OPERATION_DENIED_ACCOUNT],
    ['the longest prefix also wins when it equals the code', 'OperationDenied.Account', PREFIX_OPERATION_DENIED_ACCOUNT],
    ['a sub-code of an exact row falls back to its prefix', 'InternalError.Db', PREFIX_INTERNAL],
  ])('returns the right rule when %s (%s)', (_label, code, expected) => {
    expect(classifyVendorCode(TABLE, code)).toBe(expected);
  });

  it.each([
    ['AuthFailureX', 'more letters follow the prefix'],
    ['OperationDeniedAccount', 'no dot follows the prefix'],
    ['authfailure.SignatureExpire', 'only the case differs'],
    ['Auth', 'it is shorter than the prefix'],
    ['', 'it is empty'],
    ['SomethingNew', 'no row knows it'],
  ])('returns VENDOR_ERROR for %p when %s', (code) => {
    const result = classifyVendorCode(TABLE, code);

    expect(result).toBe(UNKNOWN_VENDOR_CODE_RULE);
    expect(result.code).toBe(ErrorCode.VENDOR_ERROR);
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])(
    'returns VENDOR_ERROR when a vendor code %p is the name of an Object.prototype member',
    (code) => {
      // Vendor codes come off the wire: they must never be looked up on the table's prototype chain.
      expect(classifyVendorCode(TABLE, code)).toBe(UNKNOWN_VENDOR_CODE_RULE);
    },
  );
});
