import type { Logger } from 'pino';
import type { Principal } from '../auth/principal';
import type { RequestScope } from '../http/request-scope';
import type { EntityCache } from '../cache/entity-cache';
import type { EventBus } from '../events/event-bus';
import type { IdempotencyService } from '../idempotency/idempotency-service';
import { createRequestLoaders, type RequestLoaders, type VendorClients } from '../vendors/registry';

/**
 * Long-lived collaborators made once at start: every vendor's client (undefined when `off`), idempotency,
 * the event bus, and the entity cache (`ENTITY_CACHE_TTL_MS`; writes and vendor events call its `drop`).
 */
export type Services = VendorClients & {
  readonly idempotency: IdempotencyService;
  readonly events: EventBus;
  readonly entityCache: EntityCache;
};

export type { RequestLoaders };

export interface RequestContext {
  readonly requestId: string;
  readonly logger: Logger;
  readonly principal: Principal;
  readonly services: Services;
  readonly loaders: RequestLoaders;
  /**
   * The operation's call budget and caller, for every vendor call made for it: resolvers pass it to the
   * vendor clients, the loaders hold it. Undefined only where no budget applies (contexts made in tests).
   */
  readonly scope: RequestScope | undefined;
}

/**
 * Builds one request's context; the loaders are fresh, so their caches never leak between callers. The
 * request's scope learns its caller here (the principal's subject, which the vendor rate limit's
 * per-caller share keys on), and the loaders get it for the vendor calls they make. `logger` may be a factory: the request's child logger
 * is then made on first use (most requests never log, and a pino child costs microseconds).
 */
export function createRequestContext(input: {
  readonly requestId: string;
  readonly logger: Logger | (() => Logger);
  readonly principal: Principal;
  readonly services: Services;
  readonly scope?: RequestScope;
}): RequestContext {
  const { scope, logger, requestId, principal, services } = input;
  scope?.identify(principal);
  const loaders = createRequestLoaders(services, principal, services.entityCache, scope);
  if (typeof logger !== 'function') return { requestId, logger, principal, services, loaders, scope };
  return new LazyLoggerContext(requestId, logger, principal, services, loaders, scope);
}

/**
 * A context whose logger is made on first use. The getter sits on the prototype: Apollo Server clones the
 * context per operation (`Object.assign` onto an object of the same prototype), which would call an own
 * getter and make the logger anyway.
 */
class LazyLoggerContext implements RequestContext {
  private madeLogger: Logger | undefined;

  constructor(
    readonly requestId: string,
    private readonly makeLogger: () => Logger,
    readonly principal: Principal,
    readonly services: Services,
    readonly loaders: RequestLoaders,
    readonly scope: RequestScope | undefined,
  ) {}

  get logger(): Logger {
    this.madeLogger ??= this.makeLogger();
    return this.madeLogger;
  }
}
