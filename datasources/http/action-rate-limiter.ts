import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { ErrorCode } from '../../src/errors/error-code';
import type { Vendor } from '../../src/errors/vendor';
import { VendorError } from '../../src/errors/vendor-error';

/**
 * Client-side limit per vendor action (Tencent documents 20 requests/s per action). The counters live in
 * whatever `RateLimiterAbstract` is given: memory for one process, Redis so replicas share one budget.
 */
export class ActionRateLimiter {
  constructor(
    private readonly limiter: RateLimiterAbstract,
    private readonly vendor: Vendor,
    /** How long a caller may wait for a free slot before it gets `RATE_LIMITED`. */
    private readonly maxWaitMs: number,
  ) {}

  /** Resolves once a slot for `action` is taken; rejects with a `RATE_LIMITED` VendorError otherwise. */
  async acquire(action: string, signal: AbortSignal): Promise<void> {
    const giveUpAt = Date.now() + this.maxWaitMs;
    for (;;) {
      let waitMs: number;
      try {
        await this.limiter.consume(action, 1);
        return;
      } catch (rejection: unknown) {
        // A store outage must not take the vendor down with it: fail open, the vendor still limits us.
        if (!(rejection instanceof RateLimiterRes)) return;
        waitMs = rejection.msBeforeNext;
      }
      if (Date.now() + waitMs > giveUpAt || signal.aborted) {
        throw new VendorError({
          code: ErrorCode.RATE_LIMITED,
          message: 'Too many requests to the vendor; try again shortly.',
          vendor: this.vendor,
          retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
        });
      }
      await sleep(Math.max(1, waitMs), signal);
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
