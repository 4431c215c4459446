import { ErrorCode } from '../../src/errors/error-code';
import type { Vendor } from '../../src/errors/vendor';
import { VendorError } from '../../src/errors/vendor-error';
import { rule, type VendorCodeRule } from '../../src/errors/vendor-code-table';
import type { ResponseHeaders } from './headers';
import { retryAfterSecondsFor } from './retry-after';

/**
 * What an HTTP status means when the vendor's answer names no error code of its own (DESIGN.md "Error
 * model"). One table serves every vendor; a vendor that documents another meaning for a status states it
 * as a row of its own overrides (`withStatusOverrides`), next to its code table.
 */
export interface HttpStatusTable {
  /** Rows for single statuses. */
  readonly statuses: Readonly<Record<number, VendorCodeRule>>;
  /** A 4xx without a row of its own. */
  readonly otherClientError: VendorCodeRule;
  /** 5xx, and any other status that is neither a success nor a 4xx: the vendor gave no usable answer. */
  readonly serverError: VendorCodeRule;
  /** A success status whose body this service cannot read (not JSON, not the vendor's envelope). */
  readonly unreadable: VendorCodeRule;
}

/** A vendor's deviations from `HTTP_STATUS_TABLE`; `statuses` rows replace or add single statuses. */
export type HttpStatusOverrides = Partial<HttpStatusTable>;

/** The shared meaning of HTTP statuses. */
export const HTTP_STATUS_TABLE: HttpStatusTable = Object.freeze({
  statuses: Object.freeze({
    400: rule(ErrorCode.INVALID_INPUT, 'The vendor rejected the request as invalid.'),
    401: rule(ErrorCode.VENDOR_AUTH_FAILED, "The vendor rejected this service's credentials."),
    403: rule(ErrorCode.VENDOR_AUTH_FAILED, "The vendor refused this service's credentials for this operation."),
    404: rule(ErrorCode.NOT_FOUND, 'The requested resource was not found at the vendor.'),
    429: rule(ErrorCode.RATE_LIMITED, 'The vendor is limiting the request rate; try again later.'),
  }),
  otherClientError: rule(ErrorCode.VENDOR_ERROR, 'The vendor refused the request.'),
  serverError: rule(ErrorCode.VENDOR_UNAVAILABLE, 'The vendor is unavailable; try again later.'),
  unreadable: rule(ErrorCode.VENDOR_UNAVAILABLE, 'The vendor returned a response this service could not read.'),
});

/** `HTTP_STATUS_TABLE` with a vendor's deviations applied (status rows one by one). */
export function withStatusOverrides(overrides: HttpStatusOverrides): HttpStatusTable {
  return Object.freeze({
    ...HTTP_STATUS_TABLE,
    ...overrides,
    statuses: Object.freeze({ ...HTTP_STATUS_TABLE.statuses, ...overrides.statuses }),
  });
}

/** The rule `table` gives an answer with HTTP `status` (a non-success one). */
export function httpStatusRule(table: HttpStatusTable, status: number): VendorCodeRule {
  const own = Object.hasOwn(table.statuses, status) ? table.statuses[status] : undefined;
  if (own) return own;
  return status >= 400 && status <= 499 ? table.otherClientError : table.serverError;
}

/** What an answer told us besides its status; never its raw body. */
export interface AnswerDetails {
  /** Set only where a vendor's errors name the status as their code (VNPT: `HTTP_<status>`). */
  readonly vendorCode?: string;
  readonly vendorMessage?: string;
  readonly vendorRequestId?: string;
}

/**
 * The `VendorError` for a non-success answer that names no vendor error code, classified by its status;
 * a `RATE_LIMITED` one waits as its `Retry-After` says (measured from `now`, default 1 s).
 */
export function httpStatusError(
  table: HttpStatusTable,
  vendor: Vendor,
  answer: AnswerDetails & { readonly status: number; readonly headers: ResponseHeaders; readonly now?: Date },
): VendorError {
  const { code, message } = httpStatusRule(table, answer.status);
  return new VendorError({
    code,
    message,
    vendor,
    vendorCode: answer.vendorCode,
    vendorMessage: answer.vendorMessage,
    vendorRequestId: answer.vendorRequestId,
    retryAfterSeconds: retryAfterSecondsFor(code, answer.headers, answer.now),
  });
}

/** The `VendorError` for a success status whose body is not the vendor's envelope (`table.unreadable`). */
export function unreadableAnswerError(table: HttpStatusTable, vendor: Vendor, answer: AnswerDetails = {}): VendorError {
  return new VendorError({
    code: table.unreadable.code,
    message: table.unreadable.message,
    vendor,
    vendorCode: answer.vendorCode,
    vendorMessage: answer.vendorMessage,
    vendorRequestId: answer.vendorRequestId,
  });
}
