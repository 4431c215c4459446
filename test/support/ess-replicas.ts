import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { TencentEssSimulator } from '../../src/sandbox/tencent-ess/simulator';
import { spawnSubgraph, type SpawnedSubgraph } from './spawn-subgraph';

const SECRET_ID = 'AKIDreplicaTestSecretId000000000';
const SECRET_KEY = 'replicaTestSecretKey000000000000';

/** Two (or more) subgraph processes sharing one Redis in front of one ESS simulator reached in live mode. */
export interface EssReplicas {
  readonly ess: TencentEssSimulator;
  readonly replicas: readonly SpawnedSubgraph[];
  /** Stops the replicas and the simulator and deletes this run's Redis keys. */
  close(): Promise<void>;
}

/**
 * Starts the ESS simulator with known secrets and `count` replicas of `src/main.ts` on `redisUrl` with a
 * key prefix of their own, ESS live and the other vendors off, plus `env` (e.g. VENDOR_RATE_LIMITS).
 */
export async function startEssReplicas(redisUrl: string, env: Readonly<Record<string, string>>, count = 2): Promise<EssReplicas> {
  const keyPrefix = `test-replicas-${randomUUID()}:`;
  const ess = await TencentEssSimulator.start({ secretId: SECRET_ID, secretKey: SECRET_KEY, seed: true });
  const replicaEnv = {
    VENDORS: 'ess=live,vnpt=off,volc=off',
    TENCENT_ESS_ENDPOINT: ess.url,
    TENCENT_SECRET_ID: SECRET_ID,
    TENCENT_SECRET_KEY: SECRET_KEY,
    TENCENT_ESS_OPERATOR_ID: 'yDxjOUUgydjxxxxxjEWA07rC2xl',
    ALLOW_UNAUTHENTICATED: 'true',
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: keyPrefix,
    ...env,
  };
  const started = await Promise.allSettled(Array.from({ length: count }, () => spawnSubgraph(replicaEnv)));
  const replicas = started.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
  const close = async (): Promise<void> => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    await ess.close();
    const redis = new Redis(redisUrl);
    const keys = await redis.keys(`${keyPrefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  };
  const failed = started.find((outcome) => outcome.status === 'rejected');
  if (failed) {
    await close();
    throw failed.reason;
  }
  return { ess, replicas, close };
}
