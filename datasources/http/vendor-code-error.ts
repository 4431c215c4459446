import type { Vendor } from '../../src/errors/vendor';
import { VendorError } from '../../src/errors/vendor-error';
import { classifyVendorCode, UNKNOWN_VENDOR_CODE_RULE, type VendorCodeTable } from '../../src/errors/vendor-code-table';
import type { ResponseHeaders } from './headers';
import { retryAfterSecondsFor } from './retry-after';

/** What a vendor's error answer said; never its raw body. */
export interface VendorCodeErrorDetails {
  /** The vendor's own error code, verbatim; also the key looked up in the table unless `tableKey` is given. */
  readonly vendorCode?: string;
  /** The row to classify by when it is not the vendor's code (VNPT names refusals by their wording). */
  readonly tableKey?: string;
  /** The vendor's own text (any language); the client-facing message always comes from the table. */
  readonly vendorMessage?: string;
  readonly vendorRequestId?: string;
  /** The answer's headers: `Retry-After` sets the wait of a `RATE_LIMITED` error (default 1 s). */
  readonly headers?: ResponseHeaders;
  /** The instant an HTTP-date `Retry-After` is measured from; default now. */
  readonly now?: Date;
  readonly cause?: unknown;
}

/**
 * The one step "vendor error code → `VendorError`" for every vendor: classifies the code with the
 * vendor's `table` (exact row, longest prefix, else `VENDOR_ERROR`) and keeps the vendor's code, text and
 * RequestId beside the table's English message.
 */
export function vendorCodeError(table: VendorCodeTable, vendor: Vendor, details: VendorCodeErrorDetails): VendorError {
  const key = details.tableKey ?? details.vendorCode;
  const { code, message } = key === undefined ? UNKNOWN_VENDOR_CODE_RULE : classifyVendorCode(table, key);
  return new VendorError({
    code,
    message,
    vendor,
    vendorCode: details.vendorCode,
    vendorMessage: details.vendorMessage,
    vendorRequestId: details.vendorRequestId,
    retryAfterSeconds: retryAfterSecondsFor(code, details.headers, details.now),
    cause: details.cause,
  });
}
