import { Readable } from 'node:stream';
import { readBodyText } from '../../../datasources/http/read-body';

describe('readBodyText', () => {
  it('joins the chunks as UTF-8 text, even when a character is split between chunks', async () => {
    const text = '合同 ok';
    const bytes = Buffer.from(text, 'utf8');
    expect(await readBodyText(Readable.from([bytes.subarray(0, 2), bytes.subarray(2)]))).toBe(text);
  });

  it('reads a body of exactly maxBytes and refuses one byte more, stopping the stream', async () => {
    expect(await readBodyText(Readable.from([Buffer.from('abc'), Buffer.from('de')]), 5)).toBe('abcde');
    const tooLong = Readable.from([Buffer.from('abc'), Buffer.from('def')]);
    await expect(readBodyText(tooLong, 5)).rejects.toMatchObject({
      name: 'BodyTooLargeError',
      code: 'BODY_TOO_LARGE',
      message: 'vendor body exceeds 5 bytes',
    });
    expect(tooLong.destroyed).toBe(true);
  });

  it('accepts Uint8Array chunks as well as Buffers', async () => {
    expect(await readBodyText(Readable.from([new Uint8Array([104, 105])], { objectMode: true }))).toBe('hi');
  });

  it('accepts string chunks', async () => {
    expect(await readBodyText(Readable.from(['合', '同'], { objectMode: true }))).toBe('合同');
  });

  it('rejects with the stream error when the body fails', async () => {
    const failure = new Error('socket hang up');
    const body = new Readable({
      read() {
        this.destroy(failure);
      },
    });

    await expect(readBodyText(body)).rejects.toBe(failure);
  });

  it('rejects when the body closes before its end', async () => {
    const body = new Readable({
      read() {
        this.push(Buffer.from('{"Resp'));
        this.destroy();
      },
    });

    await expect(readBodyText(body)).rejects.toMatchObject({
      name: 'BodyClosedEarlyError',
      code: 'ERR_STREAM_PREMATURE_CLOSE',
      message: 'the vendor body closed before its end',
    });
  });

  it('stops listening once settled: a refused body that then errors stays refused as too large', async () => {
    const body = new Readable({ read: () => undefined });
    const reading = readBodyText(body, 2);
    body.push(Buffer.from('abc'));

    await expect(reading).rejects.toMatchObject({ code: 'BODY_TOO_LARGE' });
    expect(body.listenerCount('data')).toBe(0);
  });

  it('caps a body at 8 MiB by default', async () => {
    const eightMiB = Buffer.alloc(8 * 1024 * 1024, 0x61);
    expect(await readBodyText(Readable.from([eightMiB]))).toHaveLength(8 * 1024 * 1024);
    await expect(readBodyText(Readable.from([eightMiB, Buffer.from('b')]))).rejects.toMatchObject({ code: 'BODY_TOO_LARGE' });
  });
});
