import { ErrorCode } from '../../src/errors/error-code';
import { VendorError } from '../../src/errors/vendor-error';
import { readString } from '../http/json-readers';
import type { RawVendorResponse, VendorCall } from '../http/vendor-call';
import { mapVnptDocument, type DocumentMapperOptions } from './document-mapper';
import { parseVnptEnvelope } from './envelope';
import type { DocumentRecord } from './model';
import { vnptError } from './vnpt-error';

/** What every VNPT call needs to know besides its own arguments; the document calls map answers with it. */
export interface VnptCallSettings extends DocumentMapperOptions {
  /** Path prefix of the configured endpoint (`''` for a bare origin), without a trailing slash. */
  readonly basePath: string;
}

export interface VnptCredentials {
  readonly username: string;
  readonly password: string;
  /** VNPT documents an integer; configuration hands it over as text. */
  readonly companyId: string;
}

// VNPT documents `Content-Type: application/json; charset=utf-8` for every call, bodiless GETs included.
const JSON_HEADERS = Object.freeze({ 'Content-Type': 'application/json; charset=utf-8', Accept: 'application/json' });

/**
 * `POST /api/auth/password-login`. Side-effect free, hence kind `read` (the HTTP layer may retry it).
 * Any refusal that is not an outage or a rate limit means our credentials do not work: `VENDOR_AUTH_FAILED`.
 */
export function passwordLoginCall(settings: VnptCallSettings, credentials: VnptCredentials): VendorCall<string> {
  const companyId = /^\d+$/.test(credentials.companyId) ? Number(credentials.companyId) : credentials.companyId;
  return {
    operation: 'password-login',
    kind: 'read',
    build: () => ({
      method: 'POST',
      path: `${settings.basePath}/api/auth/password-login`,
      headers: JSON_HEADERS,
      body: JSON.stringify({ username: credentials.username, password: credentials.password, companyId }),
    }),
    parse: (response) => {
      const token = readString(parseLoginEnvelope(response))?.trim();
      if (!token) throw vnptError('MALFORMED_BODY', { vendorMessage: 'The login answer carries no token' });
      return token;
    },
  };
}

/** `GET /api/documents/{id}`; resolves `null` when the vendor does not know the id. */
export function getDocumentCall(settings: VnptCallSettings, token: string, id: string): VendorCall<DocumentRecord | null> {
  return {
    operation: 'get-document',
    kind: 'read',
    build: () => ({
      method: 'GET',
      path: `${settings.basePath}/api/documents/${encodeURIComponent(id)}`,
      headers: { ...JSON_HEADERS, Authorization: `Bearer ${token}` },
    }),
    parse: (response) => {
      let data: unknown;
      try {
        data = parseVnptEnvelope(response);
      } catch (error: unknown) {
        if (VendorError.is(error) && error.code === ErrorCode.NOT_FOUND) return null;
        throw error;
      }
      return data === null || data === undefined ? null : mapVnptDocument(data, settings);
    },
  };
}

/**
 * `POST /api/documents/cancel` with exactly `{"id", "reason"}`. Resolves `null` when the vendor confirmed
 * the cancel without returning the document (the caller reads it back).
 */
/**
 * What an applied cancel answered: always the document's id; the document itself when the answer held a
 * readable one (VNPT's cancel answers with the canceled document, so no read-back is needed).
 */
export interface CanceledDocument {
  readonly documentId: string;
  readonly document: DocumentRecord | undefined;
}

export function cancelDocumentCall(
  settings: VnptCallSettings,
  token: string,
  command: { readonly id: string; readonly reason: string },
  idempotent: boolean,
): VendorCall<CanceledDocument> {
  return {
    operation: 'cancel-document',
    kind: 'write',
    idempotent,
    build: () => ({
      method: 'POST',
      path: `${settings.basePath}/api/documents/cancel`,
      headers: { ...JSON_HEADERS, Authorization: `Bearer ${token}` },
      body: JSON.stringify({ id: command.id, reason: command.reason }),
    }),
    parse: (response) => {
      // A refusal throws here; past this line the vendor applied the cancel, whatever the body holds.
      const data = parseVnptEnvelope(response);
      try {
        const document = mapVnptDocument(data, settings);
        return { documentId: document.id, document };
      } catch (error: unknown) {
        if (!VendorError.is(error)) throw error;
        // An empty or unreadable document must not turn an applied cancel into a failure.
        return { documentId: command.id, document: undefined };
      }
    },
  };
}

/** Codes that say "try later" rather than "these credentials are refused"; a login keeps them as they are. */
const TRANSIENT_CODES: ReadonlySet<ErrorCode> = new Set([
  ErrorCode.VENDOR_UNAVAILABLE,
  ErrorCode.RATE_LIMITED,
  ErrorCode.DEADLINE_EXCEEDED,
]);

function parseLoginEnvelope(response: RawVendorResponse): unknown {
  try {
    return parseVnptEnvelope(response);
  } catch (error: unknown) {
    if (!VendorError.is(error) || TRANSIENT_CODES.has(error.code) || error.code === ErrorCode.VENDOR_AUTH_FAILED) throw error;
    throw vnptError('CREDENTIALS_REJECTED', {
      vendorCode: error.vendorCode,
      vendorMessage: error.vendorMessage,
      vendorRequestId: error.vendorRequestId,
      cause: error,
    });
  }
}
