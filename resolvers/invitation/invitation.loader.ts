import DataLoader from 'dataloader';
import type { CallScope } from '../../datasources/http/vendor-call';
import type { VolcengineBillingClient } from '../../datasources/volcengine-billing/client';
import type { InvitationRecord } from '../../datasources/volcengine-billing/model';
import type { Principal } from '../../src/auth/principal';
import { scopeFailure } from '../../src/auth/require-scope';
import { Scope } from '../../src/auth/scopes';
import { Vendor } from '../../src/errors/vendor';
import { vendorNotConfigured } from '../../src/errors/vendor-not-configured';
import { NO_ENTITY_CACHE, type EntityCache } from '../../src/cache/entity-cache';
import { readThroughCache } from '../shared/cached-read';
import { asError } from '../../src/errors/as-error';

export type InvitationLoader = DataLoader<string, InvitationRecord | null>;

/**
 * Per-request loader over `ListInvitation`: Volcengine has no read-by-id, so all references of one
 * request share a single list call and are picked out by their opaque id (`null` when absent).
 * `invitations:read` is enforced here for every read path but the `invitations` list itself. With the
 * entity cache on, a request whose invitations it all holds makes no call.
 */
export function createInvitationLoader(
  volc: VolcengineBillingClient | undefined,
  principal: Principal,
  cache: EntityCache = NO_ENTITY_CACHE,
  scope?: CallScope,
): InvitationLoader {
  return new DataLoader<string, InvitationRecord | null>(async (ids) => {
    const refused = scopeFailure(principal, Scope.INVITATIONS_READ);
    if (refused) return ids.map(() => refused);
    if (!volc) return ids.map(() => vendorNotConfigured(Vendor.VOLCENGINE_BILLING));
    return readThroughCache(cache, 'Invitation', ids, async (missing) => {
      try {
        const byId = new Map((await volc.listInvitations(scope)).map((invitation) => [invitation.id, invitation]));
        return missing.map((id) => byId.get(id) ?? null);
      } catch (error: unknown) {
        const failure = asError(error);
        return missing.map(() => failure);
      }
    });
  });
}
