import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Directive, FieldResolver, Info, Mutation, Resolver, Root } from 'type-graphql';
import type { FlowRecord } from '../../datasources/tencent-ess/model';
import { Vendor } from '../../src/errors/vendor';
import { requireVendor } from '../../src/errors/vendor-not-configured';
import type { RequestContext } from '../../src/graphql/context';
import type { ErrorInterface } from '../shared/errors/error.interface';
import { entityOrKey, type EntityKey } from '../shared/entity-reference';
import { flowNotReturned } from './flow-not-returned';
import { droppingAfter } from '../shared/drop-after-write';
import { CreateReleaseFlowInput } from './create-release-flow.input';
import { CreateReleaseFlowResult, CreateReleaseFlowSuccess } from './create-release-flow.result';
import { toCreateReleaseFlowCommand } from './create-release-flow.validation';
import { essOperatorFor } from './ess-access';
import { Flow } from './flow.type';
import { requireScope } from '../../src/auth/require-scope';
import { Scope, requiresScopesDirective } from '../../src/auth/scopes';
import { VENDOR_CALL_COST } from '../shared/demand-control';

@Resolver(() => CreateReleaseFlowSuccess)
export class CreateReleaseFlowResolver {
  @Directive(requiresScopesDirective(Scope.FLOWS_WRITE))
  @Directive(VENDOR_CALL_COST)
  @Mutation(() => CreateReleaseFlowResult.union, {
    description: 'Starts a release (rescission) agreement for a fully signed ESS flow.',
  })
  async createReleaseFlow(
    @Arg('input', () => CreateReleaseFlowInput) input: CreateReleaseFlowInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CreateReleaseFlowSuccess | ErrorInterface> {
    requireScope(ctx.principal, Scope.FLOWS_WRITE);
    try {
      const command = toCreateReleaseFlowCommand(input);
      const ess = requireVendor(ctx.services.ess, Vendor.TENCENT_ESS);
      const operatorId = essOperatorFor(ess, ctx.principal);
      const outcome = await ctx.services.idempotency.run(
        ['createReleaseFlow', ctx.principal.subject, operatorId],
        input.idempotencyKey,
        command,
        async () => {
          // The release changes the original flow (its status): cached copies of it are dropped.
          const created = await droppingAfter(ctx.services.entityCache, 'Flow', [command.flowId], () =>
            ess.client.createReleaseFlow(operatorId, command, { idempotent: Boolean(input.idempotencyKey) }, ctx.scope),
          );
          return { releaseFlowId: created.releaseFlowId, originalFlowId: command.flowId };
        },
      );
      return CreateReleaseFlowSuccess.of(outcome);
    } catch (error: unknown) {
      return CreateReleaseFlowResult.fail(error);
    }
  }

  @FieldResolver(() => Flow, {
    nullable: true,
    description:
      'The new release flow, read through DescribeFlowInfo (no read when only `id` is selected); null with an error at this path when that read fails.',
  })
  releaseFlow(
    @Root() success: CreateReleaseFlowSuccess,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<FlowRecord | EntityKey> {
    return entityOrKey(
      info,
      success.releaseFlowId,
      (id) => ctx.loaders.flow.load(id),
      () => flowNotReturned('release flow'),
    );
  }

  @FieldResolver(() => Flow, {
    nullable: true,
    description:
      'The flow being released, read through DescribeFlowInfo (no read when only `id` is selected); null with an error at this path when that read fails.',
  })
  originalFlow(
    @Root() success: CreateReleaseFlowSuccess,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<FlowRecord | EntityKey> {
    return entityOrKey(
      info,
      success.originalFlowId,
      (id) => ctx.loaders.flow.load(id),
      () => flowNotReturned('original flow'),
    );
  }
}
