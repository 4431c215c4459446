import { parse } from 'graphql';
import { request } from 'undici';
import { connectSubscriptionClient, type SubscriptionClient } from '../../support/subscription-client';
import { startTestApp, type TestApp } from '../../support/test-app';

const DOCUMENT_EVENTS = `subscription ($ids: [ID!]) {
  documentEvents(documentIds: $ids) { eventId documentId status occurredAt document { id status } }
}`;

const CANCEL_DOCUMENT = parse(`mutation ($input: CancelDocumentInput!) {
  cancelDocument(input: $input) { __typename ... on CancelDocumentSuccess { documentId } }
}`);

async function postWebhook(url: string, token: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const response = await request(`${url}/callbacks/vnpt-econtract`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: response.statusCode, body: await response.body.json() };
}

describe('VNPT webhooks become documentEvents', () => {
  let app: TestApp;
  let client: SubscriptionClient;
  let token: string;

  beforeAll(async () => {
    app = await startTestApp({ deliverEvents: true });
    const configured = app.settings.vnpt?.webhookToken;
    if (configured === undefined) throw new Error('the sandbox configures a VNPT webhook token');
    token = configured;
    client = await connectSubscriptionClient(app.url);
  });

  afterAll(async () => {
    await client.close();
    await app.close();
  });

  it('delivers the sandbox webhook of a canceled document to a subscriber as CANCELED', async () => {
    const documentId = app.vnpt.seeded.byStatus.PROCESSING;
    const events = await client.subscribe(DOCUMENT_EVENTS, { ids: [documentId] });

    const canceled = await app.graphql(CANCEL_DOCUMENT, { input: { documentId, reason: 'Sai thông tin' } });
    expect(canceled.errors).toBeUndefined();
    const delivered = await events.next();

    expect(delivered?.errors).toBeUndefined();
    expect(delivered?.data).toEqual({
      documentEvents: {
        eventId: expect.stringMatching(/^vnpt:[0-9a-f]{64}$/) as unknown,
        documentId,
        status: 'CANCELED',
        occurredAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/) as unknown,
        document: { id: documentId, status: 'CANCELED' },
      },
    });
    expect(app.vnpt.sentWebhooks()).toEqual([expect.objectContaining({ outcome: 'delivered', attempts: 1, lastStatus: 200 })]);
    await events.stop();
  });

  it('refuses a wrong bearer, and reports the re-read status rather than a forged one, once per redelivery', async () => {
    const documentId = app.vnpt.seeded.byStatus.READY;
    const events = await client.subscribe(DOCUMENT_EVENTS, { ids: [documentId] });
    const forged = {
      DocumentId: documentId,
      DocumentNo: 'HD-0001',
      DocumentStatus: { Value: -3, Description: 'Canceled' },
      Reason: 'forged',
      DatetimeNow: '2026-12-04T17:00:00.0000000+07:00',
    };
    app.vnpt.clearRecords();

    expect(await postWebhook(app.url, `${token}-wrong`, forged)).toEqual({
      status: 401,
      body: { success: false, messages: ['Unauthorized'] },
    });
    expect(app.vnpt.requests()).toHaveLength(0);
    expect(await postWebhook(app.url, token, forged)).toEqual({ status: 200, body: { success: true, messages: [] } });
    expect((await postWebhook(app.url, token, forged)).status).toBe(200);
    app.vnpt.setDocumentStatus(documentId, 'COMPLETED');

    const first = await events.next();
    const second = await events.next();

    expect(first?.data).toEqual({
      documentEvents: {
        eventId: expect.stringMatching(/^vnpt:/) as unknown,
        documentId,
        status: 'READY',
        occurredAt: '2026-12-04T10:00:00.000Z',
        document: { id: documentId, status: expect.any(String) as unknown },
      },
    });
    // The redelivered forged webhook was not delivered again: the next event is the sandbox's COMPLETED one.
    expect(second?.data).toMatchObject({ documentEvents: { documentId, status: 'COMPLETED' } });
    await events.stop();
  });
});
