import { makeFlows } from '../../../src/sandbox/tencent-ess/simulator';
import {
  CreateReleaseFlowDocument,
  CreateReleaseFlowIdsDocument,
  RemindFlowsDocument,
  RemindFlowsIdsDocument,
} from '../../generated/graphql';
import { startTestApp, type TestApp } from '../../support/test-app';

/**
 * DESIGN.md "A write the vendor applied is never reported as failed": the success type carries the ids
 * the write answered; a failed follow-up read nulls only that object, with an error at its path; an
 * id-only selection costs no read.
 */
describe('ESS writes whose follow-up reads fail', () => {
  let t: TestApp;
  // Signed flows (FlowStatus 4) can be released; pending ones (FlowStatus 1) can be reminded.
  const signed = makeFlows(6, 'partial-signed').map((flow) => ({ ...flow, FlowStatus: 4 }));

  beforeAll(async () => {
    t = await startTestApp();
    for (const flow of signed) t.ess.putFlow(flow);
  });
  beforeEach(() => {
    t.ess.clearRecords();
    t.ess.faults.clear();
  });
  afterAll(() => t.close());

  /** Every DescribeFlowInfo attempt (retries included) answers InternalError from now on. */
  const failEveryRead = (): void => {
    t.ess.faults.inject('DescribeFlowInfo', { kind: 'error', code: 'InternalError' }, 1_000);
  };
  const flowId = (index: number): string => signed.at(index)?.FlowId ?? '';

  it('answers CreateReleaseFlowSuccess with both ids when the vendor started the release and every read fails', async () => {
    failEveryRead();

    const result = await t.graphql(CreateReleaseFlowDocument, { input: { flowId: flowId(0), reason: '业务调整' } });

    const created = t.ess.accepted('CreateReleaseFlow');
    expect(created).toHaveLength(1);
    const outcome = result.data?.createReleaseFlow;
    expect(outcome?.__typename).toBe('CreateReleaseFlowSuccess');
    if (outcome?.__typename !== 'CreateReleaseFlowSuccess') return;
    expect(outcome.originalFlowId).toBe(flowId(0));
    expect(outcome.releaseFlowId).toMatch(/\S/);
    expect(outcome.releaseFlow).toBeNull();
    expect(outcome.originalFlow).toBeNull();
    expect(result.errors?.map((error) => error.path)).toEqual(
      expect.arrayContaining([
        ['createReleaseFlow', 'releaseFlow'],
        ['createReleaseFlow', 'originalFlow'],
      ]),
    );
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['VENDOR_UNAVAILABLE', 'VENDOR_UNAVAILABLE']);
    expect(result.errors?.[0]?.extensions).toMatchObject({ vendor: 'TENCENT_ESS', vendorCode: 'InternalError', retryable: true });
  });

  it('sends only the CreateReleaseFlow when the selection asks for nothing but ids', async () => {
    const result = await t.graphql(CreateReleaseFlowIdsDocument, { input: { flowId: flowId(1), reason: '业务调整' } });

    expect(result.errors).toBeUndefined();
    expect(result.data?.createReleaseFlow).toMatchObject({
      __typename: 'CreateReleaseFlowSuccess',
      originalFlowId: flowId(1),
      originalFlow: { id: flowId(1) },
    });
    expect(t.ess.requests().map((request) => request.headers['x-tc-action'])).toEqual(['CreateReleaseFlow']);
  });

  it('answers every remind record with its flowId and canRemind when the follow-up read fails', async () => {
    const pending = t.ess.seeded.pending;
    failEveryRead();

    const result = await t.graphql(RemindFlowsDocument, { input: { flowIds: [...pending] } });

    expect(t.ess.accepted('CreateFlowReminds')).toHaveLength(1);
    const outcome = result.data?.remindFlows;
    expect(outcome?.__typename).toBe('RemindFlowsSuccess');
    if (outcome?.__typename !== 'RemindFlowsSuccess') return;
    expect(outcome.records.map((record) => record.flowId)).toEqual([...pending]);
    expect(outcome.records.map((record) => typeof record.canRemind)).toEqual(pending.map(() => 'boolean'));
    expect(outcome.records.map((record) => record.flow)).toEqual(pending.map(() => null));
    expect(result.errors?.map((error) => error.path)).toEqual(pending.map((_id, index) => ['remindFlows', 'records', index, 'flow']));
  });

  it('sends only the CreateFlowReminds when the records select only the flow ids', async () => {
    const pending = t.ess.seeded.pending;

    const result = await t.graphql(RemindFlowsIdsDocument, { input: { flowIds: [...pending] } });

    expect(result.errors).toBeUndefined();
    const outcome = result.data?.remindFlows;
    if (outcome?.__typename !== 'RemindFlowsSuccess') throw new Error(`unexpected ${String(outcome?.__typename)}`);
    expect(outcome.records.map((record) => record.flow?.id)).toEqual([...pending]);
    expect(t.ess.requests().map((request) => request.headers['x-tc-action'])).toEqual(['CreateFlowReminds']);
  });

  it('reads 100 reminded flows with one DescribeFlowInfo when their records ask for status', async () => {
    const many = makeFlows(100, 'partial-remind').map((flow) => ({ ...flow, FlowStatus: 1 }));
    for (const flow of many) t.ess.putFlow(flow);
    const ids = many.map((flow) => flow.FlowId);

    const result = await t.graphql(RemindFlowsDocument, { input: { flowIds: ids } });

    const outcome = result.data?.remindFlows;
    if (outcome?.__typename !== 'RemindFlowsSuccess') throw new Error(`unexpected ${String(outcome?.__typename)}`);
    expect(outcome.records.map((record) => record.flow?.status)).toEqual(ids.map(() => 'PENDING_SIGNATURE'));
    expect(t.ess.accepted('DescribeFlowInfo').map((request) => (request.body.FlowIds as unknown[]).length)).toEqual([100]);
  });
});
