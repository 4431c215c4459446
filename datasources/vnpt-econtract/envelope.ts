import { Vendor } from '../../src/errors/vendor';
import { isJsonObject } from '../../src/json/json-object';
import { firstHeaderValue } from '../http/headers';
import { httpStatusError, unreadableAnswerError } from '../http/http-status-error';
import { parseJsonBytes, readNumber } from '../http/json-readers';
import type { RawVendorResponse } from '../http/vendor-call';
import { VNPT_ERROR_TABLE, VNPT_HTTP_STATUS_TABLE, vnptMessageKey } from './error-table';
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

/** Long vendor texts are cut so an error object stays small. */
const MAX_VENDOR_MESSAGE_LENGTH = 1000;

/**
 * Reads one VNPT answer.
 *
 * @returns the envelope's `data` (possibly `null`) when the HTTP status is 2xx and `success` is true.
 * @throws VendorError for everything else: a non-2xx status by `VNPT_HTTP_STATUS_TABLE`, with
 *   `vendorCode = HTTP_<status>` (the envelope's messages, if any, become `vendorMessage`); `success: false`
 *   by `VNPT_ERROR_TABLE`: its envelope code (`ENVELOPE_<code>`), then its messages, else `VENDOR_ERROR`
 *   with `vendorCode = String(code)`; a body that is not an envelope as `VENDOR_UNAVAILABLE`. The raw
 *   body never appears in the error.
 */
export function parseVnptEnvelope(response: RawVendorResponse): unknown {
  const envelope = readEnvelope(response.body);
  const statusIs2xx = response.status >= 200 && response.status <= 299;
  if (statusIs2xx && envelope?.success === true) return envelope.data;
  // Only a failure reports the request id: on an answer without one, four names are looked up in vain.
  const vendorRequestId = firstHeaderValue(response.headers, REQUEST_ID_HEADERS);
  const vendorCode = `HTTP_${response.status}`;

  if (!statusIs2xx) {
    const vendorMessage = envelope ? joinMessages(envelope.messages) : undefined;
    throw httpStatusError(VNPT_HTTP_STATUS_TABLE, Vendor.VNPT_ECONTRACT, {
      status: response.status,
      headers: response.headers,
      vendorCode,
      vendorMessage,
      vendorRequestId,
    });
  }
  if (!envelope) throw unreadableAnswerError(VNPT_HTTP_STATUS_TABLE, Vendor.VNPT_ECONTRACT, { vendorCode, vendorRequestId });

  // Stryker disable next-line ConditionalExpression: equivalent: `ENVELOPE_undefined` is no row either, so the same unknown-code rule applies
  const codeKey = envelope.code === undefined ? undefined : `ENVELOPE_${envelope.code}`;
  const key =
    // Stryker disable next-line ConditionalExpression: equivalent: the table has no row named `undefined` either
    (codeKey !== undefined && Object.hasOwn(VNPT_ERROR_TABLE.exact, codeKey) ? codeKey : undefined) ??
    vnptMessageKey(envelope.messages.join('\n')) ??
    codeKey ??
    // Stryker disable next-line StringLiteral: equivalent: any key without a row gets the unknown-code rule
    'ENVELOPE';
  throw vnptError(key, {
    vendorCode: envelope.code === undefined ? undefined : String(envelope.code),
    vendorMessage: joinMessages(envelope.messages),
    vendorRequestId,
  });
}

function readEnvelope(body: Buffer): VnptEnvelope | undefined {
  const json = parseJsonBytes(body);
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
