import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { InvitationRecord } from '../../datasources/volcengine-billing/model';
import { Vendor } from '../../src/errors/vendor';
import { requireVendor } from '../../src/errors/vendor-not-configured';
import type { RequestContext } from '../../src/graphql/context';
import type { ErrorInterface } from '../shared/errors/error.interface';
import { Invitation } from './invitation.type';
import { RespondToInvitationInput } from './respond-to-invitation.input';
import {
  invitationFromCommand,
  RespondToInvitationResult,
  RespondToInvitationSuccess,
  type RespondToInvitationOutcome,
} from './respond-to-invitation.result';
import { toHandleInvitationCommand } from './respond-to-invitation.validation';

/**
 * Idempotency scope of `respondToInvitation`. The subgraph acts as one configured Volcengine account and
 * callers carry no Volcengine identity, so one scope covers every caller.
 */
export const RESPOND_TO_INVITATION_IDEMPOTENCY_SCOPE = 'respondToInvitation';

@Resolver(() => RespondToInvitationSuccess)
export class RespondToInvitationResolver {
  @Mutation(() => RespondToInvitationResult.union, {
    description: 'Accepts or rejects a Volcengine Billing finance invitation (relation or authorization) addressed to this account.',
  })
  async respondToInvitation(
    @Arg('input', () => RespondToInvitationInput) input: RespondToInvitationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RespondToInvitationSuccess | ErrorInterface> {
    try {
      const command = toHandleInvitationCommand(input);
      const volc = requireVendor(ctx.services.volc, Vendor.VOLCENGINE_BILLING);
      const outcome = await ctx.services.idempotency.run(
        RESPOND_TO_INVITATION_IDEMPOTENCY_SCOPE,
        input.idempotencyKey,
        command,
        async (): Promise<RespondToInvitationOutcome> => {
          const handled = await volc.handleInvitation(command, { idempotent: Boolean(input.idempotencyKey) });
          return { accepted: handled.accepted, invitation: invitationFromCommand(command) };
        },
      );
      // The decision changed the invitation: a copy listed earlier in this request is stale.
      ctx.loaders.invitation.clear(outcome.invitation.id);
      return RespondToInvitationSuccess.of(outcome);
    } catch (error: unknown) {
      return RespondToInvitationResult.fail(error);
    }
  }

  /**
   * The vendor's current record when it still lists the invitation, else what the command knows. A failed
   * list read falls back too (and is logged): it must not hide a decision the vendor already applied.
   */
  @FieldResolver(() => Invitation)
  async invitation(@Root() success: RespondToInvitationSuccess, @Ctx() ctx: RequestContext): Promise<InvitationRecord> {
    try {
      return (await ctx.loaders.invitation.load(success.known.id)) ?? success.known;
    } catch (error: unknown) {
      ctx.logger.warn({ err: error, invitationId: success.known.id }, 'could not re-read the invitation after responding; answering from the command');
      return success.known;
    }
  }
}
