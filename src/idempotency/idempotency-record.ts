import type { ErrorCode } from '../errors/error-code';
import type { Vendor } from '../errors/vendor';
import { VendorError } from '../errors/vendor-error';

/** The fields of a stored failure; enough to replay it as the same typed error. */
interface StoredError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly vendor?: Vendor;
  readonly vendorCode?: string;
  readonly vendorMessage?: string;
  readonly vendorRequestId?: string;
  readonly retryable: boolean;
  readonly retryAfterSeconds?: number;
  readonly field?: string;
}

/**
 * What the store holds under one idempotency key: a claim while the first request runs, then its
 * outcome. `fingerprint` is the hash of the input the key was first used with.
 */
export type IdempotencyRecord =
  | { readonly state: 'running'; readonly fingerprint: string }
  | { readonly state: 'done'; readonly fingerprint: string; readonly ok: true; readonly value: unknown }
  | { readonly state: 'done'; readonly fingerprint: string; readonly ok: false; readonly error: StoredError };

export function serializeRecord(record: IdempotencyRecord): string {
  return JSON.stringify(record);
}

/** The record in `raw`, or undefined when it is not one (written by something else, or truncated). */
export function parseRecord(raw: string): IdempotencyRecord | undefined {
  let parsed: unknown;
  // Stryker disable BlockStatement: equivalent: emptying either block leaves `parsed` undefined, which the next check refuses
  try {
    parsed = JSON.parse(raw);
  } catch {
    return undefined;
  }
  // Stryker restore BlockStatement
  if (typeof parsed !== 'object' || parsed === null || !('fingerprint' in parsed) || typeof parsed.fingerprint !== 'string') {
    return undefined;
  }
  if ('state' in parsed && parsed.state === 'running') return parsed as IdempotencyRecord;
  if (!('state' in parsed) || parsed.state !== 'done' || !('ok' in parsed)) return undefined;
  if (parsed.ok === true) return parsed as IdempotencyRecord;
  const stored = 'error' in parsed ? parsed.error : undefined;
  if (parsed.ok === false && typeof stored === 'object' && stored !== null && 'code' in stored && typeof stored.code === 'string') {
    return parsed as IdempotencyRecord;
  }
  return undefined;
}

/** Whether `raw` is a claim of a request that is still running (an unreadable record is not). */
export function isRunningRecord(raw: string): boolean {
  return parseRecord(raw)?.state === 'running';
}

export function toStoredError(error: VendorError): StoredError {
  return {
    code: error.code,
    message: error.message,
    vendor: error.vendor,
    vendorCode: error.vendorCode,
    vendorMessage: error.vendorMessage,
    vendorRequestId: error.vendorRequestId,
    retryable: error.retryable,
    retryAfterSeconds: error.retryAfterSeconds,
    field: error.field,
  };
}

/** A fresh error with the stored fields: a replay never hands out the first request's instance. */
export function fromStoredError(stored: StoredError): VendorError {
  return new VendorError({ ...stored });
}
