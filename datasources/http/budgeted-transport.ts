import { ErrorCode } from '../../src/errors/error-code';
import type { Vendor } from '../../src/errors/vendor';
import { VendorError } from '../../src/errors/vendor-error';
import type { VendorCall, VendorTransport } from './vendor-call';

/** A count of vendor calls one operation may still make (`OperationBudget`). */
export interface CallBudget {
  readonly limit: number;
  /** Takes one call; false once the budget is spent. */
  take(): boolean;
}

/**
 * Counts logical vendor calls against the budget of the operation being served (`budgetOf`, the request
 * scope's): a call past it fails fast with `QUOTA_EXCEEDED` and never reaches the inner transport. It
 * wraps the whole transport, so the inner one's retries of a call are not counted again. Calls made
 * outside any operation (`budgetOf` gives undefined) are not limited.
 */
export class BudgetedTransport implements VendorTransport {
  constructor(
    private readonly inner: VendorTransport,
    private readonly vendor: Vendor,
    private readonly budgetOf: () => CallBudget | undefined,
  ) {}

  execute<T>(call: VendorCall<T>): Promise<T> {
    const budget = this.budgetOf();
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
    return this.inner.execute(call);
  }
}
