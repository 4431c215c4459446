import { ErrorCode } from '../../src/errors/error-code';
import { Vendor } from '../../src/errors/vendor';
import { VendorError } from '../../src/errors/vendor-error';
import { classifyVendorCode } from '../../src/errors/vendor-code-table';
import type { RawVendorResponse } from '../http/vendor-call';
import { VOLC_BILLING_ERROR_TABLE } from './error-table';
import { isJsonObject } from '../../src/json/json-object';

/**
 * Volcengine OpenAPI envelope (VENDORS.md): `{"ResponseMetadata": {RequestId, Action, ..., Error?},
 * "Result": {...}}`. The seed documents show `Result` nested inside `ResponseMetadata`, so both
 * placements are read. Any `ResponseMetadata.Error.Code` is a failure whatever the HTTP status.
 */

/** A successful answer: the `Result` object and the vendor's RequestId. */
export interface VolcEnvelope {
  readonly result: Record<string, unknown>;
  readonly requestId: string | undefined;
}

/** When rate limited without a usable `Retry-After`, callers wait this long. */
const DEFAULT_RETRY_AFTER_SECONDS = 1;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function headerValue(headers: RawVendorResponse['headers'], name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted) continue;
    return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

/** `Retry-After` as delta-seconds or an HTTP date, at least 1 s; the default when absent or unreadable. */
function retryAfterSeconds(headers: RawVendorResponse['headers']): number {
  const value = headerValue(headers, 'retry-after')?.trim();
  if (!value) return DEFAULT_RETRY_AFTER_SECONDS;
  if (/^\d+$/.test(value)) return Math.max(1, Number(value));
  const at = Date.parse(value);
  if (Number.isNaN(at)) return DEFAULT_RETRY_AFTER_SECONDS;
  return Math.max(1, Math.ceil((at - Date.now()) / 1000));
}

/** The error for a non-2xx answer that carried no vendor error code. */
function statusError(status: number, action: string, requestId: string | undefined, headers: RawVendorResponse['headers']): VendorError {
  const base = { vendor: Vendor.VOLCENGINE_BILLING, vendorRequestId: requestId };
  if (status === 429) {
    return new VendorError({
      ...base,
      code: ErrorCode.RATE_LIMITED,
      message: 'Too many requests to Volcengine Billing. Try again shortly.',
      retryAfterSeconds: retryAfterSeconds(headers),
    });
  }
  if (status === 400) {
    return new VendorError({
      ...base,
      code: ErrorCode.INVALID_INPUT,
      message: `Volcengine Billing rejected the ${action} request as invalid.`,
    });
  }
  if (status === 404) {
    return new VendorError({ ...base, code: ErrorCode.NOT_FOUND, message: `Volcengine Billing did not find what ${action} asked for.` });
  }
  if (status === 401 || status === 403) {
    return new VendorError({
      ...base,
      code: ErrorCode.VENDOR_AUTH_FAILED,
      message: 'This service could not authenticate to Volcengine Billing; its credentials or request signing need attention.',
    });
  }
  if (status >= 400 && status < 500) {
    return new VendorError({
      ...base,
      code: ErrorCode.VENDOR_ERROR,
      message: `Volcengine Billing refused the ${action} request (HTTP ${status}).`,
    });
  }
  return new VendorError({
    ...base,
    code: ErrorCode.VENDOR_UNAVAILABLE,
    message: `Volcengine Billing failed to answer ${action} (HTTP ${status}). Try again later.`,
  });
}

/** A 2xx answer we cannot read. The raw body is deliberately left out: it may hold anything. */
function malformed(action: string, requestId: string | undefined): VendorError {
  return new VendorError({
    code: ErrorCode.VENDOR_UNAVAILABLE,
    message: `Volcengine Billing sent an unreadable answer to ${action}.`,
    vendor: Vendor.VOLCENGINE_BILLING,
    vendorRequestId: requestId,
  });
}

function vendorCodeError(
  vendorCode: string,
  vendorMessage: unknown,
  requestId: string | undefined,
  headers: RawVendorResponse['headers'],
): VendorError {
  const rule = classifyVendorCode(VOLC_BILLING_ERROR_TABLE, vendorCode);
  return new VendorError({
    code: rule.code,
    message: rule.message,
    vendor: Vendor.VOLCENGINE_BILLING,
    vendorCode,
    vendorMessage: typeof vendorMessage === 'string' ? vendorMessage : undefined,
    vendorRequestId: requestId,
    retryAfterSeconds: rule.code === ErrorCode.RATE_LIMITED ? retryAfterSeconds(headers) : undefined,
  });
}

/** `Result.BaseResp.StatusCode` other than 0 (number or numeric text) is a business failure. */
function baseRespError(result: Record<string, unknown>, requestId: string | undefined): VendorError | undefined {
  const baseResp = result.BaseResp;
  if (!isJsonObject(baseResp)) return undefined;
  const statusCode = baseResp.StatusCode;
  const failed =
    (typeof statusCode === 'number' && statusCode !== 0) ||
    (typeof statusCode === 'string' && statusCode.trim() !== '' && statusCode.trim() !== '0');
  if (!failed) return undefined;
  return new VendorError({
    code: ErrorCode.VENDOR_ERROR,
    message: 'Volcengine Billing reported a failure this service does not know.',
    vendor: Vendor.VOLCENGINE_BILLING,
    vendorCode: String(statusCode),
    vendorMessage: typeof baseResp.StatusMessage === 'string' ? baseResp.StatusMessage : undefined,
    vendorRequestId: requestId,
  });
}

/**
 * Reads one answer to `action`. Returns the `Result` (top level, else inside `ResponseMetadata`) and
 * the RequestId, or throws a `VendorError`:
 * - `ResponseMetadata.Error.Code` present → classified by `VOLC_BILLING_ERROR_TABLE`, whatever the status;
 *   `RATE_LIMITED` carries `retryAfterSeconds` (from `Retry-After`, default 1);
 * - no vendor code and HTTP 400 / 404 / 401,403 / 429 → `INVALID_INPUT` / `NOT_FOUND` /
 *   `VENDOR_AUTH_FAILED` / `RATE_LIMITED`; other 4xx → `VENDOR_ERROR`; 5xx → `VENDOR_UNAVAILABLE`;
 * - 2xx that is not JSON or lacks `ResponseMetadata` or `Result` → `VENDOR_UNAVAILABLE`;
 * - `Result.BaseResp.StatusCode` ≠ 0 → `VENDOR_ERROR` with `StatusMessage` as `vendorMessage`.
 * Never throws anything but `VendorError`, and never copies the raw body into a message.
 */
export function readVolcEnvelope(response: RawVendorResponse, action: string): VolcEnvelope {
  const parsed = parseJson(response.body);
  const metadata = isJsonObject(parsed) && isJsonObject(parsed.ResponseMetadata) ? parsed.ResponseMetadata : undefined;
  const requestId = typeof metadata?.RequestId === 'string' && metadata.RequestId.length > 0 ? metadata.RequestId : undefined;
  const error = metadata?.Error;
  if (isJsonObject(error) && typeof error.Code === 'string' && error.Code.length > 0) {
    throw vendorCodeError(error.Code, error.Message, requestId, response.headers);
  }
  if (response.status < 200 || response.status > 299) throw statusError(response.status, action, requestId, response.headers);
  if (!isJsonObject(parsed) || !metadata) throw malformed(action, requestId);
  const result = isJsonObject(parsed.Result) ? parsed.Result : isJsonObject(metadata.Result) ? metadata.Result : undefined;
  if (!result) throw malformed(action, requestId);
  const businessError = baseRespError(result, requestId);
  if (businessError) throw businessError;
  return { result, requestId };
}

/** `readVolcEnvelope(response, action).result`: the `Result` object of a successful answer. */
export function parseVolcEnvelope(response: RawVendorResponse, action: string): Record<string, unknown> {
  return readVolcEnvelope(response, action).result;
}
