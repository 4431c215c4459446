import type { RawVendorResponse } from '../../../datasources/http/vendor-call';
import { parseVnptEnvelope } from '../../../datasources/vnpt-econtract/envelope';
import { VNPT_ERROR_TABLE, vnptMessageKey } from '../../../datasources/vnpt-econtract/error-table';
import { ErrorCode } from '../../../src/errors/error-code';
import { Vendor } from '../../../src/errors/vendor';
import { VendorError } from '../../../src/errors/vendor-error';
import { VNPT_SIMULATOR_MESSAGES } from '../../../src/sandbox/vnpt-econtract/messages';

const HTML_502 = '<html><body><h1>502 Bad Gateway</h1><p>upstream secret-host:8080</p></body></html>';

function response(status: number, body: unknown, headers: Record<string, string> = {}): RawVendorResponse {
  return { status, headers, body: typeof body === 'string' ? body : JSON.stringify(body) };
}

function refusal(code: number, message: string): unknown {
  return { data: null, success: false, code, messages: [message] };
}

function errorFrom(raw: RawVendorResponse): VendorError {
  try {
    parseVnptEnvelope(raw);
  } catch (error: unknown) {
    if (VendorError.is(error)) return error;
    throw error;
  }
  throw new Error('expected parseVnptEnvelope to throw');
}

/** One answer per table row, with the vendorCode the error must carry. */
const ROW_SAMPLES: Readonly<Partial<Record<string, { readonly raw: RawVendorResponse; readonly vendorCode: string | undefined }>>> = {
  HTTP_400: { raw: response(400, refusal(400, 'Reason is required')), vendorCode: 'HTTP_400' },
  HTTP_401: { raw: response(401, refusal(401, 'Unauthorized')), vendorCode: 'HTTP_401' },
  HTTP_403: { raw: response(403, ''), vendorCode: 'HTTP_403' },
  HTTP_404: { raw: response(404, refusal(404, 'Document not found')), vendorCode: 'HTTP_404' },
  HTTP_409: { raw: response(409, refusal(409, 'Conflict')), vendorCode: 'HTTP_409' },
  HTTP_429: { raw: response(429, 'Too Many Requests', { 'retry-after': '7' }), vendorCode: 'HTTP_429' },
  HTTP_5XX: { raw: response(502, HTML_502, { 'content-type': 'text/html' }), vendorCode: 'HTTP_502' },
  MALFORMED_BODY: { raw: response(200, HTML_502), vendorCode: 'HTTP_200' },
  ENVELOPE_100: { raw: response(200, refusal(100, 'Vui lòng xác thực OTP')), vendorCode: '100' },
  ENVELOPE_401: { raw: response(200, refusal(401, 'Unauthorized')), vendorCode: '401' },
  CREDENTIALS_REJECTED: { raw: response(200, refusal(0, VNPT_SIMULATOR_MESSAGES.credentialsRejected)), vendorCode: '0' },
  DOCUMENT_NOT_CREATOR: { raw: response(200, refusal(0, VNPT_SIMULATOR_MESSAGES.notCreator)), vendorCode: '0' },
  DOCUMENT_NOT_FOUND: { raw: response(200, refusal(0, 'Chứng từ không tồn tại')), vendorCode: '0' },
  DOCUMENT_NOT_CANCELABLE: { raw: response(200, refusal(0, VNPT_SIMULATOR_MESSAGES.alreadyCanceled)), vendorCode: '0' },
};

describe('VNPT_ERROR_TABLE', () => {
  it('has a sample for every row and no sample without a row', () => {
    expect(Object.keys(ROW_SAMPLES).sort()).toEqual(Object.keys(VNPT_ERROR_TABLE.exact).sort());
  });

  it.each(Object.entries(VNPT_ERROR_TABLE.exact))('classifies a %s answer with its row', (key, rule) => {
    const sample = ROW_SAMPLES[key];
    if (!sample) throw new Error(`no sample for ${key}`);
    const error = errorFrom(sample.raw);
    expect(error.code).toBe(rule.code);
    expect(error.message).toBe(rule.message);
    expect(error.vendor).toBe(Vendor.VNPT_ECONTRACT);
    expect(error.vendorCode).toBe(sample.vendorCode);
  });

  it('says exactly what the contract fixes when the vendor asks for an OTP', () => {
    expect(VNPT_ERROR_TABLE.exact.ENVELOPE_100).toEqual({
      code: ErrorCode.FAILED_PRECONDITION,
      message: 'The vendor requires an OTP confirmation for this operation',
    });
  });
});

describe('VNPT_MESSAGE_RULES', () => {
  it.each([
    ['CREDENTIALS_REJECTED', VNPT_SIMULATOR_MESSAGES.credentialsRejected],
    ['CREDENTIALS_REJECTED', 'Invalid username or password'],
    ['CREDENTIALS_REJECTED', 'Tên đăng nhập hoặc mật khẩu không đúng'],
    ['DOCUMENT_NOT_CREATOR', VNPT_SIMULATOR_MESSAGES.notCreator],
    ['DOCUMENT_NOT_CREATOR', 'Bạn không phải người tạo chứng từ'],
    ['DOCUMENT_NOT_FOUND', VNPT_SIMULATOR_MESSAGES.documentNotFound],
    ['DOCUMENT_NOT_FOUND', 'Không tìm thấy chứng từ'],
    ['DOCUMENT_NOT_CANCELABLE', VNPT_SIMULATOR_MESSAGES.alreadyCanceled],
    ['DOCUMENT_NOT_CANCELABLE', VNPT_SIMULATOR_MESSAGES.notCancelable('New')],
    ['DOCUMENT_NOT_CANCELABLE', 'Chứng từ đã bị hủy'],
    ['DOCUMENT_NOT_CANCELABLE', 'Trạng thái chứng từ không thể hủy'],
  ])('recognises %s when the vendor says "%s"', (key, message) => {
    expect(vnptMessageKey(message)).toBe(key);
  });

  it('recognises nothing when the message is unrelated', () => {
    expect(vnptMessageKey('Hệ thống đang bận')).toBeUndefined();
  });
});

describe('parseVnptEnvelope', () => {
  it('returns data when success is true', () => {
    expect(parseVnptEnvelope(response(200, { data: { id: 'x' }, success: true, code: 0, messages: [] }))).toEqual({ id: 'x' });
  });

  it('returns null when a successful envelope carries no data', () => {
    expect(parseVnptEnvelope(response(200, { data: null, success: true, code: 0, messages: [] }))).toBeNull();
  });

  it('answers VENDOR_ERROR with the code verbatim when neither code nor message is known', () => {
    const error = errorFrom(response(200, refusal(77, 'Hệ thống đang bận')));
    expect(error).toMatchObject({ code: ErrorCode.VENDOR_ERROR, vendorCode: '77', vendorMessage: 'Hệ thống đang bận', retryable: false });
  });

  it('prefers a known envelope code over the message when both could apply', () => {
    expect(errorFrom(response(200, refusal(100, 'Document not found'))).code).toBe(ErrorCode.FAILED_PRECONDITION);
  });

  it('joins all messages into vendorMessage when the vendor sends several', () => {
    const raw = response(200, { data: null, success: false, code: 0, messages: ['Document not found', ' ', 'id=abc'] });
    expect(errorFrom(raw)).toMatchObject({ code: ErrorCode.NOT_FOUND, vendorMessage: 'Document not found; id=abc' });
  });

  it('takes the wait from Retry-After when given as seconds or as a date', () => {
    expect(errorFrom(response(429, '', { 'retry-after': '7' })).retryAfterSeconds).toBe(7);
    const inTenSeconds = new Date(Date.now() + 10_000).toUTCString();
    const fromDate = errorFrom(response(429, '', { 'Retry-After': inTenSeconds })).retryAfterSeconds;
    expect(fromDate).toBeGreaterThanOrEqual(8);
    expect(fromDate).toBeLessThanOrEqual(10);
  });

  it('defaults the wait to one second when a 429 has no usable Retry-After', () => {
    expect(errorFrom(response(429, '')).retryAfterSeconds).toBe(1);
    expect(errorFrom(response(429, '', { 'retry-after': 'soon' })).retryAfterSeconds).toBe(1);
    expect(errorFrom(response(429, '')).retryable).toBe(true);
  });

  it.each([500, 502, 503, 504])('answers a retryable VENDOR_UNAVAILABLE when the status is %d', (status) => {
    expect(errorFrom(response(status, HTML_502))).toMatchObject({
      code: ErrorCode.VENDOR_UNAVAILABLE,
      retryable: true,
      vendorCode: `HTTP_${status}`,
    });
  });

  it.each([
    [400, ErrorCode.INVALID_INPUT],
    [401, ErrorCode.VENDOR_AUTH_FAILED], // VENDORS.md: token wrong or expired (the client logs in again once)
    [403, ErrorCode.PERMISSION_DENIED], // VNPT's deviation: 401 is its credential signal
    [404, ErrorCode.NOT_FOUND],
    [409, ErrorCode.FAILED_PRECONDITION], // VNPT's deviation: the document's state refuses
    [429, ErrorCode.RATE_LIMITED],
    [502, ErrorCode.VENDOR_UNAVAILABLE], // VENDORS.md: timeout
  ])('maps HTTP %i to %s', (status, expected) => {
    expect(errorFrom(response(status, ''))).toMatchObject({ code: expected, vendorCode: `HTTP_${status}` });
  });

  it('answers VENDOR_ERROR when the status is an unlisted 4xx', () => {
    expect(errorFrom(response(418, ''))).toMatchObject({ code: ErrorCode.VENDOR_ERROR, vendorCode: 'HTTP_418' });
  });

  it.each([
    ['HTML', HTML_502],
    ['an empty body', ''],
    ['JSON without success', JSON.stringify({ data: { id: 'x' } })],
    ['a JSON array', '[]'],
    ['a truncated envelope', '{"data": {"id": "x"}, "succ'],
  ])('answers VENDOR_UNAVAILABLE without echoing the body when a 200 carries %s', (_label, body) => {
    const error = errorFrom(response(200, body));
    expect(error.code).toBe(ErrorCode.VENDOR_UNAVAILABLE);
    expect(error.vendorMessage).toBeUndefined();
    const rendered = JSON.stringify({
      message: error.message,
      vendorCode: error.vendorCode,
      vendorMessage: error.vendorMessage,
      vendorRequestId: error.vendorRequestId,
    });
    if (body !== '') expect(rendered).not.toContain(body);
  });

  it('never echoes a raw error body when the status is an error', () => {
    const error = errorFrom(response(502, HTML_502));
    expect(`${error.message} ${error.vendorMessage ?? ''}`).not.toContain('secret-host');
  });

  it('carries the vendor request id when a request-id header came back', () => {
    expect(errorFrom(response(503, '', { 'x-request-id': 'req-123' })).vendorRequestId).toBe('req-123');
    expect(errorFrom(response(200, refusal(77, 'x'), { 'X-Correlation-Id': 'corr-9' })).vendorRequestId).toBe('corr-9');
    expect(errorFrom(response(200, refusal(77, 'x'))).vendorRequestId).toBeUndefined();
  });
});
