import { ErrorCode } from '../../src/errors/error-code';
import type { VendorCodeRule, VendorCodeTable } from '../../src/errors/vendor-code-table';

/**
 * How VNPT eContract failures map into the shared error model.
 *
 * VNPT reports failures three ways: an HTTP status (401, 502 are documented; gateways add others), an
 * envelope code (documented: 100 OTP required, 401 not authenticated), and — for business refusals —
 * `success: false` with a generic code and only human-readable `messages`. The keys below name each case:
 * `HTTP_<status>` (plus `HTTP_5XX` for the whole 5xx class), `ENVELOPE_<code>`, `MALFORMED_BODY`, and
 * message-classified refusals (`DOCUMENT_NOT_FOUND`...). Unknown keys fall back to `VENDOR_ERROR`.
 */
export const VNPT_ERROR_TABLE: VendorCodeTable = Object.freeze({
  exact: Object.freeze({
    HTTP_400: rule(ErrorCode.INVALID_INPUT, 'The vendor rejected the request as invalid.'),
    // Also the answer after one re-login: the client retries a 401 once before it surfaces this.
    HTTP_401: rule(ErrorCode.VENDOR_AUTH_FAILED, "The vendor rejected this service's credentials."),
    HTTP_403: rule(ErrorCode.PERMISSION_DENIED, "This service's vendor account may not perform this operation."),
    HTTP_404: rule(ErrorCode.NOT_FOUND, 'The requested resource was not found at the vendor.'),
    HTTP_409: rule(ErrorCode.FAILED_PRECONDITION, "The resource's current state does not allow this operation."),
    HTTP_429: rule(ErrorCode.RATE_LIMITED, 'The vendor is limiting the request rate; try again later.'),
    HTTP_5XX: rule(ErrorCode.VENDOR_UNAVAILABLE, 'The vendor is unavailable; try again later.'),
    MALFORMED_BODY: rule(ErrorCode.VENDOR_UNAVAILABLE, 'The vendor returned a response this service could not read.'),
    ENVELOPE_100: rule(ErrorCode.FAILED_PRECONDITION, 'The vendor requires an OTP confirmation for this operation'),
    ENVELOPE_401: rule(ErrorCode.VENDOR_AUTH_FAILED, "The vendor rejected this service's credentials."),
    CREDENTIALS_REJECTED: rule(ErrorCode.VENDOR_AUTH_FAILED, "The vendor rejected this service's login credentials."),
    DOCUMENT_NOT_CREATOR: rule(ErrorCode.PERMISSION_DENIED, "Only the document's creator may cancel it."),
    DOCUMENT_NOT_FOUND: rule(ErrorCode.NOT_FOUND, 'The document was not found.'),
    DOCUMENT_NOT_CANCELABLE: rule(
      ErrorCode.FAILED_PRECONDITION,
      "The document's status does not allow canceling it (only Ready, Processing or Completed documents can be canceled).",
    ),
  }),
  // VNPT codes have no dotted hierarchy, so there is nothing to match by prefix.
  prefixes: Object.freeze({}),
});

/** A business refusal recognised by its wording, because VNPT gives such refusals no specific code. */
export interface VnptMessageRule {
  /** A key of `VNPT_ERROR_TABLE.exact`. */
  readonly key: string;
  readonly pattern: RegExp;
}

/**
 * Message patterns, tried in order against the envelope's joined `messages`; the first match wins.
 * English as the vendor answers the integration API, with the Vietnamese wording its web app uses.
 * The sandbox simulator answers with wording these patterns match; a test holds the two together.
 */
export const VNPT_MESSAGE_RULES: readonly VnptMessageRule[] = Object.freeze([
  Object.freeze({
    key: 'CREDENTIALS_REJECTED',
    pattern:
      /(user ?name|password).{0,40}(incorrect|invalid|wrong|not correct)|(incorrect|invalid|wrong) (user ?name|password|credentials)|(sai|không đúng).{0,30}(mật khẩu|tên đăng nhập)|(mật khẩu|tên đăng nhập).{0,30}(sai|không đúng)/iu,
  }),
  Object.freeze({
    key: 'DOCUMENT_NOT_CREATOR',
    pattern: /not the creator|only the creator|người tạo/iu,
  }),
  Object.freeze({
    key: 'DOCUMENT_NOT_FOUND',
    pattern: /not found|does not exist|không tồn tại|không tìm thấy/iu,
  }),
  Object.freeze({
    key: 'DOCUMENT_NOT_CANCELABLE',
    pattern:
      /already (been )?cancell?ed|can ?not be cancell?ed|not allowed to cancel|does not allow cancell?ation|không (thể|được phép) hủy|đã (bị )?hủy/iu,
  }),
]);

/** The table key a message names, if any rule recognises it. */
export function vnptMessageKey(messages: string): string | undefined {
  return VNPT_MESSAGE_RULES.find((candidate) => candidate.pattern.test(messages))?.key;
}

/** The table key for an HTTP status: its own row when it has one, the 5xx class row, else `HTTP_<status>`. */
export function vnptHttpStatusKey(status: number): string {
  const own = `HTTP_${status}`;
  if (VNPT_ERROR_TABLE.exact[own]) return own;
  return status >= 500 && status <= 599 ? 'HTTP_5XX' : own;
}

function rule(code: ErrorCode, message: string): VendorCodeRule {
  return Object.freeze({ code, message });
}
