import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { request } from 'undici';
import { TencentEssCallbackReceiver } from '../../../datasources/tencent-ess/callback-receiver';
import { signTc3 } from '../../../datasources/tencent-ess/sign';
import type { AgreementEvent } from '../../../src/events/agreement-event';
import { tencentEssModule } from '../../../src/vendors/tencent-ess';

/**
 * The two halves agree: the sandbox started by the ESS module posts callbacks that a receiver built from
 * the same sandbox settings accepts, so `npm start` in sandbox mode turns reminders into flow events.
 */
describe('ESS sandbox callbacks reach the ESS receiver', () => {
  let server: Server | undefined;
  const events: AgreementEvent[] = [];
  const statuses: number[] = [];

  afterEach(async () => {
    const running = server;
    if (!running) return;
    running.closeAllConnections();
    await new Promise<void>((resolve) => {
      running.close(() => {
        resolve();
      });
    });
  });

  it('turns a reminded flow into SIGN then FINISH events when the signer signs, retrying a refused callback', async () => {
    const sandboxLines: Record<string, unknown>[] = [];
    const sandboxLogger = pino(
      { level: 'debug' },
      {
        write: (line: string) => {
          sandboxLines.push(JSON.parse(line) as Record<string, unknown>);
        },
      },
    );
    const sandbox = await tencentEssModule.startSandbox({ seed: true, logger: sandboxLogger });
    try {
      const { settings, simulator } = sandbox;
      if (!settings.callback) throw new Error('the sandbox settings carry no callback secrets');
      expect(settings.callback.key).toHaveLength(32);
      expect(settings.callback.token).toEqual(expect.any(String));
      const receiver = new TencentEssCallbackReceiver(settings.callback, { logger: pino({ level: 'silent' }) });

      let refusedOnce = false;
      const capture = createServer((req, res) => {
        // The first callback is refused (503), as a subgraph that is restarting would: the sandbox retries it.
        if (!refusedOnce) {
          refusedOnce = true;
          req.resume();
          res.writeHead(503).end();
          return;
        }
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
          void receiver.receive({ rawBody: Buffer.concat(chunks), headers: req.headers }).then((outcome) => {
            statuses.push(outcome.status);
            events.push(...outcome.events);
            res.writeHead(outcome.status, { 'content-type': 'application/json' }).end(JSON.stringify(outcome.body));
          });
        });
      });
      server = capture;
      await new Promise<void>((resolve) => capture.listen(0, '127.0.0.1', resolve));
      sandbox.deliverEventsTo?.(`http://127.0.0.1:${(capture.address() as AddressInfo).port}`);

      const flowId = simulator.seeded.pending[0] ?? '';
      const payload = JSON.stringify({ Operator: { UserId: settings.operatorId }, FlowIds: [flowId] });
      const timestamp = Math.floor(Date.now() / 1000);
      const contentType = 'application/json';
      const { authorization } = signTc3({
        ...settings,
        service: 'ess',
        host: new URL(settings.endpoint).host,
        contentType,
        payload,
        timestamp,
      });
      const response = await request(`${settings.endpoint}/`, {
        method: 'POST',
        headers: {
          'content-type': contentType,
          'x-tc-action': 'CreateFlowReminds',
          'x-tc-version': '2020-11-11',
          'x-tc-timestamp': String(timestamp),
          authorization,
        },
        body: payload,
      });
      expect(await response.body.json()).toMatchObject({ Response: { RemindFlowRecords: [{ FlowId: flowId, CanRemind: true }] } });

      simulator.signDueNow();
      await simulator.callbacksSettled();

      expect(statuses).toEqual([200, 200]);
      expect(
        events.map((event) => [event.kind, 'flowId' in event && event.flowId, event.status, 'operation' in event && event.operation]),
      ).toEqual([
        ['flow', flowId, 'SIGNED', 'SIGN'],
        ['flow', flowId, 'SIGNED', 'FINISH'],
      ]);
      expect(events.map((event) => event.eventId)).toEqual(simulator.sentCallbacks().map((sent) => sent.msgId));
      // The refusal went to the logger the sandbox was started with.
      expect(sandboxLines).toEqual([
        expect.objectContaining({ level: 20, vendor: 'tencent-ess', msg: 'sandbox ESS callback attempt failed; retrying', attempts: 1 }),
      ]);
    } finally {
      await sandbox.close();
    }
  });
});
