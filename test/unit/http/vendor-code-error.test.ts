import { vendorCodeError } from '../../../datasources/http/vendor-code-error';
import { ErrorCode } from '../../../src/errors/error-code';
import { rule, UNKNOWN_VENDOR_CODE_RULE, vendorCodeTable } from '../../../src/errors/vendor-code-table';
import { Vendor } from '../../../src/errors/vendor';

const THROTTLED = rule(ErrorCode.RATE_LIMITED, 'Slow down.');
const MISSING = rule(ErrorCode.NOT_FOUND, 'Missing.');
const TABLE = vendorCodeTable({ Throttled: THROTTLED, DOCUMENT_NOT_FOUND: MISSING }, { Throttled: THROTTLED });

describe('vendorCodeError', () => {
  it("classifies the vendor's code and keeps code, text and RequestId beside the table's message", () => {
    const cause = new Error('wire');
    const error = vendorCodeError(TABLE, Vendor.TENCENT_ESS, {
      vendorCode: 'DOCUMENT_NOT_FOUND',
      vendorMessage: '文档不存在',
      vendorRequestId: 'req-1',
      cause,
    });
    expect(error).toMatchObject({
      code: ErrorCode.NOT_FOUND,
      message: 'Missing.',
      vendor: Vendor.TENCENT_ESS,
      vendorCode: 'DOCUMENT_NOT_FOUND',
      vendorMessage: '文档不存在',
      vendorRequestId: 'req-1',
      retryable: false,
      retryAfterSeconds: undefined,
    });
    expect(error.cause).toBe(cause);
  });

  it('waits as Retry-After says when the code is rate limiting', () => {
    const error = vendorCodeError(TABLE, Vendor.VOLCENGINE_BILLING, { vendorCode: 'Throttled.Account', headers: { 'Retry-After': '7' } });
    expect(error).toMatchObject({ code: ErrorCode.RATE_LIMITED, retryable: true, retryAfterSeconds: 7 });
  });

  it('waits one second when a rate-limiting code comes without headers', () => {
    expect(vendorCodeError(TABLE, Vendor.VOLCENGINE_BILLING, { vendorCode: 'Throttled' }).retryAfterSeconds).toBe(1);
  });

  it('classifies by tableKey when given one, keeping the vendor code verbatim', () => {
    const error = vendorCodeError(TABLE, Vendor.VNPT_ECONTRACT, { tableKey: 'DOCUMENT_NOT_FOUND', vendorCode: '0' });
    expect(error).toMatchObject({ code: ErrorCode.NOT_FOUND, vendorCode: '0' });
  });

  it('answers VENDOR_ERROR for a code the table does not know, or when there is no code at all', () => {
    expect(vendorCodeError(TABLE, Vendor.TENCENT_ESS, { vendorCode: 'Brand.New' })).toMatchObject({
      code: ErrorCode.VENDOR_ERROR,
      message: UNKNOWN_VENDOR_CODE_RULE.message,
      vendorCode: 'Brand.New',
    });
    expect(vendorCodeError(TABLE, Vendor.TENCENT_ESS, {}).code).toBe(ErrorCode.VENDOR_ERROR);
  });
});
