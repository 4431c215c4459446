import type { Readable } from 'node:stream';

/** Default cap on a vendor answer; anything larger is treated as a malformed answer, not buffered. */
const MAX_VENDOR_BODY_BYTES = 8 * 1024 * 1024;

/** Thrown when a vendor body exceeds the cap. */
class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
  readonly code = 'BODY_TOO_LARGE';
}

/** Thrown when a body stream closes before its end (the connection went away mid-answer). */
class BodyClosedEarlyError extends Error {
  override readonly name = 'BodyClosedEarlyError';
  readonly code = 'ERR_STREAM_PREMATURE_CLOSE';
}

function asBuffer(chunk: unknown): Buffer {
  // Stryker disable next-line ConditionalExpression: equivalent: a Buffer is a Uint8Array, viewed the same by the next line
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  // Stryker disable next-line StringLiteral: equivalent: utf8 is Buffer.from's default encoding
  return Buffer.from(String(chunk), 'utf8');
}

/**
 * Reads a response body's bytes, refusing more than `maxBytes` (the rest is discarded, not kept). It
 * listens to `data` events rather than iterating the stream: an async iterator costs a promise and a
 * microtask per chunk, which a 100-flow answer of many chunks felt (about a tenth of its CPU).
 *
 * The bytes are not decoded here: the vendor's reader decodes them as it parses (`parseJsonBytes`), so
 * that the text lives no longer than its parse. See `RawVendorResponse.body`.
 */
export function readBody(body: Readable, maxBytes = MAX_VENDOR_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    // Settles once: `error` is followed by `close`, and a refused body is destroyed, which closes it.
    const settle = (outcome: () => void): void => {
      // Stryker disable ConditionalExpression,BooleanLiteral: equivalent: a promise settles once anyway; the guard spares a second destroy
      if (settled) return;
      settled = true;
      // Stryker restore ConditionalExpression,BooleanLiteral
      body.off('data', onData);
      outcome();
    };
    const onData = (chunk: unknown): void => {
      const buffer = asBuffer(chunk);
      size += buffer.length;
      if (size > maxBytes) {
        settle(() => {
          body.destroy();
          reject(new BodyTooLargeError(`vendor body exceeds ${maxBytes} bytes`));
        });
        return;
      }
      chunks.push(buffer);
    };
    body.on('data', onData);
    body.once('end', () => {
      settle(() => {
        // Stryker disable next-line ConditionalExpression: equivalent: concat of one chunk is that chunk, copied
        resolve(chunks.length === 1 ? (chunks[0] ?? Buffer.alloc(0)) : Buffer.concat(chunks, size));
      });
    });
    body.once('error', (error) => {
      settle(() => {
        reject(error);
      });
    });
    body.once('close', () => {
      settle(() => {
        reject(new BodyClosedEarlyError('the vendor body closed before its end'));
      });
    });
  });
}
