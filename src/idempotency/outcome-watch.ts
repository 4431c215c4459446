import type { KeyValueStore } from '../stores/key-value-store';

/** Delays between reads of a running record: capped exponential backoff with jitter. */
export interface PollBackoff {
  /** The first delay's ceiling. Default 10 ms. */
  readonly initialDelayMs: number;
  /** The ceiling the doubling stops at. Default 250 ms: at most 4 reads a second per key and process. */
  readonly maxDelayMs: number;
}

export const DEFAULT_POLL_BACKOFF: PollBackoff = { initialDelayMs: 10, maxDelayMs: 250 };

/**
 * The delay before read number `attempt` (0-based): half the doubled, capped ceiling plus a random half
 * ("equal jitter"), so the replicas waiting on one key do not read in lockstep.
 */
export function pollDelayMs(attempt: number, backoff: PollBackoff, random: () => number = Math.random): number {
  const ceiling = Math.min(backoff.maxDelayMs, backoff.initialDelayMs * 2 ** Math.min(attempt, 30));
  return ceiling / 2 + (random() * ceiling) / 2;
}

/** What a wait saw: the record once it stopped running (`undefined`: released or expired), or nothing in time. */
export type Observation = { readonly kind: 'settled'; readonly raw: string | undefined } | { readonly kind: 'expired' };

const EXPIRED: Observation = { kind: 'expired' };

interface Watch {
  /** The latest deadline of the waiters sharing this watch; the poll stops there. */
  deadline: number;
  /** A wake-up came while no pause was pending: skip the next pause. */
  woken: boolean;
  /** Ends the pending pause early. */
  endPause: (() => void) | undefined;
  result: Promise<Observation>;
}

/**
 * Waits for a running idempotency record to settle, by reading the store (Redis or in-process) with
 * backoff. A poll needs nothing from Redis but GET, so it works the same on one process, on replicas
 * sharing Redis, and on Redis Cluster or Sentinel; and unlike a pub/sub message, a read cannot be
 * missed by a waiter that subscribed a moment too late.
 *
 * All waiters for one key in this process share one poll (one read per backoff step, however many
 * duplicates wait), and an outcome written by this process wakes its waiters at once (`wake`), so
 * duplicates on the replica that runs the first request do not wait for the next read.
 */
export class OutcomeWatch {
  private readonly watches = new Map<string, Watch>();

  constructor(
    private readonly store: Pick<KeyValueStore, 'get'>,
    private readonly isRunning: (raw: string) => boolean,
    private readonly backoff: PollBackoff = DEFAULT_POLL_BACKOFF,
  ) {}

  /** Resolves once the record at `key` is no longer running, or `expired` after `timeoutMs`. */
  async wait(key: string, timeoutMs: number): Promise<Observation> {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent: a poll with no time left ends at once without reading, and its timer fires as soon
    if (timeoutMs <= 0) return EXPIRED;
    const deadline = performance.now() + timeoutMs;
    const watch = this.watches.get(key) ?? this.start(key, deadline);
    watch.deadline = Math.max(watch.deadline, deadline);
    let timer: NodeJS.Timeout | undefined;
    const expiry = new Promise<Observation>((resolve) => {
      timer = setTimeout(() => {
        resolve(EXPIRED);
      }, timeoutMs);
    });
    try {
      return await Promise.race([watch.result, expiry]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** An outcome for `key` was just written (or the key released) by this process: read it now. */
  wake(key: string): void {
    const watch = this.watches.get(key);
    if (!watch) return;
    if (watch.endPause) watch.endPause();
    else watch.woken = true;
  }

  private start(key: string, deadline: number): Watch {
    const watch: Watch = { deadline, woken: false, endPause: undefined, result: Promise.resolve(EXPIRED) };
    watch.result = this.poll(key, watch).finally(() => {
      // Stryker disable next-line ConditionalExpression: equivalent for `true`: no other watch takes the key before this one is deleted
      if (this.watches.get(key) === watch) this.watches.delete(key);
    });
    this.watches.set(key, watch);
    return watch;
  }

  private async poll(key: string, watch: Watch): Promise<Observation> {
    for (let attempt = 0; ; attempt += 1) {
      const remaining = watch.deadline - performance.now();
      if (remaining <= 0) return EXPIRED;
      await this.pause(Math.min(pollDelayMs(attempt, this.backoff), remaining), watch);
      const raw = await this.store.get(key);
      // Stryker disable next-line ConditionalExpression: equivalent: an absent record is not a running one either (`isRunningRecord`)
      if (raw === undefined || !this.isRunning(raw)) return { kind: 'settled', raw };
    }
  }

  private pause(ms: number, watch: Watch): Promise<void> {
    if (watch.woken) {
      watch.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const end = (): void => {
        clearTimeout(timer);
        watch.endPause = undefined;
        resolve();
      };
      const timer = setTimeout(end, ms);
      watch.endPause = end;
    });
  }
}
