import { decodeInvitationId } from '../../datasources/volcengine-billing/invitation-id';
import {
  FinancialRelation,
  InvitationType,
  VOLC_ID_MAX_LENGTH,
  type HandleInvitationCommand,
  type InvitationDecision,
} from '../../datasources/volcengine-billing/model';
import { VendorError } from '../../src/errors/vendor-error';
import { characterCount } from '../shared/validation';
import { requireInvitationIdText } from './invitation-id.validation';

/** The largest UID the vendor's `MajorAccountID` (a signed 64-bit integer) can carry. */
const MAX_ACCOUNT_ID = 2n ** 63n - 1n;

const INVITATION_ID_FIELD = 'input.invitationId';

/** The fields `toRespondToInvitationRequest` reads (the GraphQL input satisfies it). */
export interface RespondToInvitationFields {
  readonly invitationId?: string | null;
  readonly invitationType?: InvitationType | null;
  readonly decision: InvitationDecision;
  readonly relationId?: string | null;
  readonly majorAccountId?: string | null;
  readonly relation?: FinancialRelation | null;
  readonly authId?: string | null;
}

/** The invitation's own fields, the alternative to `invitationId`. */
const FIELD_FORM_NAMES = ['invitationType', 'relationId', 'majorAccountId', 'relation', 'authId'] as const;

/** The key of an invitation this service can answer (an `UNKNOWN` type has no HandleInvitation). */
export type AnswerableInvitationKey =
  | { readonly type: InvitationType.RELATION; readonly relationId: string }
  | { readonly type: InvitationType.AUTHORIZATION; readonly relationId: string; readonly authId: string };

/**
 * A checked `respondToInvitation` request in one of its two forms:
 * - `invitationId`: the opaque `Invitation.id`; the rest of the command comes from the vendor's listing;
 * - `fields`: the invitation's own fields, already the whole HandleInvitation command.
 */
export type RespondToInvitationRequest =
  | {
      readonly form: 'invitationId';
      readonly invitationId: string;
      readonly key: AnswerableInvitationKey;
      readonly decision: InvitationDecision;
    }
  | { readonly form: 'fields'; readonly command: HandleInvitationCommand };

/** A vendor id as sent: non-empty, no surrounding whitespace (the vendor would not match it), bounded. */
function requireVendorId(value: string, field: string): string {
  if (value.trim().length === 0) throw VendorError.invalidInput(field, `${field} must not be empty.`);
  if (value.trim() !== value) throw VendorError.invalidInput(field, `${field} must not start or end with spaces.`);
  if (characterCount(value) > VOLC_ID_MAX_LENGTH)
    throw VendorError.invalidInput(field, `${field} must be at most ${VOLC_ID_MAX_LENGTH} characters.`);
  return value;
}

function requiredFor(type: string, field: string): VendorError {
  return VendorError.invalidInput(field, `${field} is required when invitationType is ${type}.`);
}

function requireRelation(value: FinancialRelation): FinancialRelation.FINANCIAL_CUSTODY | FinancialRelation.FINANCIAL_MANAGEMENT {
  switch (value) {
    case FinancialRelation.FINANCIAL_CUSTODY:
    case FinancialRelation.FINANCIAL_MANAGEMENT:
      return value;
    case FinancialRelation.UNKNOWN:
      throw VendorError.invalidInput('input.relation', 'input.relation must be FINANCIAL_CUSTODY or FINANCIAL_MANAGEMENT.');
    // Stryker disable all: unreachable: the switch covers every FinancialRelation, and GraphQL refuses any other value
    default: {
      const unreachable: never = value;
      throw VendorError.invalidInput('input.relation', `input.relation ${String(unreachable)} is not known.`);
    }
    // Stryker restore all
  }
}

/** Whether `value` is a Volcengine UID: decimal digits, no sign or leading zero, within the vendor's 64-bit integer. */
export function isAccountId(value: string): boolean {
  return /^[1-9]\d{0,18}$/.test(value) && BigInt(value) <= MAX_ACCOUNT_ID;
}

function requireAccountId(value: string, field: string): string {
  if (!isAccountId(value)) {
    throw VendorError.invalidInput(field, `${field} must be a Volcengine account UID: decimal digits, no leading zero.`);
  }
  return value;
}

/** The `fields` form: the invitation's own fields, as `Invitation` spells them. */
function commandFromFields(input: RespondToInvitationFields): HandleInvitationCommand {
  const type = input.invitationType;
  if (type === null || type === undefined) {
    throw VendorError.invalidInput('input.invitationType', 'input.invitationType is required unless input.invitationId is given.');
  }
  if (input.relationId === null || input.relationId === undefined) {
    throw VendorError.invalidInput('input.relationId', 'input.relationId is required unless input.invitationId is given.');
  }
  const relationId = requireVendorId(input.relationId, 'input.relationId');
  switch (type) {
    case InvitationType.RELATION: {
      if (input.majorAccountId === null || input.majorAccountId === undefined) throw requiredFor(type, 'input.majorAccountId');
      if (input.relation === null || input.relation === undefined) throw requiredFor(type, 'input.relation');
      return {
        type,
        decision: input.decision,
        relationId,
        majorAccountId: requireAccountId(input.majorAccountId, 'input.majorAccountId'),
        relation: requireRelation(input.relation),
      };
    }
    case InvitationType.AUTHORIZATION: {
      if (input.authId === null || input.authId === undefined) throw requiredFor(type, 'input.authId');
      return { type, decision: input.decision, relationId, authId: requireVendorId(input.authId, 'input.authId') };
    }
    case InvitationType.UNKNOWN:
      throw VendorError.invalidInput('input.invitationType', 'input.invitationType must be RELATION or AUTHORIZATION.');
    // Stryker disable all: unreachable: the switch covers every InvitationType, and GraphQL refuses any other value
    default: {
      const unreachable: never = type;
      throw VendorError.invalidInput('input.invitationType', `input.invitationType ${String(unreachable)} is not known.`);
    }
    // Stryker restore all
  }
}

/** The `invitationId` form: an id this service issued, for a type HandleInvitation can answer. */
function keyFromInvitationId(value: string): AnswerableInvitationKey {
  const id = requireInvitationIdText(value, INVITATION_ID_FIELD);
  const key = decodeInvitationId(id);
  if (key === undefined) {
    throw VendorError.invalidInput(INVITATION_ID_FIELD, `${INVITATION_ID_FIELD} is not an Invitation.id this service issued.`);
  }
  const relationId = requireVendorId(key.relationId, INVITATION_ID_FIELD);
  switch (key.type) {
    case InvitationType.RELATION:
      return { type: key.type, relationId };
    case InvitationType.AUTHORIZATION:
      // An AUTHORIZATION key always carries its AuthID (`decodeInvitationId` refuses one without).
      // Stryker disable next-line StringLiteral: unreachable for the same reason
      return { type: key.type, relationId, authId: requireVendorId(key.authId ?? '', INVITATION_ID_FIELD) };
    case InvitationType.UNKNOWN:
      throw VendorError.invalidInput(
        INVITATION_ID_FIELD,
        `${INVITATION_ID_FIELD} names an invitation of a type this service cannot answer (only RELATION and AUTHORIZATION).`,
      );
    // Stryker disable all: unreachable: the switch covers every InvitationType `decodeInvitationId` returns
    default: {
      const unreachable: never = key.type;
      throw VendorError.invalidInput(INVITATION_ID_FIELD, `${INVITATION_ID_FIELD} has an unknown type ${String(unreachable)}.`);
    }
    // Stryker restore all
  }
}

/**
 * Checks `respondToInvitation` input before any vendor call. Exactly one form is accepted: `invitationId`,
 * or the invitation's fields (`invitationType`, `relationId`, and `majorAccountId` + `relation` for
 * RELATION or `authId` for AUTHORIZATION; a field the type does not use is ignored).
 * @throws VendorError `INVALID_INPUT` naming the offending `input.*` field: `input.invitationId` when
 * both forms or neither are given, or when the id is not one this service issued.
 */
export function toRespondToInvitationRequest(input: RespondToInvitationFields): RespondToInvitationRequest {
  const fieldsGiven = FIELD_FORM_NAMES.filter((name) => input[name] !== null && input[name] !== undefined);
  const invitationId = input.invitationId;
  if (invitationId === null || invitationId === undefined) {
    if (fieldsGiven.length === 0) {
      throw VendorError.invalidInput(
        INVITATION_ID_FIELD,
        `Give ${INVITATION_ID_FIELD}, or the invitation's fields (invitationType, relationId and what the type needs).`,
      );
    }
    return { form: 'fields', command: commandFromFields(input) };
  }
  if (fieldsGiven.length > 0) {
    throw VendorError.invalidInput(
      INVITATION_ID_FIELD,
      `Give either ${INVITATION_ID_FIELD} or the invitation's fields, not both (also given: ${fieldsGiven.map((name) => `input.${name}`).join(', ')}).`,
    );
  }
  return { form: 'invitationId', invitationId, key: keyFromInvitationId(invitationId), decision: input.decision };
}

/**
 * What an idempotency key is bound to: the command for the `fields` form (so fields the type does not
 * use never change it), the id and the decision for the `invitationId` form. A replay therefore needs
 * no vendor read, even after the answered invitation has left the vendor's list.
 */
export function idempotencyFingerprint(request: RespondToInvitationRequest): unknown {
  return request.form === 'fields' ? request.command : { invitationId: request.invitationId, decision: request.decision };
}
