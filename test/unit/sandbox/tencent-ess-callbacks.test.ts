import { createDecipheriv, createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { request } from 'undici';
import { signTc3 } from '../../../datasources/tencent-ess/sign';
import { TencentEssSimulator, type EssFlowDetail, type TencentEssSimulatorOptions } from '../../../src/sandbox/tencent-ess/simulator';

/*
 * The simulator's callbacks, checked the way a subgraph would see them, but decrypted and verified here
 * from the vendor's description (AES-256-CBC, key = CallbackUrlKey's UTF-8 bytes, IV = its first 16
 * bytes; Content-Signature = sha256=<hex HMAC-SHA256(token, raw body)>), not with the sandbox's helpers.
 */

const SECRET_ID = 'AKIDsandboxEssCallbacks';
const SECRET_KEY = 'sandbox-secret-key';
const KEY = 'Kx7pQ2mZ9vB4nW1sT8yR3uE6aD0fG5hJ';
const TOKEN = 'callback-token';
/** 2025-01-15T12:00:00Z */
const NOW_SECONDS = Date.UTC(2025, 0, 15, 12) / 1000;
const operator = { Operator: { UserId: 'yDxjOUUgydjxxxxxjEWA07rC2xl' } };

interface Captured {
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

interface CallbackPlaintext {
  readonly MsgId: string;
  readonly MsgType: string;
  readonly MsgVersion: string;
  readonly MsgData: Record<string, unknown> & { readonly Approvers: readonly Record<string, unknown>[] };
}

/** A subgraph stand-in on 127.0.0.1: records every post and answers the next of `statuses` (then 200). */
class CaptureServer {
  readonly received: Captured[] = [];
  private readonly statuses: number[] = [];
  private readonly waiters: { readonly count: number; readonly resolve: () => void }[] = [];
  private server: Server | undefined;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        this.received.push({ url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(this.statuses.shift() ?? 200, { 'content-type': 'application/json' }).end('{"ok":true}');
        for (const waiter of this.waiters.filter((entry) => this.received.length >= entry.count)) waiter.resolve();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  answer(...statuses: number[]): void {
    this.statuses.push(...statuses);
  }

  /** Resolves once `count` posts have arrived. */
  waitFor(count: number): Promise<void> {
    if (this.received.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => {
      if (this.server)
        this.server.close(() => {
          resolve();
        });
      else resolve();
    });
  }
}

function decrypt(captured: Captured): CallbackPlaintext {
  const { encrypt } = JSON.parse(captured.body) as { encrypt: string };
  const keyBytes = Buffer.from(KEY, 'utf8');
  const decipher = createDecipheriv('aes-256-cbc', keyBytes, keyBytes.subarray(0, 16));
  const plaintext = Buffer.concat([decipher.update(Buffer.from(encrypt, 'base64')), decipher.final()]).toString('utf8');
  return JSON.parse(plaintext) as CallbackPlaintext;
}

function expectedSignature(captured: Captured): string {
  return `sha256=${createHmac('sha256', TOKEN).update(captured.body).digest('hex')}`;
}

/** `[Operate, FlowCallbackStatus, FlowId]` of every captured callback, in arrival order. */
function summary(capture: CaptureServer): [unknown, unknown, unknown][] {
  return capture.received.map((captured) => {
    const { MsgData } = decrypt(captured);
    return [MsgData.Operate, MsgData.FlowCallbackStatus, MsgData.FlowId];
  });
}

async function call(simulator: TencentEssSimulator, action: string, body: unknown): Promise<Record<string, unknown>> {
  const payload = JSON.stringify(body);
  const contentType = 'application/json; charset=utf-8';
  const signed = signTc3({
    secretId: SECRET_ID,
    secretKey: SECRET_KEY,
    service: 'ess',
    host: new URL(simulator.url).host,
    contentType,
    payload,
    timestamp: NOW_SECONDS,
  });
  const response = await request(`${simulator.url}/`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-tc-action': action,
      'x-tc-version': '2020-11-11',
      'x-tc-timestamp': String(NOW_SECONDS),
      authorization: signed.authorization,
    },
    body: payload,
  });
  const { Response } = (await response.body.json()) as { Response: Record<string, unknown> };
  return Response;
}

async function describeFlow(simulator: TencentEssSimulator, flowId: string): Promise<EssFlowDetail | undefined> {
  const response = await call(simulator, 'DescribeFlowInfo', { ...operator, FlowIds: [flowId] });
  return (response.FlowDetailInfos as EssFlowDetail[]).at(0);
}

const remind = (simulator: TencentEssSimulator, flowId: string): Promise<Record<string, unknown>> =>
  call(simulator, 'CreateFlowReminds', { ...operator, FlowIds: [flowId] });

describe('TencentEssSimulator callbacks', () => {
  let capture: CaptureServer;
  let logLines: string[];
  const simulators: TencentEssSimulator[] = [];

  async function start(options: Partial<TencentEssSimulatorOptions> = {}): Promise<TencentEssSimulator> {
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString('utf8'));
        done();
      },
    });
    const simulator = await TencentEssSimulator.start({
      secretId: SECRET_ID,
      secretKey: SECRET_KEY,
      now: () => new Date(NOW_SECONDS * 1000),
      callback: { key: KEY, token: TOKEN },
      signAfterMs: 0,
      callbackRetryDelaysMs: [],
      logger: pino({ level: 'debug' }, destination),
      ...options,
    });
    simulators.push(simulator);
    return simulator;
  }

  beforeEach(async () => {
    logLines = [];
    capture = await new CaptureServer().start();
  });

  afterEach(async () => {
    await Promise.all(simulators.splice(0).map((simulator) => simulator.close()));
    await capture.close();
  });

  describe('when a reminded signer signs', () => {
    it('posts sign then finish, encrypted and signed, when the only signer of a pending flow signs', async () => {
      const simulator = await start();
      simulator.deliverEventsTo(`${capture.url}/`);
      const flowId = simulator.seeded.pending[0] ?? '';
      const signer = simulator.getFlow(flowId)?.FlowApproverInfos[0]?.RecipientId;

      expect(await remind(simulator, flowId)).toMatchObject({ RemindFlowRecords: [{ FlowId: flowId, CanRemind: true }] });
      await simulator.callbacksSettled();

      expect(capture.received).toHaveLength(2);
      for (const captured of capture.received) {
        expect(captured.url).toBe('/callbacks/tencent-ess');
        expect(captured.headers['content-type']).toBe('application/json');
        expect(captured.headers['content-signature']).toBe(expectedSignature(captured));
        expect(Object.keys(JSON.parse(captured.body) as object)).toEqual(['encrypt']);
      }
      const [sign, finish] = capture.received.map(decrypt);
      expect(sign).toMatchObject({
        MsgType: 'FlowStatusChange',
        MsgVersion: 'v2',
        MsgData: { FlowId: flowId, FlowCallbackStatus: 4, Operate: 'sign', RecipientId: signer, UpdatedOn: NOW_SECONDS },
      });
      expect(finish).toMatchObject({ MsgType: 'FlowStatusChange', MsgData: { FlowId: flowId, FlowCallbackStatus: 4, Operate: 'finish' } });
      expect(sign.MsgId).not.toBe(finish.MsgId);
      expect(sign.MsgData.Approvers).toEqual([expect.objectContaining({ RecipientId: signer, ApproveStatus: 3 })]);
    });

    it('shows the signature in DescribeFlowInfo when the callback has gone out', async () => {
      const simulator = await start();
      simulator.deliverEventsTo(capture.url);
      const flowId = simulator.seeded.pending[0] ?? '';
      await remind(simulator, flowId);
      await simulator.callbacksSettled();

      const flow = await describeFlow(simulator, flowId);
      expect(flow?.FlowStatus).toBe(4);
      expect(flow?.FlowApproverInfos.map((approver) => [approver.ApproveStatus, approver.ApproveTime])).toEqual([[3, NOW_SECONDS]]);
    });

    it('posts sign (partly signed), sign (signed), finish when both signers of a flow are reminded', async () => {
      const simulator = await start();
      simulator.deliverEventsTo(capture.url);
      const flowId = simulator.seeded.pending[1] ?? '';
      await remind(simulator, flowId);
      await simulator.callbacksSettled();

      expect(summary(capture)).toEqual([
        ['sign', 2, flowId],
        ['sign', 4, flowId],
        ['finish', 4, flowId],
      ]);
      expect(simulator.sentCallbacks().map((sent) => [sent.outcome, sent.attempts])).toEqual([
        ['delivered', 1],
        ['delivered', 1],
        ['delivered', 1],
      ]);
      expect(new Set(simulator.sentCallbacks().map((sent) => sent.msgId)).size).toBe(3);
      expect((await describeFlow(simulator, flowId))?.FlowStatus).toBe(4);
    });

    it('posts one sign and keeps the flow partly signed when others have not signed yet', async () => {
      const simulator = await start();
      simulator.deliverEventsTo(capture.url);
      const flowId = simulator.seeded.partlySigned;
      await remind(simulator, flowId);
      await simulator.callbacksSettled();

      expect(summary(capture)).toEqual([['sign', 2, flowId]]);
      expect((await describeFlow(simulator, flowId))?.FlowApproverInfos.map((approver) => approver.ApproveStatus)).toEqual([3, 3, 1]);
    });

    it('signs once when the same signer is reminded twice', async () => {
      const simulator = await start();
      simulator.deliverEventsTo(capture.url);
      const flowId = simulator.seeded.pending[0] ?? '';
      await remind(simulator, flowId);
      expect(await remind(simulator, flowId)).toMatchObject({ RemindFlowRecords: [{ CanRemind: false }] });
      await simulator.callbacksSettled();
      expect(summary(capture)).toEqual([
        ['sign', 4, flowId],
        ['finish', 4, flowId],
      ]);
    });

    it('posts nothing and changes nothing until told where to deliver', async () => {
      const simulator = await start();
      const flowId = simulator.seeded.pending[0] ?? '';
      await remind(simulator, flowId);
      await simulator.callbacksSettled();

      expect(simulator.sentCallbacks()).toEqual([]);
      expect(capture.received).toEqual([]);
      expect((await describeFlow(simulator, flowId))?.FlowStatus).toBe(1);
    });

    it('omits Content-Signature when no token is configured', async () => {
      const simulator = await start({ callback: { key: KEY } });
      simulator.deliverEventsTo(capture.url);
      await remind(simulator, simulator.seeded.pending[0] ?? '');
      await simulator.callbacksSettled();
      expect(capture.received.map((captured) => captured.headers['content-signature'])).toEqual([undefined, undefined]);
    });
  });

  describe('when a release flow starts', () => {
    it('posts start for the new flow with its UserData', async () => {
      const simulator = await start();
      simulator.deliverEventsTo(capture.url);
      const response = await call(simulator, 'CreateReleaseFlow', {
        ...operator,
        NeedRelievedFlowId: simulator.seeded.signed[0],
        ReliveInfo: { Reason: '业务调整' },
        UserData: 'order-42',
      });
      await simulator.callbacksSettled();

      const [started] = capture.received.map(decrypt);
      expect(capture.received).toHaveLength(1);
      expect(started.MsgData).toMatchObject({ FlowId: response.FlowId, FlowCallbackStatus: 1, Operate: 'start', UserData: 'order-42' });
    });
  });

  describe('delivery failures', () => {
    it('retries a callback the subgraph refused, with the same MsgId and body, then goes on', async () => {
      const simulator = await start({ callbackRetryDelaysMs: [0] });
      simulator.deliverEventsTo(capture.url);
      capture.answer(503);
      await remind(simulator, simulator.seeded.pending[0] ?? '');
      await simulator.callbacksSettled();

      expect(summary(capture).map(([operate]) => operate)).toEqual(['sign', 'sign', 'finish']);
      expect(capture.received[1]?.body).toBe(capture.received[0]?.body);
      expect(simulator.sentCallbacks().map((sent) => [sent.outcome, sent.attempts])).toEqual([
        ['delivered', 2],
        ['delivered', 1],
      ]);
    });

    it('drops a callback after its last retry and logs it without personal data', async () => {
      const simulator = await start({ callbackRetryDelaysMs: [0, 0] });
      simulator.deliverEventsTo(capture.url);
      capture.answer(500, 500, 500);
      await remind(simulator, simulator.seeded.pending[0] ?? '');
      await simulator.callbacksSettled();

      expect(simulator.sentCallbacks().map((sent) => [sent.outcome, sent.attempts])).toEqual([
        ['dropped', 3],
        ['delivered', 1],
      ]);
      const dropped = logLines.filter((line) => line.includes('dropped'));
      expect(dropped).toHaveLength(1);
      expect(dropped[0]).toContain(String(simulator.sentCallbacks().at(0)?.msgId));
      expect(logLines.join('\n')).not.toContain('13800138001');
    });

    it('drops callbacks without crashing when nothing listens at the subgraph URL', async () => {
      const simulator = await start({ callbackRetryDelaysMs: [0] });
      const closedUrl = capture.url;
      await capture.close();
      capture = await new CaptureServer().start();
      simulator.deliverEventsTo(closedUrl);
      await remind(simulator, simulator.seeded.pending[0] ?? '');
      await simulator.callbacksSettled();

      expect(simulator.sentCallbacks().map((sent) => [sent.outcome, sent.attempts])).toEqual([
        ['dropped', 2],
        ['dropped', 2],
      ]);
      expect((await describeFlow(simulator, simulator.seeded.pending[0] ?? ''))?.FlowStatus).toBe(4);
    });
  });

  describe('signDueNow()', () => {
    it('lets reminded signers sign at once when the delay has not passed', async () => {
      const simulator = await start({ signAfterMs: 60_000 });
      simulator.deliverEventsTo(capture.url);
      const flowId = simulator.seeded.pending[0] ?? '';
      await remind(simulator, flowId);
      expect(simulator.getFlow(flowId)?.FlowStatus).toBe(1);

      simulator.signDueNow();
      await simulator.callbacksSettled();
      expect(summary(capture)).toEqual([
        ['sign', 4, flowId],
        ['finish', 4, flowId],
      ]);
    });
  });

  describe('close()', () => {
    it('cancels a signature that is still due', async () => {
      const simulator = await start({ signAfterMs: 60_000 });
      simulator.deliverEventsTo(capture.url);
      await remind(simulator, simulator.seeded.pending[0] ?? '');
      await simulator.close();
      await simulator.callbacksSettled();

      expect(simulator.sentCallbacks()).toEqual([]);
      expect(capture.received).toEqual([]);
      expect(simulator.getFlow(simulator.seeded.pending[0] ?? '')?.FlowStatus).toBe(1);
    });

    it('cancels a callback that is waiting to be retried', async () => {
      const simulator = await start({ callbackRetryDelaysMs: [60_000] });
      simulator.deliverEventsTo(capture.url);
      capture.answer(500);
      await remind(simulator, simulator.seeded.pending[0] ?? '');
      await capture.waitFor(1);
      await simulator.close();

      expect(capture.received).toHaveLength(1);
      expect(simulator.sentCallbacks().map((sent) => [sent.outcome, sent.attempts])).toEqual([
        ['canceled', 1],
        ['canceled', 0],
      ]);
    });
  });

  it('refuses deliverEventsTo when started without callback secrets', async () => {
    const simulator = await TencentEssSimulator.start({ secretId: SECRET_ID, secretKey: SECRET_KEY, seed: false });
    simulators.push(simulator);
    expect(() => {
      simulator.deliverEventsTo(capture.url);
    }).toThrow(/callback secrets/);
  });
});
