import { decodeInvitationId } from '../../datasources/volcengine-billing/invitation-id';
import type { InvitationRecord } from '../../datasources/volcengine-billing/model';
import type { RequestContext } from '../../src/graphql/context';

/**
 * Federation entity resolution for `Invitation @key(fields: "id")`. An id this service did not make
 * resolves to null without a vendor call; the others share the request's single `ListInvitation`.
 */
export const invitationReferenceResolver = {
  Invitation: {
    async __resolveReference(reference: { readonly id: unknown }, ctx: RequestContext): Promise<InvitationRecord | null> {
      if (typeof reference.id !== 'string' || decodeInvitationId(reference.id) === undefined) return null;
      return ctx.loaders.invitation.load(reference.id);
    },
  },
};
