import { pino } from 'pino';
import { VnptEcontractClient } from '../../../datasources/vnpt-econtract/client';
import { VnptWebhookReceiver } from '../../../datasources/vnpt-econtract/webhook-receiver';
import type { DocumentChangeEvent } from '../../../src/events/agreement-event';
import { sendJson, startLoopbackServer, type LoopbackServer, type RecordedRequest } from '../../../src/sandbox/loopback-server';
import { VnptEcontractSimulator, type SentVnptWebhook } from '../../../src/sandbox/vnpt-econtract/simulator';
import { InMemoryKeyValueStore } from '../../../src/stores/in-memory-key-value-store';
import { UndiciTestTransport } from '../vnpt-econtract/undici-test-transport';

const USER = { username: 'integrator@sandbox.test', password: 'correct horse battery', companyId: '668', userId: 6 };
const TOKEN = 'sandbox-webhook-token-91c2';
const silent = pino({ level: 'silent' });

/** A webhook target on 127.0.0.1:0 that records what arrives and answers with the next queued status (200 once they run out). */
async function startCapture(statuses: number[] = []): Promise<LoopbackServer & { readonly received: RecordedRequest[] }> {
  const received: RecordedRequest[] = [];
  const server = await startLoopbackServer((request, response) => {
    received.push(request);
    const status = statuses.shift() ?? 200;
    sendJson(response, status, { success: status === 200, messages: [] });
  });
  return Object.assign(server, { received });
}

/** Waits (real time, bounded) until every sent webhook has a final outcome. */
async function settled(simulator: VnptEcontractSimulator, count: number): Promise<readonly SentVnptWebhook[]> {
  for (let waited = 0; waited < 5_000; waited += 10) {
    const sent = simulator.sentWebhooks();
    if (sent.length >= count && sent.every((webhook) => webhook.outcome !== 'pending')) return sent;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('webhooks did not settle');
}

describe('VNPT simulator webhook sender', () => {
  const open: { close(): Promise<void> }[] = [];
  let simulator: VnptEcontractSimulator;
  let client: VnptEcontractClient;

  async function start(retryDelaysMs: readonly number[] = [10, 10]): Promise<void> {
    simulator = await VnptEcontractSimulator.start({
      users: [USER],
      webhookToken: TOKEN,
      webhookRetryDelaysMs: retryDelaysMs,
      logger: silent,
    });
    const transport = new UndiciTestTransport(simulator.url);
    open.push(transport, simulator);
    client = new VnptEcontractClient({
      transport,
      endpoint: simulator.url,
      credentials: { username: USER.username, password: USER.password, companyId: USER.companyId },
      store: new InMemoryKeyValueStore(),
      logger: silent,
    });
  }

  afterEach(async () => {
    for (const resource of open.splice(0).reverse()) await resource.close();
  });

  it('posts exactly one webhook with the bearer and the documented body when a document is canceled', async () => {
    await start();
    const capture = await startCapture();
    open.push(capture);
    simulator.deliverWebhooksTo(`${capture.url}/callbacks/vnpt-econtract`);
    const documentId = simulator.seeded.byStatus.READY;
    const documentNo = simulator.getDocument(documentId)?.no;

    await client.cancelDocument({ id: documentId, reason: 'Signed by mistake' }, { idempotent: false });
    const sent = await settled(simulator, 1);

    expect(sent).toEqual([expect.objectContaining({ outcome: 'delivered', attempts: 1, lastStatus: 200 })]);
    expect(capture.received).toHaveLength(1);
    const webhook = capture.received.at(0);
    if (!webhook) throw new Error('no webhook arrived');
    expect(webhook.method).toBe('POST');
    expect(webhook.url).toBe('/callbacks/vnpt-econtract');
    expect(webhook.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(webhook.headers['content-type']).toMatch(/^application\/json/);
    const body: unknown = JSON.parse(webhook.body);
    expect(body).toEqual({
      DocumentId: documentId,
      DocumentNo: documentNo,
      DocumentStatus: { Value: -3, Description: 'Canceled' },
      Reason: 'Signed by mistake',
      DatetimeNow: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}\+07:00$/) as unknown,
    });
    expect(typeof documentNo).toBe('string');
  });

  it('posts nothing for a refused cancel or before it is told where', async () => {
    await start();
    const capture = await startCapture();
    open.push(capture);

    await client.cancelDocument({ id: simulator.seeded.byStatus.READY, reason: 'before deliverWebhooksTo' }, { idempotent: false });
    simulator.deliverWebhooksTo(`${capture.url}/callbacks/vnpt-econtract`);
    await expect(
      client.cancelDocument({ id: simulator.seeded.byStatus.NEW, reason: 'a NEW document cannot be canceled' }, { idempotent: false }),
    ).rejects.toThrow();

    expect(simulator.sentWebhooks()).toEqual([]);
    expect(capture.received).toEqual([]);
  });

  it('posts the new status when a document is moved on by setDocumentStatus', async () => {
    await start();
    const capture = await startCapture();
    open.push(capture);
    simulator.deliverWebhooksTo(`${capture.url}/callbacks/vnpt-econtract`);

    simulator.setDocumentStatus(simulator.seeded.byStatus.PROCESSING, 'COMPLETED');
    await settled(simulator, 1);

    expect(capture.received.map((request) => (JSON.parse(request.body) as { DocumentStatus: unknown }).DocumentStatus)).toEqual([
      { Value: 4, Description: 'Completed' },
    ]);
  });

  it('retries a 5xx answer and stops at the first 2xx', async () => {
    await start([10, 10]);
    const capture = await startCapture([503, 500]);
    open.push(capture);
    simulator.deliverWebhooksTo(`${capture.url}/callbacks/vnpt-econtract`);

    simulator.setDocumentStatus(simulator.seeded.byStatus.READY, 'PROCESSING');
    const sent = await settled(simulator, 1);

    expect(sent).toEqual([expect.objectContaining({ outcome: 'delivered', attempts: 3, lastStatus: 200 })]);
    expect(capture.received).toHaveLength(3);
    expect(new Set(capture.received.map((request) => request.body)).size).toBe(1);
  });

  it('drops a webhook the target refuses with 401 without retrying', async () => {
    await start([10, 10]);
    const capture = await startCapture([401]);
    open.push(capture);
    simulator.deliverWebhooksTo(`${capture.url}/callbacks/vnpt-econtract`);

    simulator.setDocumentStatus(simulator.seeded.byStatus.READY, 'PROCESSING');

    expect(await settled(simulator, 1)).toEqual([expect.objectContaining({ outcome: 'dropped', attempts: 1, lastStatus: 401 })]);
    expect(capture.received).toHaveLength(1);
  });

  it('drops a webhook after its retries when nobody listens, without crashing or rejecting', async () => {
    await start([10, 10]);
    const gone = await startCapture();
    await gone.close();
    simulator.deliverWebhooksTo(`${gone.url}/callbacks/vnpt-econtract`);

    simulator.setDocumentStatus(simulator.seeded.byStatus.READY, 'PROCESSING');

    expect(await settled(simulator, 1)).toEqual([expect.objectContaining({ outcome: 'dropped', attempts: 3, lastStatus: undefined })]);
    await expect(client.getDocument(simulator.seeded.byStatus.READY)).resolves.toEqual(expect.objectContaining({ status: 'PROCESSING' }));
  });

  it('clears a pending retry on close', async () => {
    await start([60_000]);
    const capture = await startCapture([503]);
    open.push(capture);
    simulator.deliverWebhooksTo(`${capture.url}/callbacks/vnpt-econtract`);
    simulator.setDocumentStatus(simulator.seeded.byStatus.READY, 'PROCESSING');
    for (let waited = 0; simulator.sentWebhooks()[0]?.lastStatus !== 503 && waited < 5_000; waited += 10) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(simulator.sentWebhooks()).toEqual([expect.objectContaining({ outcome: 'pending', attempts: 1, lastStatus: 503 })]);

    await simulator.close();

    // jest would report the 60 s timer as an open handle (and the test run would hang) had close() left it.
    expect(simulator.sentWebhooks()).toEqual([expect.objectContaining({ outcome: 'dropped', attempts: 1, lastStatus: 503 })]);
    expect(capture.received).toHaveLength(1);
  });

  it('reaches the subgraph receiver end to end: a cancel becomes one CANCELED event', async () => {
    await start();
    const receiver = new VnptWebhookReceiver({ token: TOKEN, documents: client, logger: silent });
    const events: DocumentChangeEvent[] = [];
    const subgraph = await startLoopbackServer(async (request, response) => {
      const outcome = await receiver.receive({ rawBody: Buffer.from(request.body, 'utf8'), headers: request.headers });
      for (const event of outcome.events) if (event.kind === 'document') events.push(event);
      sendJson(response, outcome.status, outcome.body);
    });
    open.push(subgraph);
    simulator.deliverWebhooksTo(`${subgraph.url}${receiver.path}`);
    const documentId = simulator.seeded.byStatus.COMPLETED;

    await client.cancelDocument({ id: documentId, reason: 'Superseded' }, { idempotent: false });
    await settled(simulator, 1);

    expect(events).toEqual([expect.objectContaining({ kind: 'document', documentId, status: 'CANCELED' })]);
  });
});
