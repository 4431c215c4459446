import { gql } from 'graphql-tag';
import { encodeInvitationId } from '../../../datasources/volcengine-billing/invitation-id';
import { InvitationType } from '../../../datasources/volcengine-billing/model';
import { RespondToInvitationDocument, type RespondToInvitationInput } from '../../generated/graphql';
import { startTestApp, type TestApp } from '../../support/test-app';
import { authorizationId, relationId, relationInput } from './volc-wire';

/** A mutation whose variables are sent untyped, so values outside the enums reach GraphQL coercion. */
const RESPOND_UNTYPED = gql`
  mutation ($input: RespondToInvitationInput!) {
    respondToInvitation(input: $input) {
      __typename
    }
  }
`;

describe('bad input to respondToInvitation is refused before any vendor call', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  beforeEach(() => {
    t.volc.clearRecords();
  });
  afterEach(() => {
    // The contract of this whole file: nothing reached the vendor.
    expect(t.volc.requests()).toHaveLength(0);
  });
  afterAll(() => t.close());

  const relation = (): RespondToInvitationInput => relationInput(t.volc.seeded.pendingRelation, 'ACCEPT');
  const listedRelationId = (): string => relationId(t.volc.seeded.pendingRelation);
  const listedAuthorizationId = (): string => authorizationId(t.volc.seeded.pendingAuthorization);
  const authorization = (): RespondToInvitationInput => ({
    invitationType: 'AUTHORIZATION',
    decision: 'ACCEPT',
    relationId: t.volc.seeded.pendingAuthorization.relationId,
    authId: t.volc.seeded.pendingAuthorization.authId,
  });

  it.each<[string, () => RespondToInvitationInput, string]>([
    ['RELATION without majorAccountId', () => ({ ...relation(), majorAccountId: undefined }), 'input.majorAccountId'],
    ['RELATION with a null majorAccountId', () => ({ ...relation(), majorAccountId: null }), 'input.majorAccountId'],
    ['RELATION without relation', () => ({ ...relation(), relation: undefined }), 'input.relation'],
    ['RELATION with relation UNKNOWN', () => ({ ...relation(), relation: 'UNKNOWN' }), 'input.relation'],
    [
      'RELATION with a majorAccountId that is not digits',
      () => ({ ...relation(), majorAccountId: '2000-000-000' }),
      'input.majorAccountId',
    ],
    ['RELATION with an empty majorAccountId', () => ({ ...relation(), majorAccountId: '' }), 'input.majorAccountId'],
    [
      'RELATION with a majorAccountId with a leading zero',
      () => ({ ...relation(), majorAccountId: '02000000000' }),
      'input.majorAccountId',
    ],
    ['RELATION with a majorAccountId in exponent notation', () => ({ ...relation(), majorAccountId: '2e9' }), 'input.majorAccountId'],
    [
      'RELATION with a majorAccountId beyond 64 bits',
      () => ({ ...relation(), majorAccountId: '9223372036854775808' }),
      'input.majorAccountId',
    ],
    ['AUTHORIZATION without authId', () => ({ ...authorization(), authId: undefined }), 'input.authId'],
    ['AUTHORIZATION with an empty authId', () => ({ ...authorization(), authId: '' }), 'input.authId'],
    ['invitationType UNKNOWN', () => ({ ...relation(), invitationType: 'UNKNOWN' }), 'input.invitationType'],
    ['an empty relationId', () => ({ ...relation(), relationId: '' }), 'input.relationId'],
    ['a blank relationId', () => ({ ...relation(), relationId: '   ' }), 'input.relationId'],
    ['a relationId with surrounding spaces', () => ({ ...relation(), relationId: ' rel7242575109678977324 ' }), 'input.relationId'],
    ['a 129-character relationId', () => ({ ...relation(), relationId: 'r'.repeat(129) }), 'input.relationId'],
    ['an empty relationId on an authorization', () => ({ ...authorization(), relationId: '' }), 'input.relationId'],
    ['an empty idempotency key', () => ({ ...relation(), idempotencyKey: '' }), 'input.idempotencyKey'],
    ['no invitationType without an invitationId', () => ({ ...relation(), invitationType: undefined }), 'input.invitationType'],
    ['no relationId without an invitationId', () => ({ ...relation(), relationId: null }), 'input.relationId'],
    ['neither an invitationId nor the fields', () => ({ decision: 'ACCEPT' }), 'input.invitationId'],
    ['both forms: an invitationId and the fields', () => ({ ...relation(), invitationId: listedRelationId() }), 'input.invitationId'],
    [
      'both forms: an invitationId and just an authId',
      () => ({ decision: 'REJECT', invitationId: listedAuthorizationId(), authId: t.volc.seeded.pendingAuthorization.authId }),
      'input.invitationId',
    ],
    [
      'an invitationId this service did not issue (a bare RelationID)',
      () => ({ decision: 'ACCEPT', invitationId: t.volc.seeded.pendingRelation.relationId }),
      'input.invitationId',
    ],
    ['an invitationId that is not base64url', () => ({ decision: 'ACCEPT', invitationId: 'inv:1:rel1' }), 'input.invitationId'],
    ['an empty invitationId', () => ({ decision: 'ACCEPT', invitationId: '' }), 'input.invitationId'],
    ['a blank invitationId', () => ({ decision: 'ACCEPT', invitationId: '   ' }), 'input.invitationId'],
    [
      'an invitationId longer than any this service issues',
      () => ({ decision: 'ACCEPT', invitationId: `${listedRelationId()}${'A'.repeat(4106)}` }),
      'input.invitationId',
    ],
    [
      'the invitationId of an invitation type this service cannot answer',
      () => ({ decision: 'ACCEPT', invitationId: encodeInvitationId({ type: InvitationType.UNKNOWN, relationId: 'rel-new' }) }),
      'input.invitationId',
    ],
  ])('%s gives InvalidInputError naming %s', async (_case, input, field) => {
    const result = await t.graphql(RespondToInvitationDocument, { input: input() });
    expect(result.errors).toBeUndefined();
    expect(result.data?.respondToInvitation).toMatchObject({
      __typename: 'InvalidInputError',
      code: 'INVALID_INPUT',
      field,
      vendor: null,
      vendorCode: null,
      retryable: false,
    });
  });

  it.each([
    ['decision', { decision: 'MAYBE' }, 'input.decision'],
    ['invitationType', { invitationType: 'PARTNERSHIP' }, 'input.invitationType'],
    ['relation', { relation: 'FINANCIAL_CUSTODY_PLUS' }, 'input.relation'],
    ['relation given as the vendor number', { relation: 1 }, 'input.relation'],
  ])('refuses an unknown %s value with a top-level INVALID_INPUT naming the field', async (_case, override, field) => {
    const result = await t.graphql(RESPOND_UNTYPED, { input: { ...relation(), ...override } });
    expect(result.data ?? null).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field, retryable: false });
  });

  it('refuses a missing decision the same way', async () => {
    const withoutDecision: Partial<RespondToInvitationInput> = relation();
    delete withoutDecision.decision;
    const result = await t.graphql(RESPOND_UNTYPED, { input: withoutDecision });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT' });
  });
});
