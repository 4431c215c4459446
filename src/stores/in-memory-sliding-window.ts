import type { SlidingWindowDecision, SlidingWindowLimiter, SlidingWindowRequest } from './sliding-window';

/** One window's log: the times of the slots taken, oldest first (the clock never goes back). */
class SlotLog {
  private times: number[] = [];
  private head = 0;

  get size(): number {
    return this.times.length - this.head;
  }

  /** Forgets slots that left the window: taken at or before `now - windowMs`. */
  prune(now: number, windowMs: number): void {
    while (this.head < this.times.length && (this.times[this.head] ?? now) <= now - windowMs) this.head += 1;
    // Compact once half the array is dead, so memory stays bounded by the limit.
    if (this.head > 64 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
  }

  /** After `prune`: 0 when a slot is free, else the time until the slot that frees the next place leaves. */
  waitMs(now: number, limit: number, windowMs: number): number {
    const excess = this.size - limit;
    if (excess < 0) return 0;
    const freeing = this.times[this.head + excess] ?? now;
    return Math.max(1, freeing + windowMs - now);
  }

  add(now: number): void {
    this.times.push(now);
  }
}

interface KeyLogs {
  readonly all: SlotLog;
  readonly callers: Map<string, SlotLog>;
}

/** How many takes between sweeps of idle logs (callers that stopped calling). */
const SWEEP_EVERY = 1024;

/**
 * Process-local sliding-window log, the same algorithm as the Redis script (`sliding-window-script.ts`):
 * drop slots older than the window, refuse when `limit` remain, else record this one. Check and record
 * happen in one synchronous step, so concurrent takes cannot both see the last free slot.
 */
export class InMemorySlidingWindow implements SlidingWindowLimiter {
  private readonly logs = new Map<string, KeyLogs>();
  private takes = 0;

  /** @param now - a monotonic clock in milliseconds; default `performance.now`. */
  constructor(private readonly now: () => number = () => performance.now()) {}

  take(request: SlidingWindowRequest): Promise<SlidingWindowDecision> {
    return Promise.resolve(this.takeNow(request));
  }

  private takeNow(request: SlidingWindowRequest): SlidingWindowDecision {
    const now = this.now();
    this.sweepNowAndThen(now, request.windowMs);
    let logs = this.logs.get(request.key);
    if (!logs) {
      logs = { all: new SlotLog(), callers: new Map() };
      this.logs.set(request.key, logs);
    }
    logs.all.prune(now, request.windowMs);
    let waitMs = logs.all.waitMs(now, request.limit, request.windowMs);
    let callerLog: SlotLog | undefined;
    if (request.caller) {
      callerLog = logs.callers.get(request.caller.id) ?? new SlotLog();
      callerLog.prune(now, request.windowMs);
      waitMs = Math.max(waitMs, callerLog.waitMs(now, request.caller.limit, request.windowMs));
    }
    if (waitMs > 0) return { granted: false, retryAfterMs: waitMs };
    logs.all.add(now);
    if (request.caller && callerLog) {
      callerLog.add(now);
      logs.callers.set(request.caller.id, callerLog);
    }
    return { granted: true };
  }

  /** Drops logs that emptied, so callers that stopped calling do not hold memory forever. */
  private sweepNowAndThen(now: number, windowMs: number): void {
    this.takes += 1;
    if (this.takes % SWEEP_EVERY !== 0) return;
    for (const [key, logs] of this.logs) {
      for (const [caller, log] of logs.callers) {
        log.prune(now, windowMs);
        if (log.size === 0) logs.callers.delete(caller);
      }
      logs.all.prune(now, windowMs);
      if (logs.all.size === 0 && logs.callers.size === 0) this.logs.delete(key);
    }
  }
}
