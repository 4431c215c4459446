import { parseEssEnvelope } from '../../../datasources/tencent-ess/envelope';
import type { RawVendorResponse } from '../../../datasources/http/vendor-call';
import { ErrorCode } from '../../../src/errors/error-code';
import { Vendor } from '../../../src/errors/vendor';
import { VendorError } from '../../../src/errors/vendor-error';

function response(status: number, body: unknown, headers: RawVendorResponse['headers'] = {}): RawVendorResponse {
  return { status, headers, body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)) };
}

/** VENDORS.md: `{"Response": {"Error": {"Code", "Message"}, "RequestId"}}`. */
function failure(code: string, message = '供应商消息'): unknown {
  return { Response: { Error: { Code: code, Message: message }, RequestId: 'req-ess-1' } };
}

function errorFrom(raw: RawVendorResponse): VendorError {
  try {
    parseEssEnvelope(raw);
  } catch (error: unknown) {
    if (error instanceof VendorError) return error;
    throw new Error('expected a VendorError', { cause: error });
  }
  throw new Error('expected parseEssEnvelope to throw');
}

describe('parseEssEnvelope', () => {
  it('returns the Response object when given a success', () => {
    const body = { Response: { FlowId: 'yDwFlow', RequestId: 'req-ess-0' } };
    expect(parseEssEnvelope(response(200, body))).toEqual({ FlowId: 'yDwFlow', RequestId: 'req-ess-0' });
  });

  it('classifies Response.Error through the ESS table and keeps code, text and RequestId when given HTTP 200', () => {
    expect(errorFrom(response(200, failure('ResourceNotFound.Flow', '流程不存在')))).toMatchObject({
      code: ErrorCode.NOT_FOUND,
      vendor: Vendor.TENCENT_ESS,
      vendorCode: 'ResourceNotFound.Flow',
      vendorMessage: '流程不存在',
      vendorRequestId: 'req-ess-1',
      retryAfterSeconds: undefined,
    });
  });

  it('takes retryAfterSeconds from Retry-After when given RequestLimitExceeded with Retry-After: 7', () => {
    const error = errorFrom(response(200, failure('RequestLimitExceeded'), { 'Retry-After': '7' }));
    expect(error).toMatchObject({ code: ErrorCode.RATE_LIMITED, retryAfterSeconds: 7, retryable: true });
  });

  it('takes retryAfterSeconds from Retry-After when given a bare 429 with Retry-After: 7', () => {
    const error = errorFrom(response(429, 'Too Many Requests', { 'retry-after': '7' }));
    expect(error).toMatchObject({ code: ErrorCode.RATE_LIMITED, retryAfterSeconds: 7, retryable: true, vendorCode: undefined });
  });

  it('waits one second when rate limited without a Retry-After', () => {
    expect(errorFrom(response(200, failure('RequestLimitExceeded.UinLimitExceeded'))).retryAfterSeconds).toBe(1);
    expect(errorFrom(response(429, '')).retryAfterSeconds).toBe(1);
  });

  // VENDORS.md: API errors arrive with HTTP 200; (SDK) any non-200 is a transport error.
  it.each([400, 401, 403, 404, 409, 418, 500, 502, 503, 504, 302, 204])(
    'answers a retryable VENDOR_UNAVAILABLE without echoing the body when given a bare HTTP %i',
    (status) => {
      const error = errorFrom(response(status, '<html>upstream secret-host</html>'));
      expect(error).toMatchObject({ code: ErrorCode.VENDOR_UNAVAILABLE, retryable: true, vendorCode: undefined });
      expect(error.message).not.toContain('secret-host');
    },
  );

  it('classifies the error envelope rather than the status when a non-200 carries one', () => {
    expect(errorFrom(response(400, failure('InvalidParameter.FlowName'))).code).toBe(ErrorCode.INVALID_INPUT);
  });

  it.each([
    ['not JSON', '<html>ok</html>'],
    ['JSON without Response', '{"unexpected": true}'],
    ['a truncated body', '{"Response": {"FlowId": "x"'],
    ['a Response that is not an object', '{"Response": "yes"}'],
  ])('answers VENDOR_UNAVAILABLE when a 200 carries %s', (_label, body) => {
    expect(errorFrom(response(200, body))).toMatchObject({ code: ErrorCode.VENDOR_UNAVAILABLE, vendorCode: undefined });
  });

  it.each([
    ['no Code', { Message: 'The operation failed.' }],
    ['a Code that is not a string', { Code: 4000, Message: 'The operation failed.' }],
  ])('answers VENDOR_UNAVAILABLE, not the rest of the answer, for an Error with %s', (_label, error) => {
    const body = { Response: { Error: error, FlowDetailInfos: [], RequestId: 'req-ess-nocode' } };
    expect(errorFrom(response(200, body))).toMatchObject({
      code: ErrorCode.VENDOR_UNAVAILABLE,
      vendorCode: undefined,
      vendorRequestId: 'req-ess-nocode',
    });
    // Another status still says what it says: a 429 is the vendor limiting the rate.
    expect(errorFrom(response(429, body))).toMatchObject({ code: ErrorCode.RATE_LIMITED, vendorRequestId: 'req-ess-nocode' });
  });
});
