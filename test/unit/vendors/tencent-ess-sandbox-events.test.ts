import pino from 'pino';
import { request } from 'undici';
import { TencentEssCallbackReceiver } from '../../../datasources/tencent-ess/callback-receiver';
import { signTc3 } from '../../../datasources/tencent-ess/sign';
import type { AgreementEvent } from '../../../src/events/agreement-event';
import { startLoopbackServer, type LoopbackServer } from '../../../src/sandbox/loopback-server';
import { tencentEssModule } from '../../../src/vendors/tencent-ess';

/**
 * The two halves agree: the sandbox started by the ESS module posts callbacks that a receiver built from
 * the same sandbox settings accepts, so `npm start` in sandbox mode turns reminders into flow events.
 */
describe('ESS sandbox callbacks reach the ESS receiver', () => {
  let server: LoopbackServer | undefined;
  const events: AgreementEvent[] = [];
  const statuses: number[] = [];

  afterEach(async () => {
    await server?.close();
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
      server = await startLoopbackServer(async (callback, response) => {
        // The first callback is refused (503), as a subgraph that is restarting would: the sandbox retries it.
        if (!refusedOnce) {
          refusedOnce = true;
          response.writeHead(503).end();
          return;
        }
        const outcome = await receiver.receive({ rawBody: Buffer.from(callback.body, 'utf8'), headers: callback.headers });
        statuses.push(outcome.status);
        events.push(...outcome.events);
        response.writeHead(outcome.status, { 'content-type': 'application/json' }).end(JSON.stringify(outcome.body));
      });
      sandbox.deliverEventsTo?.(server.url);

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
