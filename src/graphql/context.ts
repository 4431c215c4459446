import type { Logger } from 'pino';
import type { Principal } from '../auth/principal';
import type { IdempotencyService } from '../idempotency/idempotency-service';
import { createRequestLoaders, type RequestLoaders, type VendorClients } from '../vendors/registry';

/** Long-lived collaborators made once at start: every vendor's client (undefined when `off`) and idempotency. */
export type Services = VendorClients & { readonly idempotency: IdempotencyService };

export type { RequestLoaders };

export interface RequestContext {
  readonly requestId: string;
  readonly logger: Logger;
  readonly principal: Principal;
  readonly services: Services;
  readonly loaders: RequestLoaders;
}

/** Builds one request's context; the loaders are fresh, so their caches never leak between callers. */
export function createRequestContext(input: {
  readonly requestId: string;
  readonly logger: Logger;
  readonly principal: Principal;
  readonly services: Services;
}): RequestContext {
  return { ...input, loaders: createRequestLoaders(input.services, input.principal) };
}
