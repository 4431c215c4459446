import { request } from 'undici';
import { FlowByIdDocument, RemindFlowsDocument } from '../../generated/graphql';
import { startTestApp, type TestApp } from '../../support/test-app';

describe('HTTP endpoints', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers /health and /ready with 200 once started', async () => {
    const health = await request(`${t.url}/health`);
    expect(health.statusCode).toBe(200);
    expect(await health.body.json()).toEqual({ status: 'ok' });
    const ready = await request(`${t.url}/ready`);
    expect(ready.statusCode).toBe(200);
    await ready.body.dump();
  });

  it('exports Prometheus metrics including vendor attempts by outcome', async () => {
    await t.graphql(FlowByIdDocument, { id: t.ess.seeded.signed[0] ?? '' });
    const metrics = await request(`${t.url}/metrics`);
    expect(metrics.statusCode).toBe(200);
    const text = await metrics.body.text();
    expect(text).toMatch(/vendor_request_duration_seconds_count\{vendor="TENCENT_ESS",operation="DescribeFlowInfo",outcome="ok"\} [1-9]/);
    expect(text).toContain('graphql_requests_total');
  });

  it('serves Apollo Sandbox on GET /graphql for a browser', async () => {
    const page = await request(`${t.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(await page.body.text()).toContain('<html');
  });

  it('refuses batched HTTP requests', async () => {
    const response = await request(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(response.statusCode).toBe(400);
    await response.body.dump();
  });

  it("tags the request's log lines with the caller's x-request-id", async () => {
    const response = await request(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-abc-123' },
      body: JSON.stringify({ query: '{ flows(ids: ["a"]) { id } }' }),
    });
    expect(response.statusCode).toBe(200);
    await response.body.dump();
    const logged = t.logs().find((line) => line.reqId === 'req-abc-123');
    expect(logged).toBeDefined();
  });

  it('never logs full mobile numbers or credentials', async () => {
    await t.graphql(FlowByIdDocument, { id: t.ess.seeded.signed[0] ?? '' });
    await t.graphql(RemindFlowsDocument, { input: { flowIds: [t.ess.seeded.pending[0] ?? ''] } });
    const everything = JSON.stringify(t.logs());
    const flow = t.ess.getFlow(t.ess.seeded.signed[0] ?? '');
    for (const approver of flow?.FlowApproverInfos ?? []) expect(everything).not.toContain(approver.Mobile);
    expect(everything).not.toContain('testSecretKey');
    expect(everything).not.toContain('integration-password');
  });
});

describe('a vendor switched off', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { VENDORS: 'ess=off,vnpt=sandbox,volc=off' } });
  });
  afterAll(() => t.close());

  it('keeps its schema and answers VENDOR_UNAVAILABLE, not retryable, without calling anyone', async () => {
    const mutation = await t.graphql(RemindFlowsDocument, { input: { flowIds: ['f1'] } });
    expect(mutation.data?.remindFlows).toMatchObject({
      __typename: 'VendorUnavailableError',
      code: 'VENDOR_UNAVAILABLE',
      vendor: 'TENCENT_ESS',
      retryable: false,
    });
    const query = await t.graphql(FlowByIdDocument, { id: 'f1' });
    expect(query.errors?.[0]?.extensions).toMatchObject({ code: 'VENDOR_UNAVAILABLE', vendor: 'TENCENT_ESS' });
    expect(t.ess.requests()).toHaveLength(0);
  });
});

describe('graceful shutdown', () => {
  it('answers /ready with 503 while draining', async () => {
    const t = await startTestApp();
    try {
      t.app.readiness.markDraining();
      const ready = await request(`${t.url}/ready`);
      expect(ready.statusCode).toBe(503);
      expect(await ready.body.json()).toEqual({ status: 'draining' });
    } finally {
      await t.close();
    }
  });

  it('stops being ready at once and lets the in-flight request finish', async () => {
    const t = await startTestApp();
    const flowId = t.ess.seeded.signed[0] ?? '';
    t.ess.faults.inject('DescribeFlowInfo', { kind: 'delay', ms: 300 });
    const inFlight = t.graphql(FlowByIdDocument, { id: flowId });
    // Let the request reach the simulator before shutdown starts.
    while (t.ess.accepted('DescribeFlowInfo').length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const closing = t.app.close();
    expect(t.app.readiness.isReady).toBe(false);
    const result = await inFlight;
    expect(result.data?.flow?.id).toBe(flowId);
    await closing;
    await Promise.all([t.ess.close(), t.vnpt.close(), t.volc.close()]);
  });
});
