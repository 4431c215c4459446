import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { makeFlows } from '../../../src/sandbox/tencent-ess/simulator';
import { SharedState } from '../../../src/stores/shared-state';
import { CreateReleaseFlowDocument, CreateReleaseFlowIdsDocument, DocumentByIdDocument, FlowByIdDocument } from '../../generated/graphql';
import { startTestApp, type TestApp } from '../../support/test-app';

/**
 * Runs when REDIS_URL is set (`.ci/run` sets it and fails if Redis is unreachable). Two app instances
 * share one Redis, as two replicas behind a router would; each run uses its own key prefix.
 */
const redisUrl = process.env.REDIS_URL;
const describeWithRedis = redisUrl ? describe : describe.skip;

describeWithRedis('replicas sharing Redis', () => {
  let first: TestApp;
  let second: TestApp;
  /** The apps that did start, so a failed start-up still closes the first one. */
  const started: TestApp[] = [];
  const flows = makeFlows(2, 'replicas');
  const keyPrefix = `test-${randomUUID()}:`;

  beforeAll(async () => {
    const env = { REDIS_URL: redisUrl ?? '', REDIS_KEY_PREFIX: keyPrefix, VENDOR_RATE_LIMITS: 'ess=3,vnpt=10000,volc=10000' };
    first = await startTestApp({ env, resilience: { rateLimitMaxWaitMs: 0 } });
    started.push(first);
    second = await startTestApp({ env, resilience: { rateLimitMaxWaitMs: 0 }, shareSimulatorsOf: first });
    started.push(second);
    for (const flow of flows) first.ess.putFlow(flow);
  });
  beforeEach(() => {
    first.ess.clearRecords();
  });
  afterAll(async () => {
    // The second replica shares the first one's simulators, so it closes first.
    for (const app of started.reverse()) await app.close();
    // What the replicas left in Redis (idempotency records, the VNPT token) goes with them.
    const redis = new Redis(redisUrl ?? '');
    const keys = await redis.keys(`${keyPrefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('replays an idempotent write on another replica without a second vendor call', async () => {
    const input = { flowId: flows[0]?.FlowId ?? '', reason: '业务调整', idempotencyKey: `key-${randomUUID()}` };
    const onFirst = await first.graphql(CreateReleaseFlowDocument, { input });
    const onSecond = await second.graphql(CreateReleaseFlowDocument, { input });
    expect(onFirst.data?.createReleaseFlow.__typename).toBe('CreateReleaseFlowSuccess');
    expect(onSecond.data).toEqual(onFirst.data);
    expect(first.ess.accepted('CreateReleaseFlow')).toHaveLength(1);
  });

  it('lets concurrent duplicates on two replicas reach the vendor once', async () => {
    first.ess.faults.inject('CreateReleaseFlow', { kind: 'delay', ms: 150 });
    const input = { flowId: flows[1]?.FlowId ?? '', reason: '并发', idempotencyKey: `key-${randomUUID()}` };
    const results = await Promise.all(
      [first, second, first, second].map((replica) => replica.graphql(CreateReleaseFlowIdsDocument, { input })),
    );
    // DESIGN.md: a concurrent duplicate waits for the first outcome and replays it.
    expect(results[0]?.data?.createReleaseFlow.__typename).toBe('CreateReleaseFlowSuccess');
    for (const result of results) expect(result.data).toEqual(results[0]?.data);
    expect(first.ess.accepted('CreateReleaseFlow')).toHaveLength(1);
  });

  it('shares one VNPT bearer token: the second replica does not log in again', async () => {
    const id = first.vnpt.seeded.byStatus.READY;
    const loginsBefore = first.vnpt.logins();
    const onFirst = await first.graphql(DocumentByIdDocument, { id });
    const onSecond = await second.graphql(DocumentByIdDocument, { id });
    expect(onFirst.data?.document?.id).toBe(id);
    expect(onSecond.data?.document?.id).toBe(id);
    expect(first.vnpt.logins() - loginsBefore).toBe(1);
  });

  it('counts one rate-limit budget per vendor action across replicas', async () => {
    const id = first.ess.seeded.signed[0] ?? '';
    // Six reads at once against a shared budget of three per sliding window: some must be refused locally.
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, index) => (index % 2 === 0 ? first : second).graphql(FlowByIdDocument, { id })),
    );
    const limited = results.filter((result) => result.errors?.[0]?.extensions?.code === 'RATE_LIMITED');
    expect(limited.length).toBeGreaterThanOrEqual(3);
    // A slot is held for the 1.1 s window, so the wait is a second or two, rounded up.
    expect(limited[0]?.errors?.[0]?.extensions).toMatchObject({ retryable: true });
    expect([1, 2]).toContain(limited[0]?.errors?.[0]?.extensions?.retryAfterSeconds);
    expect(first.ess.accepted('DescribeFlowInfo').length).toBeLessThanOrEqual(3);
  });
});

describeWithRedis('SharedState.open', () => {
  it('fails start-up with a message naming REDIS_URL when Redis is unreachable', async () => {
    await expect(SharedState.open('redis://127.0.0.1:1')).rejects.toThrow(/REDIS_URL/);
  });
});
