import { gql } from 'graphql-tag';
import { CreateReleaseFlowDocument, FlowByIdDocument, RemindFlowsDocument } from '../../generated/graphql';
import { startTestApp, type TestApp } from '../../support/test-app';

describe('bad input to Flow operations is refused before any vendor call', () => {
  let t: TestApp;
  let flowId: string;

  beforeAll(async () => {
    t = await startTestApp();
    flowId = t.ess.seeded.signed[0] ?? '';
  });
  beforeEach(() => {
    t.ess.clearRecords();
  });
  afterEach(() => {
    // The contract of this whole file: nothing reached the vendor.
    expect(t.ess.requests()).toHaveLength(0);
  });
  afterAll(() => t.close());

  const hundredOne = Array.from({ length: 101 }, (_, index) => `flow-${index}`);

  it.each([
    ['no flow ids', { flowIds: [] }, 'input.flowIds'],
    ['101 distinct flow ids', { flowIds: hundredOne }, 'input.flowIds'],
    ['an empty flow id', { flowIds: ['ok', ''] }, 'input.flowIds[1]'],
  ])('remindFlows with %s gives InvalidInputError naming %s', async (_case, input, field) => {
    const result = await t.graphql(RemindFlowsDocument, { input });
    expect(result.data?.remindFlows).toMatchObject({
      __typename: 'InvalidInputError',
      code: 'INVALID_INPUT',
      field,
      vendor: null,
      retryable: false,
    });
  });

  it('accepts 150 ids that are 100 once duplicates are removed, sending 100', async () => {
    const ids = Array.from({ length: 100 }, (_, index) => `dup-${index}`);
    t.ess.faults.inject('CreateFlowReminds', {
      kind: 'raw',
      status: 200,
      body: JSON.stringify({ Response: { RemindFlowRecords: [], RequestId: 'r' } }),
    });
    const result = await t.graphql(RemindFlowsDocument, { input: { flowIds: [...ids, ...ids.slice(0, 50)] } });
    expect(result.data?.remindFlows).toEqual({ __typename: 'RemindFlowsSuccess', records: [] });
    expect(t.ess.accepted('CreateFlowReminds')[0]?.body.FlowIds).toEqual(ids);
    t.ess.clearRecords();
  });

  const longText = 'x'.repeat(201);
  it.each([
    ['an empty reason', { reason: '' }, 'input.reason'],
    ['a blank reason', { reason: '   ' }, 'input.reason'],
    ['a 201-character reason', { reason: longText }, 'input.reason'],
    ['a 201-character otherDeals', { otherDeals: longText }, 'input.otherDeals'],
    ['an empty flowId', { flowId: '' }, 'input.flowId'],
    ['a malformed mobile', { releasedApprovers: [{ name: '张三', mobile: '138-0013-8000' }] }, 'input.releasedApprovers[0].mobile'],
    ['letters in the mobile', { releasedApprovers: [{ name: '张三', mobile: 'call me' }] }, 'input.releasedApprovers[0].mobile'],
    [
      'a 51-character approver name',
      { releasedApprovers: [{ name: '名'.repeat(51), mobile: '13800138000' }] },
      'input.releasedApprovers[0].name',
    ],
    ['an empty approver list', { releasedApprovers: [] }, 'input.releasedApprovers'],
    ['a deadline in the past', { deadline: '2001-01-01T00:00:00Z' }, 'input.deadline'],
    ['an empty idempotency key', { idempotencyKey: '' }, 'input.idempotencyKey'],
  ])('createReleaseFlow with %s gives InvalidInputError naming %s', async (_case, override, field) => {
    const result = await t.graphql(CreateReleaseFlowDocument, { input: { flowId, reason: '业务调整', ...override } });
    expect(result.data?.createReleaseFlow).toMatchObject({ __typename: 'InvalidInputError', code: 'INVALID_INPUT', field });
  });

  it('counts characters, not bytes: 200 Chinese characters are accepted as a reason', async () => {
    t.ess.faults.inject('CreateReleaseFlow', { kind: 'error', code: 'FailedOperation' });
    const result = await t.graphql(CreateReleaseFlowDocument, { input: { flowId, reason: '解'.repeat(200) } });
    expect(result.data?.createReleaseFlow).toMatchObject({ __typename: 'FailedPreconditionError' });
    t.ess.clearRecords();
  });

  it('refuses an unknown enum value with a top-level INVALID_INPUT naming the field', async () => {
    const result = await t.graphql(
      gql`
        mutation ($input: RemindFlowsInput!) {
          remindFlows(input: $input) {
            __typename
          }
        }
      `,
      { input: { flowIds: [flowId], remindTypes: ['FAX'] } },
    );
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'input.remindTypes[0]' });
  });

  it('refuses an unknown approver type the same way', async () => {
    const result = await t.graphql(
      gql`
        mutation ($input: CreateReleaseFlowInput!) {
          createReleaseFlow(input: $input) {
            __typename
          }
        }
      `,
      { input: { flowId, reason: 'x', releasedApprovers: [{ name: 'n', mobile: '13800138000', approverType: 'PERSON' }] } },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'input.releasedApprovers[0].approverType' });
  });

  it('refuses an empty flow id on the flow query with a top-level INVALID_INPUT', async () => {
    const result = await t.graphql(FlowByIdDocument, { id: '' });
    expect(result.data?.flow).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'id' });
  });
});
