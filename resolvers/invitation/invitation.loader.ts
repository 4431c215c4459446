import DataLoader from 'dataloader';
import type { VolcengineBillingClient } from '../../datasources/volcengine-billing/client';
import type { InvitationRecord } from '../../datasources/volcengine-billing/model';
import { Vendor } from '../../src/errors/vendor';
import { vendorNotConfigured } from '../../src/errors/vendor-not-configured';

export type InvitationLoader = DataLoader<string, InvitationRecord | null>;

/**
 * Per-request loader over `ListInvitation`: Volcengine has no read-by-id, so all references of one
 * request share a single list call and are picked out by their opaque id (`null` when absent).
 */
export function createInvitationLoader(volc: VolcengineBillingClient | undefined): InvitationLoader {
  return new DataLoader<string, InvitationRecord | null>(async (ids) => {
    if (!volc) return ids.map(() => vendorNotConfigured(Vendor.VOLCENGINE_BILLING));
    try {
      const byId = new Map((await volc.listInvitations()).map((invitation) => [invitation.id, invitation]));
      return ids.map((id) => byId.get(id) ?? null);
    } catch (error: unknown) {
      const failure = error instanceof Error ? error : new Error(String(error));
      return ids.map(() => failure);
    }
  });
}
