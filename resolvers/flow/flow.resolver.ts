import { Arg, Ctx, Directive, ID, Query, Resolver } from 'type-graphql';
import type { FlowRecord } from '../../datasources/tencent-ess/model';
import type { RequestContext } from '../../src/graphql/context';
import { VendorError } from '../../src/errors/vendor-error';
import { requireText } from '../shared/validation';
import { Flow } from './flow.type';
import { Scope, requiresScopesDirective } from '../../src/auth/scopes';

/** How many ids one `flows` query may ask for (ten vendor calls at most). */
export const MAX_FLOWS_PER_QUERY = 1000;

@Resolver(() => Flow)
export class FlowResolver {
  @Directive(requiresScopesDirective(Scope.FLOWS_READ))
  @Query(() => Flow, { nullable: true, description: 'One ESS sign flow; null when the vendor does not know the id.' })
  async flow(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<FlowRecord | null> {
    requireText(id, 'id', { max: 128 });
    return ctx.loaders.flow.load(id);
  }

  @Directive(requiresScopesDirective(Scope.FLOWS_READ))
  @Query(() => [Flow], {
    nullable: 'items',
    description: 'Flows in the order of `ids`, null where not found; at most 100 ids per vendor call, duplicates free.',
  })
  flows(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: RequestContext): Promise<FlowRecord | null>[] {
    if (ids.length > MAX_FLOWS_PER_QUERY) {
      throw VendorError.invalidInput('ids', `ids takes at most ${MAX_FLOWS_PER_QUERY} ids.`);
    }
    ids.forEach((id, index) => requireText(id, `ids[${index}]`, { max: 128 }));
    // One promise per item: a failed batch nulls only its own items, each with its own error path.
    return ids.map((id) => ctx.loaders.flow.load(id));
  }
}
