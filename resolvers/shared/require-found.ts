import { ErrorCode } from '../../src/errors/error-code';
import type { Vendor } from '../../src/errors/vendor';
import { VendorError } from '../../src/errors/vendor-error';

/**
 * For non-null fields that point at an entity the vendor just told us about: a miss means the vendor is
 * inconsistent (e.g. not yet indexed), reported as a retryable `VENDOR_UNAVAILABLE`, not a crash.
 */
export async function requireFound<T>(value: Promise<T | null>, vendor: Vendor, what: string): Promise<T> {
  const found = await value;
  if (found === null) {
    throw new VendorError({ code: ErrorCode.VENDOR_UNAVAILABLE, message: `The vendor did not return the ${what} yet.`, vendor });
  }
  return found;
}
