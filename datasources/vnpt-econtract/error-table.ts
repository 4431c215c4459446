import { ErrorCode } from '../../src/errors/error-code';
import { rule, vendorCodeTable, type VendorCodeRule, type VendorCodeTable } from '../../src/errors/vendor-code-table';
import { withStatusOverrides, type HttpStatusTable } from '../http/http-status-error';

/**
 * VNPT's deviations from the shared HTTP status table (`datasources/http/http-status-error.ts`).
 * VENDORS.md documents 200, 401 and 502 for VNPT: 401 ("the token is wrong or expired": the client logs
 * in again once, then fails with VENDOR_AUTH_FAILED) and 502 (timeout: the vendor gave no answer,
 * VENDOR_UNAVAILABLE, retryable) mean what the shared table says, so they need no row here.
 */
export const VNPT_HTTP_STATUS_TABLE: HttpStatusTable = withStatusOverrides({
  statuses: {
    // VENDORS.md (VNPT, Auth): VNPT says "wrong or expired token" with 401, so a 403 is not about our
    // credentials but about what this account may do ("Only the document's creator may cancel"). As
    // VENDOR_AUTH_FAILED it would also make the client log in again for nothing.
    403: rule(ErrorCode.PERMISSION_DENIED, "This service's vendor account may not perform this operation."),
    // Not a status VENDORS.md lists for VNPT, but its document API can only mean one thing by 409 Conflict:
    // the document's state refuses the operation (VENDORS.md, Documents: only Ready, Processing or
    // Completed documents can be canceled), a FAILED_PRECONDITION rather than an unknown vendor error.
    409: rule(ErrorCode.FAILED_PRECONDITION, "The resource's current state does not allow this operation."),
  },
});

/** The `VNPT_ERROR_TABLE` rows of HTTP answers: `HTTP_<status>` per status row, the 5xx class, unreadable bodies. */
function httpRows(table: HttpStatusTable): Record<string, VendorCodeRule> {
  const rows: Record<string, VendorCodeRule> = {};
  for (const [status, statusRule] of Object.entries(table.statuses)) rows[`HTTP_${status}`] = statusRule;
  rows.HTTP_5XX = table.serverError;
  rows.MALFORMED_BODY = table.unreadable;
  return rows;
}

/**
 * How VNPT eContract failures map into the shared error model.
 *
 * VNPT reports failures three ways: an HTTP status (401, 502 are documented; gateways add others), an
 * envelope code (documented: 100 OTP required, 401 not authenticated), and — for business refusals —
 * `success: false` with a generic code and only human-readable `messages`. The keys below name each case:
 * `HTTP_<status>` (plus `HTTP_5XX` for the whole 5xx class) and `MALFORMED_BODY`, which mirror
 * `VNPT_HTTP_STATUS_TABLE` (the envelope classifies statuses with it) so that this table lists every
 * failure a VNPT call can end in; `ENVELOPE_<code>`; and message-classified refusals
 * (`DOCUMENT_NOT_FOUND`...). Unknown keys fall back to `VENDOR_ERROR`.
 */
export const VNPT_ERROR_TABLE: VendorCodeTable = vendorCodeTable({
  ...httpRows(VNPT_HTTP_STATUS_TABLE),
  ENVELOPE_100: rule(ErrorCode.FAILED_PRECONDITION, 'The vendor requires an OTP confirmation for this operation'),
  // Also the answer after one re-login: the client retries a rejected token once before it surfaces this.
  ENVELOPE_401: rule(ErrorCode.VENDOR_AUTH_FAILED, "The vendor rejected this service's credentials."),
  CREDENTIALS_REJECTED: rule(ErrorCode.VENDOR_AUTH_FAILED, "The vendor rejected this service's login credentials."),
  DOCUMENT_NOT_CREATOR: rule(ErrorCode.PERMISSION_DENIED, "Only the document's creator may cancel it."),
  DOCUMENT_NOT_FOUND: rule(ErrorCode.NOT_FOUND, 'The document was not found.'),
  DOCUMENT_NOT_CANCELABLE: rule(
    ErrorCode.FAILED_PRECONDITION,
    "The document's status does not allow canceling it (only Ready, Processing or Completed documents can be canceled).",
  ),
  // VNPT codes have no dotted hierarchy, so there is nothing to match by prefix.
});

/** A business refusal recognised by its wording, because VNPT gives such refusals no specific code. */
interface VnptMessageRule {
  /** A key of `VNPT_ERROR_TABLE.exact`. */
  readonly key: string;
  readonly pattern: RegExp;
}

/**
 * Message patterns, tried in order against the envelope's joined `messages`; the first match wins.
 * English as the vendor answers the integration API, with the Vietnamese wording its web app uses.
 * The sandbox simulator answers with wording these patterns match; a test holds the two together.
 */
const VNPT_MESSAGE_RULES: readonly VnptMessageRule[] = Object.freeze([
  Object.freeze({
    key: 'CREDENTIALS_REJECTED',
    pattern:
      /(user ?name|password).{0,40}(incorrect|invalid|wrong|not correct)|(incorrect|invalid|wrong) (user ?name|password|credentials)|(sai|không đúng).{0,30}(mật khẩu|tên đăng nhập)|(mật khẩu|tên đăng nhập).{0,30}(sai|không đúng)/iu,
  }),
  Object.freeze({
    key: 'DOCUMENT_NOT_CREATOR',
    // VENDORS.md words the rule "Only the document's creator may cancel"; the seed "chỉ bị hủy bởi người tạo".
    pattern: /not the creator|only the (?:document'?s )?creator|người tạo/iu,
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
