import { createCipheriv, createHmac } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { Writable } from 'node:stream';
import pino from 'pino';
import { parseCallbackMessage } from '../../../datasources/tencent-ess/callback-event';
import { TencentEssCallbackReceiver, type EssCallbackSettings } from '../../../datasources/tencent-ess/callback-receiver';

/*
 * Callbacks here are made from the vendor's description in DESIGN.md "Events", never with the
 * receiver's own helpers: AES-256-CBC, key = the CallbackUrlKey's UTF-8 bytes, IV = its first 16 bytes,
 * PKCS#7; `Content-Signature: sha256=<hex HMAC-SHA256(token, raw body)>`.
 */

const KEY = 'Kx7pQ2mZ9vB4nW1sT8yR3uE6aD0fG5hJ'; // 32 characters
const TOKEN = 'callback-token-for-tests';
const RECEIVED_AT = new Date('2025-01-15T12:00:00.000Z');
/** 2024-05-16T02:00:00Z */
const UPDATED_ON = 1_715_824_800;
const FLOW_ID = 'yDwFmUUckpstqfvzUE1h3jo5lwGRM8ij';

function encrypt(plaintext: string, key = KEY): string {
  const keyBytes = Buffer.from(key, 'utf8');
  const cipher = createCipheriv('aes-256-cbc', keyBytes, keyBytes.subarray(0, 16));
  return Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64');
}

/** AES-256-CBC without padding, so the test can choose the last block's bytes (and so its padding). */
function encryptRaw(bytes: Buffer): string {
  const keyBytes = Buffer.from(KEY, 'utf8');
  const cipher = createCipheriv('aes-256-cbc', keyBytes, keyBytes.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(bytes), cipher.final()]).toString('base64');
}

function sign(rawBody: Buffer, token = TOKEN): string {
  return `sha256=${createHmac('sha256', token).update(rawBody).digest('hex')}`;
}

function flowMessage(data: Record<string, unknown> = {}, message: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    MsgId: 'yDCHHUUckpsqqtzmUuu1rpZZeQ6DTvGg',
    MsgType: 'FlowStatusChange',
    MsgVersion: 'v2',
    MsgData: {
      FlowId: FLOW_ID,
      FlowName: '保密协议-2024-042',
      FlowCallbackStatus: 4,
      Operate: 'sign',
      CallbackType: 'ent',
      UpdatedOn: UPDATED_ON,
      RecipientId: 'yDRSUUckpsqqtz1zUuu1rpZZZ0f7S4bd',
      UserData: '',
      Approvers: [{ ApproverName: '王小明', ApproverMobile: '13800138001', ApproveStatus: 3 }],
      ...data,
    },
    ...message,
  };
}

/** A body as ESS posts it: `{"encrypt": …}` over the JSON of `message`, signed with `token` unless it is null. */
function callback(message: unknown, token: string | null = TOKEN): { rawBody: Buffer; headers: IncomingHttpHeaders } {
  const rawBody = Buffer.from(JSON.stringify({ encrypt: encrypt(JSON.stringify(message)) }));
  return { rawBody, headers: token === null ? {} : { 'content-signature': sign(rawBody, token) } };
}

/** A body of exactly `text`, correctly signed. */
function signedBody(text: string): { rawBody: Buffer; headers: IncomingHttpHeaders } {
  const rawBody = Buffer.from(text);
  return { rawBody, headers: { 'content-signature': sign(rawBody) } };
}

describe('TencentEssCallbackReceiver', () => {
  let logLines: string[];
  let receiver: TencentEssCallbackReceiver;

  function makeReceiver(settings: EssCallbackSettings): TencentEssCallbackReceiver {
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString('utf8'));
        done();
      },
    });
    return new TencentEssCallbackReceiver(settings, { logger: pino({ level: 'debug' }, destination), now: () => RECEIVED_AT });
  }

  beforeEach(() => {
    logLines = [];
    receiver = makeReceiver({ key: KEY, token: TOKEN });
  });

  it('serves the ESS callback path', () => {
    expect(receiver.path).toBe('/callbacks/tencent-ess');
  });

  describe('a FlowStatusChange', () => {
    it('answers 200 with one flow event when the callback is encrypted and signed', async () => {
      const outcome = await receiver.receive(callback(flowMessage()));
      expect(outcome).toEqual({
        status: 200,
        body: { ok: true },
        events: [
          {
            kind: 'flow',
            eventId: 'yDCHHUUckpsqqtzmUuu1rpZZeQ6DTvGg',
            flowId: FLOW_ID,
            status: 'SIGNED',
            operation: 'SIGN',
            occurredAt: '2024-05-16T02:00:00.000Z',
          },
        ],
      });
      expect(outcome.refusal).toBeUndefined();
    });

    it('gives the same eventId when the same callback is delivered twice', async () => {
      const first = await receiver.receive(callback(flowMessage()));
      const second = await receiver.receive(callback(flowMessage()));
      expect(second.events.map((event) => event.eventId)).toEqual(first.events.map((event) => event.eventId));
    });

    it.each([
      [0, 'NOT_STARTED'],
      [1, 'PENDING_SIGNATURE'],
      [2, 'PARTLY_SIGNED'],
      [3, 'REJECTED'],
      [4, 'SIGNED'],
      [5, 'EXPIRED'],
      [6, 'REVOKED'],
      [10, 'FILL_REFUSED'],
      [16, 'INVALIDATED'],
      [21, 'RELEASED'],
      [99, 'UNKNOWN'],
    ])('maps FlowCallbackStatus %d to %s', async (value, status) => {
      const outcome = await receiver.receive(callback(flowMessage({ FlowCallbackStatus: value })));
      expect(outcome.events).toEqual([expect.objectContaining({ status })]);
    });

    it.each([
      ['start', 'START'],
      ['sign', 'SIGN'],
      ['reject', 'REJECT'],
      ['cancel', 'CANCEL'],
      ['finish', 'FINISH'],
      ['deadline', 'DEADLINE'],
      ['fill', 'FILL'],
      ['transfer', 'UNKNOWN'],
      ['SIGN', 'UNKNOWN'],
    ])('maps Operate "%s" to %s', async (operate, operation) => {
      const outcome = await receiver.receive(callback(flowMessage({ Operate: operate })));
      expect(outcome.events).toEqual([expect.objectContaining({ operation })]);
    });

    it('uses the receipt time as occurredAt when UpdatedOn is absent', async () => {
      const outcome = await receiver.receive(callback(flowMessage({ UpdatedOn: undefined })));
      expect(outcome.events).toEqual([expect.objectContaining({ occurredAt: '2025-01-15T12:00:00.000Z' })]);
    });

    it('uses the receipt time as occurredAt when UpdatedOn is 0 (ESS writes 0 for "no time")', async () => {
      const outcome = await receiver.receive(callback(flowMessage({ UpdatedOn: 0 })));
      expect(outcome.events).toEqual([expect.objectContaining({ occurredAt: '2025-01-15T12:00:00.000Z' })]);
    });

    it('accepts a signature written in uppercase hex', async () => {
      const { rawBody, headers } = callback(flowMessage());
      const upper = `sha256=${String(headers['content-signature']).slice('sha256='.length).toUpperCase()}`;
      expect((await receiver.receive({ rawBody, headers: { 'content-signature': upper } })).status).toBe(200);
    });

    it('accepts a callback without MsgVersion', async () => {
      const outcome = await receiver.receive(callback(flowMessage({}, { MsgVersion: undefined })));
      expect(outcome.events).toHaveLength(1);
    });

    it('maps a callback without Operate to operation UNKNOWN', async () => {
      const outcome = await receiver.receive(callback(flowMessage({ Operate: undefined })));
      expect(outcome.events).toEqual([expect.objectContaining({ operation: 'UNKNOWN' })]);
    });
  });

  describe('the signature', () => {
    it('answers 401 with no event when the signature was made with another token', async () => {
      const outcome = await receiver.receive(callback(flowMessage(), 'another-token'));
      expect(outcome).toEqual({ status: 401, body: { error: 'unauthorized' }, events: [], refusal: 'unauthorized' });
    });

    it('answers 401 when the body was changed after signing', async () => {
      const { rawBody, headers } = callback(flowMessage());
      const tampered = Buffer.from(rawBody.toString('utf8').replace('{"encrypt":', '{"encrypt" :'));
      expect((await receiver.receive({ rawBody: tampered, headers })).status).toBe(401);
    });

    it('answers 401 when a token is configured and the header is missing', async () => {
      const outcome = await receiver.receive(callback(flowMessage(), null));
      expect([outcome.status, outcome.refusal, outcome.events]).toEqual([401, 'unauthorized', []]);
    });

    it.each([
      ['without the sha256= prefix', (valid: string) => valid.slice('sha256='.length)],
      ['truncated', (valid: string) => valid.slice(0, -2)],
      ['with non-hex digits', (valid: string) => `${valid.slice(0, -1)}g`],
      ['empty', () => ''],
      ['for another algorithm', (valid: string) => valid.replace('sha256=', 'sha512=')],
      // Node's hex decoder stops at the first non-hex character: the whole value must be the 64 digits.
      ['the valid signature followed by other characters', (valid: string) => `${valid}zz`],
      ['the valid signature followed by more hex digits', (valid: string) => `${valid}00`],
      ['the valid signature after other characters', (valid: string) => valid.replace('sha256=', 'sha256=zz')],
    ])('answers 401 when the header is %s', async (_label, mangle) => {
      const { rawBody, headers } = callback(flowMessage());
      const outcome = await receiver.receive({ rawBody, headers: { 'content-signature': mangle(String(headers['content-signature'])) } });
      expect(outcome.status).toBe(401);
    });

    it('checks the signature before the body, so an unsigned garbage body is 401', async () => {
      expect((await receiver.receive({ rawBody: Buffer.from('garbage'), headers: {} })).status).toBe(401);
    });

    it('requires no signature when no token is configured', async () => {
      const open = makeReceiver({ key: KEY });
      const outcome = await open.receive(callback(flowMessage(), null));
      expect([outcome.status, outcome.events.length]).toEqual([200, 1]);
    });
  });

  describe('a malformed body', () => {
    it.each([
      ['is not JSON', 'garbage'],
      ['is a JSON array', '[]'],
      ['lacks encrypt', '{"data":"x"}'],
      ['has an empty encrypt', '{"encrypt":""}'],
      ['has a numeric encrypt', '{"encrypt":42}'],
      ['has encrypt that is not base64', '{"encrypt":"not base64!"}'],
      ['has encrypt that is not whole AES blocks', `{"encrypt":"${Buffer.alloc(20, 1).toString('base64')}"}`],
    ])('answers 400 when the body %s', async (_label, text) => {
      const outcome = await receiver.receive(signedBody(text));
      expect(outcome).toEqual({ status: 400, body: { error: 'malformed' }, events: [], refusal: 'malformed' });
    });

    it('answers 400 when the ciphertext was made with another key', async () => {
      const text = JSON.stringify({ encrypt: encrypt(JSON.stringify(flowMessage()), 'AnotherKeyAnotherKeyAnotherKey12') });
      expect((await receiver.receive(signedBody(text))).status).toBe(400);
    });

    it('answers 400 when the padding is bad', async () => {
      // The last byte claims 0x11 = 17 bytes of padding, more than a block: PKCS#7 refuses it.
      const block = Buffer.concat([Buffer.from('{"MsgId":"x"}  '), Buffer.from([0x11])]);
      expect((await receiver.receive(signedBody(JSON.stringify({ encrypt: encryptRaw(block) })))).status).toBe(400);
    });

    it('answers 400 when a valid ciphertext has a character outside base64 in it', async () => {
      const valid = encrypt(JSON.stringify(flowMessage()));
      const text = JSON.stringify({ encrypt: `${valid.slice(0, 8)}!${valid.slice(8)}` });
      expect((await receiver.receive(signedBody(text))).status).toBe(400);
    });

    it('answers 400 when the plaintext is not UTF-8', async () => {
      const bytes = Buffer.concat([Buffer.from('{"MsgId":"'), Buffer.from([0xff, 0xfe]), Buffer.from('","MsgType":"Other"}')]);
      const padding = 16 - (bytes.length % 16);
      const text = JSON.stringify({ encrypt: encryptRaw(Buffer.concat([bytes, Buffer.alloc(padding, padding)])) });
      expect((await receiver.receive(signedBody(text))).status).toBe(400);
    });

    it('answers 400 when the plaintext is not JSON', async () => {
      const text = JSON.stringify({ encrypt: encrypt('this is not json') });
      expect((await receiver.receive(signedBody(text))).status).toBe(400);
    });

    // The last column is the field the refusal's reason (logged for the operator) must name.
    it.each([
      ['MsgId is missing', flowMessage({}, { MsgId: undefined }), 'MsgId'],
      ['MsgId is empty', flowMessage({}, { MsgId: '' }), 'MsgId'],
      ['MsgType is a number', flowMessage({}, { MsgType: 1 }), 'MsgType'],
      ['MsgData is missing', flowMessage({}, { MsgData: undefined }), 'MsgData'],
      ['FlowId is empty', flowMessage({ FlowId: '' }), 'FlowId'],
      ['FlowId is a number', flowMessage({ FlowId: 12 }), 'FlowId'],
      ['FlowCallbackStatus is a string', flowMessage({ FlowCallbackStatus: '4' }), 'FlowCallbackStatus'],
      ['FlowCallbackStatus is missing', flowMessage({ FlowCallbackStatus: undefined }), 'FlowCallbackStatus'],
      ['Operate is a number', flowMessage({ Operate: 2 }), 'Operate'],
      ['UpdatedOn is a string', flowMessage({ UpdatedOn: '1715824800' }), 'UpdatedOn'],
      ['UpdatedOn is beyond any date', flowMessage({ UpdatedOn: 9e15 }), 'UpdatedOn'],
      // ECMAScript's last time value is 8.64e15 ms: one second later is no Date.
      ['UpdatedOn is one second after the last Date', flowMessage({ UpdatedOn: 8_640_000_000_001 }), 'UpdatedOn'],
      ['UpdatedOn is negative', flowMessage({ UpdatedOn: -1 }), 'UpdatedOn'],
      ['UpdatedOn is a fraction', flowMessage({ UpdatedOn: 1715824800.5 }), 'UpdatedOn'],
      ['MsgVersion is a number', flowMessage({}, { MsgVersion: 2 }), 'MsgVersion'],
    ])('answers 400 when %s, the logged reason naming the field', async (_label, message, field) => {
      const outcome = await receiver.receive(callback(message));
      expect([outcome.status, outcome.refusal, outcome.events]).toEqual([400, 'malformed', []]);
      const parsed = parseCallbackMessage(JSON.stringify(message), new Date());
      expect(parsed.kind).toBe('malformed');
      expect(parsed.kind === 'malformed' ? parsed.reason : '').toContain(field);
    });

    it('takes the last instant a Date holds as UpdatedOn', async () => {
      const outcome = await receiver.receive(callback(flowMessage({ UpdatedOn: 8_640_000_000_000 })));
      expect(outcome.status).toBe(200);
      expect(outcome.events).toEqual([expect.objectContaining({ occurredAt: '+275760-09-13T00:00:00.000Z' })]);
    });
  });

  describe('other MsgTypes', () => {
    it('answers 200 with no events when the MsgType is not FlowStatusChange', async () => {
      const outcome = await receiver.receive(
        callback({ MsgId: 'm-1', MsgType: 'OrganizationAuthStatusChange', MsgVersion: 'v2', MsgData: {} }),
      );
      expect(outcome).toEqual({ status: 200, body: { ok: true }, events: [] });
    });
  });

  describe('logging', () => {
    it('never logs the key, the token, the plaintext or approvers when it accepts or refuses callbacks', async () => {
      await receiver.receive(callback(flowMessage()));
      await receiver.receive(callback(flowMessage(), 'another-token'));
      await receiver.receive(signedBody('garbage'));
      await receiver.receive(callback({ MsgId: 'm-1', MsgType: 'Other', MsgData: { ApproverMobile: '13800138001' } }));
      const logs = logLines.join('\n');
      expect(logLines.length).toBeGreaterThanOrEqual(4);
      for (const secret of [KEY, TOKEN, '13800138001', '王小明', 'garbage', '保密协议']) expect(logs).not.toContain(secret);
    });
  });
});
