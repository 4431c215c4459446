import { TencentEssClient } from '../../../datasources/tencent-ess/client';
import { essOperatorFor, type EssAccess } from '../../../resolvers/flow/ess-access';
import type { Principal } from '../../../src/auth/principal';
import { anonymousPrincipal, unrestrictedPrincipal } from '../../../src/auth/principal';

/** DESIGN.md: the ESS Operator comes from the token's `ess_operator_id` claim, else TENCENT_ESS_OPERATOR_ID. */
describe('essOperatorFor', () => {
  // The client is never called here: its transport refuses every call.
  const client = new TencentEssClient({
    transport: { execute: () => Promise.reject(new Error('no vendor call expected')) },
    endpoint: 'https://ess.tencentcloudapi.com',
    credentials: { secretId: 'AKIDexample', secretKey: 'secret' },
  });
  const access: EssAccess = { client, defaultOperatorId: 'configured-operator' };
  const withClaims = (claims: Record<string, unknown>): Principal => ({
    authentication: 'token',
    subject: 'alice',
    scopes: new Set(),
    claims,
  });

  it('uses the verified token claim ess_operator_id when the token carries one', () => {
    expect(essOperatorFor(access, withClaims({ ess_operator_id: 'op-from-token' }))).toBe('op-from-token');
  });

  it.each([
    ['no claim', {}],
    ['an empty claim', { ess_operator_id: '' }],
    ['a claim that is not text', { ess_operator_id: 42 }],
  ])('falls back to the configured operator when the token has %s', (_label, claims) => {
    expect(essOperatorFor(access, withClaims(claims))).toBe('configured-operator');
  });

  it('uses the configured operator for callers without a token', () => {
    expect(essOperatorFor(access, unrestrictedPrincipal())).toBe('configured-operator');
    expect(essOperatorFor(access, anonymousPrincipal())).toBe('configured-operator');
  });
});
