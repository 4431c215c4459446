import { Ctx, Directive, Query, Resolver } from 'type-graphql';
import type { InvitationRecord } from '../../datasources/volcengine-billing/model';
import { Vendor } from '../../src/errors/vendor';
import { requireVendor } from '../../src/errors/vendor-not-configured';
import type { RequestContext } from '../../src/graphql/context';
import { Invitation } from './invitation.type';
import { requireScope } from '../../src/auth/require-scope';
import { Scope, requiresScopesDirective } from '../../src/auth/scopes';
import { assumedListSize, VENDOR_CALL_COST } from '../shared/demand-control';

@Resolver(() => Invitation)
export class InvitationResolver {
  @Directive(requiresScopesDirective(Scope.INVITATIONS_READ))
  @Directive(VENDOR_CALL_COST)
  @Directive(assumedListSize(50))
  @Query(() => [Invitation], {
    nullable: true,
    description:
      "The finance invitations addressed to this service's Volcengine account, as the vendor lists them (one ListInvitation call). " +
      'Null with an error when that call fails; the other root fields of the request are unaffected.',
  })
  async invitations(@Ctx() ctx: RequestContext): Promise<InvitationRecord[]> {
    requireScope(ctx.principal, Scope.INVITATIONS_READ);
    const volc = requireVendor(ctx.services.volc, Vendor.VOLCENGINE_BILLING);
    const records = await volc.listInvitations(ctx.scope);
    // Entity references later in the same request then cost no second ListInvitation.
    for (const record of records) ctx.loaders.invitation.prime(record.id, record);
    return records;
  }
}
