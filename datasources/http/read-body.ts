import type { Readable } from 'node:stream';

/** Default cap on a vendor answer; anything larger is treated as a malformed answer, not buffered. */
const MAX_VENDOR_BODY_BYTES = 8 * 1024 * 1024;

/** Thrown when a vendor body exceeds the cap. */
class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
  readonly code = 'BODY_TOO_LARGE';
}

/** Reads a response body as UTF-8, refusing more than `maxBytes` (the rest is discarded, not kept). */
export async function readBodyText(body: Readable, maxBytes = MAX_VENDOR_BODY_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += buffer.length;
    if (size > maxBytes) {
      body.destroy();
      throw new BodyTooLargeError(`vendor body exceeds ${maxBytes} bytes`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
