import { FlowByIdDocument } from '../../generated/graphql';
import { startTestRedis, type TestRedis } from '../../support/redis-server';
import { startTestApp, type TestApp } from '../../support/test-app';

/**
 * The rate limit when its Redis dies at acquire time: each replica limits on its own (same algorithm,
 * same limit), answers stay typed, and the outage is logged once. A private redis-server is killed.
 */
describe('vendor rate limit while Redis is down', () => {
  let redis: TestRedis;
  let t: TestApp;

  beforeAll(async () => {
    redis = await startTestRedis();
    t = await startTestApp({
      env: { REDIS_URL: redis.url, VENDORS: 'ess=sandbox,vnpt=off,volc=off', VENDOR_RATE_LIMITS: 'ess=3' },
      resilience: { rateLimitMaxWaitMs: 0, rateLimitWindowMs: 60_000 },
    });
  });
  afterAll(async () => {
    await redis.start();
    await t.close();
    await redis.kill();
  });

  it('falls back to the process: the limit still holds, refusals are RATE_LIMITED, never INTERNAL, and it warns once', async () => {
    const id = t.ess.seeded.signed[0] ?? '';
    expect((await t.graphql(FlowByIdDocument, { id })).errors).toBeUndefined();

    await redis.kill();
    t.ess.clearRecords();
    const results = await Promise.all(Array.from({ length: 6 }, () => t.graphql(FlowByIdDocument, { id })));

    const codes = results.map((result) => result.errors?.[0]?.extensions?.code ?? 'OK');
    // The process's own log starts empty and applies the same limit of 3.
    expect(codes.filter((code) => code === 'OK')).toHaveLength(3);
    expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(3);
    expect(t.ess.accepted('DescribeFlowInfo')).toHaveLength(3);
    const warnings = t
      .logs()
      .filter((line) => line.msg === 'rate limiter: shared (Redis) counters failed; limiting in this process until they answer');
    expect(warnings).toHaveLength(1);
  });
});
