import { randomUUID } from 'node:crypto';
import type { KeyValueStore } from './key-value-store';

export interface StoreLeaseOptions {
  readonly store: KeyValueStore;
  /** The lease's key in the store; every contender uses the same one. */
  readonly key: string;
  /** How long a claim or renewal holds without another renewal; a crashed holder is replaced after it. */
  readonly ttlMs: number;
  /** Identifies this contender in the store; default a random UUID (unique per process and lease). */
  readonly holderId?: string;
  /** Millisecond clock for the local view of expiry; default `Date.now`. */
  readonly now?: () => number;
}

/**
 * A lease over a `KeyValueStore` (Redis across replicas, in-process otherwise): at most one contender at
 * a time does the work it guards, and when the holder dies another takes over once its TTL has passed.
 *
 * `claim()` acquires it with `setIfAbsent(key, holderId, ttl)`, which the store makes atomic, or renews it
 * when the store still names this holder. The store has no compare-and-set, so renewal is a `get` then a
 * `set`, and `release()` a `get` then a `delete`: if the lease expires between the two (a holder stalled
 * for a whole TTL) and another contender claims it in that window, the late write overwrites the new
 * holder's claim, and both believe they hold the lease until the next claims sort it out (the overwritten
 * one sees another id and steps back). That overlap lasts at most one renewal period and is harmless for
 * what this guards: work whose results carry stable ids (events deduplicated by `eventId`), so work done
 * twice is emitted once. It is not a mutual-exclusion lock for work that must never run twice.
 *
 * `held` is this contender's local view: true from a successful claim until its TTL would end (measured
 * from before the claim's round trip, so the local view never outlives the store's).
 */
export class StoreLease {
  readonly holderId: string;
  private readonly store: KeyValueStore;
  private readonly key: string;
  private readonly ttlMs: number;
  private readonly now: () => number;
  private heldUntil = 0;

  /** @throws RangeError when `ttlMs` is not a positive number of milliseconds. */
  constructor(options: StoreLeaseOptions) {
    if (!Number.isFinite(options.ttlMs) || options.ttlMs <= 0) throw new RangeError('StoreLease: ttlMs must be positive');
    this.store = options.store;
    this.key = options.key;
    this.ttlMs = options.ttlMs;
    this.holderId = options.holderId ?? randomUUID();
    this.now = options.now ?? Date.now;
  }

  /** Whether this contender holds the lease, as of its last claim and the clock. */
  get held(): boolean {
    return this.now() < this.heldUntil;
  }

  /**
   * Acquires the lease if it is free, renews it if this contender holds it; resolves whether it is held
   * now. Rejects (and counts as not held) when the store fails.
   */
  async claim(): Promise<boolean> {
    const startedAt = this.now();
    this.heldUntil = 0;
    let holds = await this.store.setIfAbsent(this.key, this.holderId, this.ttlMs);
    if (!holds && (await this.store.get(this.key)) === this.holderId) {
      await this.store.set(this.key, this.holderId, this.ttlMs);
      holds = true;
    }
    if (holds) this.heldUntil = startedAt + this.ttlMs;
    return holds;
  }

  /** Gives the lease up if the store still names this holder, so another contender need not wait out the TTL. */
  async release(): Promise<void> {
    this.heldUntil = 0;
    if ((await this.store.get(this.key)) === this.holderId) await this.store.delete(this.key);
  }
}
