import { RespondToInvitationDocument, RespondToInvitationWithoutRefreshDocument } from '../../generated/graphql';
import { postGraphQL } from '../../support/graphql-client';
import { startTestApp, type TestApp } from '../../support/test-app';
import { putPendingRelation, relationId, relationInput } from './volc-wire';
import { TEST_JWT_ENV, testToken } from '../../support/test-jwt';

/**
 * DESIGN.md scopes: `invitations:write` answers an invitation, `invitations:read` reads one. The
 * `invitationId` form reads the invitation before answering it, so it needs both; the long form does not.
 */
describe('respondToInvitation scopes', () => {
  let t: TestApp;
  let writeOnly: Record<string, string>;
  let readWrite: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp({ env: TEST_JWT_ENV });
    writeOnly = { authorization: `Bearer ${await testToken('invitations:write')}` };
    readWrite = { authorization: `Bearer ${await testToken('invitations:write invitations:read')}` };
  });
  beforeEach(() => {
    t.volc.clearRecords();
  });
  afterAll(() => t.close());

  it('refuses the invitationId form without invitations:read as a top-level FORBIDDEN, before any vendor call', async () => {
    const seed = { relationId: 'rel7700000000000000001', majorAccountId: '2100250180', relation: 1 as const };
    putPendingRelation(t.volc, seed);
    const result = await postGraphQL(
      t.url,
      RespondToInvitationWithoutRefreshDocument,
      { input: { invitationId: relationId(seed), decision: 'ACCEPT' } },
      writeOnly,
    );
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(t.volc.requests()).toHaveLength(0);
    expect(t.volc.getInvitation({ relationId: seed.relationId })?.state).toBe('pending');
  });

  it('answers the long form with invitations:write alone; reading `invitation` then fails at its path only', async () => {
    const seed = { relationId: 'rel7700000000000000002', majorAccountId: '2100250181', relation: 1 as const };
    putPendingRelation(t.volc, seed);
    const result = await postGraphQL(t.url, RespondToInvitationDocument, { input: relationInput(seed, 'ACCEPT') }, writeOnly);
    expect(result.data?.respondToInvitation).toEqual({
      __typename: 'RespondToInvitationSuccess',
      invitationId: relationId(seed),
      decision: 'ACCEPT',
      accepted: true,
      invitation: null,
    });
    expect(result.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([
      [['respondToInvitation', 'invitation'], 'FORBIDDEN'],
    ]);
    expect(t.volc.accepted('HandleInvitation')).toHaveLength(1);
    expect(t.volc.accepted('ListInvitation')).toHaveLength(0);
  });

  it('answers the invitationId form with both scopes', async () => {
    const seed = { relationId: 'rel7700000000000000003', majorAccountId: '2100250182', relation: 4 as const };
    putPendingRelation(t.volc, seed);
    const result = await postGraphQL(
      t.url,
      RespondToInvitationWithoutRefreshDocument,
      { input: { invitationId: relationId(seed), decision: 'REJECT' } },
      readWrite,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.respondToInvitation).toEqual({
      __typename: 'RespondToInvitationSuccess',
      invitationId: relationId(seed),
      decision: 'REJECT',
      accepted: false,
    });
  });
});
