import type { IncomingHttpHeaders } from 'node:http';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { AuthConfig } from '../config/config';
import { ErrorCode } from '../errors/error-code';
import { VendorError } from '../errors/vendor-error';
import { anonymousPrincipal, unrestrictedPrincipal, type Principal } from './principal';

/** Signature algorithms accepted: asymmetric ones for JWKS, HS256 for a shared secret. */
const JWKS_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];
const SECRET_ALGORITHMS = ['HS256'];

/** Tolerated clock difference with the token issuer. */
const CLOCK_TOLERANCE_SECONDS = 30;

/**
 * DESIGN.md "Security contract": a token without `exp` would never expire, and one without `sub` has no
 * caller to namespace idempotency keys and the per-caller rate share by.
 */
const REQUIRED_CLAIMS = ['exp', 'sub'];

function unauthenticated(message: string, cause?: unknown): VendorError {
  return new VendorError({ code: ErrorCode.UNAUTHENTICATED, message, cause });
}

/** OAuth `scope` is a space-separated string; some issuers send `scp` as an array instead. */
function scopesOf(payload: JWTPayload): Set<string> {
  const raw = payload.scope ?? payload.scp;
  if (typeof raw === 'string') return new Set(raw.split(' ').filter((scope) => scope.length > 0));
  if (Array.isArray(raw)) return new Set(raw.filter((scope): scope is string => typeof scope === 'string'));
  return new Set();
}

/**
 * Establishes the `Principal` of a request from its `Authorization` header (DESIGN.md "Security").
 * A missing token gives an unauthenticated principal (fields needing a scope then fail one by one);
 * a present but invalid token is refused for the whole request with `UNAUTHENTICATED`.
 */
export class Authenticator {
  /** Verifies signature, issuer, audience, expiry and the required claims; undefined when `AUTH_MODE=none`. */
  private readonly verifyToken: ((token: string) => Promise<JWTPayload>) | undefined;

  constructor(config: AuthConfig) {
    if (config.mode !== 'jwt') return;
    const common = {
      issuer: config.issuer,
      audience: config.audience,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: REQUIRED_CLAIMS,
    };
    if (config.jwksUrl) {
      // Keys are fetched on first use and cached; an unknown `kid` refreshes them at most every 30 s.
      const jwks: JWTVerifyGetKey = createRemoteJWKSet(new URL(config.jwksUrl), { timeoutDuration: 3_000, cooldownDuration: 30_000 });
      this.verifyToken = async (token) => (await jwtVerify(token, jwks, { ...common, algorithms: JWKS_ALGORITHMS })).payload;
    } else {
      const secret = new TextEncoder().encode(config.jwtSecret ?? '');
      this.verifyToken = async (token) => (await jwtVerify(token, secret, { ...common, algorithms: SECRET_ALGORITHMS })).payload;
    }
  }

  async authenticate(headers: IncomingHttpHeaders): Promise<Principal> {
    if (!this.verifyToken) return unrestrictedPrincipal();
    const header = headers.authorization;
    if (header === undefined || header === '') return anonymousPrincipal();
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw unauthenticated('The Authorization header must be "Bearer <token>".');
    let payload: JWTPayload;
    try {
      payload = await this.verifyToken(match[1]);
    } catch (error: unknown) {
      if (error instanceof joseErrors.JWTExpired) throw unauthenticated('The bearer token has expired.', error);
      if (error instanceof joseErrors.JWTClaimValidationFailed && error.reason === 'missing') {
        throw unauthenticated(`The bearer token has no "${error.claim}" claim.`, error);
      }
      if (error instanceof joseErrors.JOSEError) throw unauthenticated('The bearer token is not valid.', error);
      throw unauthenticated('The bearer token could not be verified.', error);
    }
    // jose checks that `sub` is present, not that it names someone.
    if (typeof payload.sub !== 'string' || payload.sub.length === 0) {
      throw unauthenticated('The bearer token must name its caller in a non-empty "sub" claim.');
    }
    return {
      authentication: 'token',
      subject: payload.sub,
      scopes: scopesOf(payload),
      claims: payload,
    };
  }
}
