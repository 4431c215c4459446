import type { Logger } from 'pino';
import type { SlidingWindowDecision, SlidingWindowLimiter, SlidingWindowRequest } from './sliding-window';
import { asError } from '../errors/as-error';

export interface FallbackSlidingWindowOptions {
  /** Longest wait for the shared log before the local one decides. Default 300 ms. */
  readonly timeoutMs?: number;
  /** After a failure, how long the local log decides alone before the shared one is tried again. Default 1 s. */
  readonly retrySharedAfterMs?: number;
  readonly logger?: Logger;
  readonly now?: () => number;
}

/**
 * The shared log (Redis) with a local one behind it: when the shared log fails or is slow, the local log
 * decides, so a Redis outage costs neither an error nor a stall — at most `timeoutMs` once per
 * `retrySharedAfterMs`. During an outage each replica enforces the full limit on its own (the vendor's
 * own limit still applies). Logs at warn once per outage and at info when the shared log answers again.
 */
export class FallbackSlidingWindow implements SlidingWindowLimiter {
  private localUntil = Number.NEGATIVE_INFINITY;
  private degraded = false;
  private readonly timeoutMs: number;
  private readonly retrySharedAfterMs: number;
  private readonly now: () => number;

  constructor(
    private readonly shared: SlidingWindowLimiter,
    private readonly local: SlidingWindowLimiter,
    private readonly options: FallbackSlidingWindowOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 300;
    this.retrySharedAfterMs = options.retrySharedAfterMs ?? 1_000;
    this.now = options.now ?? (() => performance.now());
  }

  async take(request: SlidingWindowRequest): Promise<SlidingWindowDecision> {
    if (this.now() < this.localUntil) return this.local.take(request);
    try {
      const decision = await withTimeout(this.shared.take(request), this.timeoutMs);
      if (this.degraded) {
        this.degraded = false;
        this.options.logger?.info('rate limiter: shared (Redis) counters answer again');
      }
      return decision;
    } catch (error: unknown) {
      this.localUntil = this.now() + this.retrySharedAfterMs;
      if (!this.degraded) {
        this.degraded = true;
        this.options.logger?.warn(
          { err: error },
          'rate limiter: shared (Redis) counters failed; limiting in this process until they answer',
        );
      }
      return this.local.take(request);
    }
  }
}

/**
 * `work`, or a rejection after `ms`. The timer's verdict waits for the next check phase, so an answer
 * already read off the socket in the same event-loop turn (a busy loop runs timers first) still wins.
 */
function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      setImmediate(() => {
        if (settled) return;
        settled = true;
        reject(new Error(`no answer within ${String(ms)} ms`));
      });
    }, ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        if (settled) return;
        settled = true;
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        if (settled) return;
        settled = true;
        reject(asError(error));
      },
    );
  });
}
