import { hmacSha256, sha256Hex } from '../http/hashing';
import type { SigningKeyCache } from '../http/signing-key-cache';

/**
 * TC3-HMAC-SHA256, the request signature of Tencent Cloud API 3.0 (VENDORS.md "TC3-HMAC-SHA256 signing").
 * Pure: no clock, no I/O. Used by the ESS client to sign and by the ESS simulator to verify, so both sides
 * agree byte for byte on what was signed.
 */

const ALGORITHM = 'TC3-HMAC-SHA256';
const SIGNED_HEADERS = 'content-type;host';

/** Everything that goes into one signature. Values must be exactly what goes on the wire. */
export interface Tc3SigningInput {
  readonly secretId: string;
  readonly secretKey: string;
  /** Product name, the first label of the endpoint host (`ess`). */
  readonly service: string;
  /** Host header value exactly as sent (may include `:port`); trimmed and lowercased for signing. */
  readonly host: string;
  /** Content-Type value exactly as sent; trimmed and lowercased for signing. */
  readonly contentType: string;
  /** Exact body text; hashed as UTF-8. */
  readonly payload: string;
  /** Unix seconds, as sent in `X-TC-Timestamp`; the credential date is its UTC date. */
  readonly timestamp: number;
  /** Keeps the derived key between calls of one signer; without it every call derives it. */
  readonly signingKeys?: SigningKeyCache;
}

/** The signature and its intermediate strings (the latter for tests and debugging; never log them with secrets). */
export interface Tc3Signature {
  /** The whole `Authorization` header value. */
  readonly authorization: string;
  /** Lowercase hex. */
  readonly signature: string;
  readonly canonicalRequest: string;
  readonly stringToSign: string;
  /** `YYYY-MM-DD`, the UTC date of `timestamp`. */
  readonly date: string;
}

/** The parts of a TC3 `Authorization` header. */
export interface Tc3Authorization {
  secretId: string;
  /** `YYYY-MM-DD` as written in the credential scope. */
  date: string;
  service: string;
  /** Lowercase header names in the order given, e.g. `['content-type', 'host']`. */
  signedHeaders: string[];
  /** Lowercase hex, 64 characters. */
  signature: string;
}

/**
 * Signs a `POST /` request with an empty query string, signing `content-type;host`.
 * @throws RangeError when `timestamp` is not an integer in 0..253402300799 (a fractional or negative
 *   value would silently produce a signature the vendor rejects).
 */
export function signTc3(input: Tc3SigningInput): Tc3Signature {
  const date = utcDate(input.timestamp);
  const canonicalHeaders = `content-type:${canonicalValue(input.contentType)}\nhost:${canonicalValue(input.host)}\n`;
  const canonicalRequest = ['POST', '/', '', canonicalHeaders, SIGNED_HEADERS, sha256Hex(input.payload)].join('\n');
  const scope = `${date}/${input.service}/tc3_request`;
  const stringToSign = [ALGORITHM, String(input.timestamp), scope, sha256Hex(canonicalRequest)].join('\n');
  const deriveKey = (): Buffer => hmacSha256(hmacSha256(hmacSha256(`TC3${input.secretKey}`, date), input.service), 'tc3_request');
  const kSigning = input.signingKeys ? input.signingKeys.keyFor(input.secretKey, scope, deriveKey) : deriveKey();
  const signature = hmacSha256(kSigning, stringToSign).toString('hex');
  const authorization = `${ALGORITHM} Credential=${input.secretId}/${scope}, SignedHeaders=${SIGNED_HEADERS}, Signature=${signature}`;
  return { authorization, signature, canonicalRequest, stringToSign, date };
}

const AUTHORIZATION_PATTERN =
  /^TC3-HMAC-SHA256 Credential=([^/\s,]+)\/(\d{4}-\d{2}-\d{2})\/([^/\s,]+)\/tc3_request, ?SignedHeaders=([a-z0-9-]+(?:;[a-z0-9-]+)*), ?Signature=([0-9a-f]{64})$/;

/**
 * Parses an Authorization header value; undefined when malformed. Accepts the exact shape `signTc3`
 * produces (and the SDKs send); the space after each comma is optional.
 */
export function parseTc3Authorization(value: string): Tc3Authorization | undefined {
  const match = AUTHORIZATION_PATTERN.exec(value.trim());
  if (!match) return undefined;
  const [, secretId, date, service, signedHeaders, signature] = match;
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent: every group of the pattern is non-empty when it matches
  if (!secretId || !date || !service || !signedHeaders || !signature) return undefined;
  return { secretId, date, service, signedHeaders: signedHeaders.split(';'), signature };
}

function canonicalValue(value: string): string {
  return value.trim().toLowerCase();
}

/** 9999-12-31T23:59:59Z: beyond it the ISO date grows a sign and six digits. */
const MAX_TIMESTAMP = 253_402_300_799;

function utcDate(timestamp: number): string {
  if (!Number.isInteger(timestamp) || timestamp < 0 || timestamp > MAX_TIMESTAMP) {
    throw new RangeError(`TC3 timestamp must be an integer of Unix seconds up to year 9999, got ${String(timestamp)}`);
  }
  // toISOString is always UTC, whatever TZ the process runs in.
  return new Date(timestamp * 1000).toISOString().slice(0, 10);
}
