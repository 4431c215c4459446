import { ErrorCode } from '../../src/errors/error-code';
import { Vendor } from '../../src/errors/vendor';
import { VendorError } from '../../src/errors/vendor-error';
import { classifyVendorCode } from '../../src/errors/vendor-code-table';
import type { RawVendorResponse } from '../http/vendor-call';
import { TENCENT_ESS_ERROR_TABLE } from './error-table';
import { isJsonObject } from '../../src/json/json-object';

/** The `Response` object of a successful API 3.0 answer (RequestId included). */
export type EssResponseBody = Readonly<Record<string, unknown>>;

function malformed(status: number, requestId?: string): VendorError {
  return new VendorError({
    code: ErrorCode.VENDOR_UNAVAILABLE,
    message: status >= 500 ? `The vendor failed (HTTP ${status}).` : 'The vendor sent an answer this service cannot read.',
    vendor: Vendor.TENCENT_ESS,
    vendorRequestId: requestId,
  });
}

/**
 * Unwraps `{"Response": {...}}`. API errors arrive with HTTP 200 as `Response.Error {Code, Message}` and
 * become a `VendorError` through the ESS table; any non-200 or unreadable body is a transport-level
 * failure (`VENDOR_UNAVAILABLE`, or `RATE_LIMITED` for 429). The raw body never goes into a message.
 */
export function parseEssEnvelope(response: RawVendorResponse): EssResponseBody {
  let parsed: unknown;
  try {
    parsed = JSON.parse(response.body);
  } catch {
    parsed = undefined;
  }
  const body = isJsonObject(parsed) && isJsonObject(parsed.Response) ? parsed.Response : undefined;
  const requestId = typeof body?.RequestId === 'string' ? body.RequestId : undefined;
  const error = body?.Error;
  if (isJsonObject(error) && typeof error.Code === 'string') {
    const rule = classifyVendorCode(TENCENT_ESS_ERROR_TABLE, error.Code);
    return throwVendor(
      new VendorError({
        code: rule.code,
        message: rule.message,
        vendor: Vendor.TENCENT_ESS,
        vendorCode: error.Code,
        vendorMessage: typeof error.Message === 'string' ? error.Message : undefined,
        vendorRequestId: requestId,
        retryAfterSeconds: rule.code === ErrorCode.RATE_LIMITED ? 1 : undefined,
      }),
    );
  }
  if (response.status === 429) {
    return throwVendor(
      new VendorError({
        code: ErrorCode.RATE_LIMITED,
        message: 'The vendor is rate limiting requests.',
        vendor: Vendor.TENCENT_ESS,
        vendorRequestId: requestId,
        retryAfterSeconds: 1,
      }),
    );
  }
  if (response.status !== 200 || !body) return throwVendor(malformed(response.status, requestId));
  return body;
}

function throwVendor(error: VendorError): never {
  throw error;
}
