import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Directive, FieldResolver, ID, Info, Resolver, Root, Subscription } from 'type-graphql';
import type { FlowRecord } from '../../datasources/tencent-ess/model';
import { Scope, requiresScopesDirective } from '../../src/auth/scopes';
import type { FlowChangeEvent } from '../../src/events/agreement-event';
import type { RequestContext } from '../../src/graphql/context';
import type { EntityKey } from '../shared/entity-reference';
import { eventEntity, eventSubscription } from '../shared/event-subscription';
import { Flow } from './flow.type';
import { FlowEvent } from './flow-event.type';

@Resolver(() => FlowEvent)
export class FlowEventsResolver {
  @Directive(requiresScopesDirective(Scope.FLOWS_READ))
  @Subscription(() => FlowEvent, {
    subscribe: eventSubscription('flow', Scope.FLOWS_READ, 'flowIds'),
    description:
      'Changes of ESS sign flows as Tencent calls back (signed, rejected, released …): of `flowIds`, or of every flow when omitted.',
  })
  flowEvents(
    @Root() event: FlowChangeEvent,
    // Read by the subscribe step (`eventSubscription`); declared here so the schema has the argument.
    @Arg('flowIds', () => [ID], { nullable: true }) _flowIds: string[] | undefined,
  ): FlowEvent {
    return FlowEvent.of(event);
  }

  @FieldResolver(() => Flow, {
    nullable: true,
    description:
      'The flow as DescribeFlowInfo returns it now (no read when only `id` is selected); null when the vendor does not return it.',
  })
  flow(@Root() event: FlowEvent, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<FlowRecord | EntityKey | null> {
    return eventEntity(info, event.flowId, ctx.loaders.flow);
  }
}
