import { ErrorCode } from '../../src/errors/error-code';

/** The GraphQL object type each error code renders as inside a mutation's result union. */
export const ERROR_TYPENAME_BY_CODE: Readonly<Record<string, string>> = {
  [ErrorCode.INVALID_INPUT]: 'InvalidInputError',
  [ErrorCode.NOT_FOUND]: 'NotFoundError',
  [ErrorCode.ALREADY_EXISTS]: 'AlreadyExistsError',
  [ErrorCode.FAILED_PRECONDITION]: 'FailedPreconditionError',
  [ErrorCode.PERMISSION_DENIED]: 'PermissionDeniedError',
  [ErrorCode.QUOTA_EXCEEDED]: 'QuotaExceededError',
  [ErrorCode.RATE_LIMITED]: 'RateLimitedError',
  [ErrorCode.VENDOR_AUTH_FAILED]: 'VendorAuthError',
  [ErrorCode.VENDOR_UNAVAILABLE]: 'VendorUnavailableError',
  [ErrorCode.DEADLINE_EXCEEDED]: 'DeadlineExceededError',
  [ErrorCode.IDEMPOTENCY_CONFLICT]: 'IdempotencyConflictError',
  [ErrorCode.VENDOR_ERROR]: 'VendorError',
};
