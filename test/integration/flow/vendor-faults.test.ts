import { CreateReleaseFlowDocument, FlowByIdDocument, RemindFlowsDocument } from '../../generated/graphql';
import { startTestApp, type TestApp } from '../../support/test-app';

describe('ESS faults: timeout, reset and garbage answers', () => {
  let t: TestApp;
  let flowId: string;
  let pendingFlowId: string;

  beforeAll(async () => {
    // A short deadline keeps the timeout cases quick; retries are on (3 attempts) as in production.
    t = await startTestApp({ env: { VENDOR_TIMEOUT_MS: '300' } });
    flowId = t.ess.seeded.signed[0] ?? '';
    pendingFlowId = t.ess.seeded.pending[0] ?? '';
  });
  beforeEach(() => {
    t.ess.faults.clear();
    t.ess.clearRecords();
  });
  afterAll(() => t.close());

  async function serverStillServes(): Promise<void> {
    const result = await t.graphql(FlowByIdDocument, { id: flowId });
    expect(result.data?.flow?.id).toBe(flowId);
  }

  it('gives DEADLINE_EXCEEDED for a read the vendor does not answer in time, and keeps serving', async () => {
    t.ess.faults.inject('DescribeFlowInfo', { kind: 'delay', ms: 1_000 }, 3);
    const result = await t.graphql(FlowByIdDocument, { id: flowId });
    expect(result.data?.flow).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'DEADLINE_EXCEEDED', vendor: 'TENCENT_ESS', retryable: true });
    t.ess.faults.clear();
    await serverStillServes();
  });

  it('gives a non-retryable DEADLINE_EXCEEDED for a write without an idempotency key, sent exactly once', async () => {
    t.ess.faults.inject('CreateReleaseFlow', { kind: 'delay', ms: 1_000 });
    const result = await t.graphql(CreateReleaseFlowDocument, { input: { flowId, reason: 'timeout case' } });
    expect(result.data?.createReleaseFlow).toMatchObject({
      __typename: 'DeadlineExceededError',
      code: 'DEADLINE_EXCEEDED',
      retryable: false,
    });
    expect(t.ess.accepted('CreateReleaseFlow')).toHaveLength(1);
  });

  it('marks a timed-out write retryable when it carries an idempotency key, still without resending it', async () => {
    t.ess.faults.inject('CreateReleaseFlow', { kind: 'delay', ms: 1_000 });
    const result = await t.graphql(CreateReleaseFlowDocument, {
      input: { flowId: t.ess.seeded.signed[1] ?? '', reason: 'timeout with key', idempotencyKey: 'timeout-key-1' },
    });
    expect(result.data?.createReleaseFlow).toMatchObject({ __typename: 'DeadlineExceededError', retryable: true });
    expect(t.ess.accepted('CreateReleaseFlow')).toHaveLength(1);
  });

  it('retries a read after a connection reset and succeeds', async () => {
    t.ess.faults.inject('DescribeFlowInfo', { kind: 'reset' });
    const result = await t.graphql(FlowByIdDocument, { id: flowId });
    expect(result.errors).toBeUndefined();
    expect(result.data?.flow?.id).toBe(flowId);
    expect(t.ess.accepted('DescribeFlowInfo')).toHaveLength(2);
  });

  it('gives VENDOR_UNAVAILABLE for a write whose connection was reset, without resending it', async () => {
    t.ess.faults.inject('CreateFlowReminds', { kind: 'reset' });
    const result = await t.graphql(RemindFlowsDocument, { input: { flowIds: [pendingFlowId] } });
    expect(result.data?.remindFlows).toMatchObject({
      __typename: 'VendorUnavailableError',
      code: 'VENDOR_UNAVAILABLE',
      vendor: 'TENCENT_ESS',
    });
    expect(t.ess.accepted('CreateFlowReminds')).toHaveLength(1);
    await serverStillServes();
  });

  it('gives VENDOR_UNAVAILABLE for a non-JSON 502 on every attempt, without leaking the body', async () => {
    const proxyPage = '<html><body>502 Bad Gateway nginx</body></html>';
    t.ess.faults.inject('DescribeFlowInfo', { kind: 'raw', status: 502, body: proxyPage, contentType: 'text/html' }, 3);
    const result = await t.graphql(FlowByIdDocument, { id: flowId });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'VENDOR_UNAVAILABLE', retryable: true });
    expect(JSON.stringify(result)).not.toContain('nginx');
    expect(t.ess.accepted('DescribeFlowInfo')).toHaveLength(3);
    await serverStillServes();
  });

  it('gives VENDOR_UNAVAILABLE for a 200 whose body is not the ESS envelope', async () => {
    t.ess.faults.inject('CreateFlowReminds', { kind: 'raw', status: 200, body: '{"unexpected": true' });
    const result = await t.graphql(RemindFlowsDocument, { input: { flowIds: [pendingFlowId] } });
    expect(result.data?.remindFlows).toMatchObject({ __typename: 'VendorUnavailableError', retryable: true });
  });
});
