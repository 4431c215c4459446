import { Vendor } from '../../src/errors/vendor';
import type { VendorError } from '../../src/errors/vendor-error';
import { vendorCodeError, type VendorCodeErrorDetails } from '../http/vendor-code-error';
import { VNPT_ERROR_TABLE } from './error-table';

/** What the vendor told us about a failure, beyond the table key. */
export type VnptErrorDetails = Omit<VendorCodeErrorDetails, 'tableKey'>;

/**
 * The `VendorError` for a key of `VNPT_ERROR_TABLE` (an unknown key yields `VENDOR_ERROR`). VNPT's
 * `vendorCode` is not the key: `HTTP_<status>` for HTTP failures, else the envelope code (e.g. `100`).
 */
export function vnptError(key: string, details: VnptErrorDetails = {}): VendorError {
  return vendorCodeError(VNPT_ERROR_TABLE, Vendor.VNPT_ECONTRACT, { ...details, tableKey: key });
}
