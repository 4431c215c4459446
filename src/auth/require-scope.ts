import { ErrorCode } from '../errors/error-code';
import { VendorError } from '../errors/vendor-error';
import type { Principal } from './principal';
import type { Scope } from './scopes';

/**
 * `UNAUTHENTICATED` without a verified caller, `FORBIDDEN` without `scope`, else undefined. Both are
 * our own failures: they always render as top-level errors, never inside a mutation's result union.
 */
export function scopeFailure(principal: Principal, scope: Scope): VendorError | undefined {
  if (principal.authentication === 'missing') {
    return new VendorError({ code: ErrorCode.UNAUTHENTICATED, message: 'A bearer token is required.' });
  }
  if (!principal.scopes.has(scope)) {
    return new VendorError({ code: ErrorCode.FORBIDDEN, message: `The token lacks the scope ${scope}.` });
  }
  return undefined;
}

/** Throws `scopeFailure(principal, scope)` when there is one. */
export function requireScope(principal: Principal, scope: Scope): void {
  const failure = scopeFailure(principal, scope);
  if (failure) throw failure;
}
