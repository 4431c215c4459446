import { ErrorCode } from '../errors/error-code';
import { VendorError } from '../errors/vendor-error';

/**
 * What a caller gets when the shared store (Redis) does not answer: a typed, retryable
 * `VENDOR_UNAVAILABLE` (DESIGN.md "Reliability contract": never `INTERNAL`). Keyed writes are refused
 * with it rather than run without their idempotency record; the original error is kept as the cause.
 */
export function storeUnavailable(cause: unknown): VendorError {
  return new VendorError({
    code: ErrorCode.VENDOR_UNAVAILABLE,
    message: 'The shared state store is unavailable; nothing was sent to the vendor. Try again shortly.',
    retryable: true,
    cause,
  });
}
