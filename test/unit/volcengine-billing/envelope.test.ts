import type { RawVendorResponse } from '../../../datasources/http/vendor-call';
import { readVolcEnvelope } from '../../../datasources/volcengine-billing/envelope';
import { ErrorCode } from '../../../src/errors/error-code';
import { Vendor } from '../../../src/errors/vendor';
import { VendorError } from '../../../src/errors/vendor-error';

/** The seed document's success sample, verbatim: a comma is missing after `"IsSuccess": true`. */
const SEED_SAMPLE = `{
    "ResponseMetadata": {
        "RequestId": "20230327113355546653D988035BA94DB1",
        "Action": "HandleInvitation",
        "Version": "2022-01-01",
        "Result": {
            "IsSuccess": true
            "BaseResp": {
                "StatusMessage": "",
                "StatusCode": 0
            }
        }
    }
}`;

const SEED_SAMPLE_FIXED = SEED_SAMPLE.replace('"IsSuccess": true\n', '"IsSuccess": true,\n');

function response(status: number, body: string | object, headers: RawVendorResponse['headers'] = {}): RawVendorResponse {
  return { status, headers, body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)) };
}

function errorBody(code: string, message: string, requestId = 'REQ-1'): object {
  return {
    ResponseMetadata: {
      RequestId: requestId,
      Action: 'HandleInvitation',
      Version: '2022-01-01',
      Service: 'billing',
      Region: 'cn-north-1',
      Error: { Code: code, CodeN: 1, Message: message },
    },
  };
}

function caught(run: () => unknown): VendorError {
  try {
    run();
  } catch (error: unknown) {
    if (error instanceof VendorError) return error;
    throw new Error(`expected a VendorError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected a VendorError, nothing was thrown');
}

describe('readVolcEnvelope', () => {
  it('returns the top-level Result when given a standard success', () => {
    const body = { ResponseMetadata: { RequestId: 'R1', Action: 'ListInvitation' }, Result: { List: [] } };
    expect(readVolcEnvelope(response(200, body)).result).toEqual({ List: [] });
  });

  it('keeps every digit of the named integer fields when given UIDs beyond 2^53', () => {
    const body =
      '{"ResponseMetadata":{"RequestId":"R2"},"Result":{"List":[{"Relation":{"MajorAccountID":21002501451234567890,"Status":100}}]}}';
    const { result } = readVolcEnvelope(response(200, body), ['MajorAccountID']);
    expect(result).toEqual({ List: [{ Relation: { MajorAccountID: '21002501451234567890', Status: 100 } }] });
  });

  it('returns the Result nested in ResponseMetadata when given the seed sample fixed to valid JSON', () => {
    const envelope = readVolcEnvelope(response(200, SEED_SAMPLE_FIXED));
    expect(envelope.result).toEqual({ IsSuccess: true, BaseResp: { StatusMessage: '', StatusCode: 0 } });
    expect(envelope.requestId).toBe('20230327113355546653D988035BA94DB1');
  });

  it('throws VENDOR_UNAVAILABLE without the raw body when given the seed sample verbatim (invalid JSON)', () => {
    const error = caught(() => readVolcEnvelope(response(200, SEED_SAMPLE)));
    expect(error.code).toBe(ErrorCode.VENDOR_UNAVAILABLE);
    expect(error.retryable).toBe(true);
    expect(error.vendor).toBe(Vendor.VOLCENGINE_BILLING);
    expect(error.message).not.toContain('IsSuccess');
  });

  it('classifies Error.Code through the table and keeps the vendor message and RequestId when given a 400 envelope', () => {
    const vendorMessage = 'Account 2100000001 is in arrears and cannot be linked with trusteeship!';
    const error = caught(() =>
      readVolcEnvelope(response(400, errorBody('OperationDenied.TrusteeshipSubArrears', vendorMessage, 'REQ-42'))),
    );
    expect(error).toMatchObject({
      code: ErrorCode.FAILED_PRECONDITION,
      vendor: Vendor.VOLCENGINE_BILLING,
      vendorCode: 'OperationDenied.TrusteeshipSubArrears',
      vendorMessage,
      vendorRequestId: 'REQ-42',
      retryable: false,
    });
    expect(error.message).not.toContain('2100000001');
  });

  it('treats Error.Code as a failure when given HTTP 200', () => {
    const error = caught(() => readVolcEnvelope(response(200, errorBody('OperationDenied.AccountRelationExist', 'exists'))));
    expect(error.code).toBe(ErrorCode.ALREADY_EXISTS);
  });

  it('maps an unknown code to VENDOR_ERROR and keeps it verbatim', () => {
    const error = caught(() => readVolcEnvelope(response(400, errorBody('Brand.NewCode', 'new'))));
    expect(error).toMatchObject({ code: ErrorCode.VENDOR_ERROR, vendorCode: 'Brand.NewCode' });
  });

  it('sets retryAfterSeconds from Retry-After when given a rate-limit code', () => {
    const error = caught(() => readVolcEnvelope(response(429, errorBody('FlowLimitExceeded', 'slow down'), { 'retry-after': '7' })));
    expect(error).toMatchObject({ code: ErrorCode.RATE_LIMITED, retryAfterSeconds: 7, retryable: true });
  });

  it('sets retryAfterSeconds from Retry-After when given a bare 429 without an envelope', () => {
    const error = caught(() => readVolcEnvelope(response(429, 'Too Many Requests', { 'Retry-After': '7' })));
    expect(error).toMatchObject({ code: ErrorCode.RATE_LIMITED, retryAfterSeconds: 7, retryable: true, vendorCode: undefined });
  });

  it('sets retryAfterSeconds to 1 when given a rate-limit code without Retry-After', () => {
    const error = caught(() => readVolcEnvelope(response(429, errorBody('RequestLimitExceeded', 'slow down'))));
    expect(error.retryAfterSeconds).toBe(1);
  });

  it('reads Retry-After as an HTTP date when given one', () => {
    const at = new Date(Date.now() + 30_000).toUTCString();
    const error = caught(() => readVolcEnvelope(response(429, errorBody('AccountFlowLimitExceeded', 'slow'), { 'Retry-After': at })));
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(28);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(31);
  });

  it('throws VENDOR_ERROR with StatusMessage when given a non-zero BaseResp.StatusCode', () => {
    const body = {
      ResponseMetadata: { RequestId: 'R9' },
      Result: { IsSuccess: false, BaseResp: { StatusCode: 1001, StatusMessage: '处理失败' } },
    };
    const error = caught(() => readVolcEnvelope(response(200, body)));
    expect(error).toMatchObject({ code: ErrorCode.VENDOR_ERROR, vendorCode: '1001', vendorMessage: '处理失败', vendorRequestId: 'R9' });
  });

  it.each([
    ['a proxy HTML page', 502, '<html><body>Bad Gateway</body></html>'],
    ['an empty 503', 503, ''],
    ['JSON without an envelope on 500', 500, '{"message":"boom"}'],
    ['an envelope without Error on 504', 504, '{"ResponseMetadata":{"RequestId":"R"}}'],
  ])('throws VENDOR_UNAVAILABLE without the body when given %s', (_label, status, body) => {
    const error = caught(() => readVolcEnvelope(response(status, body)));
    expect(error.code).toBe(ErrorCode.VENDOR_UNAVAILABLE);
    expect(error.retryable).toBe(true);
    if (body.length > 0) expect(error.message).not.toContain(body);
  });

  it.each([
    ['not JSON', 'OK'],
    ['a JSON array', '[]'],
    ['no ResponseMetadata', '{"Result":{"IsSuccess":true}}'],
    ['no Result anywhere', '{"ResponseMetadata":{"RequestId":"R"}}'],
    ['a Result that is not an object', '{"ResponseMetadata":{"RequestId":"R"},"Result":"yes"}'],
  ])('throws VENDOR_UNAVAILABLE when given a 200 with %s', (_label, body) => {
    expect(caught(() => readVolcEnvelope(response(200, body))).code).toBe(ErrorCode.VENDOR_UNAVAILABLE);
  });

  it.each([
    [400, ErrorCode.INVALID_INPUT],
    [404, ErrorCode.NOT_FOUND],
    [401, ErrorCode.VENDOR_AUTH_FAILED],
    [403, ErrorCode.VENDOR_AUTH_FAILED],
    [429, ErrorCode.RATE_LIMITED],
    [409, ErrorCode.VENDOR_ERROR],
  ])('maps HTTP %i without an envelope to %s', (status, expected) => {
    const error = caught(() => readVolcEnvelope(response(status, 'nope')));
    expect(error.code).toBe(expected);
    expect(error.vendorCode).toBeUndefined();
  });

  it('keeps the RequestId when given a 4xx envelope without Error', () => {
    const error = caught(() => readVolcEnvelope(response(404, { ResponseMetadata: { RequestId: 'R404' } })));
    expect(error).toMatchObject({ code: ErrorCode.NOT_FOUND, vendorRequestId: 'R404' });
  });
});

describe('readVolcEnvelope edges', () => {
  const success = { ResponseMetadata: { RequestId: 'R1' }, Result: { IsSuccess: true } };

  it.each([200, 201, 299])('reads the Result of HTTP %i', (status) => {
    expect(readVolcEnvelope(response(status, success))).toEqual({ result: { IsSuccess: true }, requestId: 'R1' });
  });

  it.each([199, 300])('classifies HTTP %i as a failure even with a Result', (status) => {
    expect(caught(() => readVolcEnvelope(response(status, success))).vendorRequestId).toBe('R1');
  });

  it.each([
    ['the number 0', 0],
    ['the text "0"', '0'],
    ['the text " 0 "', ' 0 '],
    ['empty text', ''],
    ['blank text', '  '],
    ['null', null],
  ])('reads a BaseResp.StatusCode of %s as success', (_label, statusCode) => {
    const body = {
      ResponseMetadata: { RequestId: 'R2' },
      Result: { IsSuccess: true, BaseResp: { StatusCode: statusCode, StatusMessage: '' } },
    };
    expect(readVolcEnvelope(response(200, body)).result).toMatchObject({ IsSuccess: true });
  });

  it.each([
    ['the number 7', 7, '7'],
    ['the text "7"', '7', '7'],
    ['the number -1', -1, '-1'],
  ])('reads a BaseResp.StatusCode of %s as a failure with that code', (_label, statusCode, vendorCode) => {
    const body = { ResponseMetadata: { RequestId: 'R3' }, Result: { BaseResp: { StatusCode: statusCode } } };
    expect(caught(() => readVolcEnvelope(response(200, body)))).toMatchObject({ code: ErrorCode.VENDOR_ERROR, vendorCode });
  });

  it('ignores an Error without a code and an Error that is not an object', () => {
    const noCode = { ResponseMetadata: { RequestId: 'R4', Error: { Message: 'x' } }, Result: { IsSuccess: true } };
    expect(readVolcEnvelope(response(200, noCode)).requestId).toBe('R4');
    const notObject = { ResponseMetadata: { RequestId: 'R5', Error: 'InternalError' }, Result: { IsSuccess: true } };
    expect(readVolcEnvelope(response(200, notObject)).requestId).toBe('R5');
  });

  it('keeps UIDs as doubles unless their field is named', () => {
    const body = '{"ResponseMetadata":{"RequestId":"R6"},"Result":{"MajorAccountID":9007199254740993}}';
    expect(readVolcEnvelope(response(200, body)).result.MajorAccountID).toBe(9007199254740992);
    expect(readVolcEnvelope(response(200, body), ['MajorAccountID']).result.MajorAccountID).toBe('9007199254740993');
  });

  it('keeps the RequestId on an unreadable 200', () => {
    expect(caught(() => readVolcEnvelope(response(200, { ResponseMetadata: { RequestId: 'R7' } })))).toMatchObject({
      code: ErrorCode.VENDOR_UNAVAILABLE,
      vendorRequestId: 'R7',
    });
  });
});
