import { Readable } from 'node:stream';
import { readBody } from '../../../datasources/http/read-body';

describe('readBody', () => {
  it('joins the chunks into the body bytes, a character split between chunks made whole again', async () => {
    const text = '合同 ok';
    const bytes = Buffer.from(text, 'utf8');
    const body = await readBody(Readable.from([bytes.subarray(0, 2), bytes.subarray(2)]));
    expect(body.equals(bytes)).toBe(true);
    expect(body.toString('utf8')).toBe(text);
  });

  it('answers an empty body as no bytes', async () => {
    expect(await readBody(Readable.from([]))).toHaveLength(0);
  });

  it('reads a body of exactly maxBytes and refuses one byte more, stopping the stream', async () => {
    expect((await readBody(Readable.from([Buffer.from('abc'), Buffer.from('de')]), 5)).toString()).toBe('abcde');
    const tooLong = Readable.from([Buffer.from('abc'), Buffer.from('def')]);
    await expect(readBody(tooLong, 5)).rejects.toMatchObject({
      name: 'BodyTooLargeError',
      code: 'BODY_TOO_LARGE',
      message: 'vendor body exceeds 5 bytes',
    });
    expect(tooLong.destroyed).toBe(true);
  });

  it('accepts Uint8Array chunks as well as Buffers', async () => {
    expect((await readBody(Readable.from([new Uint8Array([104, 105])], { objectMode: true }))).toString()).toBe('hi');
  });

  it('accepts string chunks, as their UTF-8 bytes', async () => {
    expect((await readBody(Readable.from(['合', '同'], { objectMode: true }))).equals(Buffer.from('合同', 'utf8'))).toBe(true);
  });

  it('rejects with the stream error when the body fails', async () => {
    const failure = new Error('socket hang up');
    const body = new Readable({
      read() {
        this.destroy(failure);
      },
    });

    await expect(readBody(body)).rejects.toBe(failure);
  });

  it('rejects when the body closes before its end', async () => {
    const body = new Readable({
      read() {
        this.push(Buffer.from('{"Resp'));
        this.destroy();
      },
    });

    await expect(readBody(body)).rejects.toMatchObject({
      name: 'BodyClosedEarlyError',
      code: 'ERR_STREAM_PREMATURE_CLOSE',
      message: 'the vendor body closed before its end',
    });
  });

  it('stops listening once settled: a refused body that then errors stays refused as too large', async () => {
    const body = new Readable({ read: () => undefined });
    const reading = readBody(body, 2);
    body.push(Buffer.from('abc'));

    await expect(reading).rejects.toMatchObject({ code: 'BODY_TOO_LARGE' });
    expect(body.listenerCount('data')).toBe(0);
  });

  it('caps a body at 8 MiB by default', async () => {
    const eightMiB = Buffer.alloc(8 * 1024 * 1024, 0x61);
    expect(await readBody(Readable.from([eightMiB]))).toHaveLength(8 * 1024 * 1024);
    await expect(readBody(Readable.from([eightMiB, Buffer.from('b')]))).rejects.toMatchObject({ code: 'BODY_TOO_LARGE' });
  });
});
