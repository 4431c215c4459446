import { createCipheriv, createDecipheriv, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The cryptography of ESS callbacks (v2), as DESIGN.md "Events" describes it:
 * - the body is `{"encrypt": "<base64>"}`, AES-256-CBC with PKCS#7 padding, keyed by the CallbackUrlKey's
 *   UTF-8 bytes (32 of them), with the key's first 16 bytes as the IV;
 * - when a token is configured, `Content-Signature: sha256=<hex HMAC-SHA256(token, raw body)>`.
 *
 * The receiver uses the decrypting half and the sandbox simulator (playing the vendor) the encrypting
 * half; tests check both against ciphertext made independently from that description.
 */

/** The CallbackUrlKey is exactly this many bytes: it is the AES-256 key itself. */
export const CALLBACK_KEY_BYTES = 32;
const IV_BYTES = 16;
const AES_BLOCK_BYTES = 16;
const SIGNATURE_PREFIX = 'sha256=';
/** Standard base64 with optional padding; `Buffer.from(…, 'base64')` would silently skip anything else. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** Lowercase or uppercase hex of a SHA-256 digest. */
// Stryker disable next-line Regex: equivalent for the start anchor: Node's hex decoder stops at the first non-hex character, so a prefixed value decodes short and fails the length check
const SIGNATURE_HEX = /^[0-9a-fA-F]{64}$/;

/** The AES key and IV of `key`; throws a RangeError when the key is not 32 UTF-8 bytes (config validates it first). */
function cipherKey(key: string): { readonly key: Buffer; readonly iv: Buffer } {
  // Stryker disable next-line StringLiteral: equivalent: Node reads an empty encoding name as UTF-8, the default
  const bytes = Buffer.from(key, 'utf8');
  if (bytes.length !== CALLBACK_KEY_BYTES) {
    throw new RangeError(`An ESS callback key is ${CALLBACK_KEY_BYTES} bytes of UTF-8, got ${bytes.length}.`);
  }
  return { key: bytes, iv: bytes.subarray(0, IV_BYTES) };
}

/** The `encrypt` value of a callback whose plaintext is `plaintext` (as the vendor makes it). */
export function encryptCallback(plaintext: string, key: string): string {
  const { key: aesKey, iv } = cipherKey(key);
  const cipher = createCipheriv('aes-256-cbc', aesKey, iv);
  // Stryker disable next-line StringLiteral: equivalent: Node reads an empty encoding name as UTF-8, the default
  return Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64');
}

/**
 * The plaintext of an `encrypt` value, or undefined when it is not base64, not whole AES blocks, fails
 * its padding check (wrong key, tampered) or is not UTF-8. Never throws for any `encrypt`.
 */
export function decryptCallback(encrypt: string, key: string): string | undefined {
  if (!BASE64.test(encrypt)) return undefined;
  const ciphertext = Buffer.from(encrypt, 'base64');
  // Checked before any decipher is made; without it `final()` would throw for these too (caught below).
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent: an empty or partial last block makes `final()` throw, which reads as undefined below
  if (ciphertext.length === 0 || ciphertext.length % AES_BLOCK_BYTES !== 0) return undefined;
  const { key: aesKey, iv } = cipherKey(key);
  try {
    const decipher = createDecipheriv('aes-256-cbc', aesKey, iv);
    const plaintext = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
    return new TextDecoder('utf-8', { fatal: true }).decode(plaintext);
  } catch {
    // `final()` throws on bad padding and the decoder on invalid UTF-8: both mean "not a callback of ours".
  }
  return undefined;
}

function hmac(rawBody: Buffer | string, token: string): Buffer {
  return createHmac('sha256', token).update(rawBody).digest();
}

/** The `Content-Signature` value for `rawBody` (as the vendor sends it). */
export function callbackSignature(rawBody: Buffer | string, token: string): string {
  return `${SIGNATURE_PREFIX}${hmac(rawBody, token).toString('hex')}`;
}

/**
 * Whether `header` (the `Content-Signature` as received) signs `rawBody` with `token`. Compared in
 * constant time over the digest bytes; a missing, repeated or misshapen header is a mismatch.
 */
export function callbackSignatureMatches(header: string | readonly string[] | undefined, rawBody: Buffer, token: string): boolean {
  // Node's HTTP parser has already trimmed the value.
  if (typeof header !== 'string' || !header.startsWith(SIGNATURE_PREFIX)) return false;
  const hex = header.slice(SIGNATURE_PREFIX.length);
  if (!SIGNATURE_HEX.test(hex)) return false;
  const received = Buffer.from(hex, 'hex');
  const expected = hmac(rawBody, token);
  // timingSafeEqual throws on different lengths; the regex above already fixes it at 32 bytes.
  // Stryker disable next-line ConditionalExpression: equivalent while SIGNATURE_HEX holds 64 digits: both sides are 32 bytes
  return received.length === expected.length && timingSafeEqual(received, expected);
}
