import { gql } from 'graphql-tag';
import { deleteRedisKeys, uniqueRedisPrefix } from '../idempotency/redis-prefix';
import { startTestApp, type TestApp } from '../../support/test-app';

/**
 * ENTITY_CACHE_TTL_MS over real HTTP against the sandbox simulators: what reaches the vendor is counted
 * on the simulators' side. Expiry is covered with a hand-moved clock in test/unit/cache.
 */

const FLOW = gql`
  query CachedFlow($id: ID!) {
    flow(id: $id) {
      id
      status
    }
  }
`;
const FLOWS = gql`
  query CachedFlows($ids: [ID!]!) {
    flows(ids: $ids) {
      id
      status
    }
  }
`;
const DOCUMENT = gql`
  query CachedDocument($id: ID!) {
    document(id: $id) {
      id
      status
    }
  }
`;
const FLOW_ENTITIES = gql`
  query CachedFlowEntities($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Flow {
        id
        status
      }
    }
  }
`;
const INVITATION_ENTITIES = gql`
  query CachedInvitationEntities($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Invitation {
        id
        status
      }
    }
  }
`;
const RELEASE = gql`
  mutation CachedRelease($input: CreateReleaseFlowInput!) {
    createReleaseFlow(input: $input) {
      __typename
    }
  }
`;
const REMIND = gql`
  mutation CachedRemind($input: RemindFlowsInput!) {
    remindFlows(input: $input) {
      __typename
    }
  }
`;
const CANCEL = gql`
  mutation CachedCancel($input: CancelDocumentInput!) {
    cancelDocument(input: $input) {
      __typename
    }
  }
`;
const RESPOND = gql`
  mutation CachedRespond($input: RespondToInvitationInput!) {
    respondToInvitation(input: $input) {
      __typename
    }
  }
`;

interface Typename {
  readonly __typename: string;
}

const flowCalls = (t: TestApp): number => t.ess.accepted('DescribeFlowInfo').length;
const documentCalls = (t: TestApp): number => t.vnpt.requests().filter((request) => request.method === 'GET').length;
const listCalls = (t: TestApp): number => t.volc.accepted('ListInvitation').length;

async function readFlow(t: TestApp, id: string): Promise<void> {
  const result = await t.graphql<{ flow: { id: string } | null }, { id: string }>(FLOW, { id });
  expect(result.errors).toBeUndefined();
  expect(result.data?.flow?.id).toBe(id);
}

describe('entity cache (ENTITY_CACHE_TTL_MS=60000)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { ENTITY_CACHE_TTL_MS: '60000' } });
  });
  afterAll(() => t.close());

  it('answers a second read of a flow within the TTL without a vendor call, and a release drops it', async () => {
    const id = t.ess.seeded.signed[0] ?? '';
    await readFlow(t, id);
    await readFlow(t, id);
    expect(flowCalls(t)).toBe(1);

    const release = await t.graphql<{ createReleaseFlow: Typename }, unknown>(RELEASE, { input: { flowId: id, reason: 'cache test' } });
    expect(release.data?.createReleaseFlow.__typename).toBe('CreateReleaseFlowSuccess');
    await readFlow(t, id);
    expect(flowCalls(t)).toBe(2);
  });

  it('serves flow references from the cache too, and a remind drops the reminded flows', async () => {
    const [first = '', second = ''] = t.ess.seeded.pending;
    const representations = [first, second].map((id) => ({ __typename: 'Flow', id }));
    t.ess.clearRecords();
    const entities = await t.graphql(FLOW_ENTITIES, { representations });
    expect(entities.errors).toBeUndefined();
    await readFlow(t, first);
    await readFlow(t, second);
    expect(flowCalls(t)).toBe(1);

    const remind = await t.graphql<{ remindFlows: Typename }, unknown>(REMIND, { input: { flowIds: [first] } });
    expect(remind.data?.remindFlows.__typename).toBe('RemindFlowsSuccess');
    await readFlow(t, second);
    expect(flowCalls(t)).toBe(1);
    await readFlow(t, first);
    expect(t.ess.accepted('DescribeFlowInfo').map((request) => request.body.FlowIds)).toEqual([[first, second], [first]]);
  });

  it('serves a flows list from the cache, asking the vendor only for the ids it does not hold', async () => {
    const { partlySigned: first, rejected: second, expired: third } = t.ess.seeded;
    t.ess.clearRecords();
    const readList = async (ids: string[]): Promise<void> => {
      const result = await t.graphql<{ flows: ({ id: string } | null)[] }, { ids: string[] }>(FLOWS, { ids });
      expect(result.errors).toBeUndefined();
      expect(result.data?.flows.map((flow) => flow?.id)).toEqual(ids);
    };

    await readList([first, second]);
    await readList([second, first, third, first]);
    await readFlow(t, third);

    expect(t.ess.accepted('DescribeFlowInfo').map((request) => request.body.FlowIds)).toEqual([[first, second], [third]]);
  });

  it('caches documents, and a cancel drops the canceled one', async () => {
    const id = t.vnpt.seeded.byStatus.PROCESSING;
    t.vnpt.clearRecords();
    const read = async (): Promise<string | undefined> =>
      (await t.graphql<{ document: { status: string } | null }, { id: string }>(DOCUMENT, { id })).data?.document?.status;
    expect(await read()).toBe('PROCESSING');
    expect(await read()).toBe('PROCESSING');
    expect(documentCalls(t)).toBe(1);

    const cancel = await t.graphql<{ cancelDocument: Typename }, unknown>(CANCEL, { input: { documentId: id, reason: 'cache test' } });
    expect(cancel.data?.cancelDocument.__typename).toBe('CancelDocumentSuccess');
    expect(await read()).toBe('CANCELED');
    expect(documentCalls(t)).toBe(2);
  });

  it('caches invitations, and an answer drops the answered one', async () => {
    const [id = ''] = t.volc.seededInvitationIds();
    t.volc.clearRecords();
    const read = async (): Promise<string | undefined> => {
      const result = await t.graphql<{ _entities: ({ status?: string } | null)[] }, unknown>(INVITATION_ENTITIES, {
        representations: [{ __typename: 'Invitation', id }],
      });
      expect(result.errors).toBeUndefined();
      return result.data?._entities[0]?.status;
    };
    const before = await read();
    expect(await read()).toBe(before);
    expect(listCalls(t)).toBe(1);

    // The id form reads the invitation through the request's loader: the cached copy is enough.
    const respond = await t.graphql<{ respondToInvitation: Typename }, unknown>(RESPOND, {
      input: { invitationId: id, decision: 'ACCEPT' },
    });
    expect(respond.data?.respondToInvitation.__typename).toBe('RespondToInvitationSuccess');
    expect(listCalls(t)).toBe(1);
    expect(await read()).not.toBe(before);
    expect(listCalls(t)).toBe(2);
  });

  it('never caches an unknown id', async () => {
    t.ess.clearRecords();
    for (let round = 0; round < 2; round += 1) {
      const result = await t.graphql<{ flow: unknown }, { id: string }>(FLOW, { id: 'yDwFmDoesNotExist00000000000000' });
      expect(result.data?.flow).toBeNull();
    }
    expect(flowCalls(t)).toBe(2);
  });
});

describe('entity cache off (ENTITY_CACHE_TTL_MS unset)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('reads the vendor on every request', async () => {
    const id = t.ess.seeded.signed[0] ?? '';
    await readFlow(t, id);
    await readFlow(t, id);
    expect(flowCalls(t)).toBe(2);
  });
});

const redisUrl = process.env.REDIS_URL;
const describeWithRedis = redisUrl ? describe : describe.skip;

describeWithRedis('entity cache shared through Redis by two replicas', () => {
  let first: TestApp;
  let second: TestApp;
  const started: TestApp[] = [];
  const prefix = uniqueRedisPrefix('entity-cache');

  beforeAll(async () => {
    const env = { REDIS_URL: redisUrl ?? '', REDIS_KEY_PREFIX: prefix, ENTITY_CACHE_TTL_MS: '60000' };
    first = await startTestApp({ env });
    started.push(first);
    second = await startTestApp({ env, shareSimulatorsOf: first });
    started.push(second);
  });
  afterAll(async () => {
    for (const app of started.reverse()) await app.close();
    await deleteRedisKeys(redisUrl ?? '', prefix);
  });

  it('serves on one replica what the other read, and a write on either drops it for both', async () => {
    const id = first.ess.seeded.signed[1] ?? '';
    await readFlow(first, id);
    await readFlow(second, id);
    expect(flowCalls(first)).toBe(1);

    const release = await second.graphql<{ createReleaseFlow: Typename }, unknown>(RELEASE, { input: { flowId: id, reason: 'replicas' } });
    expect(release.data?.createReleaseFlow.__typename).toBe('CreateReleaseFlowSuccess');
    await readFlow(first, id);
    await readFlow(second, id);
    expect(flowCalls(first)).toBe(2);
  });
});
