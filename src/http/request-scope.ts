import type { CallScope } from '../../datasources/http/vendor-call';
import type { Principal } from '../auth/principal';

/**
 * The most vendor calls one GraphQL operation may cause (`VENDOR_CALLS_PER_OPERATION`). Logical calls
 * are counted (a retry of one call is not another call), by the transport decorator `BudgetedTransport`.
 */
export class OperationBudget {
  private used = 0;

  constructor(readonly limit: number) {}

  /** Takes one call; false once `limit` calls were taken. */
  take(): boolean {
    if (this.used >= this.limit) return false;
    this.used += 1;
    return true;
  }

  get calls(): number {
    return this.used;
  }
}

/**
 * What the HTTP layer must know about the operation a vendor call serves: who calls (for the per-caller
 * rate share) and the operation's call budget. One per GraphQL request, and one per event a subscription
 * renders. It is passed explicitly: the context holds it, resolvers and the request's loaders hand it to
 * the vendor clients, and the clients to the transport (`VendorTransport.execute(call, scope)`). An
 * AsyncLocalStorage would spare that passing, but its promise hooks cost every promise of every request
 * 7-12 % of a mutation's CPU (paired runs, `docs/performance.md`).
 */
export class RequestScope implements CallScope {
  private callerId: string | undefined;

  constructor(readonly budget: OperationBudget) {}

  /** A fresh scope with a budget of `callsPerOperation` vendor calls (`VENDOR_CALLS_PER_OPERATION`). */
  static withBudget(callsPerOperation: number): RequestScope {
    return new RequestScope(new OperationBudget(callsPerOperation));
  }

  /** The token subject with `AUTH_MODE=jwt`; undefined with `AUTH_MODE=none` (one caller, no share). */
  get caller(): string | undefined {
    return this.callerId;
  }

  /** Called once the principal is known (the GraphQL context factory). */
  identify(principal: Principal): void {
    this.callerId = principal.authentication === 'not-required' ? undefined : principal.subject;
  }
}
