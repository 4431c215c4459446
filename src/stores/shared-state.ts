import Redis from 'ioredis';
import type { Logger } from 'pino';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { InMemoryKeyValueStore } from './in-memory-key-value-store';
import type { KeyValueStore } from './key-value-store';
import { RedisKeyValueStore } from './redis-key-value-store';

/** Vendor rate limits: Tencent documents 20 requests/s per action; we apply the same budget everywhere. */
export interface RateLimitSettings {
  readonly pointsPerSecond: number;
}

/**
 * State that must be shared across replicas when `REDIS_URL` is set (idempotency records, rate-limit
 * counters, the VNPT token), or kept in-process otherwise. Owns the Redis connection.
 */
export class SharedState {
  private constructor(
    readonly store: KeyValueStore,
    private readonly redis: Redis | undefined,
    private readonly keyPrefix: string,
  ) {}

  /** Connects to Redis when `redisUrl` is given and fails fast (start-up error) when it is unreachable. */
  static async open(redisUrl: string | undefined, keyPrefix = 'agreements-subgraph:', logger?: Logger): Promise<SharedState> {
    if (redisUrl === undefined) return new SharedState(new InMemoryKeyValueStore(), undefined, keyPrefix);
    let connectedOnce = false;
    const redis = new Redis(redisUrl, {
      lazyConnect: true,
      maxRetriesPerRequest: 2,
      enableOfflineQueue: true,
      // Reconnect with backoff after a connection was lost, but never retry the first connection:
      // start-up must fail fast and name REDIS_URL rather than hang.
      retryStrategy: (attempt) => (connectedOnce ? Math.min(attempt * 100, 2_000) : null),
    });
    redis.on('ready', () => {
      connectedOnce = true;
    });
    redis.on('error', (error: Error) => logger?.warn({ err: error }, 'redis connection error'));
    try {
      await redis.connect();
      await redis.ping();
    } catch (error: unknown) {
      redis.disconnect();
      throw new Error(`REDIS_URL: cannot reach Redis (${error instanceof Error ? error.message : String(error)})`, { cause: error });
    }
    return new SharedState(new RedisKeyValueStore(redis, keyPrefix), redis, keyPrefix);
  }

  /** A limiter for one vendor; per-action keys are added by the caller. */
  rateLimiter(vendorPrefix: string, settings: RateLimitSettings): RateLimiterAbstract {
    const options = { keyPrefix: `${this.keyPrefix}rl:${vendorPrefix}`, points: settings.pointsPerSecond, duration: 1 };
    if (!this.redis) return new RateLimiterMemory(options);
    // If Redis fails mid-flight, each replica falls back to its own share of the budget.
    return new RateLimiterRedis({ ...options, storeClient: this.redis, insuranceLimiter: new RateLimiterMemory(options) });
  }

  async close(): Promise<void> {
    await this.store.close();
    if (this.redis) await this.redis.quit().catch(() => this.redis?.disconnect());
  }
}
