import { ErrorCode } from '../errors/error-code';
import { VendorError } from '../errors/vendor-error';

/** The field a key problem blames; the resolver layer renders it as its input path. */
export const IDEMPOTENCY_KEY_FIELD = 'idempotencyKey';

function conflict(message: string, retryable: boolean): VendorError {
  return new VendorError({ code: ErrorCode.IDEMPOTENCY_CONFLICT, message, field: IDEMPOTENCY_KEY_FIELD, retryable });
}

/** The key is bound to other input: no retry with this key can succeed. */
export function keyUsedWithOtherInput(): VendorError {
  return conflict('This idempotency key was already used with different input.', false);
}

/**
 * The first request with this key outlasted our wait (the vendor deadline). Retryable: sending the same
 * key and input again replays its outcome once there is one, and this request made no vendor call.
 */
export function firstStillRunning(): VendorError {
  return conflict('A request with this idempotency key is still running; send it again to get its outcome.', true);
}

/** The first request failed retryably and released the key without an outcome: the next send runs it. */
export function firstReleasedKey(): VendorError {
  return conflict('The request with this idempotency key failed with a retryable error; send it again.', true);
}

/** The record store (Redis) failed: a keyed write is refused rather than run without its record. */
export function recordStoreUnavailable(cause: unknown): VendorError {
  if (cause instanceof VendorError) return cause;
  return new VendorError({
    code: ErrorCode.VENDOR_UNAVAILABLE,
    message: 'The idempotency record store is unavailable; the write was not sent. Try again.',
    retryable: true,
    cause,
  });
}

export function keyLengthInvalid(maxLength: number): VendorError {
  return VendorError.invalidInput(IDEMPOTENCY_KEY_FIELD, `The idempotency key must be 1 to ${maxLength} characters.`);
}
