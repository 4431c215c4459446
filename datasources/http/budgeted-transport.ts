import { ErrorCode } from '../../src/errors/error-code';
import type { Vendor } from '../../src/errors/vendor';
import { VendorError } from '../../src/errors/vendor-error';
import type { CallScope, VendorCall, VendorTransport } from './vendor-call';

/**
 * Counts logical vendor calls against the budget of the operation they serve (the call's scope): a call
 * past it fails fast with `QUOTA_EXCEEDED` and never reaches the inner transport. It wraps the whole
 * transport, so the inner one's retries of a call are not counted again. Calls made outside any
 * operation (no scope) are not limited.
 */
export class BudgetedTransport implements VendorTransport {
  constructor(
    private readonly inner: VendorTransport,
    private readonly vendor: Vendor,
  ) {}

  execute<T>(call: VendorCall<T>, scope: CallScope | undefined): Promise<T> {
    const budget = scope?.budget;
    if (budget && !budget.take()) {
      return Promise.reject(
        new VendorError({
          code: ErrorCode.QUOTA_EXCEEDED,
          message: `This operation reached its limit of ${budget.limit} vendor calls (VENDOR_CALLS_PER_OPERATION); split it into smaller operations.`,
          vendor: this.vendor,
          retryable: false,
        }),
      );
    }
    return this.inner.execute(call, scope);
  }
}
