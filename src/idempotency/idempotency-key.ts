import { createHash } from 'node:crypto';
import { stringify } from 'safe-stable-stringify';

/**
 * Whose key it is: the mutation first, then every part of the caller's identity that must keep two
 * callers apart (the token subject; for ESS also the operator the call acts as). Parts are free text.
 */
export type IdempotencyScope = readonly [mutation: string, ...callerParts: string[]];

/**
 * The store key of one idempotency key: `idempotency:` + sha256 of the JSON array `[...scope, key]`.
 * JSON quotes and escapes each element, so no subject, operator or key can move a boundary
 * (`["m","alice:op","x"]` and `["m","alice","op:x"]` differ); the hash keeps caller text out of the store
 * and the key one fixed length.
 */
export function idempotencyStoreKey(scope: IdempotencyScope, key: string): string {
  return `idempotency:${sha256(JSON.stringify([...scope, key]))}`;
}

/** What a key is bound to: a hash of the input, independent of object key order. */
export function inputFingerprint(input: unknown): string {
  // Stryker disable next-line StringLiteral: equivalent: only an input JSON cannot express (undefined) gets here, and any constant fingerprints it alike
  return sha256(stringify(input) ?? '');
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
