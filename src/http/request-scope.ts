import { AsyncLocalStorage } from 'node:async_hooks';
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
 * What the HTTP layer must know about the request a vendor call serves: who calls (for the per-caller
 * rate share) and the operation's call budget. It travels with the request's async context, DataLoader
 * batches included, so datasources need no GraphQL context.
 */
export class RequestScope {
  private callerId: string | undefined;

  constructor(readonly budget: OperationBudget) {}

  /** The token subject with `AUTH_MODE=jwt`; undefined with `AUTH_MODE=none` (one caller, no share). */
  get caller(): string | undefined {
    return this.callerId;
  }

  /** Called once the principal is known (the GraphQL context factory). */
  identify(principal: Principal): void {
    this.callerId = principal.authentication === 'not-required' ? undefined : principal.subject;
  }
}

/** The request scopes of one app: `run` starts one for a request, `current` finds it from any code it calls. */
export class RequestScopes {
  private readonly storage = new AsyncLocalStorage<RequestScope>();

  constructor(private readonly callsPerOperation: number) {}

  /** Runs `work` (a request's whole handling) in a fresh scope. */
  run<T>(work: () => T): T {
    return this.storage.run(new RequestScope(new OperationBudget(this.callsPerOperation)), work);
  }

  /** `handler`, each of whose calls (one per request) runs in a fresh scope; `this` and arguments pass through. */
  wrap<This, Args extends unknown[], Result>(handler: (this: This, ...args: Args) => Result): (this: This, ...args: Args) => Result {
    const run = <T>(work: () => T): T => this.run(work);
    return function (this: This, ...args: Args): Result {
      return run(() => handler.apply(this, args));
    };
  }

  /** The scope of the request being served; undefined outside one (start-up, pollers, callbacks). */
  current(): RequestScope | undefined {
    return this.storage.getStore();
  }
}
