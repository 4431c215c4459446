import { makeFlows } from '../../../src/sandbox/tencent-ess/simulator';
import { CreateReleaseFlowDocument } from '../../generated/graphql';
import { startTestApp, type TestApp } from '../../support/test-app';

describe('createReleaseFlow idempotency keys', () => {
  let t: TestApp;
  const flows = makeFlows(4, 'idempotency');

  beforeAll(async () => {
    t = await startTestApp();
    for (const flow of flows) t.ess.putFlow(flow);
  });
  beforeEach(() => {
    t.ess.clearRecords();
    t.ess.faults.clear();
  });
  afterAll(() => t.close());

  const input = (flowIndex: number, idempotencyKey: string, reason = '业务调整') => ({
    flowId: flows[flowIndex]?.FlowId ?? '',
    reason,
    idempotencyKey,
  });

  it('replays the first success for the same key and input without calling the vendor again', async () => {
    const first = await t.graphql(CreateReleaseFlowDocument, { input: input(0, 'key-replay') });
    const second = await t.graphql(CreateReleaseFlowDocument, { input: input(0, 'key-replay') });
    expect(first.data?.createReleaseFlow.__typename).toBe('CreateReleaseFlowSuccess');
    expect(second.data).toEqual(first.data);
    expect(t.ess.accepted('CreateReleaseFlow')).toHaveLength(1);
  });

  it('answers IDEMPOTENCY_CONFLICT when the key is reused with different input', async () => {
    await t.graphql(CreateReleaseFlowDocument, { input: input(1, 'key-conflict') });
    const reused = await t.graphql(CreateReleaseFlowDocument, { input: input(1, 'key-conflict', 'another reason') });
    expect(reused.data?.createReleaseFlow).toMatchObject({
      __typename: 'IdempotencyConflictError',
      code: 'IDEMPOTENCY_CONFLICT',
      retryable: false,
    });
    expect(t.ess.accepted('CreateReleaseFlow')).toHaveLength(1);
  });

  it('lets concurrent duplicates reach the vendor once, each of them answered with the first success', async () => {
    t.ess.faults.inject('CreateReleaseFlow', { kind: 'delay', ms: 150 });
    const results = await Promise.all(
      Array.from({ length: 5 }, () => t.graphql(CreateReleaseFlowDocument, { input: input(2, 'key-concurrent') })),
    );
    expect(results[0]?.data?.createReleaseFlow.__typename).toBe('CreateReleaseFlowSuccess');
    for (const result of results) expect(result.data).toEqual(results[0]?.data);
    expect(t.ess.accepted('CreateReleaseFlow')).toHaveLength(1);
  });

  it('replays a final typed error, vendor code and RequestId included', async () => {
    t.ess.faults.inject('CreateReleaseFlow', { kind: 'error', code: 'FailedOperation.FlowHasDocument' });
    const first = await t.graphql(CreateReleaseFlowDocument, { input: input(3, 'key-error') });
    const second = await t.graphql(CreateReleaseFlowDocument, { input: input(3, 'key-error') });
    expect(first.data?.createReleaseFlow).toMatchObject({
      __typename: 'FailedPreconditionError',
      vendorCode: 'FailedOperation.FlowHasDocument',
    });
    expect(second.data).toEqual(first.data);
    expect(t.ess.accepted('CreateReleaseFlow')).toHaveLength(1);
  });

  it('does not store a retryable failure: the same key may be sent again', async () => {
    t.ess.faults.inject('CreateReleaseFlow', { kind: 'error', code: 'InternalError.System' });
    const failed = await t.graphql(CreateReleaseFlowDocument, { input: input(3, 'key-retryable') });
    expect(failed.data?.createReleaseFlow).toMatchObject({ __typename: 'VendorUnavailableError', retryable: true });
    const retried = await t.graphql(CreateReleaseFlowDocument, { input: input(3, 'key-retryable') });
    expect(retried.data?.createReleaseFlow.__typename).toBe('CreateReleaseFlowSuccess');
    expect(t.ess.accepted('CreateReleaseFlow')).toHaveLength(2);
  });
});
