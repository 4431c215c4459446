import { INVITATION_ID_MAX_LENGTH } from '../../datasources/volcengine-billing/invitation-id';
import { VendorError } from '../../src/errors/vendor-error';
import { requireText } from '../shared/validation';

/**
 * An `Invitation.id` as a client or a gateway sends it (mutation input or `_entities` representation):
 * text, not blank, no longer than any id this service issues (`INVITATION_ID_MAX_LENGTH`). Whether it is
 * one this service issued is the caller's next question (`decodeInvitationId`). Checked before any vendor call.
 * @throws VendorError `INVALID_INPUT` naming `field`.
 */
export function requireInvitationIdText(id: unknown, field: string): string {
  if (typeof id !== 'string') throw VendorError.invalidInput(field, `${field} must be a string id.`);
  return requireText(id, field, { max: INVITATION_ID_MAX_LENGTH });
}
