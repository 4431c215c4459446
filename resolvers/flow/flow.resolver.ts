import { Arg, Ctx, Directive, ID, Query, Resolver } from 'type-graphql';
import type { FlowRecord } from '../../datasources/tencent-ess/model';
import type { RequestContext } from '../../src/graphql/context';
import { VendorError } from '../../src/errors/vendor-error';
import { requireEntityId } from '../shared/entity-id';
import { Flow } from './flow.type';
import { Scope, requiresScopesDirective } from '../../src/auth/scopes';
import { assumedListSize, VENDOR_CALL_COST } from '../shared/demand-control';
import { asError } from '../../src/errors/as-error';

/** How many ids one `flows` query may ask for (ten vendor calls at most). */
export const MAX_FLOWS_PER_QUERY = 1000;

@Resolver(() => Flow)
export class FlowResolver {
  @Directive(requiresScopesDirective(Scope.FLOWS_READ))
  @Directive(VENDOR_CALL_COST)
  @Query(() => Flow, { nullable: true, description: 'One ESS sign flow; null when the vendor does not know the id.' })
  async flow(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<FlowRecord | null> {
    return ctx.loaders.flow.load(requireEntityId(id, 'id'));
  }

  @Directive(requiresScopesDirective(Scope.FLOWS_READ))
  @Directive(VENDOR_CALL_COST)
  @Directive(assumedListSize(100))
  @Query(() => [Flow], {
    nullable: 'itemsAndList',
    description:
      'Flows in the order of `ids`: null where not found, and null with an error at its index where that id is invalid or its read failed. At most 100 ids per vendor call, duplicates free.',
  })
  async flows(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: RequestContext): Promise<(FlowRecord | null | Error)[]> {
    if (ids.length > MAX_FLOWS_PER_QUERY) {
      throw VendorError.invalidInput('ids', `ids takes at most ${MAX_FLOWS_PER_QUERY} ids.`);
    }
    // One promise for the list, whose failed slots hold their Error: graphql-js nulls such a slot and reports
    // its error with a path ending at its index. So an invalid id or a failed batch nulls only its own slots,
    // and an invalid id never reaches the vendor, without a promise per slot (`loadList`).
    const slots = ids.map((id, index): string | Error => {
      try {
        return requireEntityId(id, `ids[${index}]`);
      } catch (error: unknown) {
        return asError(error);
      }
    });
    const loaded = await ctx.loaders.flow.loadList(slots.filter((slot): slot is string => typeof slot === 'string'));
    let nextLoaded = 0;
    return slots.map((slot) => {
      if (slot instanceof Error) return slot;
      nextLoaded += 1;
      return loaded[nextLoaded - 1] ?? null;
    });
  }
}
