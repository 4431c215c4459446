import { randomUUID } from 'node:crypto';
import { CreateReleaseFlowIdsDocument } from '../../generated/graphql';
import { postGraphQL } from '../../support/graphql-client';
import { startEssReplicas, type EssReplicas } from '../../support/ess-replicas';

/**
 * DESIGN.md "Idempotency keys": concurrent duplicates do not reach the vendor twice; a duplicate that
 * arrives while the first is running waits for its outcome and replays it. Here the duplicates are
 * spread over two replica PROCESSES that share only Redis, as behind a load balancer.
 */
const redisUrl = process.env.REDIS_URL;
const describeWithRedis = redisUrl ? describe : describe.skip;

describeWithRedis('the same idempotency key on two replica processes', () => {
  let setup: EssReplicas;

  beforeAll(async () => {
    setup = await startEssReplicas(redisUrl ?? '', { VENDOR_RATE_LIMITS: 'ess=10000' });
  }, 60_000);
  afterAll(() => setup.close());

  it('sends 50 concurrent same-key writes to the vendor once and answers all 50 with the same success', async () => {
    const { ess, replicas } = setup;
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
