import { pino } from 'pino';
import { VnptEcontractClient } from '../../../datasources/vnpt-econtract/client';
import { VnptWebhookReceiver } from '../../../datasources/vnpt-econtract/webhook-receiver';
import { VnptEcontractSimulator } from '../../../src/sandbox/vnpt-econtract/simulator';
import { InMemoryKeyValueStore } from '../../../src/stores/in-memory-key-value-store';
import { UndiciTestTransport } from './undici-test-transport';

const USER = { username: 'integrator@sandbox.test', password: 'correct horse battery', companyId: '668', userId: 6 };
const TOKEN = 'vnpt-webhook-token-7f3a';
/** Receipt time when the webhook has no usable `DatetimeNow`. */
const RECEIVED_AT = new Date('2026-12-04T12:00:00.000Z');

function webhookBody(documentId: string, statusValue: number, datetimeNow?: string): Buffer {
  return Buffer.from(
    JSON.stringify({
      DocumentId: documentId,
      DocumentNo: 'HD-2026-0001',
      DocumentStatus: { Value: statusValue, Description: 'Canceled' },
      Reason: 'Ký nhầm hợp đồng',
      ...(datetimeNow === undefined ? {} : { DatetimeNow: datetimeNow }),
    }),
    'utf8',
  );
}

function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}

describe('VnptWebhookReceiver', () => {
  let simulator: VnptEcontractSimulator;
  let transport: UndiciTestTransport;
  let receiver: VnptWebhookReceiver;

  beforeEach(async () => {
    simulator = await VnptEcontractSimulator.start({ users: [USER] });
    transport = new UndiciTestTransport(simulator.url);
    const client = new VnptEcontractClient({
      transport,
      endpoint: simulator.url,
      credentials: { username: USER.username, password: USER.password, companyId: USER.companyId },
      store: new InMemoryKeyValueStore(),
      logger: pino({ level: 'silent' }),
    });
    receiver = new VnptWebhookReceiver({ token: TOKEN, documents: client, logger: pino({ level: 'silent' }), now: () => RECEIVED_AT });
    simulator.clearRecords();
  });

  afterEach(async () => {
    await transport.close();
    await simulator.close();
  });

  it('serves the documented path', () => {
    expect(receiver.path).toBe('/callbacks/vnpt-econtract');
  });

  it('answers 401 without calling VNPT when the bearer is wrong', async () => {
    const outcome = await receiver.receive({ rawBody: webhookBody(simulator.seeded.byStatus.READY, -3), headers: bearer(`${TOKEN}x`) });

    expect(outcome).toEqual({ status: 401, body: { success: false, messages: ['Unauthorized'] }, events: [], refusal: 'unauthorized' });
    expect(simulator.requests()).toHaveLength(0);
  });

  it.each([
    ['no Authorization header', {}],
    ['an empty bearer', { authorization: 'Bearer ' }],
    ['another scheme', { authorization: `Basic ${TOKEN}` }],
    ['a prefix of the token', bearer(TOKEN.slice(0, -1))],
  ])('answers 401 without calling VNPT for %s', async (_label, headers) => {
    const outcome = await receiver.receive({ rawBody: webhookBody(simulator.seeded.byStatus.READY, -3), headers });

    expect(outcome.status).toBe(401);
    expect(outcome.refusal).toBe('unauthorized');
    expect(outcome.events).toEqual([]);
    expect(simulator.requests()).toHaveLength(0);
  });

  it.each([
    ['not JSON', Buffer.from('DocumentId=1', 'utf8')],
    ['a JSON array', Buffer.from('[]', 'utf8')],
    ['no DocumentId', Buffer.from(JSON.stringify({ DocumentStatus: { Value: 2 } }), 'utf8')],
    ['an empty DocumentId', Buffer.from(JSON.stringify({ DocumentId: '', DocumentStatus: { Value: 2 } }), 'utf8')],
    ['a numeric DocumentId', Buffer.from(JSON.stringify({ DocumentId: 42, DocumentStatus: { Value: 2 } }), 'utf8')],
    ['no DocumentStatus', Buffer.from(JSON.stringify({ DocumentId: 'd-1' }), 'utf8')],
    ['a fractional status', Buffer.from(JSON.stringify({ DocumentId: 'd-1', DocumentStatus: { Value: 2.5 } }), 'utf8')],
    ['an over-long DocumentId', Buffer.from(JSON.stringify({ DocumentId: 'x'.repeat(129), DocumentStatus: { Value: 2 } }), 'utf8')],
  ])('answers 400 malformed without calling VNPT for %s', async (_label, rawBody) => {
    const outcome = await receiver.receive({ rawBody, headers: bearer(TOKEN) });

    expect(outcome).toEqual({
      status: 400,
      body: { success: false, messages: ['Malformed webhook body'] },
      events: [],
      refusal: 'malformed',
    });
    expect(simulator.requests()).toHaveLength(0);
  });

  it('emits the status VNPT reports on re-reading, not the one the webhook claims', async () => {
    const documentId = simulator.seeded.byStatus.READY;

    const outcome = await receiver.receive({
      rawBody: webhookBody(documentId, -3, '2026-12-04T17:30:05.1234567+07:00'),
      headers: bearer(TOKEN),
    });

    expect(outcome.status).toBe(200);
    expect(outcome.body).toEqual({ success: true, messages: [] });
    expect(outcome.refusal).toBeUndefined();
    expect(outcome.events).toEqual([
      {
        kind: 'document',
        eventId: expect.stringMatching(/^vnpt:[0-9a-f]{64}$/) as unknown,
        documentId,
        status: 'READY',
        occurredAt: '2026-12-04T10:30:05.123Z',
      },
    ]);
    const reads = simulator.requests().filter((request) => request.method === 'GET');
    expect(reads.map((request) => request.url)).toEqual([`/api/documents/${documentId}`]);
  });

  it('emits CANCELED for a document VNPT reports canceled', async () => {
    const documentId = simulator.seeded.byStatus.CANCELED;

    const outcome = await receiver.receive({ rawBody: webhookBody(documentId, -3, '2026-12-04T17:30:05'), headers: bearer(TOKEN) });

    expect(outcome.events).toEqual([expect.objectContaining({ documentId, status: 'CANCELED', occurredAt: '2026-12-04T10:30:05.000Z' })]);
  });

  it('keeps the event id of a redelivered webhook, and gives another DatetimeNow another id', async () => {
    const documentId = simulator.seeded.byStatus.COMPLETED;
    const receive = (datetimeNow: string) => receiver.receive({ rawBody: webhookBody(documentId, 4, datetimeNow), headers: bearer(TOKEN) });

    const [first, redelivered, later] = await Promise.all([
      receive('2026-12-04T17:30:05+07:00'),
      receive('2026-12-04T17:30:05+07:00'),
      receive('2026-12-04T17:31:00+07:00'),
    ]);

    expect(first.events[0]?.eventId).toBeDefined();
    expect(redelivered.events[0]?.eventId).toBe(first.events[0]?.eventId);
    expect(later.events[0]?.eventId).not.toBe(first.events[0]?.eventId);
  });

  it('dates the event at receipt when DatetimeNow is absent or unreadable', async () => {
    const documentId = simulator.seeded.byStatus.PROCESSING;

    const absent = await receiver.receive({ rawBody: webhookBody(documentId, 3), headers: bearer(TOKEN) });
    const unreadable = await receiver.receive({ rawBody: webhookBody(documentId, 3, 'yesterday'), headers: bearer(TOKEN) });

    expect(absent.events).toEqual([expect.objectContaining({ status: 'PROCESSING', occurredAt: '2026-12-04T12:00:00.000Z' })]);
    expect(unreadable.events).toEqual([expect.objectContaining({ status: 'PROCESSING', occurredAt: '2026-12-04T12:00:00.000Z' })]);
  });

  it('acknowledges a webhook for a document VNPT does not know, with no event', async () => {
    const outcome = await receiver.receive({ rawBody: webhookBody('00000000-0000-0000-0000-000000000000', -3), headers: bearer(TOKEN) });

    expect(outcome).toEqual({ status: 200, body: { success: true, messages: ['Document not found; ignored'] }, events: [] });
  });

  it('answers 503 with no event when the re-read fails, so VNPT redelivers', async () => {
    simulator.faults.inject('get-document', { kind: 'error', code: '502', httpStatus: 502, message: 'Bad gateway' });

    const outcome = await receiver.receive({ rawBody: webhookBody(simulator.seeded.byStatus.READY, -3), headers: bearer(TOKEN) });

    expect(outcome).toEqual({
      status: 503,
      body: { success: false, messages: ['Temporarily unavailable; please redeliver'] },
      events: [],
      refusal: 'unavailable',
    });
    expect(simulator.requests().filter((request) => request.method === 'GET')).toHaveLength(1);
  });

  it('answers 503 when VNPT cannot be reached at all', async () => {
    await simulator.close();

    const outcome = await receiver.receive({ rawBody: webhookBody('any-document', 2), headers: bearer(TOKEN) });

    expect(outcome.status).toBe(503);
    expect(outcome.events).toEqual([]);
  });

  it('answers a 503 for events it could not record in the same format', () => {
    expect(receiver.unavailableBody('store down')).toEqual({ success: false, messages: ['store down'] });
  });

  it('refuses to be built without a token', () => {
    expect(() => new VnptWebhookReceiver({ token: '', documents: { getDocument: () => Promise.resolve(null) }, logger: pino() })).toThrow(
      new RangeError('VnptWebhookReceiver needs a non-empty token'),
    );
  });
});
