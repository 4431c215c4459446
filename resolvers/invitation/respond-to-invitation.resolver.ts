import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Directive, FieldResolver, Info, Mutation, Resolver, Root } from 'type-graphql';
import type { InvitationRecord } from '../../datasources/volcengine-billing/model';
import { requireScope } from '../../src/auth/require-scope';
import { Scope, requiresScopesDirective } from '../../src/auth/scopes';
import { ErrorCode } from '../../src/errors/error-code';
import { Vendor } from '../../src/errors/vendor';
import { VendorError } from '../../src/errors/vendor-error';
import { requireVendor } from '../../src/errors/vendor-not-configured';
import type { RequestContext } from '../../src/graphql/context';
import { entityOrKey, type EntityKey } from '../shared/entity-reference';
import { droppingAfter } from '../shared/drop-after-write';
import type { ErrorInterface } from '../shared/errors/error.interface';
import { Invitation } from './invitation.type';
import { commandFor, outcomeOf, type RespondToInvitationOutcome } from './respond-to-invitation.command';
import { RespondToInvitationInput } from './respond-to-invitation.input';
import { RespondToInvitationResult, RespondToInvitationSuccess } from './respond-to-invitation.result';
import { idempotencyFingerprint, toRespondToInvitationRequest } from './respond-to-invitation.validation';
import { VENDOR_CALL_COST } from '../shared/demand-control';

/**
 * Idempotency scope of `respondToInvitation` for one caller. The subgraph acts as one configured Volcengine
 * account, so the caller's subject is what keeps one caller from replaying (or blocking) another's key.
 */
export function respondToInvitationIdempotencyScope(subject: string): readonly [mutation: string, subject: string] {
  return ['respondToInvitation', subject];
}

/**
 * `invitation` after the decision when the vendor no longer lists it. An answered invitation may
 * legitimately leave the vendor's list, so this is `NOT_FOUND` (not retryable), not an invented record:
 * the decision itself stands in `invitationId`, `decision` and `accepted`.
 */
function notListedAfterDecision(): VendorError {
  return new VendorError({
    code: ErrorCode.NOT_FOUND,
    message:
      'Volcengine Billing no longer lists this invitation after the decision (an answered invitation may leave its list). The decision was applied.',
    vendor: Vendor.VOLCENGINE_BILLING,
  });
}

@Resolver(() => RespondToInvitationSuccess)
export class RespondToInvitationResolver {
  @Directive(requiresScopesDirective(Scope.INVITATIONS_WRITE))
  @Directive(VENDOR_CALL_COST)
  @Mutation(() => RespondToInvitationResult.union, {
    description: 'Accepts or rejects a Volcengine Billing finance invitation (relation or authorization) addressed to this account.',
  })
  async respondToInvitation(
    @Arg('input', () => RespondToInvitationInput) input: RespondToInvitationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RespondToInvitationSuccess | ErrorInterface> {
    requireScope(ctx.principal, Scope.INVITATIONS_WRITE);
    try {
      const request = toRespondToInvitationRequest(input);
      // The id form reads the invitation: refused up front, so a missing scope is never stored under the key.
      if (request.form === 'invitationId') requireScope(ctx.principal, Scope.INVITATIONS_READ);
      const volc = requireVendor(ctx.services.volc, Vendor.VOLCENGINE_BILLING);
      const outcome = await ctx.services.idempotency.run(
        respondToInvitationIdempotencyScope(ctx.principal.subject),
        input.idempotencyKey,
        idempotencyFingerprint(request),
        async (): Promise<RespondToInvitationOutcome> => {
          const command = await commandFor(request, ctx.loaders.invitation);
          const outcome = outcomeOf(command);
          await droppingAfter(ctx.services.entityCache, 'Invitation', [outcome.invitationId], () =>
            volc.handleInvitation(command, { idempotent: Boolean(input.idempotencyKey) }, ctx.scope),
          );
          return outcome;
        },
      );
      // The decision changed the invitation: a copy listed earlier in this request is stale.
      ctx.loaders.invitation.clear(outcome.invitationId);
      return RespondToInvitationSuccess.of(outcome);
    } catch (error: unknown) {
      return RespondToInvitationResult.fail(error);
    }
  }

  @FieldResolver(() => Invitation, {
    nullable: true,
    description:
      'The invitation as Volcengine lists it after the decision, read lazily (one ListInvitation per request; selecting only `id` / `__typename` reads nothing). ' +
      'Null with an error at this path when the read fails, or NOT_FOUND when the vendor no longer lists the invitation: an answered invitation may leave its list. ' +
      'Either way the decision was applied; `invitationId`, `decision` and `accepted` say so.',
  })
  invitation(
    @Root() success: RespondToInvitationSuccess,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InvitationRecord | EntityKey> {
    return entityOrKey(info, success.invitationId, (id) => ctx.loaders.invitation.load(id), notListedAfterDecision);
  }
}
