import { ErrorCode } from '../errors/error-code';

/** What the README's `ErrorCode` table says about one code besides what the code itself decides. */
export interface ErrorCodeDoc {
  /** What the code tells a caller, and where it comes from other than a vendor's error code. */
  readonly meaning: string;
  /** Qualifies `isRetryableByDefault` (when, how long to wait); printed after "yes" / "no". */
  readonly retryNote?: string;
}

/**
 * The meaning of every `ErrorCode`, from DESIGN.md "Error model" (its "typical sources" column, less the
 * vendor codes, which the generator takes from the vendors' tables). A `Record` over the enum, so a new
 * code fails the type check until it is described here.
 */
export const ERROR_CODE_DOCS: Readonly<Record<ErrorCode, ErrorCodeDoc>> = {
  [ErrorCode.INVALID_INPUT]: {
    meaning:
      "The input was rejected, by this service's own validation before any vendor call or by the vendor (HTTP 400); `field` names the culprit.",
  },
  [ErrorCode.NOT_FOUND]: { meaning: 'The resource does not exist at the vendor (HTTP 404), or the vendor does not list the id.' },
  [ErrorCode.ALREADY_EXISTS]: { meaning: 'What the request would create already exists (a relationship, a repeated signer).' },
  [ErrorCode.FAILED_PRECONDITION]: {
    meaning: "The request is valid but the resource's current state forbids it (e.g. a document already canceled).",
  },
  [ErrorCode.PERMISSION_DENIED]: {
    meaning: "The vendor refuses the operation to this service's account (not authorized, IP lists, not the document's creator).",
  },
  [ErrorCode.QUOTA_EXCEEDED]: {
    meaning: 'A vendor quota is used up, or the operation needed more than `VENDOR_CALLS_PER_OPERATION` vendor calls.',
  },
  [ErrorCode.RATE_LIMITED]: {
    meaning: "Too many requests: the vendor's limit (HTTP 429) or this service's own limiter (`VENDOR_RATE_LIMITS`, `CALLER_RATE_SHARE`).",
    retryNote: 'after `retryAfterSeconds`',
  },
  [ErrorCode.VENDOR_AUTH_FAILED]: {
    meaning:
      "This service's vendor credentials are wrong or expired (VNPT: a 401 after one re-login). An operator problem, logged at error.",
  },
  [ErrorCode.VENDOR_UNAVAILABLE]: {
    meaning:
      'The vendor failed or could not be reached: an internal error, HTTP 5xx, connection refused or reset, a malformed body, an open circuit breaker; also a vendor turned `off` and an unreachable Redis.',
  },
  [ErrorCode.DEADLINE_EXCEEDED]: {
    meaning: 'The vendor did not answer within `VENDOR_TIMEOUT_MS`.',
    retryNote: 'for reads; for writes only with an idempotency key',
  },
  [ErrorCode.IDEMPOTENCY_CONFLICT]: {
    meaning:
      'The same `idempotencyKey` was reused with a different input, or the first request with it was still running when this one stopped waiting for it (`VENDOR_TIMEOUT_MS`).',
    retryNote: 'for a different input; yes when the wait ran out: send it again to get the first outcome',
  },
  [ErrorCode.UNAUTHENTICATED]: { meaning: 'No token, or an invalid one. Always a top-level error.' },
  [ErrorCode.FORBIDDEN]: { meaning: 'The token lacks a scope the operation needs. Always a top-level error.' },
  [ErrorCode.VENDOR_ERROR]: {
    meaning: 'A vendor code this service does not know (kept verbatim in `vendorCode`), or a fault in its own vendor integration.',
  },
  [ErrorCode.INTERNAL]: {
    meaning: 'A bug in this service: the message is masked and logged with a correlation id. Always a top-level error.',
  },
};
