import { hmacSha256, sha256Hex } from '../http/hashing';
import type { SigningKeyCache } from '../http/signing-key-cache';

// The simulator and wire tests check `X-Content-Sha256` with the very hash the signer sends.
export { sha256Hex };

/**
 * Volcengine OpenAPI request signing (`HMAC-SHA256`, VENDORS.md "Volcengine Billing"). The datasource
 * signs with `signVolcRequest`; the sandbox simulator verifies with `computeVolcSignature` over the headers
 * it actually received, so both sides share one canonicalisation that tests cross-check against the
 * official `@volcengine/openapi` signer.
 */

const VOLC_ALGORITHM = 'HMAC-SHA256';
/** The last element of the credential scope (`{date}/{region}/{service}/request`). */
const SCOPE_TERMINATOR = 'request';

/** Lowercase names of the headers `signVolcRequest` can send and sign. */
export type VolcSignableHeaderName = 'content-type' | 'host' | 'x-content-sha256' | 'x-date' | 'x-security-token';

export interface VolcSigningInput {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly region: string;
  readonly service: string;
  readonly method: 'GET' | 'POST';
  /** The Host header exactly as sent, including a non-default `:port`. */
  readonly host: string;
  /** Canonical URI, normally `/`. */
  readonly path: string;
  /** Query parameters as sent (unencoded); they are encoded and sorted for signing. */
  readonly query: Readonly<Record<string, string>>;
  /** The exact body text that goes on the wire (`''` for none). */
  readonly body: string;
  readonly date: Date;
  /** Sent and signed when given; sign the exact value that goes on the wire. */
  readonly contentType?: string;
  /** STS session token: sent as `X-Security-Token` and signed. */
  readonly securityToken?: string;
  /**
   * Which of the produced headers to sign. Default: all of them (`host`, `x-date`, `x-content-sha256`,
   * plus `content-type` / `x-security-token` when given). `host` and `x-date` are always required by the
   * vendor; naming a header that is not produced is a programming error and throws.
   */
  readonly signedHeaderNames?: readonly VolcSignableHeaderName[];
  /** Keeps the derived key between calls of one signer; without it every call derives it. */
  readonly signingKeys?: SigningKeyCache;
}

/** Headers to add to the request; `Host` and `Content-Type` are the caller's to send. */
export interface VolcSignedHeaders {
  readonly 'X-Date': string;
  readonly 'X-Content-Sha256': string;
  readonly Authorization: string;
  readonly 'X-Security-Token'?: string;
}

export interface VolcSignature {
  readonly headers: VolcSignedHeaders;
  readonly canonicalRequest: string;
  readonly stringToSign: string;
  /** Lowercase hex. */
  readonly signature: string;
  /** Sorted lowercase names, as in `SignedHeaders=`. */
  readonly signedHeaders: string[];
}

/** What the signature is computed over; headers are looked up by lowercase name. */
export interface VolcSignatureParts {
  readonly secretAccessKey: string;
  readonly region: string;
  readonly service: string;
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** Lowercase name → value, as sent or received. Must hold every name in `signedHeaderNames`. */
  readonly headers: Readonly<Record<string, string>>;
  readonly signedHeaderNames: readonly string[];
  /** Lowercase hex SHA-256 of the exact body bytes. */
  readonly bodySha256: string;
  /** `YYYYMMDDTHHMMSSZ`; its first 8 characters are the scope date. */
  readonly xDate: string;
  /** Keeps the derived key between calls of one signer; without it every call derives it. */
  readonly signingKeys?: SigningKeyCache;
}

export interface ParsedVolcAuthorization {
  readonly accessKeyId: string;
  readonly shortDate: string;
  readonly region: string;
  readonly service: string;
  readonly signedHeaders: string[];
  readonly signature: string;
}

/** The milliseconds and zone `toISOString` ends with. */
// Stryker disable next-line Regex: equivalent: toISOString writes one `.sssZ`, at its end
const ISO_MILLISECONDS = /\.\d{3}Z$/;

/** `YYYYMMDDTHHMMSSZ` in UTC (the `X-Date` format); milliseconds are dropped, as the SDK does. */
export function formatVolcDate(date: Date): string {
  return date.toISOString().replace(ISO_MILLISECONDS, 'Z').replace(/[:-]/g, '');
}

/** Reads an `X-Date` value; `undefined` unless it is exactly `YYYYMMDDTHHMMSSZ` and a real instant. */
export function parseVolcDate(value: string): Date | undefined {
  // Stryker disable next-line Regex: equivalent for either anchor: the round trip through formatVolcDate below refuses anything around the date
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) return undefined;
  const date = new Date(`${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}Z`);
  return Number.isNaN(date.getTime()) || formatVolcDate(date) !== value ? undefined : date;
}

/**
 * RFC 3986 encoding: everything but `A-Z a-z 0-9 - _ . ~` is percent-encoded with upper-case hex
 * (`encodeURIComponent` leaves `!'()*` alone, so they are encoded here).
 */
function rfc3986Encode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The canonical query string: names and values RFC 3986-encoded, `k=v` joined by `&`, sorted by the
 * unencoded name in code-unit order. That order is what the official Node SDK (and Go's `url.Values`)
 * produce; it differs from sorting the encoded names only for names with reserved or non-ASCII characters.
 */
export function canonicalQueryString(query: Readonly<Record<string, string>>): string {
  return Object.keys(query)
    .sort()
    .map((name) => {
      // Stryker disable next-line StringLiteral: unreachable: every name comes from the object's own keys
      const value = query[name] ?? '';
      return `${rfc3986Encode(name)}=${rfc3986Encode(value)}`;
    })
    .join('&');
}

/** Header values are trimmed and inner runs of whitespace collapse to one space (as the SDK does). */
function canonicalHeaderValue(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** `kSigning`: intermediate keys stay raw bytes; there is no prefix on the secret (unlike Tencent's TC3). */
function signingKey(secretAccessKey: string, shortDate: string, region: string, service: string): Buffer {
  return hmacSha256(hmacSha256(hmacSha256(hmacSha256(secretAccessKey, shortDate), region), service), SCOPE_TERMINATOR);
}

/** `{YYYYMMDD}/{region}/{service}/request`. */
function credentialScope(shortDate: string, region: string, service: string): string {
  return `${shortDate}/${region}/${service}/${SCOPE_TERMINATOR}`;
}

/**
 * Computes the canonical request, string to sign and signature from explicit parts. Throws a
 * `RangeError` if a signed header is absent from `headers` (a bug on the signing side; the simulator
 * checks presence itself before calling this).
 */
export function computeVolcSignature(parts: VolcSignatureParts): Omit<VolcSignature, 'headers'> {
  const signedHeaders = [...new Set(parts.signedHeaderNames.map((name) => name.toLowerCase()))].sort();
  const canonicalHeaders = signedHeaders.map((name) => {
    // Own names only: a header called `constructor` must not find Object.prototype members.
    const value = Object.hasOwn(parts.headers, name) ? parts.headers[name] : undefined;
    if (value === undefined) throw new RangeError(`signed header ${name} has no value`);
    return `${name}:${canonicalHeaderValue(value)}\n`;
  });
  const canonicalRequest = [
    parts.method.toUpperCase(),
    parts.path,
    canonicalQueryString(parts.query),
    canonicalHeaders.join(''),
    signedHeaders.join(';'),
    parts.bodySha256,
  ].join('\n');
  const shortDate = parts.xDate.slice(0, 8);
  const stringToSign = [
    VOLC_ALGORITHM,
    parts.xDate,
    credentialScope(shortDate, parts.region, parts.service),
    sha256Hex(canonicalRequest),
  ].join('\n');
  const deriveKey = (): Buffer => signingKey(parts.secretAccessKey, shortDate, parts.region, parts.service);
  const key = parts.signingKeys
    ? parts.signingKeys.keyFor(parts.secretAccessKey, credentialScope(shortDate, parts.region, parts.service), deriveKey)
    : deriveKey();
  const signature = hmacSha256(key, stringToSign).toString('hex');
  return { canonicalRequest, stringToSign, signature, signedHeaders };
}

/**
 * Signs one request. Returns the headers to add (`X-Date`, `X-Content-Sha256`, `Authorization`, and
 * `X-Security-Token` for STS credentials) plus the intermediate strings, which tests and debug logs use.
 * The caller must send `Host` and `Content-Type` with exactly the values given here.
 */
export function signVolcRequest(input: VolcSigningInput): VolcSignature {
  const xDate = formatVolcDate(input.date);
  const bodySha256 = sha256Hex(input.body);
  const produced: Partial<Record<VolcSignableHeaderName, string>> = {
    host: input.host,
    'x-date': xDate,
    'x-content-sha256': bodySha256,
  };
  if (input.contentType !== undefined) produced['content-type'] = input.contentType;
  if (input.securityToken !== undefined) produced['x-security-token'] = input.securityToken;
  const names = input.signedHeaderNames ?? (Object.keys(produced) as VolcSignableHeaderName[]);
  for (const name of names) {
    if (produced[name] === undefined) throw new RangeError(`cannot sign ${name}: it is not sent`);
  }
  const { canonicalRequest, stringToSign, signature, signedHeaders } = computeVolcSignature({
    secretAccessKey: input.secretAccessKey,
    region: input.region,
    service: input.service,
    method: input.method,
    path: input.path,
    query: input.query,
    headers: produced,
    signedHeaderNames: names,
    bodySha256,
    xDate,
    signingKeys: input.signingKeys,
  });
  const authorization =
    `${VOLC_ALGORITHM} Credential=${input.accessKeyId}/${credentialScope(xDate.slice(0, 8), input.region, input.service)}, ` +
    `SignedHeaders=${signedHeaders.join(';')}, Signature=${signature}`;
  const headers: VolcSignedHeaders = {
    'X-Date': xDate,
    'X-Content-Sha256': bodySha256,
    Authorization: authorization,
    ...(input.securityToken !== undefined ? { 'X-Security-Token': input.securityToken } : {}),
  };
  return { headers, canonicalRequest, stringToSign, signature, signedHeaders };
}

const AUTHORIZATION_PATTERN =
  /^HMAC-SHA256 +Credential=([^/\s,]+)\/(\d{8})\/([^/\s,]+)\/([^/\s,]+)\/request, *SignedHeaders=([a-z0-9;_-]+), *Signature=([0-9a-f]{64})$/;

/**
 * Parses an `Authorization` value of the form `signVolcRequest` produces. `undefined` when it is not
 * one (wrong algorithm, missing part, signature not 64 lowercase hex digits).
 */
export function parseVolcAuthorization(value: string): ParsedVolcAuthorization | undefined {
  const match = AUTHORIZATION_PATTERN.exec(value.trim());
  if (!match) return undefined;
  const [, accessKeyId, shortDate, region, service, signedHeaders, signature] = match;
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent: every group of the pattern is non-empty when it matches
  if (!accessKeyId || !shortDate || !region || !service || !signedHeaders || !signature) return undefined;
  return { accessKeyId, shortDate, region, service, signedHeaders: signedHeaders.split(';').filter((name) => name.length > 0), signature };
}
