import {
  RespondToInvitationDocument,
  RespondToInvitationKeyOnlyDocument,
  RespondToInvitationWithoutRefreshDocument,
} from '../../generated/graphql';
import { startTestApp, type TestApp } from '../../support/test-app';
import {
  authorizationId,
  expectValidSignature,
  putPendingRelation,
  relationId,
  relationInput,
  replayWithBody,
  VOLC_REQUEST_ID,
} from './volc-wire';

describe('respondToInvitation', () => {
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

  describe('what goes over the wire', () => {
    it('accepts a relation invitation with exactly the documented body, integers as integers', async () => {
      const seed = t.volc.seeded.pendingRelation;
      const result = await t.graphql(RespondToInvitationDocument, { input: relationInput(seed, 'ACCEPT') });

      const handled = t.volc.accepted('HandleInvitation');
      expect(handled).toHaveLength(1);
      const sent = handled.at(0);
      expect(sent?.rawBody).toBe(
        '{"Action":2,"InvitationType":1,"RelationID":"rel7242575109678977324","MajorAccountID":2000000000,"Relation":1}',
      );
      expect(sent?.body).toEqual({
        Action: 2,
        InvitationType: 1,
        RelationID: 'rel7242575109678977324',
        MajorAccountID: 2000000000,
        Relation: 1,
      });
      expect(sent?.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(t.volc.requests()[0]?.url).toBe('/?Action=HandleInvitation&Version=2022-01-01');

      expect(result.errors).toBeUndefined();
      expect(result.data?.respondToInvitation).toEqual({
        __typename: 'RespondToInvitationSuccess',
        invitationId: relationId(seed),
        decision: 'ACCEPT',
        accepted: true,
        invitation: {
          id: relationId(seed),
          type: 'RELATION',
          relationId: seed.relationId,
          relation: 'FINANCIAL_CUSTODY',
          majorAccountId: '2000000000',
          majorAccountName: 'Acme Finance HQ',
          subAccountId: '2100000001',
          subAccountName: 'sandbox-sub-account',
          authId: null,
          status: '关系已建立',
          statusCode: 200,
          updatedAt: expect.any(String) as unknown,
        },
      });
      expect(t.volc.getInvitation({ relationId: seed.relationId })?.state).toBe('accepted');
    });

    it('rejects a relation invitation with exactly the documented body, answering accepted: false', async () => {
      const seed = t.volc.seeded.pendingManagement;
      const result = await t.graphql(RespondToInvitationDocument, { input: relationInput(seed, 'REJECT') });

      expect(t.volc.accepted('HandleInvitation').map((sent) => sent.rawBody)).toEqual([
        '{"Action":3,"InvitationType":1,"RelationID":"rel7336772146369925420","MajorAccountID":3000000123,"Relation":4}',
      ]);
      expect(result.errors).toBeUndefined();
      expect(result.data?.respondToInvitation).toMatchObject({
        __typename: 'RespondToInvitationSuccess',
        invitationId: relationId(seed),
        decision: 'REJECT',
        accepted: false,
        invitation: {
          id: relationId(seed),
          relation: 'FINANCIAL_MANAGEMENT',
          majorAccountId: '3000000123',
          status: '已拒绝',
          statusCode: 300,
        },
      });
      expect(t.volc.getInvitation({ relationId: seed.relationId })?.state).toBe('rejected');
    });

    it('accepts an authorization invitation by RelationID and AuthID only', async () => {
      const seed = t.volc.seeded.pendingAuthorization;
      const result = await t.graphql(RespondToInvitationDocument, {
        input: { invitationType: 'AUTHORIZATION', decision: 'ACCEPT', relationId: seed.relationId, authId: seed.authId },
      });

      expect(t.volc.accepted('HandleInvitation').map((sent) => sent.rawBody)).toEqual([
        '{"Action":2,"InvitationType":2,"RelationID":"rel7349065058705019180","AuthID":"auth7242575109679075628"}',
      ]);
      expect(result.data?.respondToInvitation).toMatchObject({
        __typename: 'RespondToInvitationSuccess',
        invitationId: authorizationId(seed),
        decision: 'ACCEPT',
        accepted: true,
        invitation: {
          id: authorizationId(seed),
          type: 'AUTHORIZATION',
          authId: seed.authId,
          relation: 'FINANCIAL_MANAGEMENT',
          statusCode: 200,
        },
      });
    });

    it('rejects an authorization invitation, ignoring the relation fields the type does not use', async () => {
      const seed = {
        relationId: 'rel7400000000000000001',
        authId: 'auth7400000000000000001',
        majorAccountId: '2100250149',
        relation: 1 as const,
      };
      putPendingRelation(t.volc, seed, { invitationType: 2, authId: seed.authId, authList: [2] });
      const result = await t.graphql(RespondToInvitationDocument, {
        input: {
          invitationType: 'AUTHORIZATION',
          decision: 'REJECT',
          relationId: seed.relationId,
          authId: seed.authId,
          majorAccountId: 'not used for AUTHORIZATION',
          relation: 'FINANCIAL_MANAGEMENT',
        },
      });
      expect(t.volc.accepted('HandleInvitation').map((sent) => sent.rawBody)).toEqual([
        '{"Action":3,"InvitationType":2,"RelationID":"rel7400000000000000001","AuthID":"auth7400000000000000001"}',
      ]);
      expect(result.data?.respondToInvitation).toMatchObject({
        __typename: 'RespondToInvitationSuccess',
        invitationId: authorizationId(seed),
        decision: 'REJECT',
        accepted: false,
      });
    });

    it('sends a UID beyond 2^53 digit for digit', async () => {
      t.volc.faults.inject('HandleInvitation', { kind: 'error', code: 'OperationDenied.AccountRelationNotExist' });
      await t.graphql(RespondToInvitationWithoutRefreshDocument, {
        input: relationInput({ relationId: 'rel-big', majorAccountId: '9223372036854775807', relation: 1 }, 'ACCEPT'),
      });
      // The fault answers before signature checks, so look at the raw request.
      expect(t.volc.requests()[0]?.body).toBe(
        '{"Action":2,"InvitationType":1,"RelationID":"rel-big","MajorAccountID":9223372036854775807,"Relation":1}',
      );
    });

    it('signs every request the simulator accepted with a valid HMAC-SHA256 Authorization, and a tampered body fails', async () => {
      const seed = { relationId: 'rel7400000000000000002', majorAccountId: '2100250150', relation: 4 as const };
      putPendingRelation(t.volc, seed);
      const result = await t.graphql(RespondToInvitationDocument, { input: relationInput(seed, 'ACCEPT') });
      expect(result.data?.respondToInvitation.__typename).toBe('RespondToInvitationSuccess');

      const handled = t.volc.accepted('HandleInvitation');
      const listed = t.volc.accepted('ListInvitation');
      expect(handled).toHaveLength(1);
      expect(listed).toHaveLength(1);
      const credentials = t.settings.volc;
      if (!credentials) throw new Error('the test app runs without Volcengine settings');
      for (const accepted of handled) expectValidSignature(accepted, credentials);

      // The same signed headers with one digit of the body changed: the simulator refuses, nothing changes.
      const sent = handled.at(0);
      if (!sent) throw new Error('no HandleInvitation request');
      const tampered = await replayWithBody(t.volc, sent, sent.rawBody.replace('"Action":2', '"Action":3'));
      expect(tampered.status).toBe(401);
      expect(tampered.body.ResponseMetadata.Error?.Code).toBe('SignatureDoesNotMatch');
      expect(t.volc.getInvitation({ relationId: seed.relationId })?.state).toBe('accepted');
      expect(t.volc.accepted('HandleInvitation')).toHaveLength(1);
    });
  });

  describe('outcomes', () => {
    it('gives AlreadyExistsError, not a success, when the same invitation is accepted twice', async () => {
      const seed = { relationId: 'rel7400000000000000003', majorAccountId: '2100250151', relation: 1 as const };
      putPendingRelation(t.volc, seed);
      const first = await t.graphql(RespondToInvitationDocument, { input: relationInput(seed, 'ACCEPT') });
      const second = await t.graphql(RespondToInvitationDocument, { input: relationInput(seed, 'ACCEPT') });

      expect(first.data?.respondToInvitation).toMatchObject({ __typename: 'RespondToInvitationSuccess', accepted: true });
      expect(second.errors).toBeUndefined();
      const outcome = second.data?.respondToInvitation;
      expect(outcome).toMatchObject({
        __typename: 'AlreadyExistsError',
        code: 'ALREADY_EXISTS',
        vendor: 'VOLCENGINE_BILLING',
        vendorCode: 'OperationDenied.AccountRelationExist',
        vendorMessage: 'The relationship between the invited associated account and the operation account already exists!',
        retryable: false,
      });
      expect(outcome && 'vendorRequestId' in outcome ? outcome.vendorRequestId : undefined).toMatch(VOLC_REQUEST_ID);
      expect(t.volc.accepted('HandleInvitation')).toHaveLength(2);
    });

    it('gives AlreadyExistsError for the seeded, already accepted invitation', async () => {
      const result = await t.graphql(RespondToInvitationWithoutRefreshDocument, {
        input: relationInput(t.volc.seeded.acceptedRelation, 'REJECT'),
      });
      expect(result.data?.respondToInvitation).toMatchObject({
        __typename: 'AlreadyExistsError',
        vendorCode: 'OperationDenied.AccountRelationExist',
      });
    });

    it('gives NotFoundError for an invitation that was already rejected', async () => {
      const result = await t.graphql(RespondToInvitationWithoutRefreshDocument, {
        input: relationInput(t.volc.seeded.rejectedRelation, 'ACCEPT'),
      });
      expect(result.data?.respondToInvitation).toMatchObject({
        __typename: 'NotFoundError',
        code: 'NOT_FOUND',
        vendorCode: 'OperationDenied.AccountRelationNotExist',
      });
    });

    it('gives FailedPreconditionError with the vendor text when this account is in arrears', async () => {
      const result = await t.graphql(RespondToInvitationWithoutRefreshDocument, {
        input: relationInput(t.volc.seeded.arrearsRelation, 'ACCEPT'),
      });
      expect(result.data?.respondToInvitation).toMatchObject({
        __typename: 'FailedPreconditionError',
        code: 'FAILED_PRECONDITION',
        message: 'The account is in arrears and cannot be placed in financial custody.',
        vendorCode: 'OperationDenied.TrusteeshipSubArrears',
        vendorMessage: 'Account 2100000001 is in arrears and cannot be linked with trusteeship!',
      });
    });

    it('reports an applied REJECT as decision REJECT, accepted false, without reading the invitation back when it is not selected', async () => {
      const seed = { relationId: 'rel7400000000000000004', majorAccountId: '2100250152', relation: 1 as const };
      putPendingRelation(t.volc, seed);
      const result = await t.graphql(RespondToInvitationWithoutRefreshDocument, { input: relationInput(seed, 'REJECT') });
      expect(result.errors).toBeUndefined();
      expect(result.data?.respondToInvitation).toEqual({
        __typename: 'RespondToInvitationSuccess',
        invitationId: relationId(seed),
        decision: 'REJECT',
        accepted: false,
      });
      expect(t.volc.getInvitation({ relationId: seed.relationId })?.state).toBe('rejected');
      expect(t.volc.accepted('ListInvitation')).toHaveLength(0);
    });

    it('costs only the HandleInvitation when `invitation` is selected for its id and __typename alone', async () => {
      const seed = { relationId: 'rel7400000000000000009', majorAccountId: '2100250157', relation: 4 as const };
      putPendingRelation(t.volc, seed);
      const result = await t.graphql(RespondToInvitationKeyOnlyDocument, { input: relationInput(seed, 'ACCEPT') });
      expect(result.errors).toBeUndefined();
      expect(result.data?.respondToInvitation).toEqual({
        __typename: 'RespondToInvitationSuccess',
        invitationId: relationId(seed),
        decision: 'ACCEPT',
        accepted: true,
        invitation: { __typename: 'Invitation', id: relationId(seed) },
      });
      expect(actionsSeen()).toEqual(['HandleInvitation']);
    });

    it('answers the success with invitation null and one error at its path when every ListInvitation after the write fails', async () => {
      const seed = { relationId: 'rel7400000000000000006', majorAccountId: '2100250154', relation: 1 as const };
      putPendingRelation(t.volc, seed);
      t.volc.faults.injectAfter('HandleInvitation', 'ListInvitation', { kind: 'error', code: 'InternalError' }, 100);
      const result = await t.graphql(RespondToInvitationDocument, { input: relationInput(seed, 'ACCEPT') });

      expect(result.data?.respondToInvitation).toEqual({
        __typename: 'RespondToInvitationSuccess',
        invitationId: relationId(seed),
        decision: 'ACCEPT',
        accepted: true,
        invitation: null,
      });
      expect(result.errors).toHaveLength(1);
      expect(result.errors?.[0]?.path).toEqual(['respondToInvitation', 'invitation']);
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'VENDOR_UNAVAILABLE',
        vendor: 'VOLCENGINE_BILLING',
        vendorCode: 'InternalError',
        retryable: true,
      });
      expect(t.volc.accepted('HandleInvitation')).toHaveLength(1);
      expect(t.volc.getInvitation({ relationId: seed.relationId })?.state).toBe('accepted');
      // The write once, then only reads (retried as reads are), never the write again.
      const [first, ...after] = actionsSeen();
      expect(first).toBe('HandleInvitation');
      expect(after.length).toBeGreaterThan(0);
      expect(new Set(after)).toEqual(new Set(['ListInvitation']));
    });

    it('answers invitation null with NOT_FOUND at its path when the vendor no longer lists the answered invitation', async () => {
      const seed = { relationId: 'rel7400000000000000005', majorAccountId: '2100250153', relation: 4 as const };
      putPendingRelation(t.volc, seed, { unlistedOnceAnswered: true });
      const result = await t.graphql(RespondToInvitationDocument, { input: relationInput(seed, 'REJECT') });

      expect(result.data?.respondToInvitation).toEqual({
        __typename: 'RespondToInvitationSuccess',
        invitationId: relationId(seed),
        decision: 'REJECT',
        accepted: false,
        invitation: null,
      });
      expect(result.errors).toHaveLength(1);
      expect(result.errors?.[0]?.path).toEqual(['respondToInvitation', 'invitation']);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', vendor: 'VOLCENGINE_BILLING', retryable: false });
      expect(t.volc.accepted('ListInvitation')).toHaveLength(1);
      expect(t.volc.getInvitation({ relationId: seed.relationId })?.state).toBe('rejected');
    });

    it('gives FailedPreconditionError, not a success, when the vendor answers IsSuccess: false', async () => {
      const seed = { relationId: 'rel7400000000000000010', majorAccountId: '2100250158', relation: 1 as const };
      putPendingRelation(t.volc, seed, { notApplied: true });
      const result = await t.graphql(RespondToInvitationDocument, { input: relationInput(seed, 'ACCEPT') });

      expect(result.errors).toBeUndefined();
      const outcome = result.data?.respondToInvitation;
      expect(outcome).toMatchObject({
        __typename: 'FailedPreconditionError',
        code: 'FAILED_PRECONDITION',
        vendor: 'VOLCENGINE_BILLING',
        vendorCode: null,
        retryable: false,
      });
      expect(outcome && 'vendorRequestId' in outcome ? outcome.vendorRequestId : undefined).toMatch(VOLC_REQUEST_ID);
      expect(t.volc.accepted('HandleInvitation')).toHaveLength(1);
      expect(t.volc.accepted('ListInvitation')).toHaveLength(0);
      expect(t.volc.getInvitation({ relationId: seed.relationId })?.state).toBe('pending');
    });

    it('reads Result nested in ResponseMetadata, as the seed sample shows it', async () => {
      t.volc.faults.inject('HandleInvitation', {
        kind: 'raw',
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({
          ResponseMetadata: {
            RequestId: '20230327113355546653D988035BA94DB1',
            Action: 'HandleInvitation',
            Result: { IsSuccess: true, BaseResp: { StatusMessage: '', StatusCode: 0 } },
          },
        }),
      });
      const result = await t.graphql(RespondToInvitationWithoutRefreshDocument, {
        input: relationInput(t.volc.seeded.acceptedRelation, 'ACCEPT'),
      });
      expect(result.data?.respondToInvitation).toEqual({
        __typename: 'RespondToInvitationSuccess',
        invitationId: relationId(t.volc.seeded.acceptedRelation),
        decision: 'ACCEPT',
        accepted: true,
      });
    });
  });

  describe('idempotency keys', () => {
    it('replays the first success for the same key and input without calling the vendor again', async () => {
      const seed = { relationId: 'rel7400000000000000007', majorAccountId: '2100250155', relation: 1 as const };
      putPendingRelation(t.volc, seed);
      const input = relationInput(seed, 'ACCEPT', { idempotencyKey: 'invitation-key-replay' });
      const first = await t.graphql(RespondToInvitationWithoutRefreshDocument, { input });
      const second = await t.graphql(RespondToInvitationWithoutRefreshDocument, { input });
      expect(first.data?.respondToInvitation).toEqual({
        __typename: 'RespondToInvitationSuccess',
        invitationId: relationId(seed),
        decision: 'ACCEPT',
        accepted: true,
      });
      expect(second.data).toEqual(first.data);
      expect(t.volc.accepted('HandleInvitation')).toHaveLength(1);
    });

    it('answers IdempotencyConflictError when the key is reused for another decision', async () => {
      const seed = { relationId: 'rel7400000000000000008', majorAccountId: '2100250156', relation: 1 as const };
      putPendingRelation(t.volc, seed);
      await t.graphql(RespondToInvitationWithoutRefreshDocument, {
        input: relationInput(seed, 'ACCEPT', { idempotencyKey: 'invitation-key-conflict' }),
      });
      const reused = await t.graphql(RespondToInvitationWithoutRefreshDocument, {
        input: relationInput(seed, 'REJECT', { idempotencyKey: 'invitation-key-conflict' }),
      });
      expect(reused.data?.respondToInvitation).toMatchObject({
        __typename: 'IdempotencyConflictError',
        code: 'IDEMPOTENCY_CONFLICT',
        retryable: false,
      });
      expect(t.volc.accepted('HandleInvitation')).toHaveLength(1);
    });

    it('replays a final typed error with its vendor code and RequestId', async () => {
      const input = relationInput(t.volc.seeded.acceptedRelation, 'ACCEPT', { idempotencyKey: 'invitation-key-error' });
      const first = await t.graphql(RespondToInvitationWithoutRefreshDocument, { input });
      const second = await t.graphql(RespondToInvitationWithoutRefreshDocument, { input });
      expect(first.data?.respondToInvitation).toMatchObject({
        __typename: 'AlreadyExistsError',
        vendorRequestId: expect.stringMatching(VOLC_REQUEST_ID) as unknown,
      });
      expect(second.data).toEqual(first.data);
      expect(t.volc.accepted('HandleInvitation')).toHaveLength(1);
    });
  });
});
