import { parse } from 'graphql';
import { gql } from 'graphql-tag';
import { makeFlows } from '../../../src/sandbox/tencent-ess/simulator';
import { FlowByIdDocument } from '../../generated/graphql';
import { startTestApp, type TestApp } from '../../support/test-app';

/**
 * VENDOR_CALLS_PER_OPERATION (default 20) and the `_entities` bound, over real HTTP against the ESS
 * simulator: the simulator's own record says how many vendor calls went out.
 */
const ALIASES = 15;
const IDS_PER_ALIAS = 200;

/** `query($ids0: [ID!]!, …) { f0: flows(ids: $ids0) { id } … }`: one alias per variable. */
const ALIAS_FLOOD = parse(
  `query AliasFlood(${Array.from({ length: ALIASES }, (_, index) => `$ids${String(index)}: [ID!]!`).join(', ')}) {\n${Array.from(
    { length: ALIASES },
    (_, index) => `  f${String(index)}: flows(ids: $ids${String(index)}) { id }`,
  ).join('\n')}\n}`,
);

const ENTITIES = gql`
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Flow {
        id
      }
    }
  }
`;

/** `flows` results by alias. */
type FlowsData = Readonly<Record<string, readonly ({ readonly id: string } | null)[] | null>>;

describe('per-operation vendor call budget', () => {
  let t: TestApp;
  const flows = makeFlows(ALIASES * IDS_PER_ALIAS, 'budget');
  const ids = flows.map((flow) => flow.FlowId);

  beforeAll(async () => {
    t = await startTestApp({ env: { VENDORS: 'ess=sandbox,vnpt=off,volc=off' } });
    for (const flow of flows) t.ess.putFlow(flow);
  });
  beforeEach(() => {
    t.ess.clearRecords();
    t.ess.faults.clear();
  });
  afterAll(() => t.close());

  it('makes at most 20 vendor calls for an alias flood and fails the fields past the budget with QUOTA_EXCEEDED', async () => {
    // 15 aliases × 200 distinct ids = 3 000 ids = 30 DescribeFlowInfo calls of 100 ids if nothing stopped them.
    const variables = Object.fromEntries(
      Array.from({ length: ALIASES }, (_, index) => [`ids${String(index)}`, ids.slice(index * IDS_PER_ALIAS, (index + 1) * IDS_PER_ALIAS)]),
    );

    const result = await t.graphql<FlowsData, Record<string, string[]>>(ALIAS_FLOOD, variables);

    expect(result.status).toBe(200);
    expect(t.ess.accepted('DescribeFlowInfo')).toHaveLength(20);
    const sentIds = t.ess.accepted('DescribeFlowInfo').flatMap((request) => request.body.FlowIds as string[]);
    expect(new Set(sentIds).size).toBe(2_000);
    const errors = result.errors ?? [];
    expect(errors).toHaveLength(1_000);
    for (const error of errors) {
      expect(error.extensions).toMatchObject({ code: 'QUOTA_EXCEEDED', retryable: false });
      expect(error.message).toContain('VENDOR_CALLS_PER_OPERATION');
      expect(error.path).toEqual([expect.stringMatching(/^f\d+$/), expect.any(Number)]);
    }
    // Every slot is either its flow (its batch went out) or null with its own error (its batch did not).
    const failedSlots = new Set(errors.map((error) => (error.path ?? []).join('.')));
    let served = 0;
    for (let alias = 0; alias < ALIASES; alias += 1) {
      const slots = result.data?.[`f${String(alias)}`] ?? [];
      expect(slots).toHaveLength(IDS_PER_ALIAS);
      slots.forEach((slot, index) => {
        const id = ids[alias * IDS_PER_ALIAS + index] ?? '';
        if (failedSlots.has(`f${String(alias)}.${String(index)}`)) {
          expect(slot).toBeNull();
          expect(sentIds).not.toContain(id);
        } else {
          expect(slot).toEqual({ id });
          served += 1;
        }
      });
    }
    expect(served).toBe(2_000);
  });

  it('gives the next operation a budget of its own', async () => {
    const result = await t.graphql(FlowByIdDocument, { id: ids[0] ?? '' });

    expect(result.errors).toBeUndefined();
    expect(result.data?.flow?.id).toBe(ids[0]);
  });

  it('counts a vendor call once however often it is retried', async () => {
    const small = await startTestApp({
      env: { VENDORS: 'ess=sandbox,vnpt=off,volc=off', VENDOR_CALLS_PER_OPERATION: '2' },
      shareSimulatorsOf: t,
    });
    try {
      t.ess.faults.inject('DescribeFlowInfo', { kind: 'error', code: 'InternalError.System' }, 2);
      // 200 ids: two calls of 100; the first two attempts fail and are retried.
      const result = await small.graphql<FlowsData, Record<string, string[]>>(
        gql`
          query ($ids0: [ID!]!) {
            f0: flows(ids: $ids0) {
              id
            }
          }
        `,
        { ids0: ids.slice(0, 200) },
      );

      expect(result.errors).toBeUndefined();
      expect(result.data?.f0?.map((slot) => slot?.id)).toEqual(ids.slice(0, 200));
      expect(t.ess.accepted('DescribeFlowInfo')).toHaveLength(4);
    } finally {
      await small.close();
    }
  });

  it('refuses _entities with 5 000 representations as a whole, before any vendor call', async () => {
    const representations = Array.from({ length: 5_000 }, (_, index) => ({ __typename: 'Flow', id: ids[index % ids.length] }));

    const result = await t.graphql(ENTITIES, { representations });

    expect(result.data ?? null).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]).toMatchObject({
      path: ['_entities'],
      extensions: { code: 'INVALID_INPUT', field: 'representations', retryable: false },
    });
    expect(result.errors?.[0]?.message).toMatch(/at most 1000 representations/);
    expect(t.ess.requests()).toHaveLength(0);
  });

  it('resolves 1 000 representations in 10 vendor calls, within the budget', async () => {
    const representations = ids.slice(0, 1_000).map((id) => ({ __typename: 'Flow', id }));

    const result = await t.graphql<{ _entities: readonly ({ id: string } | null)[] }, { representations: typeof representations }>(
      ENTITIES,
      { representations },
    );

    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toHaveLength(1_000);
    expect(t.ess.accepted('DescribeFlowInfo')).toHaveLength(10);
  });
});
