import { decodeInvitationId } from '../../datasources/volcengine-billing/invitation-id';
import type { InvitationRecord } from '../../datasources/volcengine-billing/model';
import type { RequestContext } from '../../src/graphql/context';
import { requireInvitationIdText } from './invitation-id.validation';

/**
 * Federation entity resolution for `Invitation @key(fields: "id")`. A reference id that is not text, is
 * blank or is longer than any id this service issues is refused (`INVALID_INPUT` on that entity alone);
 * an id this service did not issue resolves to null; both without a vendor call. The others share the
 * request's single `ListInvitation`, whose failure nulls only the Invitation entities.
 */
export const invitationReferenceResolver = {
  Invitation: {
    async __resolveReference(reference: { readonly id: unknown }, ctx: RequestContext): Promise<InvitationRecord | null> {
      const id = requireInvitationIdText(reference.id, 'representations.id');
      if (decodeInvitationId(id) === undefined) return null;
      return ctx.loaders.invitation.load(id);
    },
  },
};
