import type { RedisClient } from './redis-connection';
import type { KeyValueStore } from './key-value-store';

/**
 * `KeyValueStore` on Redis, so that every replica sees the same idempotency records and vendor tokens.
 * Keys are namespaced with `prefix`; TTLs are set atomically with the value (`SET … PX`, `SET … NX PX`).
 */
export class RedisKeyValueStore implements KeyValueStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix = 'agreements-subgraph:',
  ) {}

  async get(key: string): Promise<string | undefined> {
    return (await this.redis.get(this.prefix + key)) ?? undefined;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    await this.redis.set(this.prefix + key, value, 'PX', Math.max(1, Math.round(ttlMs)));
  }

  async setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    const result = await this.redis.set(this.prefix + key, value, 'PX', Math.max(1, Math.round(ttlMs)), 'NX');
    return result === 'OK';
  }

  async delete(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }

  /** The Redis connection is owned by `SharedState`, which quits it on close. */
  close(): Promise<void> {
    return Promise.resolve();
  }
}
