import type { Logger } from 'pino';
import type { Principal } from '../auth/principal';
import type { RequestScope } from '../http/request-scope';
import type { EntityCache } from '../cache/entity-cache';
import type { IdempotencyService } from '../idempotency/idempotency-service';
import { createRequestLoaders, type RequestLoaders, type VendorClients } from '../vendors/registry';

/**
 * Long-lived collaborators made once at start: every vendor's client (undefined when `off`), idempotency,
 * and the entity cache (`ENTITY_CACHE_TTL_MS`; writes and vendor events call its `drop`).
 */
export type Services = VendorClients & { readonly idempotency: IdempotencyService; readonly entityCache: EntityCache };

export type { RequestLoaders };

export interface RequestContext {
  readonly requestId: string;
  readonly logger: Logger;
  readonly principal: Principal;
  readonly services: Services;
  readonly loaders: RequestLoaders;
}

/**
 * Builds one request's context; the loaders are fresh, so their caches never leak between callers. The
 * request's scope (when it runs in one) learns its caller here: the principal's subject, which the
 * vendor rate limit's per-caller share keys on.
 */
export function createRequestContext(input: {
  readonly requestId: string;
  readonly logger: Logger;
  readonly principal: Principal;
  readonly services: Services;
  readonly scope?: RequestScope;
}): RequestContext {
  const { scope, ...context } = input;
  scope?.identify(input.principal);
  return { ...context, loaders: createRequestLoaders(input.services, input.principal, input.services.entityCache) };
}
