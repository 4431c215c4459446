import type { Vendor } from '../../src/errors/vendor';
import { VendorError } from '../../src/errors/vendor-error';
import type { ExpectedError } from '../fixtures/expected-error';

/** The `VendorError` that `read` throws; fails the test when it throws nothing or something else. */
export function thrownVendorError(read: () => unknown, what: string): VendorError {
  try {
    read();
  } catch (error: unknown) {
    if (error instanceof VendorError) return error;
    throw error;
  }
  throw new Error(`${what} was accepted, not refused`);
}

/** What every error of one vendor's table must carry besides its fixture row's code and retryable. */
export interface ExpectedErrorContext {
  readonly vendor: Vendor;
  /** The vendor's own text: it travels as vendorMessage and never becomes our message. */
  readonly vendorMessage: string;
  readonly vendorRequestId: string;
  /** Our message's rule (plain English at least); says what is wrong, or undefined when it holds. */
  readonly messageProblem: (message: string) => string | undefined;
}

/**
 * Every fixture row whose error (`errorFor(vendorCode)`) does not come out as the fixture and `context`
 * say, as readable lines: empty when all agree, so one `toEqual([])` shows every disagreement at once.
 */
export function disagreements(
  rows: readonly ExpectedError[],
  errorFor: (vendorCode: string) => VendorError,
  context: ExpectedErrorContext,
): string[] {
  return rows.flatMap(({ vendorCode, code, retryable }) => {
    const error = errorFor(vendorCode);
    const problems = [
      error.code === code ? undefined : `code ${error.code}, expected ${code}`,
      error.retryable === retryable ? undefined : `retryable ${String(error.retryable)}, expected ${String(retryable)}`,
      error.vendor === context.vendor ? undefined : `vendor ${String(error.vendor)}`,
      error.vendorCode === vendorCode ? undefined : `vendorCode ${String(error.vendorCode)}`,
      error.vendorMessage === context.vendorMessage ? undefined : 'vendorMessage not kept',
      error.vendorRequestId === context.vendorRequestId ? undefined : 'RequestId not kept',
      context.messageProblem(error.message),
    ].filter((problem): problem is string => problem !== undefined);
    return problems.length === 0 ? [] : [`${vendorCode}: ${problems.join('; ')}`];
  });
}
