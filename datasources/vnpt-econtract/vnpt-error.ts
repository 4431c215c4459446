import { VendorError } from '../../src/errors/vendor-error';
import { Vendor } from '../../src/errors/vendor';
import { classifyVendorCode } from '../../src/errors/vendor-code-table';
import { VNPT_ERROR_TABLE } from './error-table';

/** What the vendor told us about a failure, beyond the table key. */
export interface VnptErrorDetails {
  /** The vendor's own code as text: `HTTP_<status>` for HTTP failures, else the envelope code (e.g. `100`). */
  readonly vendorCode?: string;
  /** The envelope's `messages`, joined; never a raw body. */
  readonly vendorMessage?: string;
  readonly vendorRequestId?: string;
  readonly retryAfterSeconds?: number;
  readonly cause?: unknown;
}

/**
 * Builds the `VendorError` for a key of `VNPT_ERROR_TABLE` (an unknown key yields `VENDOR_ERROR`). The
 * client-facing message always comes from the table, so vendor wording never leaks into `message`.
 */
export function vnptError(key: string, details: VnptErrorDetails = {}): VendorError {
  const rule = classifyVendorCode(VNPT_ERROR_TABLE, key);
  return new VendorError({
    code: rule.code,
    message: rule.message,
    vendor: Vendor.VNPT_ECONTRACT,
    vendorCode: details.vendorCode,
    vendorMessage: details.vendorMessage,
    vendorRequestId: details.vendorRequestId,
    retryAfterSeconds: details.retryAfterSeconds,
    cause: details.cause,
  });
}
