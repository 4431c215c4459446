import {
  isVendorOutage,
  neverReachedVendor,
  TransportFailure,
  transportFailureToVendorError,
} from '../../../datasources/http/transport-failure';
import { ErrorCode } from '../../../src/errors/error-code';
import { Vendor } from '../../../src/errors/vendor';
import { VendorError } from '../../../src/errors/vendor-error';

const VENDOR = Vendor.TENCENT_ESS;

function transportFailureOf(error: VendorError): TransportFailure {
  if (!(error.cause instanceof TransportFailure)) throw new Error(`expected a TransportFailure cause, got ${String(error.cause)}`);
  return error.cause;
}

describe('transportFailureToVendorError', () => {
  const context = { vendor: VENDOR, deadlineExpired: false, retryableTimeout: false };
  const socketError = (code: string): Error => Object.assign(new Error(`${code} 127.0.0.1:1`), { code });

  it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT'])(
    'marks %s as never having reached the vendor',
    (code) => {
      const error = transportFailureToVendorError(socketError(code), context);

      expect(error.code).toBe(ErrorCode.VENDOR_UNAVAILABLE);
      expect(error.retryable).toBe(true);
      expect(neverReachedVendor(error)).toBe(true);
      expect(error.message).not.toContain('127.0.0.1');
    },
  );

  it.each(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE', 'BODY_TOO_LARGE'])('marks %s as possibly having reached the vendor', (code) => {
    const error = transportFailureToVendorError(socketError(code), context);

    expect(error.code).toBe(ErrorCode.VENDOR_UNAVAILABLE);
    expect(neverReachedVendor(error)).toBe(false);
  });

  it('marks an error without a code as possibly having reached the vendor', () => {
    const error = transportFailureToVendorError(new Error('odd'), context);

    expect(transportFailureOf(error)).toMatchObject({ phase: 'exchange', transportCode: 'UNKNOWN' });
  });

  it.each<readonly [string, unknown]>([
    ['a numeric code', Object.assign(new Error('odd'), { code: 111 })],
    ['a thrown string', 'ECONNREFUSED'],
    ['null', null],
    ['an object without a code', { errno: -111 }],
  ])('reads %s as code UNKNOWN, not as a connect failure', (_label, thrown) => {
    const error = transportFailureToVendorError(thrown, context);

    expect(transportFailureOf(error)).toMatchObject({ phase: 'exchange', transportCode: 'UNKNOWN' });
    expect(neverReachedVendor(error)).toBe(false);
  });

  it('says which failure it was in words a client may see, and keeps the socket code for logs only', () => {
    const refused = transportFailureToVendorError(socketError('ECONNREFUSED'), context);
    const reset = transportFailureToVendorError(socketError('ECONNRESET'), context);

    expect(refused).toMatchObject({ message: 'The vendor could not be reached.', vendor: VENDOR });
    expect(reset).toMatchObject({ message: 'The connection to the vendor failed.', vendor: VENDOR });
    expect(transportFailureOf(reset)).toMatchObject({
      name: 'TransportFailure',
      message: 'vendor transport failure (ECONNRESET) during exchange',
    });
  });

  it("records a timeout as an exchange cut off: the deadline as DEADLINE, undici's own timeouts by their code", () => {
    const expired = transportFailureToVendorError(socketError('ECONNRESET'), { ...context, deadlineExpired: true });
    const headers = transportFailureToVendorError(socketError('UND_ERR_HEADERS_TIMEOUT'), context);

    for (const error of [expired, headers]) expect(error).toMatchObject({ message: 'The vendor did not answer in time.', vendor: VENDOR });
    expect(transportFailureOf(expired)).toMatchObject({ phase: 'exchange', transportCode: 'DEADLINE' });
    expect(transportFailureOf(headers)).toMatchObject({ phase: 'exchange', transportCode: 'UND_ERR_HEADERS_TIMEOUT' });
  });

  it.each([true, false])('answers DEADLINE_EXCEEDED with retryable %s when the deadline expired', (retryableTimeout) => {
    const error = transportFailureToVendorError(socketError('ECONNREFUSED'), { ...context, deadlineExpired: true, retryableTimeout });

    expect(error.code).toBe(ErrorCode.DEADLINE_EXCEEDED);
    expect(error.retryable).toBe(retryableTimeout);
    expect(neverReachedVendor(error)).toBe(false);
  });

  it.each(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT'])('answers DEADLINE_EXCEEDED when undici reports %s', (code) => {
    expect(transportFailureToVendorError(socketError(code), context).code).toBe(ErrorCode.DEADLINE_EXCEEDED);
  });
});

describe('isVendorOutage', () => {
  const unavailable = (vendorCode?: string, cause?: unknown): VendorError =>
    new VendorError({ code: ErrorCode.VENDOR_UNAVAILABLE, message: 'u', vendorCode, cause });

  it.each<readonly [string, boolean, VendorError, number | undefined]>([
    [
      'a timeout waiting for the answer',
      true,
      new VendorError({ code: ErrorCode.DEADLINE_EXCEEDED, message: 't', cause: new TransportFailure('exchange', 'DEADLINE') }),
      undefined,
    ],
    ['a refused connection', true, unavailable(undefined, new TransportFailure('connect', 'ECONNREFUSED')), undefined],
    ['a reset mid-exchange', true, unavailable(undefined, new TransportFailure('exchange', 'ECONNRESET')), undefined],
    ['an ESS 502 (no vendor code)', true, unavailable(), 502],
    ['a VNPT 502 (vendorCode HTTP_502)', true, unavailable('HTTP_502'), 502],
    ['a VNPT 503 (vendorCode HTTP_503)', true, unavailable('HTTP_503'), 503],
    ['an unreadable ESS 200 (no vendor code)', true, unavailable(), 200],
    ['an envelope InternalError', false, unavailable('InternalError'), 200],
    ['an envelope InternalError sent with status 500', true, unavailable('InternalError'), 500],
    ['a VNPT 499 (vendorCode HTTP_499)', false, unavailable('HTTP_499'), 499],
    ['an unavailable store before the request was sent', false, unavailable(), undefined],
    [
      'a deadline that expired before the request was sent',
      false,
      new VendorError({ code: ErrorCode.DEADLINE_EXCEEDED, message: 't' }),
      undefined,
    ],
    ['a rate limit answered 503', false, new VendorError({ code: ErrorCode.RATE_LIMITED, message: 'r' }), 503],
    ['bad input', false, new VendorError({ code: ErrorCode.INVALID_INPUT, message: 'i' }), 400],
  ])('says whether %s is an outage (%s)', (_label, outage, error, answerStatus) => {
    expect(isVendorOutage(error, answerStatus)).toBe(outage);
  });
});
