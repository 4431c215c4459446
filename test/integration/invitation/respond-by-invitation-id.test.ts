import { encodeInvitationId } from '../../../datasources/volcengine-billing/invitation-id';
import { InvitationType } from '../../../datasources/volcengine-billing/model';
import {
  RespondToInvitationDocument,
  RespondToInvitationKeyOnlyDocument,
  RespondToInvitationWithoutRefreshDocument,
} from '../../generated/graphql';
import { startTestApp, type TestApp } from '../../support/test-app';
import { authorizationId, putPendingRelation, relationId, relationInput } from './volc-wire';

/**
 * `respondToInvitation(input: { invitationId, decision })`: the opaque `Invitation.id` in place of the
 * invitation's fields (DESIGN.md, mutations table). The rest of the HandleInvitation body comes from the
 * vendor's ListInvitation, and the vendor must receive exactly the body the long form sends.
 */
describe('respondToInvitation by invitationId', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  beforeEach(() => {
    t.volc.clearRecords();
    t.volc.faults.clear();
  });
  afterAll(() => t.close());

  /** The query `Action` of every request the simulator received, in order. */
  const actionsSeen = (): (string | null)[] =>
    t.volc.requests().map((received) => new URL(received.url, 'http://simulator.invalid').searchParams.get('Action'));
  const handledBodies = (): string[] => t.volc.accepted('HandleInvitation').map((sent) => sent.rawBody);

  describe('sends the vendor the same HandleInvitation body as the long form', () => {
    it('for a RELATION invitation (financial management, UID above 2^31)', async () => {
      const seed = { relationId: 'rel7600000000000000001', majorAccountId: '3000000124', relation: 4 as const };
      // VENDORS.md HandleInvitation body, fields in the documented order, integers as JSON integers.
      const expected = '{"Action":2,"InvitationType":1,"RelationID":"rel7600000000000000001","MajorAccountID":3000000124,"Relation":4}';

      putPendingRelation(t.volc, seed);
      const longForm = await t.graphql(RespondToInvitationWithoutRefreshDocument, { input: relationInput(seed, 'ACCEPT') });
      expect(longForm.data?.respondToInvitation.__typename).toBe('RespondToInvitationSuccess');
      expect(handledBodies()).toEqual([expected]);

      putPendingRelation(t.volc, seed);
      t.volc.clearRecords();
      const idForm = await t.graphql(RespondToInvitationWithoutRefreshDocument, {
        input: { invitationId: relationId(seed), decision: 'ACCEPT' },
      });
      expect(idForm.errors).toBeUndefined();
      expect(idForm.data?.respondToInvitation).toEqual({
        __typename: 'RespondToInvitationSuccess',
        invitationId: relationId(seed),
        decision: 'ACCEPT',
        accepted: true,
      });
      expect(handledBodies()).toEqual([expected]);
      expect(actionsSeen()).toEqual(['ListInvitation', 'HandleInvitation']);
      expect(t.volc.getInvitation({ relationId: seed.relationId })?.state).toBe('accepted');
    });

    it('for an AUTHORIZATION invitation', async () => {
      const seed = {
        relationId: 'rel7600000000000000002',
        authId: 'auth7600000000000000002',
        majorAccountId: '2100250170',
        relation: 4 as const,
      };
      const expected = '{"Action":3,"InvitationType":2,"RelationID":"rel7600000000000000002","AuthID":"auth7600000000000000002"}';
      const pending = (): void => {
        putPendingRelation(t.volc, seed, { invitationType: 2, authId: seed.authId, authList: [1, 2] });
      };

      pending();
      await t.graphql(RespondToInvitationWithoutRefreshDocument, {
        input: { invitationType: 'AUTHORIZATION', decision: 'REJECT', relationId: seed.relationId, authId: seed.authId },
      });
      expect(handledBodies()).toEqual([expected]);

      pending();
      t.volc.clearRecords();
      const idForm = await t.graphql(RespondToInvitationWithoutRefreshDocument, {
        input: { invitationId: authorizationId(seed), decision: 'REJECT' },
      });
      expect(idForm.data?.respondToInvitation).toEqual({
        __typename: 'RespondToInvitationSuccess',
        invitationId: authorizationId(seed),
        decision: 'REJECT',
        accepted: false,
      });
      expect(handledBodies()).toEqual([expected]);
      expect(t.volc.getInvitation({ relationId: seed.relationId, authId: seed.authId })?.state).toBe('rejected');
    });
  });

  it('reads the invitation again after the decision instead of answering the copy listed before it', async () => {
    const seed = { relationId: 'rel7600000000000000003', majorAccountId: '2100250171', relation: 1 as const };
    putPendingRelation(t.volc, seed);
    const result = await t.graphql(RespondToInvitationDocument, { input: { invitationId: relationId(seed), decision: 'ACCEPT' } });
    expect(result.errors).toBeUndefined();
    expect(result.data?.respondToInvitation).toMatchObject({
      __typename: 'RespondToInvitationSuccess',
      accepted: true,
      // The simulator's accepted state (200); before the decision it listed 100.
      invitation: { id: relationId(seed), statusCode: 200 },
    });
    expect(actionsSeen()).toEqual(['ListInvitation', 'HandleInvitation', 'ListInvitation']);
  });

  it('reads nothing after the write when `invitation` is selected for its id alone', async () => {
    const seed = { relationId: 'rel7600000000000000004', majorAccountId: '2100250172', relation: 1 as const };
    putPendingRelation(t.volc, seed);
    const result = await t.graphql(RespondToInvitationKeyOnlyDocument, { input: { invitationId: relationId(seed), decision: 'REJECT' } });
    expect(result.data?.respondToInvitation).toMatchObject({ invitation: { __typename: 'Invitation', id: relationId(seed) } });
    expect(actionsSeen()).toEqual(['ListInvitation', 'HandleInvitation']);
  });

  it('keeps the applied decision when every ListInvitation after the write fails: invitation null, one error at its path', async () => {
    const seed = { relationId: 'rel7600000000000000005', majorAccountId: '2100250173', relation: 4 as const };
    putPendingRelation(t.volc, seed);
    t.volc.faults.injectAfter('HandleInvitation', 'ListInvitation', { kind: 'error', code: 'InternalError' }, 100);
    const result = await t.graphql(RespondToInvitationDocument, { input: { invitationId: relationId(seed), decision: 'ACCEPT' } });

    expect(result.data?.respondToInvitation).toEqual({
      __typename: 'RespondToInvitationSuccess',
      invitationId: relationId(seed),
      decision: 'ACCEPT',
      accepted: true,
      invitation: null,
    });
    expect(result.errors?.map((error) => error.path)).toEqual([['respondToInvitation', 'invitation']]);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'VENDOR_UNAVAILABLE', vendorCode: 'InternalError' });
    expect(t.volc.accepted('HandleInvitation')).toHaveLength(1);
    const [lookup, write, ...after] = actionsSeen();
    expect([lookup, write]).toEqual(['ListInvitation', 'HandleInvitation']);
    expect(new Set(after)).toEqual(new Set(['ListInvitation']));
  });

  it('gives NotFoundError naming input.invitationId, and sends no write, when the vendor does not list the id', async () => {
    const unlisted = encodeInvitationId({ type: InvitationType.RELATION, relationId: 'rel-nobody-invited-us' });
    const result = await t.graphql(RespondToInvitationWithoutRefreshDocument, { input: { invitationId: unlisted, decision: 'ACCEPT' } });
    expect(result.errors).toBeUndefined();
    expect(result.data?.respondToInvitation).toMatchObject({
      __typename: 'NotFoundError',
      code: 'NOT_FOUND',
      vendor: 'VOLCENGINE_BILLING',
      retryable: false,
      message: expect.stringContaining('input.invitationId') as unknown,
    });
    expect(actionsSeen()).toEqual(['ListInvitation']);
  });

  it('gives a typed error, and sends no write, when the ListInvitation before it fails', async () => {
    const seed = { relationId: 'rel7600000000000000006', majorAccountId: '2100250174', relation: 1 as const };
    putPendingRelation(t.volc, seed);
    t.volc.faults.inject('ListInvitation', { kind: 'error', code: 'AccessDenied' });
    const result = await t.graphql(RespondToInvitationWithoutRefreshDocument, {
      input: { invitationId: relationId(seed), decision: 'ACCEPT' },
    });
    expect(result.data?.respondToInvitation).toMatchObject({
      __typename: 'PermissionDeniedError',
      code: 'PERMISSION_DENIED',
      vendorCode: 'AccessDenied',
    });
    expect(actionsSeen()).toEqual(['ListInvitation']);
    expect(t.volc.getInvitation({ relationId: seed.relationId })?.state).toBe('pending');
  });

  it('leaves the verdict to the vendor for a listed invitation that was already answered', async () => {
    const seed = t.volc.seeded.acceptedRelation;
    const result = await t.graphql(RespondToInvitationWithoutRefreshDocument, {
      input: { invitationId: relationId(seed), decision: 'REJECT' },
    });
    expect(result.data?.respondToInvitation).toMatchObject({
      __typename: 'AlreadyExistsError',
      vendorCode: 'OperationDenied.AccountRelationExist',
    });
    expect(handledBodies()).toEqual([
      '{"Action":3,"InvitationType":1,"RelationID":"rel7340606030814515500","MajorAccountID":2100250147,"Relation":4}',
    ]);
  });

  it('replays a keyed success without any vendor call, even after the answered invitation left the list', async () => {
    const seed = { relationId: 'rel7600000000000000007', majorAccountId: '2100250175', relation: 1 as const };
    putPendingRelation(t.volc, seed, { unlistedOnceAnswered: true });
    const input = { invitationId: relationId(seed), decision: 'ACCEPT' as const, idempotencyKey: 'invitation-id-replay' };
    const first = await t.graphql(RespondToInvitationWithoutRefreshDocument, { input });
    expect(first.data?.respondToInvitation).toMatchObject({ __typename: 'RespondToInvitationSuccess', accepted: true });
    t.volc.clearRecords();

    const second = await t.graphql(RespondToInvitationWithoutRefreshDocument, { input });
    expect(second.data).toEqual(first.data);
    expect(t.volc.requests()).toHaveLength(0);
  });
});
