import { gql } from 'graphql-tag';
import { encodeInvitationId } from '../../../datasources/volcengine-billing/invitation-id';
import { InvitationType } from '../../../datasources/volcengine-billing/model';
import { InvitationIdsDocument, InvitationsDocument, RespondToInvitationWithoutRefreshDocument } from '../../generated/graphql';
import { startTestApp, type TestApp } from '../../support/test-app';
import { authorizationId, relationId, relationInput } from './volc-wire';

/** What a router sends to resolve Invitation references (not in the committed SDL, so not code-generated). */
const INVITATION_ENTITIES = gql`
  query InvitationEntities($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Invitation {
        id
        type
        relationId
        majorAccountId
        authId
        status
      }
    }
  }
`;

/** Invitation and Flow references in one `_entities` call, as a router batches them. */
const MIXED_ENTITIES = gql`
  query MixedEntities($representations: [_Any!]!) {
    _entities(representations: $representations) {
      __typename
      ... on Invitation {
        id
        status
      }
      ... on Flow {
        id
      }
    }
  }
`;

/** `invitations` next to a root field that needs no Volcengine call. */
const INVITATIONS_NEXT_TO_FLOW = gql`
  query InvitationsNextToFlow($flowId: ID!) {
    invitations {
      id
    }
    flow(id: $flowId) {
      id
    }
  }
`;

interface EntitiesData {
  readonly _entities: readonly ({ readonly id: string; readonly relationId: string; readonly status: string } | null)[];
}

describe('Invitation reads', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  beforeEach(() => {
    t.volc.clearRecords();
    t.volc.faults.clear();
  });
  afterAll(() => t.close());

  const entities = (ids: readonly unknown[]) =>
    t.graphql<EntitiesData, { representations: unknown[] }>(INVITATION_ENTITIES, {
      representations: ids.map((id) => ({ __typename: 'Invitation', id })),
    });

  describe('invitations', () => {
    it('answers null with one error when ListInvitation fails, and a sibling root field without Volcengine still answers', async () => {
      const flowId = t.ess.seeded.signed[0] ?? '';
      t.volc.faults.inject('ListInvitation', { kind: 'error', code: 'AccessDenied' });
      const result = await t.graphql<{ invitations: { id: string }[] | null; flow: { id: string } | null }, { flowId: string }>(
        INVITATIONS_NEXT_TO_FLOW,
        { flowId },
      );

      expect(result.status).toBe(200);
      expect(result.data).toEqual({ invitations: null, flow: { id: flowId } });
      expect(result.errors).toHaveLength(1);
      expect(result.errors?.[0]?.path).toEqual(['invitations']);
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'PERMISSION_DENIED',
        vendor: 'VOLCENGINE_BILLING',
        vendorCode: 'AccessDenied',
      });
      // One ListInvitation (answered by the injected fault), nothing else at Volcengine.
      expect(t.volc.requests().map((received) => received.url)).toEqual(['/?Action=ListInvitation&Version=2022-01-01']);
    });

    it('answers only the ids with `{ invitations { id } }`', async () => {
      const result = await t.graphql(InvitationIdsDocument);
      expect(result.errors).toBeUndefined();
      expect(result.data?.invitations).toEqual(t.volc.seededInvitationIds().map((id) => ({ id })));
    });

    it('lists every seeded invitation with one ListInvitation call, ids as the sandbox log prints them', async () => {
      const result = await t.graphql(InvitationsDocument);
      expect(result.errors).toBeUndefined();
      const invitations = result.data?.invitations ?? [];
      expect(invitations.map((invitation) => invitation.id)).toEqual(t.volc.seededInvitationIds());
      expect(t.volc.accepted('ListInvitation')).toHaveLength(1);
      expect(t.volc.accepted('ListInvitation')[0]?.rawBody).toBe('{}');
    });

    it('maps a relation invitation field by field, the UID above 2^31 as a String', async () => {
      const seed = t.volc.seeded.pendingManagement;
      const result = await t.graphql(InvitationsDocument);
      expect(result.data?.invitations?.find((invitation) => invitation.relationId === seed.relationId)).toEqual({
        id: relationId(seed),
        type: 'RELATION',
        relationId: seed.relationId,
        relation: 'FINANCIAL_MANAGEMENT',
        majorAccountId: '3000000123',
        majorAccountName: 'Globex Group Finance',
        subAccountId: '2100000001',
        subAccountName: 'sandbox-sub-account',
        authId: null,
        status: '邀约中',
        statusCode: 100,
        updatedAt: '2024-04-01T02:00:00.000Z',
      });
    });

    it('maps an authorization invitation with its AuthID and AuthStatus', async () => {
      const seed = t.volc.seeded.pendingAuthorization;
      const result = await t.graphql(InvitationsDocument);
      expect(result.data?.invitations?.find((invitation) => invitation.type === 'AUTHORIZATION')).toMatchObject({
        id: authorizationId(seed),
        relationId: seed.relationId,
        authId: seed.authId,
        relation: 'FINANCIAL_MANAGEMENT',
        majorAccountId: seed.majorAccountId,
        status: '100',
        statusCode: 100,
      });
    });

    it('maps vendor numbers it does not know to UNKNOWN instead of failing, and keeps every digit of a UID', async () => {
      t.volc.faults.inject('ListInvitation', {
        kind: 'raw',
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({
          ResponseMetadata: { RequestId: 'req-new-values' },
          Result: { List: [{ InvitationType: 7, Relation: { RelationID: 'rel-new', Relation: 9, MajorAccountID: 'UID', Status: 999 } }] },
        }).replace('"UID"', '9007199254740993'), // 2^53 + 1: a double would lose the last digit
      });
      const result = await t.graphql(InvitationsDocument);
      expect(result.errors).toBeUndefined();
      expect(result.data?.invitations).toEqual([
        expect.objectContaining({
          id: encodeInvitationId({ type: InvitationType.UNKNOWN, relationId: 'rel-new' }),
          type: 'UNKNOWN',
          relation: 'UNKNOWN',
          majorAccountId: '9007199254740993',
          status: '999',
          statusCode: 999,
        }),
      ]);
    });
  });

  describe('Invitation entity references', () => {
    it('resolves several references, duplicates included, with one ListInvitation call', async () => {
      const ids = t.volc.seededInvitationIds();
      const result = await entities([...ids, ids[0], ids[2]]);
      expect(result.errors).toBeUndefined();
      expect(result.data?._entities.map((entity) => entity?.id ?? null)).toEqual([...ids, ids[0], ids[2]]);
      expect(t.volc.accepted('ListInvitation')).toHaveLength(1);
    });

    it('answers null without an error, and without a vendor call, for text that is not an id this service issued', async () => {
      const valid = t.volc.seededInvitationIds()[0] ?? '';
      const foreign = ['not-an-id', 'aW52Ojk6cmVs', `${valid}=`, Buffer.from('inv:1:').toString('base64url'), 'rel7242575109678977324'];
      const result = await entities(foreign);
      expect(result.errors).toBeUndefined();
      expect(result.data?._entities).toEqual(foreign.map(() => null));
      expect(t.volc.requests()).toHaveLength(0);
    });

    it('refuses a reference id that is not a string, is empty or blank, or is too long with INVALID_INPUT on that entity alone', async () => {
      const valid = t.volc.seededInvitationIds()[1] ?? '';
      const tooLong = `${valid}${'A'.repeat(4106)}`;
      const result = await entities([42, valid, '', '   ', tooLong, null, 'foreign-id']);

      expect(result.data?._entities.map((entity) => entity?.id ?? null)).toEqual([null, valid, null, null, null, null, null]);
      const errors = [...(result.errors ?? [])].sort((a, b) => Number(a.path?.[1]) - Number(b.path?.[1]));
      expect(errors.map((error) => error.path)).toEqual([
        ['_entities', 0],
        ['_entities', 2],
        ['_entities', 3],
        ['_entities', 4],
        ['_entities', 5],
      ]);
      for (const error of errors) {
        expect(error.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'representations.id', retryable: false });
      }
      // Only the valid id was looked up.
      expect(t.volc.accepted('ListInvitation')).toHaveLength(1);
      expect(t.volc.requests()).toHaveLength(1);
    });

    it('answers null for a well-formed id the vendor does not list, alongside the ones it does', async () => {
      const known = t.volc.seededInvitationIds()[1] ?? '';
      const unknown = encodeInvitationId({ type: InvitationType.RELATION, relationId: 'rel-nobody-invited-us' });
      const result = await entities([unknown, known, 'garbage']);
      expect(result.data?._entities.map((entity) => entity?.id ?? null)).toEqual([null, known, null]);
      expect(t.volc.accepted('ListInvitation')).toHaveLength(1);
    });

    it('reflects a decision made earlier: the reference reads the current state', async () => {
      const seed = { relationId: 'rel7500000000000000001', majorAccountId: '2100250160', relation: 1 as const };
      t.volc.putInvitation({
        invitationType: 1,
        relationId: seed.relationId,
        relation: 1,
        majorAccountId: seed.majorAccountId,
        majorAccountName: 'Later Corp',
        subAccountId: '2100000001',
        subAccountName: 'sandbox-sub-account',
        state: 'pending',
        updatedAt: new Date('2024-05-01T00:00:00Z'),
      });
      await t.graphql(RespondToInvitationWithoutRefreshDocument, { input: relationInput(seed, 'ACCEPT') });
      const result = await entities([relationId(seed)]);
      expect(result.data?._entities[0]).toMatchObject({ id: relationId(seed), status: '关系已建立' });
    });

    it('fails only the Invitation references, each with a top-level error carrying the vendor code, when ListInvitation fails', async () => {
      t.volc.faults.inject('ListInvitation', { kind: 'error', code: 'AccessDenied' });
      const result = await entities([t.volc.seededInvitationIds()[0], 'garbage']);
      expect(result.data?._entities).toEqual([null, null]);
      expect(result.errors).toHaveLength(1);
      expect(result.errors?.[0]?.path).toEqual(['_entities', 0]);
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'PERMISSION_DENIED',
        vendor: 'VOLCENGINE_BILLING',
        vendorCode: 'AccessDenied',
      });
    });

    it('nulls only the Invitation entities when ListInvitation fails, next to a Flow reference that resolves', async () => {
      const flowId = t.ess.seeded.signed[0] ?? '';
      const invitationId = t.volc.seededInvitationIds()[0] ?? '';
      t.volc.faults.inject('ListInvitation', { kind: 'error', code: 'AccessDenied' });
      const result = await t.graphql<{ _entities: readonly ({ __typename: string; id: string } | null)[] }, { representations: unknown[] }>(
        MIXED_ENTITIES,
        {
          representations: [
            { __typename: 'Invitation', id: invitationId },
            { __typename: 'Flow', id: flowId },
          ],
        },
      );
      expect(result.data?._entities).toEqual([null, { __typename: 'Flow', id: flowId }]);
      expect(result.errors?.map((error) => error.path)).toEqual([['_entities', 0]]);
    });
  });
});

describe('Invitation operations with Volcengine switched off', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { VENDORS: 'ess=sandbox,vnpt=sandbox,volc=off' } });
  });
  afterAll(() => t.close());

  it('answers respondToInvitation with VendorUnavailableError saying it is not configured', async () => {
    const result = await t.graphql(RespondToInvitationWithoutRefreshDocument, {
      input: relationInput(t.volc.seeded.pendingRelation, 'ACCEPT'),
    });
    expect(result.data?.respondToInvitation).toMatchObject({
      __typename: 'VendorUnavailableError',
      code: 'VENDOR_UNAVAILABLE',
      vendor: 'VOLCENGINE_BILLING',
      retryable: false,
    });
    expect(t.volc.requests()).toHaveLength(0);
  });

  it('still validates input first', async () => {
    const result = await t.graphql(RespondToInvitationWithoutRefreshDocument, {
      input: { ...relationInput(t.volc.seeded.pendingRelation, 'ACCEPT'), relationId: '' },
    });
    expect(result.data?.respondToInvitation).toMatchObject({ __typename: 'InvalidInputError', field: 'input.relationId' });
  });

  it('answers the invitations query and references with a top-level VENDOR_UNAVAILABLE', async () => {
    const list = await t.graphql(InvitationsDocument);
    expect(list.errors?.[0]?.extensions).toMatchObject({ code: 'VENDOR_UNAVAILABLE', vendor: 'VOLCENGINE_BILLING' });
    const references = await t.graphql<EntitiesData, { representations: unknown[] }>(INVITATION_ENTITIES, {
      representations: [{ __typename: 'Invitation', id: t.volc.seededInvitationIds()[0] }],
    });
    expect(references.data?._entities).toEqual([null]);
    expect(references.errors?.[0]?.extensions).toMatchObject({ code: 'VENDOR_UNAVAILABLE' });
  });
});
