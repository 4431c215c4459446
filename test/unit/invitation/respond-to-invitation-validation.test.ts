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
