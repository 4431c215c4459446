import { LRUCache } from 'lru-cache';
import type { KeyValueStore } from './key-value-store';

/** Default bound on entries: about 100k idempotency records and tokens fit in a few tens of MB. */
export const DEFAULT_MAX_ENTRIES = 100_000;

export interface InMemoryKeyValueStoreOptions {
  /** Most entries kept; one more evicts the least recently used. Default `DEFAULT_MAX_ENTRIES`. */
  readonly maxEntries?: number;
  /** Millisecond clock entries expire by (tests move it by hand). Default `Date.now`. */
  readonly now?: () => number;
}

interface Entry {
  readonly value: string;
  readonly expiresAt: number;
}

/**
 * Process-local `KeyValueStore`: an LRU (`lru-cache`) bounded in entries, each with its own time to live.
 * Every operation is O(1): no sweep, no timer. Expiry is checked here rather than by lru-cache's `ttl`
 * so that an entry is gone exactly once `ttlMs` has passed (lru-cache keeps it through that last
 * millisecond) and reads need no clock debounce timer; expired entries that are never read again age
 * out through the LRU bound like any other.
 *
 * Under the bound's pressure the least recently used entry goes first, even before its TTL: for
 * idempotency that means a replay older than the 100k most recent keys of this process runs again.
 */
export class InMemoryKeyValueStore implements KeyValueStore {
  private readonly entries: LRUCache<string, Entry>;
  private readonly now: () => number;

  /** `options` may also be just the clock. */
  constructor(options: InMemoryKeyValueStoreOptions | (() => number) = {}) {
    const { maxEntries = DEFAULT_MAX_ENTRIES, now = Date.now } = typeof options === 'function' ? { now: options } : options;
    if (!Number.isSafeInteger(maxEntries) || maxEntries < 1) {
      throw new RangeError(`InMemoryKeyValueStore: maxEntries must be a positive integer, got ${String(maxEntries)}.`);
    }
    this.entries = new LRUCache<string, Entry>({ max: maxEntries });
    this.now = now;
  }

  /** Counts as a use: the entry becomes the most recently used. */
  get(key: string): Promise<string | undefined> {
    const entry = this.entries.get(key);
    if (entry === undefined) return Promise.resolve(undefined);
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return Promise.resolve(undefined);
    }
    return Promise.resolve(entry.value);
  }

  set(key: string, value: string, ttlMs: number): Promise<void> {
    this.entries.set(key, { value, expiresAt: this.now() + ttlMs });
    return Promise.resolve();
  }

  /**
   * Check and write happen in one synchronous step (no `await` between them), so two claims started
   * in the same tick cannot both see the key absent. A refused claim does not count as a use.
   */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    const now = this.now();
    const entry = this.entries.peek(key);
    if (entry !== undefined && entry.expiresAt > now) return Promise.resolve(false);
    this.entries.set(key, { value, expiresAt: now + ttlMs });
    return Promise.resolve(true);
  }

  delete(key: string): Promise<void> {
    this.entries.delete(key);
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.entries.clear();
    return Promise.resolve();
  }
}
