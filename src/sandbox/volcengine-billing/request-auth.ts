import { timingSafeEqual } from 'node:crypto';
import { computeVolcSignature, parseVolcAuthorization, parseVolcDate, sha256Hex } from '../../../datasources/volcengine-billing/sign';
import type { RecordedRequest } from '../loopback-server';
import type { VolcErrorInstance } from './vendor-errors';

/**
 * Verifies a request's signature the way the vendor's gateway does: the signature is recomputed over the
 * headers the request *itself* lists in `SignedHeaders` (with the values received), the received query
 * and path, and the exact body bytes, so a tampered byte anywhere signed is caught.
 */

/** How far `X-Date` may be from the simulator's clock. */
const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

export interface VerificationContext {
  /** AccessKeyId → SecretAccessKey. */
  readonly secrets: ReadonlyMap<string, string>;
  readonly region: string;
  readonly service: string;
  readonly now: Date;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
}

export type VerificationResult =
  { readonly ok: true; readonly accessKeyId: string } | { readonly ok: false; readonly error: VolcErrorInstance };

function fail(code: string, ...args: string[]): VerificationResult {
  return { ok: false, error: { code, args } };
}

/** A received header by lowercase name; own keys only, since `SignedHeaders` names come from the client. */
function header(request: RecordedRequest, name: string): string | undefined {
  if (!Object.hasOwn(request.headers, name)) return undefined;
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function sameHex(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Checks authentication in the vendor's order; the first failure wins. */
export function verifyVolcRequest(request: RecordedRequest, context: VerificationContext): VerificationResult {
  const authorization = header(request, 'authorization')?.trim();
  if (!authorization) return fail('MissingAuthenticationToken');
  if (!authorization.includes('Signature=')) return fail('MissingSignature');
  const parsed = parseVolcAuthorization(authorization);
  if (!parsed) return fail('InvalidAuthorization');
  const secret = context.secrets.get(parsed.accessKeyId);
  if (secret === undefined) return fail('InvalidAccessKey', parsed.accessKeyId);

  const xDate = header(request, 'x-date');
  if (!xDate) return fail('MissingRequestInfo', 'X-Date');
  const signedAt = parseVolcDate(xDate);
  if (!signedAt || Math.abs(signedAt.getTime() - context.now.getTime()) > MAX_CLOCK_SKEW_MS) return fail('InvalidTimestamp', xDate);

  // A credential scope for another day, region or service cannot produce our signature.
  if (parsed.shortDate !== xDate.slice(0, 8) || parsed.region !== context.region || parsed.service !== context.service) {
    return fail('SignatureDoesNotMatch');
  }
  if (!parsed.signedHeaders.includes('host') || !parsed.signedHeaders.includes('x-date')) return fail('SignatureDoesNotMatch');
  const signedValues: Record<string, string> = {};
  for (const name of parsed.signedHeaders) {
    const value = header(request, name);
    if (value === undefined) return fail('SignatureDoesNotMatch');
    signedValues[name] = value;
  }
  const bodySha256 = sha256Hex(request.body);
  const declaredSha256 = header(request, 'x-content-sha256');
  if (declaredSha256 !== undefined && declaredSha256.trim().toLowerCase() !== bodySha256) return fail('SignatureDoesNotMatch');

  const expected = computeVolcSignature({
    secretAccessKey: secret,
    region: context.region,
    service: context.service,
    method: request.method,
    path: context.path,
    query: context.query,
    headers: signedValues,
    signedHeaderNames: parsed.signedHeaders,
    bodySha256,
    xDate,
  });
  return sameHex(expected.signature, parsed.signature) ? { ok: true, accessKeyId: parsed.accessKeyId } : fail('SignatureDoesNotMatch');
}
