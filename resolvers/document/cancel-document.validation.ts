import type { CancelDocumentCommand } from '../../datasources/vnpt-econtract/client';
import { requireText } from '../shared/validation';
import { requireEntityId } from '../shared/entity-id';

/**
 * Longest cancel reason accepted. VNPT documents no limit (the seed marks only `id` as required and its
 * sample reason has 50 characters); 500 is a generous free-text bound that keeps an oversized value from
 * ever reaching the vendor, where an undocumented column limit would fail it less clearly.
 */
export const CANCEL_REASON_MAX_LENGTH = 500;

/**
 * Checks `cancelDocument` input before any vendor call; the command is also the idempotency fingerprint.
 * @throws VendorError `INVALID_INPUT` naming `input.documentId` or `input.reason`.
 */
export function toCancelDocumentCommand(input: { readonly documentId: string; readonly reason: string }): CancelDocumentCommand {
  return {
    id: requireEntityId(input.documentId, 'input.documentId'),
    reason: requireText(input.reason, 'input.reason', { max: CANCEL_REASON_MAX_LENGTH }),
  };
}
