/**
 * The small key-value contract that idempotency records, shared vendor tokens and similar state sit
 * behind. `InMemoryKeyValueStore` serves one process (an LRU bounded in entries); `RedisKeyValueStore`
 * makes many replicas act as one. Values are strings (callers serialise); every entry has a time to
 * live and is gone once it has passed. Every operation is constant time.
 */
export interface KeyValueStore {
  get(key: string): Promise<string | undefined>;
  /** Sets `key`, replacing any value, for `ttlMs` milliseconds. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /**
   * Sets `key` only when it is absent (or expired); resolves `true` when this call set it. Atomic for
   * every user of the store, replicas included: of concurrent claims of one key exactly one wins.
   */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  delete(key: string): Promise<void>;
  close(): Promise<void>;
}
