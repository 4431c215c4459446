import { createHmac } from 'node:crypto';
import { request } from 'undici';
import { essCallback, flowStatusChange } from '../../support/ess-callback';
import { connectSubscriptionClient, type SubscriptionClient } from '../../support/subscription-client';
import { startTestApp, type TestApp } from '../../support/test-app';

const FLOW_EVENTS = `subscription ($ids: [ID!]) {
  flowEvents(flowIds: $ids) { eventId flowId status operation occurredAt flow { id status } }
}`;

/** 2026-12-04T10:00:00Z in Unix seconds, as ESS sends UpdatedOn. */
const UPDATED_ON = 1_796_378_400;

async function post(
  url: string,
  callback: { readonly body: string; readonly headers: Record<string, string> },
): Promise<{ status: number; body: unknown }> {
  const response = await request(`${url}/callbacks/tencent-ess`, { method: 'POST', headers: callback.headers, body: callback.body });
  return { status: response.statusCode, body: await response.body.json() };
}

async function metric(url: string, line: string): Promise<string | undefined> {
  const text = await (await request(`${url}/metrics`)).body.text();
  return text.split('\n').find((candidate) => candidate.startsWith(line));
}

describe('ESS callbacks become flowEvents', () => {
  let app: TestApp;
  let client: SubscriptionClient;
  let key: string;
  let token: string;

  beforeAll(async () => {
    app = await startTestApp();
    const callback = app.settings.ess?.callback;
    if (callback?.token === undefined) throw new Error('the sandbox configures an ESS callback key and token');
    ({ key, token } = { key: callback.key, token: callback.token });
    client = await connectSubscriptionClient(app.url);
  });

  afterAll(async () => {
    await client.close();
    await app.close();
  });

  it('delivers an encrypted, signed callback once, and ignores refused, duplicate and unknown ones', async () => {
    const flowId = app.ess.seeded.signed.at(0);
    if (flowId === undefined) throw new Error('the simulator seeds signed flows');
    const events = await client.subscribe(FLOW_EVENTS, { ids: [flowId] });

    // FlowCallbackStatus 4 is SIGNED and Operate "finish" is FINISH (DESIGN.md "Schema contract" and "Events").
    const first = await post(app.url, essCallback(key, token, flowStatusChange('msg-ess-1', flowId, 4, 'finish', UPDATED_ON)));
    expect(first.status).toBe(200);
    const delivered = await events.next();
    expect(delivered?.errors).toBeUndefined();
    expect(delivered?.data).toEqual({
      flowEvents: {
        eventId: 'msg-ess-1',
        flowId,
        status: 'SIGNED',
        operation: 'FINISH',
        occurredAt: '2026-12-04T10:00:00.000Z',
        flow: { id: flowId, status: 'SIGNED' },
      },
    });

    // The same MsgId again (ESS redelivers until it gets a 200): acknowledged, not emitted again.
    expect((await post(app.url, essCallback(key, token, flowStatusChange('msg-ess-1', flowId, 4, 'finish', UPDATED_ON)))).status).toBe(200);
    // A wrong signature: 401 and nothing.
    const forged = essCallback(key, token, flowStatusChange('msg-ess-2', flowId, 3, 'reject', UPDATED_ON));
    expect(
      (await post(app.url, { body: forged.body, headers: { ...forged.headers, 'content-signature': `sha256=${'0'.repeat(64)}` } })).status,
    ).toBe(401);
    // No signature while a token is configured: 401.
    expect((await post(app.url, { body: forged.body, headers: { 'content-type': 'application/json' } })).status).toBe(401);
    // A signed body whose ciphertext does not decrypt, and one whose plaintext is no message: 400 and nothing.
    const garbageBody = JSON.stringify({ encrypt: Buffer.from('not a ciphertext at all').toString('base64') });
    const signature = `sha256=${createHmac('sha256', token).update(garbageBody).digest('hex')}`;
    expect(
      (await post(app.url, { body: garbageBody, headers: { 'content-type': 'application/json', 'content-signature': signature } })).status,
    ).toBe(400);
    expect((await post(app.url, essCallback(key, token, { not: 'a message' }))).status).toBe(400);
    // An unknown MsgType: acknowledged and ignored.
    const other = essCallback(key, token, { MsgId: 'msg-ess-3', MsgType: 'OperateChildOrganization', MsgVersion: 'v2', MsgData: {} });
    expect((await post(app.url, other)).status).toBe(200);

    // The next event the subscriber sees is the next distinct one: nothing above was emitted.
    expect((await post(app.url, essCallback(key, token, flowStatusChange('msg-ess-4', flowId, 21, 'start', UPDATED_ON + 60)))).status).toBe(
      200,
    );
    const next = await events.next();
    expect(next?.data).toMatchObject({
      flowEvents: { eventId: 'msg-ess-4', status: 'RELEASED', operation: 'START', occurredAt: '2026-12-04T10:01:00.000Z' },
    });

    expect(await metric(app.url, 'events_received_total{kind="flow",outcome="duplicate"}')).toMatch(/ 1$/);
    expect(await metric(app.url, 'events_received_total{kind="flow",outcome="emitted"}')).toMatch(/ 2$/);
    expect(await metric(app.url, 'events_refused_total{receiver="/callbacks/tencent-ess",reason="unauthorized"}')).toMatch(/ 2$/);
    expect(await metric(app.url, 'events_refused_total{receiver="/callbacks/tencent-ess",reason="malformed"}')).toMatch(/ 2$/);
    await events.stop();
  });

  it('answers 413 to a callback body over the limit, before any decryption', async () => {
    const response = await request(`${app.url}/callbacks/tencent-ess`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ encrypt: 'A'.repeat(70 * 1024) }),
    });
    expect(response.statusCode).toBe(413);
    await response.body.dump();
    expect(await metric(app.url, 'events_refused_total{receiver="/callbacks/tencent-ess",reason="too_large"}')).toMatch(/ 1$/);
  });
});
