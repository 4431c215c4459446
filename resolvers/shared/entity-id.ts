import { VendorError } from '../../src/errors/vendor-error';
import { requireText } from './validation';

/**
 * The longest entity id accepted. ESS FlowIds are 32 characters, VNPT document ids 36 (GUIDs); the bound
 * keeps absurd values out of vendor requests and URLs.
 */
export const ENTITY_ID_MAX_LENGTH = 128;

/**
 * An entity id as a client or a gateway sends it (query argument or `_entities` representation): text,
 * not blank, at most `ENTITY_ID_MAX_LENGTH` characters. Checked before any vendor call.
 * @throws VendorError `INVALID_INPUT` naming `field`.
 */
export function requireEntityId(id: unknown, field: string): string {
  if (typeof id !== 'string') throw VendorError.invalidInput(field, `${field} must be a string id.`);
  return requireText(id, field, { max: ENTITY_ID_MAX_LENGTH });
}
