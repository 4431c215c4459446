import { SignJWT } from 'jose';

const SECRET = 'a-shared-secret-of-at-least-32-bytes!!';
const ISSUER = 'https://issuer.test';
const AUDIENCE = 'agreements-subgraph';

/** `AUTH_MODE=jwt` with the shared secret, issuer and audience that `testToken` signs for. */
export const TEST_JWT_ENV: Readonly<Record<string, string>> = Object.freeze({
  AUTH_MODE: 'jwt',
  AUTH_JWT_SECRET: SECRET,
  AUTH_ISSUER: ISSUER,
  AUTH_AUDIENCE: AUDIENCE,
});

/** An HS256 bearer token the subgraph under `TEST_JWT_ENV` accepts: `scope` (space-separated), `sub`, 5 minutes. */
export function testToken(scope: string, subject = 'test-user', options: { readonly secret?: string } = {}): Promise<string> {
  return new SignJWT({ scope })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(subject)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(options.secret ?? SECRET));
}
