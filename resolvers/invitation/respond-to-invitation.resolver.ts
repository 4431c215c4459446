import { Arg, Ctx, Directive, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
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
import { requireScope } from '../../src/auth/require-scope';
import { Scope, requiresScopesDirective } from '../../src/auth/scopes';

/**
 * Idempotency scope of `respondToInvitation` for one caller. The subgraph acts as one configured Volcengine
 * account, so the caller's subject is what keeps one caller from replaying (or blocking) another's key.
 */
export function respondToInvitationIdempotencyScope(subject: string): string {
  return `respondToInvitation:${subject}`;
}

@Resolver(() => RespondToInvitationSuccess)
export class RespondToInvitationResolver {
  @Directive(requiresScopesDirective(Scope.INVITATIONS_WRITE))
  @Mutation(() => RespondToInvitationResult.union, {
    description: 'Accepts or rejects a Volcengine Billing finance invitation (relation or authorization) addressed to this account.',
  })
  async respondToInvitation(
    @Arg('input', () => RespondToInvitationInput) input: RespondToInvitationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RespondToInvitationSuccess | ErrorInterface> {
    requireScope(ctx.principal, Scope.INVITATIONS_WRITE);
    try {
      const command = toHandleInvitationCommand(input);
      const volc = requireVendor(ctx.services.volc, Vendor.VOLCENGINE_BILLING);
      const outcome = await ctx.services.idempotency.run(
        respondToInvitationIdempotencyScope(ctx.principal.subject),
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
      ctx.logger.warn(
        { err: error, invitationId: success.known.id },
        'could not re-read the invitation after responding; answering from the command',
      );
      return success.known;
    }
  }
}
