import { ALL_SCOPES, type Scope } from './scopes';

/** Who is calling, as established once per request. Never built from GraphQL input. */
export interface Principal {
  /** False for a request without a bearer token while `AUTH_MODE=jwt`. */
  readonly authenticated: boolean;
  /** The token's `sub`, or `anonymous`; namespaces idempotency keys so callers cannot replay each other. */
  readonly subject: string;
  readonly scopes: ReadonlySet<Scope | string>;
  /** ESS `Operator.UserId`: the token's `ess_operator_id` claim, else `TENCENT_ESS_OPERATOR_ID`. */
  readonly essOperatorId: string | undefined;
}

/** `AUTH_MODE=none`: every caller may do everything (sandbox, or a router that authenticates). */
export function unrestrictedPrincipal(essOperatorId: string | undefined): Principal {
  return { authenticated: true, subject: 'anonymous', scopes: ALL_SCOPES, essOperatorId };
}

/** `AUTH_MODE=jwt` without a token: may reach only what needs no scope (nothing here). */
export function anonymousPrincipal(essOperatorId: string | undefined): Principal {
  return { authenticated: false, subject: 'anonymous', scopes: new Set(), essOperatorId };
}
