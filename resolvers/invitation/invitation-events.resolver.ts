import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, Directive, FieldResolver, Info, Resolver, Root, Subscription } from 'type-graphql';
import type { InvitationRecord } from '../../datasources/volcengine-billing/model';
import { Scope, requiresScopesDirective } from '../../src/auth/scopes';
import type { InvitationChangeEvent } from '../../src/events/agreement-event';
import type { RequestContext } from '../../src/graphql/context';
import type { EntityKey } from '../shared/entity-reference';
import { eventEntity, eventSubscription } from '../shared/event-subscription';
import { Invitation } from './invitation.type';
import { InvitationEvent } from './invitation-event.type';

@Resolver(() => InvitationEvent)
export class InvitationEventsResolver {
  @Directive(requiresScopesDirective(Scope.INVITATIONS_READ))
  @Subscription(() => InvitationEvent, {
    subscribe: eventSubscription('invitation', Scope.INVITATIONS_READ),
    description: 'Status changes of Volcengine finance invitations (one replica polls ListInvitation for everyone).',
  })
  invitationEvents(@Root() event: InvitationChangeEvent): InvitationEvent {
    return InvitationEvent.of(event);
  }

  @FieldResolver(() => Invitation, {
    nullable: true,
    description: 'The invitation as ListInvitation returns it now (no read when only `id` is selected); null when no longer listed.',
  })
  invitation(
    @Root() event: InvitationEvent,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InvitationRecord | EntityKey | null> {
    return eventEntity(info, event.invitationId, ctx.loaders.invitation);
  }
}
