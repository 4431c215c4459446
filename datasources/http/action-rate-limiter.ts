import { ErrorCode } from '../../src/errors/error-code';
import type { Vendor } from '../../src/errors/vendor';
import { VendorError } from '../../src/errors/vendor-error';
import type { SlidingWindowLimiter, SlidingWindowRequest } from '../../src/stores/sliding-window';
import type { Deadline } from './call-deadline';

/** One second, plus a guard for the way from taking a slot to the vendor (signing, queueing, network). */
export const DEFAULT_RATE_WINDOW_MS = 1_100;

/** How an attempt that found no free slot ended: `waited` for one and was sent, or `refused` (`RATE_LIMITED`). */
export type RateLimitHold = 'waited' | 'refused';

/** What the limiter reports; `src/observability` implements it with prom-client. */
export interface RateLimitMetrics {
  /** One attempt that did not get a slot at once; attempts that did are not counted (the hot path pays nothing). */
  countRateLimited(vendor: string, action: string, hold: RateLimitHold): void;
}

export interface ActionRateLimiterOptions {
  readonly vendor: Vendor;
  /** The vendor's name in `VENDOR_RATE_LIMITS` (`ess`); namespaces the budgets. */
  readonly vendorKey: string;
  /** The logs: Redis (shared by replicas, with a local fallback) or in-process. */
  readonly windows: SlidingWindowLimiter;
  /** Requests per second allowed for `action` (`rateLimitFor(config.vendorRateLimits, …)`). */
  readonly rateFor: (action: string) => number;
  /** `CALLER_RATE_SHARE`: the largest fraction of an action's rate one caller may use. */
  readonly callerShare: number;
  /** Longest a logical call (all its attempts together) waits for slots before `RATE_LIMITED`. */
  readonly maxWaitMs: number;
  /** How long a slot stays taken. Default {@link DEFAULT_RATE_WINDOW_MS}. */
  readonly windowMs?: number;
  /** Monotonic clock in milliseconds (tests fake it). Default `performance.now`. */
  readonly now?: () => number;
  /** Counts the attempts that waited for a slot or were refused one. Default: none. */
  readonly metrics?: RateLimitMetrics;
}

/**
 * Client-side limit per vendor action (Tencent documents 20 requests/s per action) that holds in every
 * sliding window, not per fixed window; with a caller, also at most `callerShare` of it for that caller.
 * A caller waits for a slot while the wait fits in `maxWaitMs`, then gets `RATE_LIMITED` (retryable) with
 * `retryAfterSeconds` = the time until the window has room, rounded up, at least 1.
 *
 * `acquire` runs once per attempt; attempts of one logical call share its deadline, and so share one
 * `maxWaitMs` budget: a retry after our own refusal does not wait a second time.
 */
export class ActionRateLimiter {
  private readonly giveUpAt = new WeakMap<Deadline, number>();
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(private readonly options: ActionRateLimiterOptions) {
    this.windowMs = options.windowMs ?? DEFAULT_RATE_WINDOW_MS;
    this.now = options.now ?? (() => performance.now());
  }

  /**
   * Resolves once a slot for `action` is taken; rejects with a `RATE_LIMITED` VendorError otherwise.
   * `caller` is who calls (the call scope's); undefined: one caller, no share applies.
   */
  async acquire(action: string, deadline: Deadline, caller: string | undefined): Promise<void> {
    const giveUpAt = this.giveUpAtFor(deadline);
    const request = this.requestFor(action, caller);
    for (let waited = false; ; waited = true) {
      const decision = await this.options.windows.take(request);
      if (decision.granted) {
        if (waited) this.options.metrics?.countRateLimited(this.options.vendor, action, 'waited');
        return;
      }
      if (deadline.aborted || this.now() + decision.retryAfterMs > giveUpAt) {
        this.options.metrics?.countRateLimited(this.options.vendor, action, 'refused');
        throw this.refusal(decision.retryAfterMs);
      }
      await sleep(decision.retryAfterMs, deadline.signal);
    }
  }

  private giveUpAtFor(deadline: Deadline): number {
    const known = this.giveUpAt.get(deadline);
    if (known !== undefined) return known;
    const giveUpAt = this.now() + this.options.maxWaitMs;
    this.giveUpAt.set(deadline, giveUpAt);
    return giveUpAt;
  }

  private requestFor(action: string, caller: string | undefined): SlidingWindowRequest {
    const limit = this.options.rateFor(action);
    const key = `${this.options.vendorKey}:${action}`;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent for a share of 1: the caller's log would hold the action's whole rate, which the action's own log already bounds
    if (caller === undefined || this.options.callerShare >= 1) return { key, limit, windowMs: this.windowMs };
    const callerLimit = Math.max(1, Math.floor(limit * this.options.callerShare));
    return { key, limit, windowMs: this.windowMs, caller: { id: caller, limit: callerLimit } };
  }

  private refusal(waitMs: number): VendorError {
    return new VendorError({
      code: ErrorCode.RATE_LIMITED,
      message: 'Too many requests to the vendor; try again shortly.',
      vendor: this.options.vendor,
      retryable: true,
      retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
    });
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
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: equivalent: `done` removes the listener itself
    signal.addEventListener('abort', done, { once: true });
  });
}
