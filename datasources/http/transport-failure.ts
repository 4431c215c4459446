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
 * True for failures that say the vendor itself is down or hanging (no usable answer): these feed the
 * circuit breaker. A vendor that answers with an error envelope is alive, whatever the code says.
 */
export function isVendorOutage(error: VendorError): boolean {
  if (error.code === ErrorCode.DEADLINE_EXCEEDED) return true;
  return error.code === ErrorCode.VENDOR_UNAVAILABLE && error.vendorCode === undefined;
}
