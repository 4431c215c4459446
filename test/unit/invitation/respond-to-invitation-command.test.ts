import DataLoader from 'dataloader';
import { encodeInvitationId } from '../../../datasources/volcengine-billing/invitation-id';
import {
  FinancialRelation,
  InvitationDecision,
  InvitationType,
  type InvitationRecord,
} from '../../../datasources/volcengine-billing/model';
import type { InvitationLoader } from '../../../resolvers/invitation/invitation.loader';
import { commandFor, outcomeOf } from '../../../resolvers/invitation/respond-to-invitation.command';
import { toRespondToInvitationRequest } from '../../../resolvers/invitation/respond-to-invitation.validation';
import { ErrorCode } from '../../../src/errors/error-code';

const RELATION_ID = encodeInvitationId({ type: InvitationType.RELATION, relationId: 'rel1' });

/** A loader over a fixed listing, recording the batches it was asked for. */
function listing(records: readonly InvitationRecord[]): { loader: InvitationLoader; batches: string[][] } {
  const batches: string[][] = [];
  const loader = new DataLoader<string, InvitationRecord | null>((ids) => {
    batches.push([...ids]);
    return Promise.resolve(ids.map((id) => records.find((record) => record.id === id) ?? null));
  });
  return { loader, batches };
}

function listedRelation(overrides: Partial<InvitationRecord> = {}): InvitationRecord {
  return {
    id: RELATION_ID,
    type: InvitationType.RELATION,
    relationId: 'rel1',
    relation: FinancialRelation.FINANCIAL_CUSTODY,
    majorAccountId: '9007199254740993',
    status: '100',
    ...overrides,
  };
}

describe('commandFor', () => {
  it('completes a RELATION id from the listing, keeping every digit of the UID', async () => {
    const { loader, batches } = listing([listedRelation()]);
    const request = toRespondToInvitationRequest({ invitationId: RELATION_ID, decision: InvitationDecision.ACCEPT });
    await expect(commandFor(request, loader)).resolves.toEqual({
      type: InvitationType.RELATION,
      decision: InvitationDecision.ACCEPT,
      relationId: 'rel1',
      majorAccountId: '9007199254740993',
      relation: FinancialRelation.FINANCIAL_CUSTODY,
    });
    expect(batches).toEqual([[RELATION_ID]]);
  });

  it('reads nothing for the fields form', async () => {
    const { loader, batches } = listing([]);
    const request = toRespondToInvitationRequest({
      invitationType: InvitationType.AUTHORIZATION,
      decision: InvitationDecision.REJECT,
      relationId: 'rel1',
      authId: 'auth1',
    });
    await expect(commandFor(request, loader)).resolves.toMatchObject({ type: InvitationType.AUTHORIZATION, authId: 'auth1' });
    expect(batches).toEqual([]);
  });

  it('is NOT_FOUND naming input.invitationId when the vendor does not list the id', async () => {
    const { loader } = listing([]);
    const request = toRespondToInvitationRequest({ invitationId: RELATION_ID, decision: InvitationDecision.ACCEPT });
    await expect(commandFor(request, loader)).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND, field: 'input.invitationId' });
  });

  it.each<[string, Partial<InvitationRecord>]>([
    ['no inviting account', { majorAccountId: undefined }],
    ['an inviting account with a leading zero', { majorAccountId: '0123' }],
    ['an UNKNOWN relation kind', { relation: FinancialRelation.UNKNOWN }],
  ])('is VENDOR_UNAVAILABLE when the listing has %s, never a guessed body', async (_label, overrides) => {
    const { loader } = listing([listedRelation(overrides)]);
    const request = toRespondToInvitationRequest({ invitationId: RELATION_ID, decision: InvitationDecision.ACCEPT });
    await expect(commandFor(request, loader)).rejects.toMatchObject({ code: ErrorCode.VENDOR_UNAVAILABLE });
  });
});

describe('outcomeOf', () => {
  it("names the command's invitation by its opaque id", () => {
    expect(
      outcomeOf({ type: InvitationType.AUTHORIZATION, decision: InvitationDecision.REJECT, relationId: 'rel1', authId: 'auth1' }),
    ).toEqual({
      invitationId: encodeInvitationId({ type: InvitationType.AUTHORIZATION, relationId: 'rel1', authId: 'auth1' }),
      decision: InvitationDecision.REJECT,
    });
  });
});

describe('commandFor and outcomeOf, case by case', () => {
  const AUTH_ID = encodeInvitationId({ type: InvitationType.AUTHORIZATION, relationId: 'rel2', authId: 'auth2' });

  it('takes an AUTHORIZATION command from its id alone, whatever the listing says of a relation', async () => {
    const listed: InvitationRecord = {
      id: AUTH_ID,
      type: InvitationType.AUTHORIZATION,
      relationId: 'rel2',
      relation: FinancialRelation.UNKNOWN,
      authId: 'auth2',
      status: '100',
    };
    const request = toRespondToInvitationRequest({ invitationId: AUTH_ID, decision: InvitationDecision.REJECT });
    expect(await commandFor(request, listing([listed]).loader)).toEqual({
      type: InvitationType.AUTHORIZATION,
      decision: InvitationDecision.REJECT,
      relationId: 'rel2',
      authId: 'auth2',
    });
  });

  it('names input.invitationId and says why when the vendor does not list the invitation', async () => {
    const request = toRespondToInvitationRequest({ invitationId: RELATION_ID, decision: InvitationDecision.ACCEPT });
    await expect(commandFor(request, listing([]).loader)).rejects.toMatchObject({
      code: ErrorCode.NOT_FOUND,
      field: 'input.invitationId',
      message: 'Volcengine Billing does not list an invitation with this input.invitationId; there is nothing to answer.',
    });
  });

  it.each<[string, Partial<InvitationRecord>]>([
    ['no inviting account', { majorAccountId: undefined }],
    ['an inviting account that is no UID', { majorAccountId: '0123' }],
    ['an UNKNOWN relation kind', { relation: FinancialRelation.UNKNOWN }],
  ])('answers VENDOR_UNAVAILABLE, naming the fields form, when the listing has %s', async (_label, overrides) => {
    const request = toRespondToInvitationRequest({ invitationId: RELATION_ID, decision: InvitationDecision.ACCEPT });
    await expect(commandFor(request, listing([listedRelation(overrides)]).loader)).rejects.toMatchObject({
      code: ErrorCode.VENDOR_UNAVAILABLE,
      message:
        'Volcengine Billing lists this invitation without a usable inviting account or relation kind; answer it with invitationType, relationId, majorAccountId and relation.',
    });
  });

  it('completes a FINANCIAL_MANAGEMENT relation from the listing', async () => {
    const request = toRespondToInvitationRequest({ invitationId: RELATION_ID, decision: InvitationDecision.ACCEPT });
    expect(await commandFor(request, listing([listedRelation({ relation: FinancialRelation.FINANCIAL_MANAGEMENT })]).loader)).toMatchObject(
      { relation: FinancialRelation.FINANCIAL_MANAGEMENT },
    );
  });

  it("names a command's invitation by the id its type encodes", () => {
    expect(
      outcomeOf({ type: InvitationType.AUTHORIZATION, decision: InvitationDecision.ACCEPT, relationId: 'rel2', authId: 'auth2' }),
    ).toEqual({ invitationId: AUTH_ID, decision: InvitationDecision.ACCEPT });
    expect(
      outcomeOf({
        type: InvitationType.RELATION,
        decision: InvitationDecision.REJECT,
        relationId: 'rel1',
        majorAccountId: '1',
        relation: FinancialRelation.FINANCIAL_CUSTODY,
      }),
    ).toEqual({ invitationId: RELATION_ID, decision: InvitationDecision.REJECT });
  });
});
