import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { TencentEssSimulator } from '../../../src/sandbox/tencent-ess/simulator';
import { CreateReleaseFlowIdsDocument } from '../../generated/graphql';
import { postGraphQL } from '../../support/graphql-client';
import { spawnSubgraph, type SpawnedSubgraph } from '../../support/spawn-subgraph';

/**
 * DESIGN.md "Idempotency keys": concurrent duplicates do not reach the vendor twice; a duplicate that
 * arrives while the first is running waits for its outcome and replays it. Here the duplicates are
 * spread over two replica PROCESSES that share only Redis, as behind a load balancer.
 */
const redisUrl = process.env.REDIS_URL;
const describeWithRedis = redisUrl ? describe : describe.skip;

const SECRET_ID = 'AKIDidempotencyReplicas000000000';
const SECRET_KEY = 'idempotencyReplicasSecretKey0000';

describeWithRedis('the same idempotency key on two replica processes', () => {
  const keyPrefix = `test-idempotency-replicas-${randomUUID()}:`;
  let ess: TencentEssSimulator;
  const replicas: SpawnedSubgraph[] = [];

  beforeAll(async () => {
    ess = await TencentEssSimulator.start({ secretId: SECRET_ID, secretKey: SECRET_KEY, seed: true });
    const env = {
      VENDORS: 'ess=live,vnpt=off,volc=off',
      TENCENT_ESS_ENDPOINT: ess.url,
      TENCENT_SECRET_ID: SECRET_ID,
      TENCENT_SECRET_KEY: SECRET_KEY,
      TENCENT_ESS_OPERATOR_ID: 'yDxjOUUgydjxxxxxjEWA07rC2xl',
      ALLOW_UNAUTHENTICATED: 'true',
      REDIS_URL: redisUrl ?? '',
      REDIS_KEY_PREFIX: keyPrefix,
      VENDOR_RATE_LIMITS: 'ess=10000',
    };
    const started = await Promise.allSettled([spawnSubgraph(env), spawnSubgraph(env)]);
    for (const outcome of started) if (outcome.status === 'fulfilled') replicas.push(outcome.value);
    const failed = started.find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;
  }, 60_000);
  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    await ess.close();
    const redis = new Redis(redisUrl ?? '');
    const keys = await redis.keys(`${keyPrefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('sends 50 concurrent same-key writes to the vendor once and answers all 50 with the same success', async () => {
    const input = { flowId: ess.seeded.signed.at(0) ?? '', reason: '业务调整', idempotencyKey: `two-processes-${randomUUID()}` };

    const results = await Promise.all(
      Array.from({ length: 50 }, (_, index) => postGraphQL(replicas[index % 2]?.url ?? '', CreateReleaseFlowIdsDocument, { input })),
    );

    expect(ess.accepted('CreateReleaseFlow')).toHaveLength(1);
    const first = results.at(0)?.data?.createReleaseFlow;
    expect(first?.__typename).toBe('CreateReleaseFlowSuccess');
    for (const result of results) {
      expect(result.errors).toBeUndefined();
      expect(result.data?.createReleaseFlow).toEqual(first);
    }
  });
});
