import type { RawVendorResponse } from '../http/vendor-call';
import { VNPT_ERROR_TABLE, vnptHttpStatusKey, vnptMessageKey } from './error-table';
import { isJsonObject, readNumber, readString } from './json-readers';
import { vnptError } from './vnpt-error';

/** VNPT's response envelope: `{ data, success, code, messages }`. */
interface VnptEnvelope {
  readonly data: unknown;
  readonly success: boolean;
  readonly code: number | undefined;
  readonly messages: readonly string[];
}

/** Headers a gateway in front of VNPT may use to correlate a request; the first present one is kept. */
const REQUEST_ID_HEADERS: readonly string[] = Object.freeze(['x-request-id', 'x-correlation-id', 'request-id', 'x-trace-id']);

/** Rate-limited answers without a usable Retry-After still tell the caller to wait this long. */
const DEFAULT_RETRY_AFTER_SECONDS = 1;

/** Long vendor texts are cut so an error object stays small. */
const MAX_VENDOR_MESSAGE_LENGTH = 1000;

/**
 * Reads one VNPT answer.
 *
 * @returns the envelope's `data` (possibly `null`) when the HTTP status is 2xx and `success` is true.
 * @throws VendorError for everything else, classified with `VNPT_ERROR_TABLE`: a non-2xx status by its
 *   status (the envelope's messages, if any, become `vendorMessage`); `success: false` by its envelope code
 *   (`ENVELOPE_<code>`), then by its messages, else `VENDOR_ERROR` with `vendorCode = String(code)`; a body
 *   that is not an envelope as `VENDOR_UNAVAILABLE`. The raw body never appears in the error.
 */
export function parseVnptEnvelope(response: RawVendorResponse): unknown {
  const vendorRequestId = headerValue(response.headers, REQUEST_ID_HEADERS);
  const envelope = readEnvelope(response.body);
  const vendorMessage = envelope ? joinMessages(envelope.messages) : undefined;

  if (response.status < 200 || response.status > 299) {
    const retryAfterSeconds = response.status === 429 ? readRetryAfterSeconds(headerValue(response.headers, ['retry-after'])) : undefined;
    throw vnptError(vnptHttpStatusKey(response.status), {
      vendorCode: `HTTP_${response.status}`,
      vendorMessage,
      vendorRequestId,
      retryAfterSeconds,
    });
  }
  if (!envelope) throw vnptError('MALFORMED_BODY', { vendorCode: `HTTP_${response.status}`, vendorRequestId });
  if (envelope.success) return envelope.data;

  const codeKey = envelope.code === undefined ? undefined : `ENVELOPE_${envelope.code}`;
  const key =
    (codeKey !== undefined && VNPT_ERROR_TABLE.exact[codeKey] ? codeKey : undefined) ??
    vnptMessageKey(envelope.messages.join('\n')) ??
    codeKey ??
    'ENVELOPE';
  throw vnptError(key, {
    vendorCode: envelope.code === undefined ? undefined : String(envelope.code),
    vendorMessage,
    vendorRequestId,
  });
}

function readEnvelope(body: string): VnptEnvelope | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (!isJsonObject(json) || typeof json.success !== 'boolean') return undefined;
  const rawMessages = json.messages;
  const messages = Array.isArray(rawMessages)
    ? rawMessages.filter((message): message is string => typeof message === 'string')
    : typeof rawMessages === 'string'
      ? [rawMessages]
      : [];
  return { data: json.data, success: json.success, code: readNumber(json.code), messages };
}

function joinMessages(messages: readonly string[]): string | undefined {
  const joined = messages
    .map((message) => message.trim())
    .filter((message) => message !== '')
    .join('; ');
  if (joined === '') return undefined;
  return joined.length > MAX_VENDOR_MESSAGE_LENGTH ? `${joined.slice(0, MAX_VENDOR_MESSAGE_LENGTH)}…` : joined;
}

/** Case-insensitive, because not every transport lowercases header names the way node does. */
function headerValue(headers: RawVendorResponse['headers'], names: readonly string[]): string | undefined {
  for (const name of names) {
    for (const [key, value] of Object.entries(headers)) {
      if (key.toLowerCase() !== name) continue;
      const first = Array.isArray(value) ? value[0] : value;
      const text = readString(first)?.trim();
      if (text) return text;
    }
  }
  return undefined;
}

/** Retry-After as delta-seconds or an HTTP date; anything unusable means the default. */
function readRetryAfterSeconds(value: string | undefined): number {
  if (value === undefined) return DEFAULT_RETRY_AFTER_SECONDS;
  if (/^\d+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  if (Number.isNaN(at)) return DEFAULT_RETRY_AFTER_SECONDS;
  return Math.max(0, Math.ceil((at - Date.now()) / 1000));
}
