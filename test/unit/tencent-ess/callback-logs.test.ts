import { createCipheriv, createDecipheriv, createHmac } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import pino from 'pino';
import {
  callbackSignature,
  callbackSignatureMatches,
  decryptCallback,
  encryptCallback,
} from '../../../datasources/tencent-ess/callback-crypto';
import { TencentEssCallbackReceiver } from '../../../datasources/tencent-ess/callback-receiver';

/*
 * Callbacks made from the vendor's description in DESIGN.md "Events" with node:crypto directly:
 * AES-256-CBC, key = the CallbackUrlKey's UTF-8 bytes, IV = its first 16 bytes, PKCS#7;
 * `Content-Signature: sha256=<hex HMAC-SHA256(token, raw body)>`.
 */

const KEY = 'Kx7pQ2mZ9vB4nW1sT8yR3uE6aD0fG5hJ'; // 32 characters
const TOKEN = 'callback-token-for-tests';
const FLOW_ID = 'yDwFmUUckpstqfvzUE1h3jo5lwGRM8ij';
const MSG_ID = 'yDCHHUUckpsqqtzmUuu1rpZZeQ6DTvGg';

interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly [field: string]: unknown;
}

function encrypt(plaintext: string, key = KEY): string {
  const keyBytes = Buffer.from(key, 'utf8');
  const cipher = createCipheriv('aes-256-cbc', keyBytes, keyBytes.subarray(0, 16));
  return Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64');
}

function sign(rawBody: Buffer | string, token = TOKEN): string {
  return `sha256=${createHmac('sha256', token).update(rawBody).digest('hex')}`;
}

function flowMessage(data: Record<string, unknown> = {}, message: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    MsgId: MSG_ID,
    MsgType: 'FlowStatusChange',
    MsgVersion: 'v2',
    MsgData: { FlowId: FLOW_ID, FlowCallbackStatus: 4, Operate: 'sign', CallbackType: 'ent', ...data },
    ...message,
  };
}

function signed(text: string): { rawBody: Buffer; headers: IncomingHttpHeaders } {
  const rawBody = Buffer.from(text);
  return { rawBody, headers: { 'content-signature': sign(rawBody) } };
}

function callback(message: unknown): { rawBody: Buffer; headers: IncomingHttpHeaders } {
  return signed(JSON.stringify({ encrypt: encrypt(JSON.stringify(message)) }));
}

function receiverLogging(settings: { readonly token?: string } = { token: TOKEN }): {
  receiver: TencentEssCallbackReceiver;
  logs: LogLine[];
} {
  const logs: LogLine[] = [];
  const logger = pino(
    { level: 'debug' },
    {
      write: (line: string) => {
        logs.push(JSON.parse(line) as LogLine);
      },
    },
  );
  return { receiver: new TencentEssCallbackReceiver({ key: KEY, ...settings }, { logger }), logs };
}

describe('TencentEssCallbackReceiver logs', () => {
  it('warns once, when it is made, that callbacks go unchecked without a token', async () => {
    const { receiver, logs } = receiverLogging({});
    expect(logs).toEqual([
      expect.objectContaining({ level: 40, vendor: 'tencent-ess', component: 'callback-receiver', path: '/callbacks/tencent-ess' }),
    ]);
    expect(logs[0]?.msg).toContain('TENCENT_ESS_CALLBACK_TOKEN');

    await receiver.receive(callback(flowMessage()));
    expect(logs.filter((line) => line.level === 40)).toHaveLength(1);
  });

  it('says nothing when it is made with a token', () => {
    expect(receiverLogging().logs).toEqual([]);
  });

  it('logs an accepted flow callback at debug with its MsgId, FlowId and operation, as the ESS callback receiver', async () => {
    const { receiver, logs } = receiverLogging();
    await receiver.receive(callback(flowMessage()));
    expect(logs).toEqual([
      expect.objectContaining({ level: 20, vendor: 'tencent-ess', component: 'callback-receiver', msgId: MSG_ID, flowId: FLOW_ID }),
    ]);
    expect(logs[0]?.operation).toBeDefined();
    expect(logs[0]?.msg).not.toBe('');
  });

  it('logs an ignored callback at info with its MsgId and MsgType', async () => {
    const { receiver, logs } = receiverLogging();
    const outcome = await receiver.receive(callback(flowMessage({}, { MsgType: 'SignStatusChange' })));
    expect(outcome.events).toEqual([]);
    expect(logs).toEqual([expect.objectContaining({ level: 30, vendor: 'tencent-ess', msgId: MSG_ID, msgType: 'SignStatusChange' })]);
    expect(logs[0]?.msg).not.toBe('');
  });

  it('logs refusals at warn with the refusal and a reason that tells the causes apart', async () => {
    const { receiver, logs } = receiverLogging();
    const valid = callback(flowMessage());
    await receiver.receive({ rawBody: valid.rawBody, headers: {} });
    await receiver.receive({ rawBody: valid.rawBody, headers: { 'content-signature': sign(valid.rawBody, 'another-token') } });
    await receiver.receive(signed('{"payload": "x"}'));
    await receiver.receive(signed(JSON.stringify({ encrypt: encrypt('{}', 'Zx7pQ2mZ9vB4nW1sT8yR3uE6aD0fG5hJ') })));
    await receiver.receive(signed(JSON.stringify({ encrypt: encrypt('not json') })));
    expect(logs.map((line) => [line.level, line.refusal])).toEqual([
      [40, 'unauthorized'],
      [40, 'unauthorized'],
      [40, 'malformed'],
      [40, 'malformed'],
      [40, 'malformed'],
    ]);
    const reasons = logs.map((line) => line.reason);
    for (const reason of reasons) expect(typeof reason === 'string' && reason.length > 0).toBe(true);
    expect(new Set(reasons).size).toBe(reasons.length);
    // The first refusal had no Content-Signature at all; the second a wrong one.
    expect(reasons[0]).toMatch(/no signature/i);
    expect(reasons[1]).toMatch(/mismatch/i);
    for (const line of logs) expect(line.msg).not.toBe('');
  });

  describe('without a clock given', () => {
    beforeEach(() => {
      jest.useFakeTimers({ now: new Date('2025-01-15T12:00:00.000Z') });
    });

    afterEach(() => {
      jest.useRealTimers();
    });

    it('dates a callback without UpdatedOn at the system time of receipt', async () => {
      const { receiver } = receiverLogging();
      const outcome = await receiver.receive(callback(flowMessage()));
      expect(outcome.events).toEqual([expect.objectContaining({ flowId: FLOW_ID, occurredAt: '2025-01-15T12:00:00.000Z' })]);
    });
  });
});

describe('callback-crypto', () => {
  it('encrypts as the vendor does: AES-256-CBC under the key bytes, IV their first 16', () => {
    const text = '{"MsgId":"m","MsgData":{"FlowName":"保密协议"}}';
    const made = encryptCallback(text, KEY);
    expect(made).toBe(encrypt(text));
    const keyBytes = Buffer.from(KEY, 'utf8');
    const decipher = createDecipheriv('aes-256-cbc', keyBytes, keyBytes.subarray(0, 16));
    expect(Buffer.concat([decipher.update(Buffer.from(made, 'base64')), decipher.final()]).toString('utf8')).toBe(text);
  });

  it('signs as the vendor does', () => {
    expect(callbackSignature('{"encrypt":"abc"}', TOKEN)).toBe(sign('{"encrypt":"abc"}'));
  });

  it.each([
    ['31 bytes', KEY.slice(1)],
    ['33 bytes', `${KEY}x`],
    ['32 characters but 33 UTF-8 bytes', `${KEY.slice(1)}é`],
  ])('refuses a key of %s with a RangeError naming the size', (_label, key) => {
    expect(() => encryptCallback('x', key)).toThrow(/32 bytes/);
    expect(() => decryptCallback(encrypt('x'), key)).toThrow(RangeError);
  });

  it('refuses base64 whose padding was left off', () => {
    const padded = encrypt('{"a":1}');
    expect(padded.endsWith('=')).toBe(true);
    expect(decryptCallback(padded, KEY)).toBe('{"a":1}');
    expect(decryptCallback(padded.replace(/=+$/, ''), KEY)).toBeUndefined();
  });

  it('refuses a signature header with anything after the digest', () => {
    const body = Buffer.from('{"encrypt":"abc"}');
    expect(callbackSignatureMatches(sign(body), body, TOKEN)).toBe(true);
    expect(callbackSignatureMatches(`${sign(body)}00`, body, TOKEN)).toBe(false);
    expect(callbackSignatureMatches(`${sign(body)}zz`, body, TOKEN)).toBe(false);
  });

  it('refuses a signature header with hex before the digest', () => {
    const body = Buffer.from('{"encrypt":"abc"}');
    expect(callbackSignatureMatches(sign(body).replace('sha256=', 'sha256=00'), body, TOKEN)).toBe(false);
  });
});
