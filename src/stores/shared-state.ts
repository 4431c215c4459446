import type { Logger } from 'pino';
import type { EventFanout } from '../events/event-fanout';
import { LocalEventFanout } from '../events/local-event-fanout';
import { RedisEventFanout } from '../events/redis-event-fanout';
import { FallbackKeyValueStore } from './fallback-key-value-store';
import { FallbackSlidingWindow } from './fallback-sliding-window';
import { InMemoryKeyValueStore } from './in-memory-key-value-store';
import { InMemorySlidingWindow } from './in-memory-sliding-window';
import type { KeyValueStore } from './key-value-store';
import { openRedis, type RedisClient } from './redis-connection';
import { RedisKeyValueStore } from './redis-key-value-store';
import { RedisSlidingWindow } from './redis-sliding-window';
import type { SlidingWindowLimiter } from './sliding-window';
import { TypedFailureKeyValueStore } from './typed-failure-key-value-store';

/**
 * State that must be shared across replicas when `REDIS_URL` is set (idempotency records, rate-limit
 * counters, the VNPT token), or kept in-process otherwise. Owns the Redis connection.
 */
/** A Redis command that has not answered in this long is failed, so a dead Redis costs milliseconds. */
const REDIS_COMMAND_TIMEOUT_MS = 500;

/** Most entity records one process caches without Redis (a flow record is a few kB). */
const ENTITY_CACHE_MAX_ENTRIES = 10_000;

export class SharedState {
  private constructor(
    /**
     * Records that must be shared or refused (idempotency): every failure of Redis is a typed, retryable
     * `VENDOR_UNAVAILABLE` (see `TypedFailureKeyValueStore`), never a silent local copy.
     */
    readonly store: KeyValueStore,
    /**
     * State a replica may keep to itself while Redis is down (the VNPT token): Redis when it answers,
     * this process otherwise; recovery needs no restart.
     */
    readonly cacheStore: KeyValueStore,
    /**
     * The entity cache (`ENTITY_CACHE_TTL_MS`): `cacheStore` with Redis; without it a store of its own,
     * so cached records can never evict idempotency records from a shared LRU bound.
     */
    readonly entityCacheStore: KeyValueStore,
    private readonly redis: RedisClient | undefined,
    private readonly keyPrefix: string,
  ) {}

  /** Connects to Redis when `redisUrl` is given and fails fast (start-up error) when it is unreachable. */
  static async open(redisUrl: string | undefined, keyPrefix = 'agreements-subgraph:', logger?: Logger): Promise<SharedState> {
    if (redisUrl === undefined) {
      const local = new InMemoryKeyValueStore();
      return new SharedState(local, local, new InMemoryKeyValueStore({ maxEntries: ENTITY_CACHE_MAX_ENTRIES }), undefined, keyPrefix);
    }
    let connectedOnce = false;
    const redis = openRedis(redisUrl, {
      lazyConnect: true,
      // While Redis is down, commands fail at once instead of queueing for a reconnect (DESIGN.md: a dead
      // Redis costs milliseconds, never a multi-second stall per call), and a command that hangs is cut off.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
      connectTimeout: 2_000,
      autoResendUnfulfilledCommands: false,
      // Reconnect with backoff after a connection was lost, but never retry the first connection:
      // start-up must fail fast and name REDIS_URL rather than hang.
      retryStrategy: (attempt) => (connectedOnce ? Math.min(attempt * 100, 1_000) : null),
    });
    redis.on('ready', () => {
      connectedOnce = true;
    });
    redis.on('error', (error: Error) => logger?.warn({ err: error }, 'redis connection error'));
    try {
      await redis.connect();
      // The offline queue is off, so a command before `ready` would fail: wait for it.
      if (redis.status !== 'ready')
        await new Promise<void>((resolve) =>
          redis.once('ready', () => {
            resolve();
          }),
        );
      await redis.ping();
    } catch (error: unknown) {
      redis.disconnect();
      throw new Error(`REDIS_URL: cannot reach Redis (${error instanceof Error ? error.message : String(error)})`, { cause: error });
    }
    const shared = new RedisKeyValueStore(redis, keyPrefix);
    const cache = logger ? new FallbackKeyValueStore(shared, new InMemoryKeyValueStore(), logger) : shared;
    return new SharedState(new TypedFailureKeyValueStore(shared), cache, cache, redis, keyPrefix);
  }

  /**
   * The sliding-window logs of the vendor rate limits (keys name vendor and action): with Redis, one
   * atomic script per take shared by every replica, and this process's own log while Redis fails or is
   * slow (warned once per outage); in-process otherwise.
   */
  rateLimitWindows(logger?: Logger): SlidingWindowLimiter {
    const local = new InMemorySlidingWindow();
    if (!this.redis) return local;
    return new FallbackSlidingWindow(new RedisSlidingWindow(this.redis, { keyPrefix: this.keyPrefix }), local, { logger });
  }

  /** How emitted events reach every replica's subscribers: a Redis stream, or this process alone. */
  async eventFanout(logger: Logger): Promise<EventFanout> {
    return this.redis ? RedisEventFanout.open(this.redis, this.keyPrefix, logger) : new LocalEventFanout();
  }

  async close(): Promise<void> {
    await this.store.close();
    await this.cacheStore.close();
    if (this.entityCacheStore !== this.cacheStore) await this.entityCacheStore.close();
    // `quit` needs a live connection; while Redis is down, drop the socket (and stop reconnecting) instead.
    if (this.redis) {
      if (this.redis.status === 'ready') await this.redis.quit().catch(() => this.redis?.disconnect());
      else this.redis.disconnect();
    }
  }
}
