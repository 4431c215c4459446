import { ErrorCode } from './error-code';
import type { Vendor } from './vendor';
import { VendorError } from './vendor-error';

/** What every operation of a vendor switched `off` in `VENDORS` answers. */
export function vendorNotConfigured(vendor: Vendor): VendorError {
  return new VendorError({
    code: ErrorCode.VENDOR_UNAVAILABLE,
    message: `${vendor} is not configured on this server (VENDORS sets it off).`,
    vendor,
    retryable: false,
  });
}

/** Returns the vendor's client, or throws `vendorNotConfigured` when the vendor is off. */
export function requireVendor<T>(client: T | undefined, vendor: Vendor): T {
  if (client === undefined) throw vendorNotConfigured(vendor);
  return client;
}
