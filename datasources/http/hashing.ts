import { createHash, createHmac } from 'node:crypto';

/** The SHA-256 primitives both vendor signers (TC3-HMAC-SHA256, Volcengine HMAC-SHA256) are built from. */

/** Lowercase hex SHA-256 of UTF-8 text. */
export function sha256Hex(text: string): string {
  // Stryker disable next-line StringLiteral: equivalent: Node reads an empty encoding name as UTF-8, the default
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Raw HMAC-SHA256 of UTF-8 `data`: signing-key derivations chain these bytes; only the last step is hex. */
export function hmacSha256(key: string | Buffer, data: string): Buffer {
  // Stryker disable next-line StringLiteral: equivalent: Node reads an empty encoding name as UTF-8, the default
  return createHmac('sha256', key).update(data, 'utf8').digest();
}
