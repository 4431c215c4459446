/**
 * The stable, public set of failure codes (DESIGN.md "Error model"). Clients switch on these; they are
 * printed into the SDL as the `ErrorCode` enum, so adding one is a schema change and removing one is a
 * breaking change. Values equal names so logs, `extensions.code` and the enum agree.
 */
export enum ErrorCode {
  INVALID_INPUT = 'INVALID_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  ALREADY_EXISTS = 'ALREADY_EXISTS',
  FAILED_PRECONDITION = 'FAILED_PRECONDITION',
  PERMISSION_DENIED = 'PERMISSION_DENIED',
  QUOTA_EXCEEDED = 'QUOTA_EXCEEDED',
  RATE_LIMITED = 'RATE_LIMITED',
  VENDOR_AUTH_FAILED = 'VENDOR_AUTH_FAILED',
  VENDOR_UNAVAILABLE = 'VENDOR_UNAVAILABLE',
  DEADLINE_EXCEEDED = 'DEADLINE_EXCEEDED',
  IDEMPOTENCY_CONFLICT = 'IDEMPOTENCY_CONFLICT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  VENDOR_ERROR = 'VENDOR_ERROR',
  INTERNAL = 'INTERNAL',
}

/**
 * Whether a caller may simply try again. `DEADLINE_EXCEEDED` is retryable for reads only; a write that
 * timed out is retryable only when it carried an idempotency key, which the caller decides
 * (see `VendorError.deadlineExceeded`).
 */
export function isRetryableByDefault(code: ErrorCode): boolean {
  return code === ErrorCode.RATE_LIMITED || code === ErrorCode.VENDOR_UNAVAILABLE || code === ErrorCode.DEADLINE_EXCEEDED;
}
