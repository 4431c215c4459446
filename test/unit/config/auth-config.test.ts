import { ConfigError, loadConfig } from '../../../src/config/config';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error: unknown) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

const SECRET = 'x'.repeat(32);

describe('loadConfig: AUTH_MODE=jwt', () => {
  it('accepts a shared secret with issuer and audience', () => {
    const config = loadConfig({ AUTH_MODE: 'jwt', AUTH_JWT_SECRET: SECRET, AUTH_ISSUER: 'https://i', AUTH_AUDIENCE: 'a' });
    expect(config.auth).toEqual({ mode: 'jwt', jwtSecret: SECRET, jwksUrl: undefined, issuer: 'https://i', audience: 'a' });
  });

  it('accepts a JWKS URL, and allows live vendors without ALLOW_UNAUTHENTICATED', () => {
    const config = loadConfig({
      AUTH_MODE: 'jwt',
      AUTH_JWKS_URL: 'https://issuer.example/.well-known/jwks.json',
      AUTH_ISSUER: 'https://issuer.example',
      AUTH_AUDIENCE: 'agreements',
      VENDORS: 'ess=live,vnpt=off,volc=off',
      TENCENT_SECRET_ID: 'id',
      TENCENT_SECRET_KEY: 'key',
      TENCENT_ESS_OPERATOR_ID: 'op',
    });
    expect(config.auth.mode).toBe('jwt');
  });

  it.each([
    ['neither a secret nor a JWKS URL', { AUTH_ISSUER: 'i', AUTH_AUDIENCE: 'a' }, 'AUTH_MODE'],
    [
      'both a secret and a JWKS URL',
      { AUTH_JWT_SECRET: SECRET, AUTH_JWKS_URL: 'https://k', AUTH_ISSUER: 'i', AUTH_AUDIENCE: 'a' },
      'AUTH_MODE',
    ],
    ['a secret shorter than 32 bytes', { AUTH_JWT_SECRET: 'short', AUTH_ISSUER: 'i', AUTH_AUDIENCE: 'a' }, 'AUTH_JWT_SECRET'],
    ['no issuer', { AUTH_JWT_SECRET: SECRET, AUTH_AUDIENCE: 'a' }, 'AUTH_ISSUER'],
    ['no audience', { AUTH_JWT_SECRET: SECRET, AUTH_ISSUER: 'i' }, 'AUTH_AUDIENCE'],
    ['a JWKS URL that is not http(s)', { AUTH_JWKS_URL: 'ftp://k', AUTH_ISSUER: 'i', AUTH_AUDIENCE: 'a' }, 'AUTH_JWKS_URL'],
  ])('refuses %s, naming %s', (_case, env, variable) => {
    expect(problemsOf({ AUTH_MODE: 'jwt', ...env }).some((problem) => problem.startsWith(`${variable}:`))).toBe(true);
  });

  it('refuses an unknown AUTH_MODE', () => {
    expect(problemsOf({ AUTH_MODE: 'oauth' })).toEqual([expect.stringMatching(/^AUTH_MODE: "oauth" is not one of none, jwt/)]);
  });
});
