import { request } from 'undici';
import { FlowByIdDocument } from '../../generated/graphql';
import { startTestApp, type TestApp } from '../../support/test-app';

/** The metric's sample for one outcome of `DescribeFlowInfo`, as `/metrics` prints it (Prometheus text). */
const sample = (outcome: 'waited' | 'refused', value: number): string =>
  `vendor_attempts_rate_limited_total{vendor="TENCENT_ESS",operation="DescribeFlowInfo",outcome="${outcome}"} ${String(value)}`;

/**
 * The limiter's holds on `/metrics`, over real HTTP against the ESS simulator: an operator sees when this
 * service's own `VENDOR_RATE_LIMITS` make calls wait or refuse them (neither reaches the vendor's own
 * metrics, nor `vendor_request_duration_seconds`, which times attempts that were sent). One attempt per
 * call (no retries), so each refused read is one refused attempt.
 */
describe('vendor_attempts_rate_limited_total', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  async function metricsText(app: TestApp): Promise<string> {
    const response = await request(`${app.url}/metrics`);
    return response.body.text();
  }

  it('counts reads refused a slot (ess=2 in a minute-long window, no wait allowed), and none that got one', async () => {
    t = await startTestApp({
      env: { VENDORS: 'ess=sandbox,vnpt=off,volc=off', VENDOR_RATE_LIMITS: 'ess=2' },
      resilience: { rateLimitMaxWaitMs: 0, rateLimitWindowMs: 60_000, retry: { maxAttempts: 1 } },
    });
    const app = t;
    const flowId = app.ess.seeded.signed[0] ?? '';
    expect(await metricsText(app)).not.toContain('vendor_attempts_rate_limited_total{');

    const codes: unknown[] = [];
    for (let read = 0; read < 5; read += 1) {
      const result = await app.graphql(FlowByIdDocument, { id: flowId });
      codes.push(result.errors?.[0]?.extensions?.code ?? 'OK');
    }

    expect(codes).toEqual(['OK', 'OK', 'RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED']);
    expect(app.ess.accepted('DescribeFlowInfo')).toHaveLength(2);
    const metrics = await metricsText(app);
    expect(metrics).toContain(sample('refused', 3));
    expect(metrics).not.toContain('outcome="waited"');
  });

  it('counts a read that waited for a slot and was then sent', async () => {
    // One slot a window; the second read waits for the first slot to leave the 1.5 s window (its budget is 10 s).
    t = await startTestApp({
      env: { VENDORS: 'ess=sandbox,vnpt=off,volc=off', VENDOR_RATE_LIMITS: 'ess=1' },
      resilience: { rateLimitMaxWaitMs: 10_000, rateLimitWindowMs: 1_500, retry: { maxAttempts: 1 } },
    });
    const app = t;
    const flowId = app.ess.seeded.signed[0] ?? '';

    const results = await Promise.all([app.graphql(FlowByIdDocument, { id: flowId }), app.graphql(FlowByIdDocument, { id: flowId })]);

    expect(results.map((result) => result.data?.flow?.id)).toEqual([flowId, flowId]);
    expect(app.ess.accepted('DescribeFlowInfo')).toHaveLength(2);
    const metrics = await metricsText(app);
    expect(metrics).toContain(sample('waited', 1));
    expect(metrics).not.toContain('outcome="refused"');
  });
});
