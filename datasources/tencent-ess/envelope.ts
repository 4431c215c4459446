import { Vendor } from '../../src/errors/vendor';
import { isJsonObject, type JsonObject } from '../../src/json/json-object';
import { httpStatusError, unreadableAnswerError } from '../http/http-status-error';
import { parseJsonBytes, readString } from '../http/json-readers';
import type { RawVendorResponse } from '../http/vendor-call';
import { vendorCodeError } from '../http/vendor-code-error';
import { TENCENT_ESS_ERROR_TABLE, TENCENT_ESS_HTTP_STATUS_TABLE } from './error-table';

/** The `Response` object of a successful API 3.0 answer (RequestId included). */
export type EssResponseBody = Readonly<JsonObject>;

/**
 * Unwraps `{"Response": {...}}`. API errors arrive as `Response.Error {Code, Message}` (with HTTP 200)
 * and become a `VendorError` through `TENCENT_ESS_ERROR_TABLE`; any other non-200 is classified by
 * `TENCENT_ESS_HTTP_STATUS_TABLE` (a transport failure, or `RATE_LIMITED` for 429), and a 200 whose body
 * is not the envelope is `VENDOR_UNAVAILABLE`, as is a 200 whose `Error` has no `Code` string: the vendor
 * says the call failed but not why, and taking the rest for an answer would read a failed
 * `DescribeFlowInfo` as "no such flow" (another status with such an `Error` is classified by its
 * status). A rate-limited error waits as `Retry-After` says (default 1 s). The raw body never goes into
 * a message.
 */
export function parseEssEnvelope(response: RawVendorResponse): EssResponseBody {
  const parsed = parseJsonBytes(response.body);
  const body = isJsonObject(parsed) && isJsonObject(parsed.Response) ? parsed.Response : undefined;
  const vendorRequestId = readString(body?.RequestId);
  const error = body !== undefined && isJsonObject(body.Error) ? body.Error : undefined;
  if (error !== undefined) {
    const vendorCode = readString(error.Code);
    if (vendorCode !== undefined) {
      throw vendorCodeError(TENCENT_ESS_ERROR_TABLE, Vendor.TENCENT_ESS, {
        vendorCode,
        vendorMessage: readString(error.Message),
        vendorRequestId,
        headers: response.headers,
      });
    }
  }
  if (response.status !== 200) {
    throw httpStatusError(TENCENT_ESS_HTTP_STATUS_TABLE, Vendor.TENCENT_ESS, {
      status: response.status,
      headers: response.headers,
      vendorRequestId,
    });
  }
  // Stryker disable next-line ObjectLiteral: equivalent: without a Response object there is no RequestId to keep
  if (!body) throw unreadableAnswerError(TENCENT_ESS_HTTP_STATUS_TABLE, Vendor.TENCENT_ESS, { vendorRequestId });
  // A 200 whose Error names no code: the vendor says the call failed, but not why.
  if (error !== undefined) throw unreadableAnswerError(TENCENT_ESS_HTTP_STATUS_TABLE, Vendor.TENCENT_ESS, { vendorRequestId });
  return body;
}
