import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Directive, FieldResolver, Info, Mutation, Resolver, Root } from 'type-graphql';
import { ESS_MAX_FLOW_IDS } from '../../datasources/tencent-ess/client';
import type { FlowRecord } from '../../datasources/tencent-ess/model';
import { Vendor } from '../../src/errors/vendor';
import { requireVendor } from '../../src/errors/vendor-not-configured';
import type { RequestContext } from '../../src/graphql/context';
import type { ErrorInterface } from '../shared/errors/error.interface';
import { entityOrKey, type EntityKey } from '../shared/entity-reference';
import { flowNotReturned } from './flow-not-returned';
import { droppingAfter } from '../shared/drop-after-write';
import { uniqueIds } from '../shared/validation';
import { essOperatorFor } from './ess-access';
import { Flow } from './flow.type';
import { RemindFlowsInput } from './remind-flows.input';
import { FlowRemindRecord, RemindFlowsResult, RemindFlowsSuccess } from './remind-flows.result';
import { requireScope } from '../../src/auth/require-scope';
import { Scope, requiresScopesDirective } from '../../src/auth/scopes';
import { VENDOR_CALL_COST } from '../shared/demand-control';

@Resolver(() => FlowRemindRecord)
export class RemindFlowsResolver {
  @Directive(requiresScopesDirective(Scope.FLOWS_WRITE))
  @Directive(VENDOR_CALL_COST)
  @Mutation(() => RemindFlowsResult.union, {
    description: 'Reminds the signers still waiting to sign. Not idempotent at the vendor: each call may send messages.',
  })
  async remindFlows(
    @Arg('input', () => RemindFlowsInput) input: RemindFlowsInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RemindFlowsSuccess | ErrorInterface> {
    requireScope(ctx.principal, Scope.FLOWS_WRITE);
    try {
      const flowIds = uniqueIds(input.flowIds, 'input.flowIds', { min: 1, max: ESS_MAX_FLOW_IDS });
      const remindTypes = input.remindTypes ? [...new Set(input.remindTypes)] : undefined;
      const ess = requireVendor(ctx.services.ess, Vendor.TENCENT_ESS);
      // A remind changes what the flows report (their approvers' remind state): cached copies are dropped.
      const records = await droppingAfter(ctx.services.entityCache, 'Flow', flowIds, () =>
        ess.client.createFlowReminds(essOperatorFor(ess, ctx.principal), flowIds, remindTypes, ctx.scope),
      );
      return RemindFlowsSuccess.of(records.map((record) => FlowRemindRecord.of(record)));
    } catch (error: unknown) {
      return RemindFlowsResult.fail(error);
    }
  }

  @FieldResolver(() => Flow, {
    nullable: true,
    description:
      'The reminded flow, read through DescribeFlowInfo (one call for all records; none when only `id` is selected); null with an error at this path when that read fails.',
  })
  flow(@Root() record: FlowRemindRecord, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<FlowRecord | EntityKey> {
    return entityOrKey(
      info,
      record.flowId,
      (id) => ctx.loaders.flow.load(id),
      () => flowNotReturned('reminded flow'),
    );
  }
}
