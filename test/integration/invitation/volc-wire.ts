import { request } from 'undici';
import { encodeInvitationId } from '../../../datasources/volcengine-billing/invitation-id';
import { InvitationType } from '../../../datasources/volcengine-billing/model';
import { computeVolcSignature, parseVolcAuthorization, parseVolcDate, sha256Hex } from '../../../datasources/volcengine-billing/sign';
import type { SimulatedInvitation } from '../../../src/sandbox/volcengine-billing/invitation-store';
import type { AcceptedVolcRequest } from '../../../src/sandbox/volcengine-billing/request-handler';
import { SANDBOX_SUB_ACCOUNT } from '../../../src/sandbox/volcengine-billing/seed-invitations';
import type { VolcengineBillingSimulator } from '../../../src/sandbox/volcengine-billing/simulator';
import type { VolcSettings } from '../../../src/vendors/volcengine-billing';
import type { RespondToInvitationInput } from '../../generated/graphql';

/** Shared helpers for the Invitation slice's integration tests: fixtures, inputs and wire checks. */

/** The simulator's RequestIds: `YYYYMMDDHHMMSS` and 20 upper-case hex digits (the vendor's shape). */
export const VOLC_REQUEST_ID = /^\d{14}[0-9A-F]{20}$/;

const HANDLE_INVITATION_QUERY = { Action: 'HandleInvitation', Version: '2022-01-01' } as const;

/** The seeded relation invitations' shape (vendor numbers). */
export interface RelationSeed {
  readonly relationId: string;
  readonly majorAccountId: string;
  readonly relation: 1 | 4;
}

export function relationInput(
  seed: RelationSeed,
  decision: 'ACCEPT' | 'REJECT',
  extra: Partial<RespondToInvitationInput> = {},
): RespondToInvitationInput {
  return {
    invitationType: 'RELATION',
    decision,
    relationId: seed.relationId,
    majorAccountId: seed.majorAccountId,
    relation: seed.relation === 1 ? 'FINANCIAL_CUSTODY' : 'FINANCIAL_MANAGEMENT',
    ...extra,
  };
}

export function relationId(seed: { readonly relationId: string }): string {
  return encodeInvitationId({ type: InvitationType.RELATION, relationId: seed.relationId });
}

export function authorizationId(seed: { readonly relationId: string; readonly authId: string }): string {
  return encodeInvitationId({ type: InvitationType.AUTHORIZATION, relationId: seed.relationId, authId: seed.authId });
}

/** Adds a pending invitation to the simulator (fresh per test, so tests do not depend on each other's order). */
export function putPendingRelation(
  volc: VolcengineBillingSimulator,
  seed: RelationSeed,
  overrides: Partial<SimulatedInvitation> = {},
): void {
  volc.putInvitation({
    invitationType: 1,
    relationId: seed.relationId,
    relation: seed.relation,
    majorAccountId: seed.majorAccountId,
    majorAccountName: `account-${seed.majorAccountId}`,
    subAccountId: SANDBOX_SUB_ACCOUNT.id,
    subAccountName: SANDBOX_SUB_ACCOUNT.name,
    state: 'pending',
    updatedAt: new Date('2024-05-01T00:00:00Z'),
    ...overrides,
  });
}

/**
 * Checks, independently of the simulator's own verdict, that an accepted request carries a valid
 * `Authorization: HMAC-SHA256 …`: the app's AccessKeyId (from `credentials`, the settings it runs with) and
 * scope, host/x-date/x-content-sha256 signed, the body hash matching the exact bytes, and the signature
 * recomputed from what was received. (The canonicalisation is cross-checked against the official
 * `@volcengine/openapi` signer in the unit tests.)
 */
export function expectValidSignature(
  accepted: AcceptedVolcRequest,
  credentials: Pick<VolcSettings, 'accessKeyId' | 'secretAccessKey'>,
  now: Date = new Date(),
): void {
  const header = (name: string): string => {
    const value = accepted.headers[name];
    return Array.isArray(value) ? value.join(',') : (value ?? '');
  };
  const authorization = header('authorization');
  expect(authorization).toMatch(
    /^HMAC-SHA256 Credential=\S+\/\d{8}\/cn-north-1\/billing\/request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$/,
  );
  const parsed = parseVolcAuthorization(authorization);
  expect(parsed).toMatchObject({ accessKeyId: credentials.accessKeyId, region: 'cn-north-1', service: 'billing' });
  expect(parsed?.signedHeaders).toEqual(expect.arrayContaining(['host', 'x-date', 'x-content-sha256']));
  expect(header('x-content-sha256')).toBe(sha256Hex(accepted.rawBody));
  const xDate = header('x-date');
  const signedAt = parseVolcDate(xDate);
  expect(signedAt).toBeDefined();
  expect(Math.abs((signedAt?.getTime() ?? 0) - now.getTime())).toBeLessThan(60_000);
  expect(parsed?.shortDate).toBe(xDate.slice(0, 8));
  const signedValues = Object.fromEntries((parsed?.signedHeaders ?? []).map((name) => [name, header(name)]));
  const expected = computeVolcSignature({
    secretAccessKey: credentials.secretAccessKey,
    region: 'cn-north-1',
    service: 'billing',
    method: 'POST',
    path: '/',
    query: HANDLE_INVITATION_QUERY,
    headers: signedValues,
    signedHeaderNames: parsed?.signedHeaders ?? [],
    bodySha256: sha256Hex(accepted.rawBody),
    xDate,
  });
  expect(parsed?.signature).toBe(expected.signature);
}

/** Re-sends an accepted request's signed headers with another body, straight to the simulator. */
export async function replayWithBody(volc: VolcengineBillingSimulator, accepted: AcceptedVolcRequest, body: string) {
  const keep = ['host', 'content-type', 'x-date', 'x-content-sha256', 'authorization'];
  const headers = Object.fromEntries(keep.map((name) => [name, String(accepted.headers[name] ?? '')]));
  const response = await request(`${volc.url}/?Action=HandleInvitation&Version=2022-01-01`, { method: 'POST', headers, body });
  return { status: response.statusCode, body: (await response.body.json()) as { ResponseMetadata: { Error?: { Code: string } } } };
}
