import type { TencentEssSimulator } from '../../../src/sandbox/tencent-ess/simulator';
import { FlowByIdDocument, RemindFlowsIdsDocument } from '../../generated/graphql';
import { postGraphQL, type GraphQLResponse } from '../../support/graphql-client';
import { startEssReplicas, type EssReplicas } from '../../support/ess-replicas';
import type { SpawnedSubgraph } from '../../support/spawn-subgraph';

/**
 * Two replica PROCESSES share one Redis and one ESS (the simulator, in live mode as a real vendor would
 * be reached) with VENDOR_RATE_LIMITS=ess=20 and the production defaults otherwise. The vendor's record of
 * arrival times is the judge: no sliding second may hold more than 20 DescribeFlowInfo requests.
 */
const redisUrl = process.env.REDIS_URL;
const describeWithRedis = redisUrl ? describe : describe.skip;

const LIMIT = 20;
const CALLS = 100;

/** The most arrivals in any window [t, t + 1000 ms) that starts at an arrival. */
function mostInAnySecond(arrivals: readonly number[]): number {
  const sorted = [...arrivals].sort((a, b) => a - b);
  let most = 0;
  let end = 0;
  for (let start = 0; start < sorted.length; start += 1) {
    while (end < sorted.length && (sorted[end] ?? Infinity) < (sorted[start] ?? 0) + 1_000) end += 1;
    most = Math.max(most, end - start);
  }
  return most;
}

describeWithRedis('rate limit shared by two replica processes through Redis', () => {
  let setup: EssReplicas;
  let ess: TencentEssSimulator;
  let replicas: readonly SpawnedSubgraph[];

  beforeAll(async () => {
    setup = await startEssReplicas(redisUrl ?? '', { VENDOR_RATE_LIMITS: `ess=${String(LIMIT)}`, LOG_LEVEL: 'info' });
    ({ ess, replicas } = setup);
  }, 60_000);
  afterAll(() => setup.close());

  it('never lets the vendor see more than the limit in any sliding second, and refuses the rest with RATE_LIMITED', async () => {
    const id = ess.seeded.signed[0] ?? '';
    const read = (index: number): Promise<GraphQLResponse<unknown>> =>
      postGraphQL(replicas[index % 2]?.url ?? '', FlowByIdDocument, { id });
    // Warm both replicas up first: a fresh process compiles its code paths and opens its vendor
    // connections while it serves its first burst, which delays requests after their slots were taken
    // (the vendor would see them bunched). Then let those slots expire and start the record afresh.
    const pending = ess.seeded.pending[0] ?? '';
    await Promise.all([
      ...Array.from({ length: 2 * LIMIT }, (_, index) => read(index)),
      ...Array.from({ length: LIMIT }, (_, index) =>
        postGraphQL(replicas[index % 2]?.url ?? '', RemindFlowsIdsDocument, { input: { flowIds: [pending] } }),
      ),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    ess.clearRecords();
    // Half at once; the other half while those slots are still held, so some of them wait for slots
    // of the next window and the log must slide.
    const first = Array.from({ length: CALLS / 2 }, (_, index) => read(index));
    await new Promise((resolve) => setTimeout(resolve, 600));
    const second = Array.from({ length: CALLS / 2 }, (_, index) => read(index));
    const results = await Promise.all([...first, ...second]);

    const arrivals = ess
      .requests()
      .filter((request) => request.headers['x-tc-action'] === 'DescribeFlowInfo')
      .map((request) => request.receivedAt);
    const ok = results.filter((result) => result.errors === undefined);
    const limited = results.filter((result) => result.errors?.[0]?.extensions?.code === 'RATE_LIMITED');

    expect(mostInAnySecond(arrivals)).toBeLessThanOrEqual(LIMIT);
    expect(ok.length + limited.length).toBe(CALLS);
    // Every answered read is one vendor call; refused ones never reached the vendor.
    expect(arrivals).toHaveLength(ok.length);
    // Counts and order only: how many reads land in which window depends on how fast the machine sends
    // them (a slow one straddles windows), so the test does not bet on it; some are always served.
    expect(ok.length).toBeGreaterThan(0);
    for (const result of limited) {
      expect(result.data).toEqual({ flow: null });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryable: true });
      // Truthful: a slot is held 1.1 s, so the window has room within 2 s, rounded up.
      expect([1, 2]).toContain(result.errors?.[0]?.extensions?.retryAfterSeconds);
    }
    // Both replicas counted in Redis: neither fell back to a limit of its own. Stopped first, so that
    // every line they logged has been written (the process logger writes in batches).
    await Promise.all(replicas.map((replica) => replica.stop()));
    for (const replica of replicas) expect(replica.lines().join('\n')).not.toContain('rate limiter: shared (Redis) counters failed');
  });
});
