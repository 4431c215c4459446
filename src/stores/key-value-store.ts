/**
 * The small key-value contract that idempotency records, shared vendor tokens and similar state sit
 * behind. `InMemoryKeyValueStore` serves one process; `RedisKeyValueStore` makes many replicas act as one.
 * Values are strings (callers serialise); every entry has a time to live.
 */
export interface KeyValueStore {
  get(key: string): Promise<string | undefined>;
  /** Sets `key`, replacing any value, for `ttlMs` milliseconds. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Sets `key` only when it is absent; resolves `true` when this call set it (an atomic claim). */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  delete(key: string): Promise<void>;
  close(): Promise<void>;
}
