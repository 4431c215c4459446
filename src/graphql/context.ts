import type { Logger } from 'pino';
import type { TencentEssClient } from '../../datasources/tencent-ess/client';
import type { VnptEcontractClient } from '../../datasources/vnpt-econtract/client';
import type { VolcengineBillingClient } from '../../datasources/volcengine-billing/client';
import { createDocumentLoader, type DocumentLoader } from '../../resolvers/document/document.loader';
import { createFlowLoader, type FlowLoader } from '../../resolvers/flow/flow.loader';
import { createInvitationLoader, type InvitationLoader } from '../../resolvers/invitation/invitation.loader';
import type { Principal } from '../auth/principal';
import type { IdempotencyService } from '../idempotency/idempotency-service';

/** Long-lived collaborators made once at start; a vendor switched off has no client. */
export interface Services {
  readonly ess: TencentEssClient | undefined;
  readonly vnpt: VnptEcontractClient | undefined;
  readonly volc: VolcengineBillingClient | undefined;
  readonly idempotency: IdempotencyService;
}

/** Per-request loaders: made fresh for every request so caches never leak between callers. */
export interface RequestLoaders {
  readonly flow: FlowLoader;
  readonly document: DocumentLoader;
  readonly invitation: InvitationLoader;
}

export interface RequestContext {
  readonly requestId: string;
  readonly logger: Logger;
  readonly principal: Principal;
  readonly services: Services;
  readonly loaders: RequestLoaders;
}

/** Builds one request's context. */
export function createRequestContext(input: {
  readonly requestId: string;
  readonly logger: Logger;
  readonly principal: Principal;
  readonly services: Services;
}): RequestContext {
  return {
    ...input,
    loaders: {
      flow: createFlowLoader(input.services.ess, input.principal),
      document: createDocumentLoader(input.services.vnpt, input.principal),
      invitation: createInvitationLoader(input.services.volc, input.principal),
    },
  };
}
