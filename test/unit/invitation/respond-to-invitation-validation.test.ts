import { encodeInvitationId } from '../../../datasources/volcengine-billing/invitation-id';
import { FinancialRelation, InvitationDecision, InvitationType } from '../../../datasources/volcengine-billing/model';
import {
  idempotencyFingerprint,
  toRespondToInvitationRequest,
  type RespondToInvitationFields,
} from '../../../resolvers/invitation/respond-to-invitation.validation';
import { ErrorCode } from '../../../src/errors/error-code';

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error: unknown) {
    return error;
  }
  throw new Error('expected a throw');
}

const RELATION_ID = encodeInvitationId({ type: InvitationType.RELATION, relationId: 'rel7242575109678977324' });
const AUTHORIZATION_ID = encodeInvitationId({
  type: InvitationType.AUTHORIZATION,
  relationId: 'rel7349065058705019180',
  authId: 'auth7242575109679075628',
});

describe('toRespondToInvitationRequest', () => {
  it('takes a RELATION invitationId as its key, for the listing to complete', () => {
    expect(toRespondToInvitationRequest({ invitationId: RELATION_ID, decision: InvitationDecision.ACCEPT })).toEqual({
      form: 'invitationId',
      invitationId: RELATION_ID,
      key: { type: InvitationType.RELATION, relationId: 'rel7242575109678977324' },
      decision: InvitationDecision.ACCEPT,
    });
  });

  it('takes an AUTHORIZATION invitationId with its AuthID', () => {
    expect(toRespondToInvitationRequest({ invitationId: AUTHORIZATION_ID, decision: InvitationDecision.REJECT })).toMatchObject({
      form: 'invitationId',
      key: { type: InvitationType.AUTHORIZATION, relationId: 'rel7349065058705019180', authId: 'auth7242575109679075628' },
    });
  });

  it('treats explicit nulls of the fields as absent next to an invitationId', () => {
    const input: RespondToInvitationFields = {
      invitationId: RELATION_ID,
      decision: InvitationDecision.ACCEPT,
      invitationType: null,
      relationId: null,
      majorAccountId: null,
      relation: null,
      authId: null,
    };
    expect(toRespondToInvitationRequest(input)).toMatchObject({ form: 'invitationId' });
  });

  it('builds the whole command from the fields form', () => {
    expect(
      toRespondToInvitationRequest({
        invitationType: InvitationType.RELATION,
        decision: InvitationDecision.REJECT,
        relationId: 'rel1',
        majorAccountId: '2000000000',
        relation: FinancialRelation.FINANCIAL_MANAGEMENT,
        authId: 'ignored for RELATION',
      }),
    ).toEqual({
      form: 'fields',
      command: {
        type: InvitationType.RELATION,
        decision: InvitationDecision.REJECT,
        relationId: 'rel1',
        majorAccountId: '2000000000',
        relation: FinancialRelation.FINANCIAL_MANAGEMENT,
      },
    });
  });

  it.each<[string, RespondToInvitationFields, string]>([
    ['both forms', { invitationId: RELATION_ID, decision: InvitationDecision.ACCEPT, relationId: 'rel1' }, 'input.invitationId'],
    ['neither form', { decision: InvitationDecision.ACCEPT }, 'input.invitationId'],
    [
      'an id this service did not issue',
      { invitationId: 'rel7242575109678977324', decision: InvitationDecision.ACCEPT },
      'input.invitationId',
    ],
    [
      'an id of an UNKNOWN type',
      { invitationId: encodeInvitationId({ type: InvitationType.UNKNOWN, relationId: 'rel1' }), decision: InvitationDecision.ACCEPT },
      'input.invitationId',
    ],
    [
      'an id whose RelationID has surrounding spaces',
      { invitationId: encodeInvitationId({ type: InvitationType.RELATION, relationId: ' rel1' }), decision: InvitationDecision.ACCEPT },
      'input.invitationId',
    ],
    ['fields without invitationType', { decision: InvitationDecision.ACCEPT, relationId: 'rel1' }, 'input.invitationType'],
    [
      'fields without relationId',
      { decision: InvitationDecision.ACCEPT, invitationType: InvitationType.AUTHORIZATION, authId: 'a1' },
      'input.relationId',
    ],
  ])('refuses %s with INVALID_INPUT naming %s', (_label, input, field) => {
    expect(thrownBy(() => toRespondToInvitationRequest(input))).toMatchObject({ code: ErrorCode.INVALID_INPUT, field });
  });

  it('names the extra fields when both forms are given', () => {
    const error = thrownBy(() =>
      toRespondToInvitationRequest({ invitationId: RELATION_ID, decision: InvitationDecision.ACCEPT, majorAccountId: '1', authId: 'a' }),
    );
    expect(error).toMatchObject({ message: expect.stringContaining('input.majorAccountId, input.authId') as unknown });
  });
});

describe('idempotencyFingerprint', () => {
  it('binds the fields form to its command, so unused fields do not change it', () => {
    const base = { invitationType: InvitationType.AUTHORIZATION, decision: InvitationDecision.ACCEPT, relationId: 'r', authId: 'a' };
    const plain = idempotencyFingerprint(toRespondToInvitationRequest(base));
    const withUnused = idempotencyFingerprint(toRespondToInvitationRequest({ ...base, majorAccountId: '2000000000' }));
    expect(withUnused).toEqual(plain);
  });

  it('binds the invitationId form to the id and the decision only', () => {
    expect(
      idempotencyFingerprint(toRespondToInvitationRequest({ invitationId: RELATION_ID, decision: InvitationDecision.REJECT })),
    ).toEqual({
      invitationId: RELATION_ID,
      decision: InvitationDecision.REJECT,
    });
  });
});

describe('toRespondToInvitationRequest refusals', () => {
  const accept = InvitationDecision.ACCEPT;
  const relation = { invitationType: InvitationType.RELATION, decision: accept, relationId: 'rel1', majorAccountId: '2000000000' };
  const authorization = { invitationType: InvitationType.AUTHORIZATION, decision: accept, relationId: 'rel1', authId: 'auth1' };

  // VENDORS.md "HandleInvitation": MajorAccountID and Relation are required for InvitationType 1, AuthID for 2;
  // MajorAccountID is an integer UID.
  it.each<[string, RespondToInvitationFields, string, string]>([
    [
      'neither form',
      { decision: accept },
      'input.invitationId',
      "Give input.invitationId, or the invitation's fields (invitationType, relationId and what the type needs).",
    ],
    [
      'both forms',
      { invitationId: RELATION_ID, decision: accept, relationId: 'rel1' },
      'input.invitationId',
      "Give either input.invitationId or the invitation's fields, not both (also given: input.relationId).",
    ],
    [
      'an id this service did not issue',
      { invitationId: 'rel7242575109678977324', decision: accept },
      'input.invitationId',
      'input.invitationId is not an Invitation.id this service issued.',
    ],
    [
      'an id of an UNKNOWN type',
      { invitationId: encodeInvitationId({ type: InvitationType.UNKNOWN, relationId: 'rel1' }), decision: accept },
      'input.invitationId',
      'input.invitationId names an invitation of a type this service cannot answer (only RELATION and AUTHORIZATION).',
    ],
    ['a blank invitationId', { invitationId: ' ', decision: accept }, 'input.invitationId', 'input.invitationId must not be empty.'],
    [
      'fields without invitationType',
      { decision: accept, relationId: 'rel1' },
      'input.invitationType',
      'input.invitationType is required unless input.invitationId is given.',
    ],
    [
      'an UNKNOWN invitationType',
      { decision: accept, invitationType: InvitationType.UNKNOWN, relationId: 'rel1' },
      'input.invitationType',
      'input.invitationType must be RELATION or AUTHORIZATION.',
    ],
    [
      'fields without relationId',
      { decision: accept, invitationType: InvitationType.RELATION, majorAccountId: '1' },
      'input.relationId',
      'input.relationId is required unless input.invitationId is given.',
    ],
    [
      'an explicit null invitationType (as GraphQL sends it)',
      { decision: accept, invitationType: null, relationId: 'rel1', invitationId: null },
      'input.invitationType',
      'input.invitationType is required unless input.invitationId is given.',
    ],
    [
      'an explicit null relationId',
      { decision: accept, invitationType: InvitationType.RELATION, relationId: null, majorAccountId: '1' },
      'input.relationId',
      'input.relationId is required unless input.invitationId is given.',
    ],
    [
      'RELATION with an explicit null relation',
      { ...relation, relation: null },
      'input.relation',
      'input.relation is required when invitationType is RELATION.',
    ],
    [
      'AUTHORIZATION with an explicit null authId',
      { ...authorization, authId: null },
      'input.authId',
      'input.authId is required when invitationType is AUTHORIZATION.',
    ],
    ['a blank relationId', { ...relation, relationId: '  ' }, 'input.relationId', 'input.relationId must not be empty.'],
    [
      'a relationId with spaces around',
      { ...relation, relationId: ' rel1' },
      'input.relationId',
      'input.relationId must not start or end with spaces.',
    ],
    [
      'a relationId over 128 characters',
      { ...relation, relationId: 'r'.repeat(129) },
      'input.relationId',
      'input.relationId must be at most 128 characters.',
    ],
    [
      'RELATION without majorAccountId',
      { ...relation, majorAccountId: null, relation: FinancialRelation.FINANCIAL_CUSTODY },
      'input.majorAccountId',
      'input.majorAccountId is required when invitationType is RELATION.',
    ],
    [
      'RELATION with majorAccountId left out (undefined, as a direct caller omits it)',
      { decision: accept, invitationType: InvitationType.RELATION, relationId: 'rel1', relation: FinancialRelation.FINANCIAL_CUSTODY },
      'input.majorAccountId',
      'input.majorAccountId is required when invitationType is RELATION.',
    ],
    ['RELATION without relation', { ...relation }, 'input.relation', 'input.relation is required when invitationType is RELATION.'],
    [
      'RELATION with an UNKNOWN relation',
      { ...relation, relation: FinancialRelation.UNKNOWN },
      'input.relation',
      'input.relation must be FINANCIAL_CUSTODY or FINANCIAL_MANAGEMENT.',
    ],
    [
      'a majorAccountId with a leading zero',
      { ...relation, majorAccountId: '02000000000', relation: FinancialRelation.FINANCIAL_CUSTODY },
      'input.majorAccountId',
      'input.majorAccountId must be a Volcengine account UID: decimal digits, no leading zero.',
    ],
    [
      'a majorAccountId beyond a signed 64-bit integer',
      { ...relation, majorAccountId: '9223372036854775808', relation: FinancialRelation.FINANCIAL_CUSTODY },
      'input.majorAccountId',
      'input.majorAccountId must be a Volcengine account UID: decimal digits, no leading zero.',
    ],
    [
      'a majorAccountId with letters',
      { ...relation, majorAccountId: '2000x', relation: FinancialRelation.FINANCIAL_CUSTODY },
      'input.majorAccountId',
      'input.majorAccountId must be a Volcengine account UID: decimal digits, no leading zero.',
    ],
    [
      'AUTHORIZATION without authId',
      { ...authorization, authId: undefined },
      'input.authId',
      'input.authId is required when invitationType is AUTHORIZATION.',
    ],
    ['AUTHORIZATION with a blank authId', { ...authorization, authId: ' ' }, 'input.authId', 'input.authId must not be empty.'],
  ])('refuses %s naming the field and saying why', (_label, input, field, message) => {
    expect(thrownBy(() => toRespondToInvitationRequest(input))).toMatchObject({ code: ErrorCode.INVALID_INPUT, field, message });
  });

  it('accepts the largest signed 64-bit UID and a 128-character relationId', () => {
    expect(
      toRespondToInvitationRequest({
        ...relation,
        relationId: 'r'.repeat(128),
        majorAccountId: '9223372036854775807',
        relation: FinancialRelation.FINANCIAL_CUSTODY,
      }),
    ).toMatchObject({ form: 'fields', command: { majorAccountId: '9223372036854775807', relationId: 'r'.repeat(128) } });
  });

  it('builds an AUTHORIZATION command with its AuthID and nothing of a relation', () => {
    expect(toRespondToInvitationRequest({ ...authorization, majorAccountId: '1', relation: FinancialRelation.FINANCIAL_CUSTODY })).toEqual({
      form: 'fields',
      command: { type: InvitationType.AUTHORIZATION, decision: accept, relationId: 'rel1', authId: 'auth1' },
    });
  });

  it('takes the fields form when invitationId is an explicit null', () => {
    expect(toRespondToInvitationRequest({ ...authorization, invitationId: null })).toEqual({
      form: 'fields',
      command: { type: InvitationType.AUTHORIZATION, decision: accept, relationId: 'rel1', authId: 'auth1' },
    });
  });

  it('binds a fields-form idempotency key to exactly its command', () => {
    expect(idempotencyFingerprint(toRespondToInvitationRequest(authorization))).toEqual({
      type: InvitationType.AUTHORIZATION,
      decision: accept,
      relationId: 'rel1',
      authId: 'auth1',
    });
  });
});
