import { gql } from 'graphql-tag';
import { makeFlows } from '../../../src/sandbox/tencent-ess/simulator';
import { FlowsByIdsDocument } from '../../generated/graphql';
import { startTestApp, type TestApp } from '../../support/test-app';

/** What a router sends to resolve Flow references (not in the committed SDL, so not code-generated). */
const FLOW_ENTITIES = gql`
  query FlowEntities($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Flow {
        id
        status
      }
    }
  }
`;

interface EntitiesData {
  readonly _entities: readonly ({ readonly id: string; readonly status: string } | null)[];
}

describe('Flow reads through the per-request DataLoader', () => {
  let t: TestApp;
  const flows = makeFlows(250, 'entities');

  beforeAll(async () => {
    t = await startTestApp({ seed: false });
    for (const flow of flows) t.ess.putFlow(flow);
  });
  beforeEach(() => {
    t.ess.clearRecords();
    t.ess.faults.clear();
  });
  afterAll(() => t.close());

  const describeCalls = (): number[] => t.ess.accepted('DescribeFlowInfo').map((request) => (request.body.FlowIds as unknown[]).length);

  it('resolves 250 Flow references with exactly 3 DescribeFlowInfo calls, in order', async () => {
    const representations = flows.map((flow) => ({ __typename: 'Flow', id: flow.FlowId }));
    const result = await t.graphql<EntitiesData, { representations: unknown[] }>(FLOW_ENTITIES, { representations });
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities.map((entity) => entity?.id)).toEqual(flows.map((flow) => flow.FlowId));
    expect(describeCalls()).toEqual([100, 100, 50]);
  });

  it('charges nothing for duplicate references and answers null for unknown ids', async () => {
    const first = flows.at(0);
    const second = flows.at(1);
    const representations = [first, second, first, first].map((flow) => ({ __typename: 'Flow', id: flow?.FlowId }));
    representations.push({ __typename: 'Flow', id: 'yDwFmDoesNotExist00000000000000' });
    const result = await t.graphql<EntitiesData, { representations: unknown[] }>(FLOW_ENTITIES, { representations });
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities.map((entity) => entity?.id ?? null)).toEqual([
      first?.FlowId,
      second?.FlowId,
      first?.FlowId,
      first?.FlowId,
      null,
    ]);
    expect(describeCalls()).toEqual([3]);
  });

  it('keeps the order of flows(ids) with null where not found, in one call', async () => {
    const ids = [flows[5]?.FlowId ?? '', 'unknown-flow', flows[1]?.FlowId ?? ''];
    const result = await t.graphql(FlowsByIdsDocument, { ids });
    expect(result.data?.flows?.map((flow) => flow?.id ?? null)).toEqual([ids[0], null, ids[2]]);
    expect(describeCalls()).toEqual([3]);
  });

  it('fails only the batch whose vendor call failed; the other batches keep their data', async () => {
    const ids = flows.slice(0, 150).map((flow) => flow.FlowId);
    // The first DescribeFlowInfo call (ids 0–99) meets a permanent refusal; the second succeeds.
    t.ess.faults.inject('DescribeFlowInfo', { kind: 'error', code: 'UnauthorizedOperation.NoPermissionFeature' });
    const result = await t.graphql(FlowsByIdsDocument, { ids });
    const returned = result.data?.flows ?? [];
    expect(returned).toHaveLength(150);
    expect(returned.filter((flow) => flow === null)).toHaveLength(100);
    expect(returned.filter((flow) => flow !== null)).toHaveLength(50);
    expect(result.errors).toHaveLength(100);
    expect(result.errors?.every((error) => error.extensions?.code === 'PERMISSION_DENIED')).toBe(true);
  });
});
