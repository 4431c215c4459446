import { encodeInvitationId } from '../../datasources/volcengine-billing/invitation-id';
import {
  FinancialRelation,
  InvitationType,
  type HandleInvitationCommand,
  type InvitationDecision,
  type InvitationRecord,
} from '../../datasources/volcengine-billing/model';
import { ErrorCode } from '../../src/errors/error-code';
import { Vendor } from '../../src/errors/vendor';
import { VendorError } from '../../src/errors/vendor-error';
import type { InvitationLoader } from './invitation.loader';
import { isAccountId, type AnswerableInvitationKey, type RespondToInvitationRequest } from './respond-to-invitation.validation';

/**
 * The HandleInvitation command of a checked request. The `fields` form already is one; the
 * `invitationId` form takes what the id does not encode (the inviting account and the relation kind of a
 * RELATION invitation) from the vendor's listing, read through the request's loader (one ListInvitation),
 * so the vendor receives byte for byte the body the `fields` form would have sent.
 *
 * @throws VendorError `NOT_FOUND` (blaming `input.invitationId`) when the vendor does not list the
 * invitation; the loader's error when ListInvitation fails.
 */
export async function commandFor(request: RespondToInvitationRequest, invitations: InvitationLoader): Promise<HandleInvitationCommand> {
  if (request.form === 'fields') return request.command;
  const listed = await invitations.load(request.invitationId);
  if (listed === null) {
    throw new VendorError({
      code: ErrorCode.NOT_FOUND,
      message: 'Volcengine Billing does not list an invitation with this input.invitationId; there is nothing to answer.',
      vendor: Vendor.VOLCENGINE_BILLING,
      field: 'input.invitationId',
    });
  }
  return commandFromListing(request.key, request.decision, listed);
}

function unusableListing(): VendorError {
  return new VendorError({
    code: ErrorCode.VENDOR_UNAVAILABLE,
    message:
      'Volcengine Billing lists this invitation without a usable inviting account or relation kind; answer it with invitationType, relationId, majorAccountId and relation.',
    vendor: Vendor.VOLCENGINE_BILLING,
  });
}

function commandFromListing(key: AnswerableInvitationKey, decision: InvitationDecision, listed: InvitationRecord): HandleInvitationCommand {
  if (key.type === InvitationType.AUTHORIZATION) {
    // Everything an authorization's HandleInvitation needs is in its id.
    return { type: key.type, decision, relationId: key.relationId, authId: key.authId };
  }
  const { majorAccountId, relation } = listed;
  // Stryker disable next-line ConditionalExpression: equivalent: isAccountId refuses undefined too; the check narrows the type
  if (majorAccountId === undefined || !isAccountId(majorAccountId)) throw unusableListing();
  if (relation !== FinancialRelation.FINANCIAL_CUSTODY && relation !== FinancialRelation.FINANCIAL_MANAGEMENT) throw unusableListing();
  return { type: key.type, decision, relationId: key.relationId, majorAccountId, relation };
}

/** What a `respondToInvitation` run reports; JSON-safe, since it is stored for idempotent replays. */
export interface RespondToInvitationOutcome {
  /** The `Invitation.id` of the invitation the command answered. */
  readonly invitationId: string;
  readonly decision: InvitationDecision;
}

/** The outcome of a command the vendor applied: its own invitation key and decision. */
export function outcomeOf(command: HandleInvitationCommand): RespondToInvitationOutcome {
  const invitationId =
    // Stryker disable next-line ConditionalExpression: equivalent: a RELATION command has no authId, so both branches encode the same key
    command.type === InvitationType.AUTHORIZATION
      ? encodeInvitationId({ type: command.type, relationId: command.relationId, authId: command.authId })
      : encodeInvitationId({ type: command.type, relationId: command.relationId });
  return { invitationId, decision: command.decision };
}
