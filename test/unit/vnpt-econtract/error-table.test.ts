import type { RawVendorResponse } from '../../../datasources/http/vendor-call';
import { parseVnptEnvelope } from '../../../datasources/vnpt-econtract/envelope';
import { VNPT_ERROR_TABLE, vnptMessageKey } from '../../../datasources/vnpt-econtract/error-table';
import { ErrorCode } from '../../../src/errors/error-code';
import { Vendor } from '../../../src/errors/vendor';
import { VendorError } from '../../../src/errors/vendor-error';
import { VNPT_EXPECTED_ERRORS } from '../../fixtures/vnpt-econtract-expected-errors';

const HTML_502 = '<html><body><h1>502 Bad Gateway</h1><p>upstream secret-host:8080</p></body></html>';

function response(status: number, body: unknown, headers: Record<string, string> = {}): RawVendorResponse {
  return { status, headers, body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)) };
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

describe('VNPT_ERROR_TABLE', () => {
  it('classifies every failure VENDORS.md and the seed describe as the hand-written fixture says', () => {
    const wrong = VNPT_EXPECTED_ERRORS.flatMap((expected) => {
      const error = errorFrom(response(expected.status, expected.body));
      const actual = { code: error.code, retryable: error.retryable, vendor: error.vendor, vendorCode: error.vendorCode };
      const wanted = { code: expected.code, retryable: expected.retryable, vendor: Vendor.VNPT_ECONTRACT, vendorCode: expected.vendorCode };
      return JSON.stringify(actual) === JSON.stringify(wanted) ? [] : [{ condition: expected.condition, actual, wanted }];
    });
    expect(wrong).toEqual([]);
  });

  it('gives every row a plain English sentence of its own', () => {
    const bad = Object.values(VNPT_ERROR_TABLE.exact)
      .map((rule) => rule.message)
      .filter((message) => !/^[A-Z][\x20-\x7e]{10,}$/.test(message));
    expect(bad).toEqual([]);
  });

  it("lists every failure a VNPT call can end in, HTTP statuses included, with the status table's families", () => {
    expect(Object.keys(VNPT_ERROR_TABLE.exact).sort()).toEqual([
      'CREDENTIALS_REJECTED',
      'DOCUMENT_NOT_CANCELABLE',
      'DOCUMENT_NOT_CREATOR',
      'DOCUMENT_NOT_FOUND',
      'ENVELOPE_100',
      'ENVELOPE_401',
      'HTTP_400',
      'HTTP_401',
      'HTTP_403',
      'HTTP_404',
      'HTTP_409',
      'HTTP_429',
      'HTTP_5XX',
      'MALFORMED_BODY',
    ]);
    expect(VNPT_ERROR_TABLE.exact.HTTP_403.code).toBe(ErrorCode.PERMISSION_DENIED);
    expect(VNPT_ERROR_TABLE.exact.HTTP_409.code).toBe(ErrorCode.FAILED_PRECONDITION);
    expect(VNPT_ERROR_TABLE.exact.HTTP_5XX.code).toBe(ErrorCode.VENDOR_UNAVAILABLE);
    expect(VNPT_ERROR_TABLE.exact.MALFORMED_BODY.code).toBe(ErrorCode.VENDOR_UNAVAILABLE);
  });

  it('says exactly what the contract fixes when the vendor asks for an OTP', () => {
    expect(VNPT_ERROR_TABLE.exact.ENVELOPE_100).toEqual({
      code: ErrorCode.FAILED_PRECONDITION,
      message: 'The vendor requires an OTP confirmation for this operation',
    });
  });
});

describe('vnptMessageKey', () => {
  // VNPT documents no refusal wording of its own, so the patterns are held to the documents' phrasing of
  // each rule (seed "Hủy chứng từ": "Chứng từ chỉ bị hủy bởi người tạo", "trạng thái Sẵn sàng…"; VENDORS.md
  // "Only the document's creator may cancel") and to hand-written variants, never to the simulator's texts.
  it.each([
    ['CREDENTIALS_REJECTED', 'Invalid username or password'],
    ['CREDENTIALS_REJECTED', 'Password is incorrect'],
    ['CREDENTIALS_REJECTED', 'Tên đăng nhập hoặc mật khẩu không đúng'],
    ['CREDENTIALS_REJECTED', 'Sai mật khẩu'],
    ['CREDENTIALS_REJECTED', 'Username or password is incorrect'],
    ['CREDENTIALS_REJECTED', 'User name or password is not correct'],
    ['CREDENTIALS_REJECTED', 'Wrong user name'],
    ['CREDENTIALS_REJECTED', 'Mật khẩu không đúng'],
    ['CREDENTIALS_REJECTED', 'Username is incorrect'],
    ['CREDENTIALS_REJECTED', 'Sai thông tin mật khẩu'],
    ['CREDENTIALS_REJECTED', 'Mật khẩu đã nhập không đúng'],
    ['DOCUMENT_NOT_CREATOR', 'Chứng từ chỉ bị hủy bởi người tạo.'],
    ['DOCUMENT_NOT_CREATOR', "Only the document's creator may cancel"],
    ['DOCUMENT_NOT_CREATOR', 'Only the creator can cancel this document'],
    ['DOCUMENT_NOT_CREATOR', 'You are not the creator of this document'],
    ['DOCUMENT_NOT_CREATOR', 'Only the documents creator may cancel'],
    ['DOCUMENT_NOT_FOUND', 'Document does not exist'],
    ['DOCUMENT_NOT_FOUND', 'Chứng từ không tồn tại'],
    ['DOCUMENT_NOT_FOUND', 'Không tìm thấy chứng từ'],
    ['DOCUMENT_NOT_CANCELABLE', 'The document has already been cancelled'],
    ['DOCUMENT_NOT_CANCELABLE', 'Document already canceled'],
    ['DOCUMENT_NOT_CANCELABLE', 'The document cannot be canceled in status New'],
    ['DOCUMENT_NOT_CANCELABLE', 'Document status does not allow cancellation'],
    ['DOCUMENT_NOT_CANCELABLE', 'Document status does not allow cancelation'],
    ['DOCUMENT_NOT_CANCELABLE', 'Chứng từ đã bị hủy'],
    ['DOCUMENT_NOT_CANCELABLE', 'Trạng thái chứng từ không thể hủy'],
    ['DOCUMENT_NOT_CANCELABLE', 'Không được phép hủy chứng từ'],
  ])('answers %s when the vendor says "%s"', (key, message) => {
    expect(vnptMessageKey(message)).toBe(key);
  });

  it.each(['Hệ thống đang bận', 'Cancel document success', 'Authenticate and choose company success', ''])(
    'answers nothing when the message "%s" names no refusal',
    (message) => {
      expect(vnptMessageKey(message)).toBeUndefined();
    },
  );
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
