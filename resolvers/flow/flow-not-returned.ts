import { ErrorCode } from '../../src/errors/error-code';
import { Vendor } from '../../src/errors/vendor';
import { VendorError } from '../../src/errors/vendor-error';

/**
 * A flow a write just named that DescribeFlowInfo does not return (yet): the vendor is momentarily
 * inconsistent. Retryable as a read (`flow(id:)`); the write itself succeeded and must not be repeated.
 */
export function flowNotReturned(what: string): VendorError {
  return new VendorError({
    code: ErrorCode.VENDOR_UNAVAILABLE,
    message: `Tencent ESS did not return the ${what} yet; read it again with flow(id:).`,
    vendor: Vendor.TENCENT_ESS,
  });
}
