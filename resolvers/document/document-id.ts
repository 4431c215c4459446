import { requireText } from '../shared/validation';

/** VNPT ids are GUIDs (36 characters); the bound only keeps absurd values out of the request URL. */
const DOCUMENT_ID_MAX_LENGTH = 128;

/**
 * A VNPT document id as input: not blank, at most 128 characters. Runs before any vendor call.
 * @throws VendorError `INVALID_INPUT` naming `field`.
 */
export function requireDocumentId(id: string, field: string): string {
  return requireText(id, field, { max: DOCUMENT_ID_MAX_LENGTH });
}
