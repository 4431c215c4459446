import { isJsonObject } from '../../src/json/json-object';
import { parseJsonBytes, readInteger, readString } from '../http/json-readers';

/**
 * The body VNPT eContract posts to its webhook (DESIGN.md "Events"):
 * `{DocumentId, DocumentNo, DocumentStatus {Value, Description}, Reason, DatetimeNow}`.
 * Only `DocumentId` and `DocumentStatus.Value` are required: the status is re-read from the vendor before
 * anyone sees it, so the rest is informational.
 */
export interface VnptWebhookPayload {
  readonly documentId: string;
  /** The status the webhook claims; never trusted on its own (verify by refetch). */
  readonly claimedStatusValue: number;
  /**
   * `DatetimeNow` as sent, without surrounding whitespace (part of the event id, so a redelivery keeps its
   * id); absent when not sent or blank.
   */
  readonly datetimeNow?: string;
}

/** Longest `DocumentId` accepted; VNPT's are GUIDs (36 characters). Anything far longer is not one of theirs. */
export const VNPT_WEBHOOK_DOCUMENT_ID_MAX_LENGTH = 128;

/**
 * Reads a webhook body; `undefined` when it is not JSON, not an object, or lacks a usable `DocumentId`
 * (non-empty, no surrounding whitespace, at most `VNPT_WEBHOOK_DOCUMENT_ID_MAX_LENGTH` characters) or an
 * integer `DocumentStatus.Value`. Never throws.
 */
export function parseVnptWebhookPayload(rawBody: Buffer): VnptWebhookPayload | undefined {
  const body = parseJsonBytes(rawBody);
  if (!isJsonObject(body)) return undefined;
  const documentId = readString(body.DocumentId);
  if (
    documentId === undefined ||
    documentId === '' ||
    documentId.trim() !== documentId ||
    documentId.length > VNPT_WEBHOOK_DOCUMENT_ID_MAX_LENGTH
  ) {
    return undefined;
  }
  const status = body.DocumentStatus;
  const claimedStatusValue = isJsonObject(status) ? readInteger(status.Value) : undefined;
  if (claimedStatusValue === undefined) return undefined;
  const datetimeNow = readString(body.DatetimeNow)?.trim();
  return datetimeNow ? { documentId, claimedStatusValue, datetimeNow } : { documentId, claimedStatusValue };
}
