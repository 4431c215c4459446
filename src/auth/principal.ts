import { ALL_SCOPES, type Scope } from './scopes';

/**
 * How a caller was established: `token` (a verified bearer JWT), `not-required` (`AUTH_MODE=none`:
 * every caller may do everything, as in sandbox or behind a router that authenticates), or `missing`
 * (no token while `AUTH_MODE=jwt`: fields that need a scope fail with `UNAUTHENTICATED`).
 */
export type Authentication = 'token' | 'not-required' | 'missing';

/** Who is calling, as established once per request. Never built from GraphQL input. */
export interface Principal {
  readonly authentication: Authentication;
  /** The token's `sub`, or `anonymous`; namespaces idempotency keys so callers cannot replay each other. */
  readonly subject: string;
  readonly scopes: ReadonlySet<Scope | string>;
  /**
   * The verified token's claims (empty without a token). Vendor modules read their own claims from it
   * (e.g. ESS reads `ess_operator_id`), so authentication knows no vendor.
   */
  readonly claims: Readonly<Record<string, unknown>>;
}

const NO_CLAIMS: Readonly<Record<string, unknown>> = Object.freeze({});

/** `AUTH_MODE=none`: every caller may do everything (sandbox, or a router that authenticates). */
export function unrestrictedPrincipal(): Principal {
  return { authentication: 'not-required', subject: 'anonymous', scopes: ALL_SCOPES, claims: NO_CLAIMS };
}

/** `AUTH_MODE=jwt` without a token: may reach only what needs no scope (nothing here). */
export function anonymousPrincipal(): Principal {
  return { authentication: 'missing', subject: 'anonymous', scopes: new Set(), claims: NO_CLAIMS };
}
