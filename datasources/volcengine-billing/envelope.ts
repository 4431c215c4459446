import { Vendor } from '../../src/errors/vendor';
import type { VendorError } from '../../src/errors/vendor-error';
import { isJsonObject, type JsonObject } from '../../src/json/json-object';
import { httpStatusError, unreadableAnswerError } from '../http/http-status-error';
import { readString, readText } from '../http/json-readers';
import type { RawVendorResponse } from '../http/vendor-call';
import { vendorCodeError } from '../http/vendor-code-error';
import { VOLC_BILLING_ERROR_TABLE, VOLC_BILLING_HTTP_STATUS_TABLE } from './error-table';
import { parseKeepingIntegers } from './json-integers';

/**
 * Volcengine OpenAPI envelope (VENDORS.md): `{"ResponseMetadata": {RequestId, Action, ..., Error?},
 * "Result": {...}}`. The seed documents show `Result` nested inside `ResponseMetadata`, so both
 * placements are read. Any `ResponseMetadata.Error.Code` is a failure whatever the HTTP status.
 */

/** A successful answer: the `Result` object and the vendor's RequestId. */
export interface VolcEnvelope {
  readonly result: JsonObject;
  readonly requestId: string | undefined;
}

const VENDOR = Vendor.VOLCENGINE_BILLING;

function parseBody(bytes: Buffer, integerFieldsAsText: readonly string[]): unknown {
  try {
    // Decoded here, in the parse's own call, for the reason `RawVendorResponse.body` gives.
    return parseKeepingIntegers(bytes.toString('utf8'), integerFieldsAsText);
  } catch {
    return undefined;
  }
}

/** `Result.BaseResp.StatusCode` other than 0 (number or numeric text) is a business failure. */
function baseRespError(result: JsonObject, requestId: string | undefined): VendorError | undefined {
  const baseResp = result.BaseResp;
  if (!isJsonObject(baseResp)) return undefined;
  const statusCode = baseResp.StatusCode;
  const failed =
    (typeof statusCode === 'number' && statusCode !== 0) ||
    (typeof statusCode === 'string' && statusCode.trim() !== '' && statusCode.trim() !== '0');
  if (!failed) return undefined;
  return vendorCodeError(VOLC_BILLING_ERROR_TABLE, VENDOR, {
    vendorCode: String(statusCode),
    vendorMessage: readString(baseResp.StatusMessage),
    vendorRequestId: requestId,
  });
}

/**
 * Reads one answer. Integer values of `integerFieldsAsText` keys (account UIDs) come back as decimal text
 * (see `json-integers.ts`). Returns the `Result` (top level, else inside `ResponseMetadata`) and the
 * RequestId, or throws a `VendorError`:
 * - `ResponseMetadata.Error.Code` present → classified by `VOLC_BILLING_ERROR_TABLE`, whatever the status;
 * - no vendor code and a non-2xx status → classified by `VOLC_BILLING_HTTP_STATUS_TABLE`;
 * - 2xx that is not JSON or lacks `ResponseMetadata` or `Result` → `VENDOR_UNAVAILABLE`;
 * - `Result.BaseResp.StatusCode` ≠ 0 → classified by its code (`VENDOR_ERROR`), `StatusMessage` as
 *   `vendorMessage`.
 * A `RATE_LIMITED` error waits as `Retry-After` says (default 1 s). Never throws anything but
 * `VendorError`, and never copies the raw body into a message.
 */
export function readVolcEnvelope(response: RawVendorResponse, integerFieldsAsText: readonly string[] = []): VolcEnvelope {
  const parsed = parseBody(response.body, integerFieldsAsText);
  const metadata = isJsonObject(parsed) && isJsonObject(parsed.ResponseMetadata) ? parsed.ResponseMetadata : undefined;
  const requestId = readText(metadata?.RequestId);
  const error = metadata?.Error;
  const vendorCode = isJsonObject(error) ? readText(error.Code) : undefined;
  if (isJsonObject(error) && vendorCode !== undefined) {
    throw vendorCodeError(VOLC_BILLING_ERROR_TABLE, VENDOR, {
      vendorCode,
      vendorMessage: readString(error.Message),
      vendorRequestId: requestId,
      headers: response.headers,
    });
  }
  if (response.status < 200 || response.status > 299) {
    throw httpStatusError(VOLC_BILLING_HTTP_STATUS_TABLE, VENDOR, {
      status: response.status,
      headers: response.headers,
      vendorRequestId: requestId,
    });
  }
  const unreadable = (): VendorError => unreadableAnswerError(VOLC_BILLING_HTTP_STATUS_TABLE, VENDOR, { vendorRequestId: requestId });
  if (!isJsonObject(parsed) || !metadata) throw unreadable();
  const result = isJsonObject(parsed.Result) ? parsed.Result : isJsonObject(metadata.Result) ? metadata.Result : undefined;
  if (!result) throw unreadable();
  const businessError = baseRespError(result, requestId);
  if (businessError) throw businessError;
  return { result, requestId };
}
