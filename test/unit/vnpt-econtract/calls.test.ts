import type { RawVendorResponse } from '../../../datasources/http/vendor-call';
import { cancelDocumentCall, getDocumentCall, passwordLoginCall } from '../../../datasources/vnpt-econtract/calls';
import { parseVnptEnvelope } from '../../../datasources/vnpt-econtract/envelope';
import { ErrorCode } from '../../../src/errors/error-code';
import { VendorError } from '../../../src/errors/vendor-error';
import { SEED_CANCEL_REQUEST, SEED_CANCEL_RESPONSE_BODY } from './seed-cancel-document.fixture';

/**
 * The VNPT calls without HTTP: what each builds (VENDORS.md "VNPT eContract": paths, JSON headers, the
 * login and cancel bodies) and how each reads an answer (the seed's sample response, refusals, odd bodies).
 */
const SETTINGS = { basePath: '/econtract', defaultOffsetMinutes: 420 };
const CREDENTIALS = { username: 'integration', password: 'integration-password', companyId: '164' };

function answer(status: number, body: unknown, headers: RawVendorResponse['headers'] = {}): RawVendorResponse {
  return { status, headers, body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)) };
}

function ok(data: unknown): RawVendorResponse {
  return answer(200, { data, success: true, code: 0, messages: [] });
}

function refusal(code: number, ...messages: string[]): RawVendorResponse {
  return answer(200, { data: null, success: false, code, messages });
}

function thrownBy(run: () => unknown): VendorError {
  try {
    run();
  } catch (error: unknown) {
    if (error instanceof VendorError) return error;
    throw error;
  }
  throw new Error('expected a VendorError');
}

describe('passwordLoginCall', () => {
  it('posts username, password and a numeric companyId as JSON to the login path', () => {
    const call = passwordLoginCall(SETTINGS, CREDENTIALS);
    const wire = call.build(new Date());
    expect(call).toMatchObject({ operation: 'password-login', kind: 'read' });
    expect(wire).toEqual({
      method: 'POST',
      path: '/econtract/api/auth/password-login',
      headers: { 'Content-Type': 'application/json; charset=utf-8', Accept: 'application/json' },
      body: '{"username":"integration","password":"integration-password","companyId":164}',
    });
  });

  it.each(['164a', 'a164', '', '16 4'])('keeps a companyId that is not all digits (%p) as text', (companyId) => {
    const wire = passwordLoginCall(SETTINGS, { ...CREDENTIALS, companyId }).build(new Date());
    expect(JSON.parse(wire.body ?? '{}')).toMatchObject({ companyId });
  });

  it('answers the token, trimmed, from the documented login answer', () => {
    const call = passwordLoginCall(SETTINGS, CREDENTIALS);
    expect(call.parse(answer(200, { data: '  eyJhbGciOiJIUzI1NiJ9.e30.sig  ', success: true, code: 0, messages: [] }))).toBe(
      'eyJhbGciOiJIUzI1NiJ9.e30.sig',
    );
  });

  it.each([
    ['no token', null],
    ['a blank token', '   '],
    ['a number', 42],
  ])('answers VENDOR_UNAVAILABLE when the login answer carries %s', (_label, data) => {
    expect(thrownBy(() => passwordLoginCall(SETTINGS, CREDENTIALS).parse(ok(data)))).toMatchObject({
      code: ErrorCode.VENDOR_UNAVAILABLE,
      vendorMessage: 'The login answer carries no token',
    });
  });

  it('calls any other refusal of the login a credentials problem, keeping what the vendor said', () => {
    const error = thrownBy(() =>
      passwordLoginCall(SETTINGS, CREDENTIALS).parse(
        answer(400, { data: null, success: false, code: 400, messages: ['Bad'] }, { 'x-request-id': 'r-1' }),
      ),
    );
    expect(error).toMatchObject({
      code: ErrorCode.VENDOR_AUTH_FAILED,
      message: "The vendor rejected this service's login credentials.",
      vendorCode: 'HTTP_400',
      vendorMessage: 'Bad',
      vendorRequestId: 'r-1',
    });
    expect(error.cause).toBeInstanceOf(VendorError);
  });

  it.each([
    ['an outage', answer(502, ''), ErrorCode.VENDOR_UNAVAILABLE],
    ['a rate limit', answer(429, ''), ErrorCode.RATE_LIMITED],
    ['a 401', answer(401, ''), ErrorCode.VENDOR_AUTH_FAILED],
  ])('keeps %s at login as it is', (_label, raw, code) => {
    const error = thrownBy(() => passwordLoginCall(SETTINGS, CREDENTIALS).parse(raw));
    expect(error.code).toBe(code);
    expect(error.cause).toBeUndefined();
  });
});

describe('getDocumentCall', () => {
  it('GETs the encoded id under the base path with the bearer token', () => {
    const call = getDocumentCall(SETTINGS, 'tok', 'a b/c');
    expect(call).toMatchObject({ operation: 'get-document', kind: 'read' });
    expect(call.build(new Date())).toEqual({
      method: 'GET',
      path: '/econtract/api/documents/a%20b%2Fc',
      headers: { 'Content-Type': 'application/json; charset=utf-8', Accept: 'application/json', Authorization: 'Bearer tok' },
    });
  });

  it('maps the seed document and answers null for absent data or a not-found refusal', () => {
    const call = getDocumentCall(SETTINGS, 'tok', 'x');
    expect(call.parse(answer(200, SEED_CANCEL_RESPONSE_BODY))).toMatchObject({ id: '866d1e40-e72c-4a22-c9df-08dbd60bf724' });
    expect(call.parse(ok(null))).toBeNull();
    expect(call.parse(answer(200, { success: true, code: 0, messages: [] }))).toBeNull();
    expect(call.parse(refusal(0, 'Document does not exist'))).toBeNull();
    expect(call.parse(answer(404, ''))).toBeNull();
    expect(thrownBy(() => call.parse(answer(403, ''))).code).toBe(ErrorCode.PERMISSION_DENIED);
  });
});

describe('cancelDocumentCall', () => {
  it('posts exactly the seed request body with the bearer token', () => {
    const call = cancelDocumentCall(SETTINGS, 'tok', SEED_CANCEL_REQUEST, true);
    expect(call).toMatchObject({ operation: 'cancel-document', kind: 'write', idempotent: true });
    const wire = call.build(new Date());
    expect(wire).toEqual({
      method: 'POST',
      path: '/econtract/api/documents/cancel',
      headers: { 'Content-Type': 'application/json; charset=utf-8', Accept: 'application/json', Authorization: 'Bearer tok' },
      body: '{"id":"4d0f7767-97b4-40ac-2b54-08dbfaff6da3","reason":"Thông tin chứng từ bị sai, hủy và tạo chứng từ mới"}',
    });
  });

  it('answers the canceled document from the seed response, and the id alone when the answer holds no readable document', () => {
    const call = cancelDocumentCall(SETTINGS, 'tok', SEED_CANCEL_REQUEST, false);
    expect(call.parse(answer(200, SEED_CANCEL_RESPONSE_BODY))).toMatchObject({
      documentId: '866d1e40-e72c-4a22-c9df-08dbd60bf724',
      document: { id: '866d1e40-e72c-4a22-c9df-08dbd60bf724', status: 'CANCELED' },
    });
    expect(call.parse(ok(null))).toEqual({ documentId: SEED_CANCEL_REQUEST.id, document: undefined });
    expect(call.parse(ok({ no: 'without id' }))).toEqual({ documentId: SEED_CANCEL_REQUEST.id, document: undefined });
  });

  it('throws the refusal when the vendor refuses the cancel', () => {
    expect(thrownBy(() => cancelDocumentCall(SETTINGS, 'tok', SEED_CANCEL_REQUEST, false).parse(refusal(0, 'Chứng từ đã hủy'))).code).toBe(
      ErrorCode.FAILED_PRECONDITION,
    );
  });
});

describe('parseVnptEnvelope edge cases', () => {
  it.each([199, 300, 304])('treats HTTP %i as a failed status, not a success', (status) => {
    const error = thrownBy(() => parseVnptEnvelope(answer(status, { data: { id: 'x' }, success: true, code: 0, messages: [] })));
    expect(error.vendorCode).toBe(`HTTP_${status}`);
  });

  it.each([200, 204, 299])('reads the envelope of HTTP %i', (status) => {
    expect(parseVnptEnvelope(answer(status, { data: 'd', success: true, code: 0, messages: [] }))).toBe('d');
  });

  it('reads a single string message and drops messages that are not strings', () => {
    expect(thrownBy(() => parseVnptEnvelope(answer(200, { success: false, code: 77, messages: 'Hệ thống đang bận' })))).toMatchObject({
      vendorMessage: 'Hệ thống đang bận',
    });
    expect(thrownBy(() => parseVnptEnvelope(answer(200, { success: false, code: 77, messages: [1, 'kept', null] })))).toMatchObject({
      vendorMessage: 'kept',
    });
  });

  it('leaves vendorMessage out when no message has text, and the code out when there is none', () => {
    const error = thrownBy(() => parseVnptEnvelope(answer(200, { success: false, messages: ['', '  '] })));
    expect(error).toMatchObject({ code: ErrorCode.VENDOR_ERROR, vendorCode: undefined, vendorMessage: undefined });
  });

  it('classifies a refusal without a code by its message', () => {
    expect(thrownBy(() => parseVnptEnvelope(answer(200, { success: false, messages: ['Document does not exist'] })))).toMatchObject({
      code: ErrorCode.NOT_FOUND,
      vendorCode: undefined,
    });
  });

  it('reads the messages of every line when the refusal is worded over several messages', () => {
    expect(thrownBy(() => parseVnptEnvelope(refusal(0, 'Yêu cầu bị từ chối', 'Chứng từ đã hủy'))).code).toBe(ErrorCode.FAILED_PRECONDITION);
  });

  it('cuts a vendor message longer than 1000 characters and keeps one of exactly 1000', () => {
    const long = thrownBy(() => parseVnptEnvelope(refusal(77, 'x'.repeat(1001))));
    expect(long.vendorMessage).toBe(`${'x'.repeat(1000)}…`);
    expect(thrownBy(() => parseVnptEnvelope(refusal(77, 'y'.repeat(1000)))).vendorMessage).toBe('y'.repeat(1000));
  });

  it.each(['x-request-id', 'x-correlation-id', 'request-id', 'x-trace-id'])('takes the vendor request id from %s', (header) => {
    expect(thrownBy(() => parseVnptEnvelope(answer(503, '', { [header]: 'req-7' }))).vendorRequestId).toBe('req-7');
  });

  it('reads messages that are neither a list nor text, or absent, as none', () => {
    expect(thrownBy(() => parseVnptEnvelope(answer(200, { success: false, code: 77, messages: 5 })))).toMatchObject({
      vendorCode: '77',
      vendorMessage: undefined,
    });
    expect(thrownBy(() => parseVnptEnvelope(answer(200, { success: false, code: 77 })))).toMatchObject({ vendorMessage: undefined });
  });

  it('matches refusal wording within one message, not across two', () => {
    // "password" and "incorrect" in separate messages are two statements, not "password … incorrect".
    expect(thrownBy(() => parseVnptEnvelope(refusal(77, 'Password', 'incorrect'))).code).toBe(ErrorCode.VENDOR_ERROR);
    expect(thrownBy(() => parseVnptEnvelope(refusal(77, 'Password incorrect'))).code).toBe(ErrorCode.VENDOR_AUTH_FAILED);
  });
});
