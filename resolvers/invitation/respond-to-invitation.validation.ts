import {
  FinancialRelation,
  InvitationType,
  type HandleInvitationCommand,
  type InvitationDecision,
} from '../../datasources/volcengine-billing/model';
import { VendorError } from '../../src/errors/vendor-error';
import { characterCount } from '../shared/validation';

/** Longest RelationID/AuthID accepted; the vendor's look like `rel7242575109678977324` (22 characters). */
export const VOLC_ID_MAX_LENGTH = 128;

/** The largest UID the vendor's `MajorAccountID` (a signed 64-bit integer) can carry. */
const MAX_ACCOUNT_ID = 2n ** 63n - 1n;

/** The fields `toHandleInvitationCommand` reads (the GraphQL input satisfies it). */
export interface RespondToInvitationFields {
  readonly invitationType: InvitationType;
  readonly decision: InvitationDecision;
  readonly relationId: string;
  readonly majorAccountId?: string | null;
  readonly relation?: FinancialRelation | null;
  readonly authId?: string | null;
}

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

/** A Volcengine UID: decimal digits, no sign or leading zero, within the vendor's 64-bit integer. */
function requireAccountId(value: string, field: string): string {
  if (!/^[1-9]\d{0,18}$/.test(value) || BigInt(value) > MAX_ACCOUNT_ID) {
    throw VendorError.invalidInput(field, `${field} must be a Volcengine account UID: decimal digits, no leading zero.`);
  }
  return value;
}

function requireRelation(value: FinancialRelation): FinancialRelation.FINANCIAL_CUSTODY | FinancialRelation.FINANCIAL_MANAGEMENT {
  switch (value) {
    case FinancialRelation.FINANCIAL_CUSTODY:
    case FinancialRelation.FINANCIAL_MANAGEMENT:
      return value;
    case FinancialRelation.UNKNOWN:
      throw VendorError.invalidInput('input.relation', 'input.relation must be FINANCIAL_CUSTODY or FINANCIAL_MANAGEMENT.');
    default: {
      const unreachable: never = value;
      throw VendorError.invalidInput('input.relation', `input.relation ${String(unreachable)} is not known.`);
    }
  }
}

/**
 * Checks `respondToInvitation` input before any vendor call and builds the HandleInvitation command (also
 * the idempotency fingerprint, so fields the invitation type does not use never change it).
 * @throws VendorError `INVALID_INPUT` naming the offending `input.*` field.
 */
export function toHandleInvitationCommand(input: RespondToInvitationFields): HandleInvitationCommand {
  const relationId = requireVendorId(input.relationId, 'input.relationId');
  const type = input.invitationType;
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
    default: {
      const unreachable: never = type;
      throw VendorError.invalidInput('input.invitationType', `input.invitationType ${String(unreachable)} is not known.`);
    }
  }
}
