import { ErrorCode } from '../../src/errors/error-code';
import type { Vendor } from '../../src/errors/vendor';
import { VendorError } from '../../src/errors/vendor-error';

/**
 * Where a transport failure happened. `connect`: the request provably never reached the vendor, so
 * even a write may be retried. `exchange`: it may have been received and acted upon.
 */
export type TransportPhase = 'connect' | 'exchange';

/** Kept as the `cause` of the `VendorError` a transport failure becomes; never shown to clients. */
export class TransportFailure extends Error {
  override readonly name = 'TransportFailure';
  constructor(
    readonly phase: TransportPhase,
    readonly transportCode: string,
  ) {
    super(`vendor transport failure (${transportCode}) during ${phase}`);
  }
}

const CONNECT_PHASE_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

const TIMEOUT_CODES: ReadonlySet<string> = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

function errorCodeOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const { code } = error;
    if (typeof code === 'string') return code;
  }
  return 'UNKNOWN';
}

/**
 * Turns whatever undici threw for one attempt into a `VendorError`. The message names the failure
 * class only; socket details stay in the cause for logs.
 */
export function transportFailureToVendorError(
  error: unknown,
  context: { readonly vendor: Vendor; readonly deadlineExpired: boolean; readonly retryableTimeout: boolean },
): VendorError {
  const code = errorCodeOf(error);
  if (context.deadlineExpired || TIMEOUT_CODES.has(code)) {
    return new VendorError({
      code: ErrorCode.DEADLINE_EXCEEDED,
      message: 'The vendor did not answer in time.',
      vendor: context.vendor,
      retryable: context.retryableTimeout,
      cause: new TransportFailure('exchange', context.deadlineExpired ? 'DEADLINE' : code),
    });
  }
  const phase: TransportPhase = CONNECT_PHASE_CODES.has(code) ? 'connect' : 'exchange';
  return new VendorError({
    code: ErrorCode.VENDOR_UNAVAILABLE,
    message: phase === 'connect' ? 'The vendor could not be reached.' : 'The connection to the vendor failed.',
    vendor: context.vendor,
    cause: new TransportFailure(phase, code),
  });
}

/** True when the failed attempt provably never reached the vendor. */
export function neverReachedVendor(error: VendorError): boolean {
  return error.cause instanceof TransportFailure && error.cause.phase === 'connect';
}

/**
 * True when a failed attempt says the vendor itself is down or hanging: what its circuit breaker counts.
 * Judged by what happened, not by the vendor's code text (VNPT names its HTTP failures `HTTP_<status>`,
 * ESS and Volcengine name none):
 * - no answer, or none in time: a transport failure (refused, reset, timed out);
 * - an answer the vendor's parser classed `VENDOR_UNAVAILABLE` that has a 5xx status (the vendor, or the
 *   gateway in front of it, says it is failing), or that carries no error of the vendor's own (an
 *   unreadable body).
 * Anything else proves the vendor alive, an error envelope too, even one saying InternalError. A failure
 * before the request was sent (our rate limit, a store the request needed) says nothing about the vendor.
 *
 * @param answerStatus the HTTP status of the answer the attempt got; `undefined` when none came.
 */
export function isVendorOutage(error: VendorError, answerStatus: number | undefined): boolean {
  if (error.cause instanceof TransportFailure) return true;
  if (error.code !== ErrorCode.VENDOR_UNAVAILABLE || answerStatus === undefined) return false;
  return answerStatus >= 500 || error.vendorCode === undefined;
}
