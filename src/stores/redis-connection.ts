import Redis, { Cluster, type RedisOptions } from 'ioredis';

/** A standalone, Sentinel-managed or Cluster connection: the commands this service uses are the same. */
export type RedisClient = Redis | Cluster;

/**
 * Opens the Redis `REDIS_URL` names (not yet connected: `lazyConnect`), with `options` for every node:
 * - `redis://` / `rediss://` — one server (ioredis URL syntax: password, db, TLS);
 * - `redis-sentinel://[:password@]host:port[,host:port…]/masterName` — the master Sentinel names;
 * - `redis-cluster://[:password@]host:port[,host:port…]` — a Redis Cluster (keys that one script touches
 *   carry one hash tag, so each script stays in one slot).
 */
export function openRedis(url: string, options: RedisOptions): RedisClient {
  const parsed = new URL(url);
  const password = parsed.password === '' ? undefined : decodeURIComponent(parsed.password);
  const nodes = parsed.host
    .split(',')
    .filter((node) => node.length > 0)
    .map((node) => {
      const [host = '127.0.0.1', port = '26379'] = node.split(':');
      return { host, port: Number(port) };
    });
  if (parsed.protocol === 'redis-sentinel:') {
    const name = parsed.pathname.replace(/^\//, '');
    return new Redis({ ...options, sentinels: nodes, name, password, sentinelPassword: password });
  }
  if (parsed.protocol === 'redis-cluster:') {
    return new Cluster(nodes, {
      lazyConnect: options.lazyConnect,
      enableOfflineQueue: options.enableOfflineQueue,
      clusterRetryStrategy: (attempts) => Math.min(attempts * 100, 1_000),
      redisOptions: { ...options, password },
    });
  }
  return new Redis(url, options);
}

/** The URL schemes `openRedis` understands (config validation names them). */
export const REDIS_URL_PATTERN = /^(rediss?|redis-sentinel|redis-cluster):\/\//;
