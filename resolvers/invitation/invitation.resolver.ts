import { Ctx, Query, Resolver } from 'type-graphql';
import type { InvitationRecord } from '../../datasources/volcengine-billing/model';
import { Vendor } from '../../src/errors/vendor';
import { requireVendor } from '../../src/errors/vendor-not-configured';
import type { RequestContext } from '../../src/graphql/context';
import { Invitation } from './invitation.type';

@Resolver(() => Invitation)
export class InvitationResolver {
  @Query(() => [Invitation], {
    description: 'The finance invitations addressed to this service\'s Volcengine account, as the vendor lists them (one ListInvitation call).',
  })
  async invitations(@Ctx() ctx: RequestContext): Promise<InvitationRecord[]> {
    const volc = requireVendor(ctx.services.volc, Vendor.VOLCENGINE_BILLING);
    const records = await volc.listInvitations();
    // Entity references later in the same request then cost no second ListInvitation.
    for (const record of records) ctx.loaders.invitation.prime(record.id, record);
    return records;
  }
}
