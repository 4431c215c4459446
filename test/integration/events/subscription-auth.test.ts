import { SignJWT } from 'jose';
import { request } from 'undici';
import { connectSubscriptionClient } from '../../support/subscription-client';
import { startTestApp, type TestApp } from '../../support/test-app';

const SECRET = 'a-shared-secret-of-at-least-32-bytes!!';
const ISSUER = 'https://issuer.test';
const AUDIENCE = 'agreements-subgraph';

function token(scope: string, secret = SECRET): Promise<string> {
  return new SignJWT({ scope })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('subscriber-1')
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(secret));
}

const FLOW_EVENTS = 'subscription { flowEvents { eventId } }';

async function subscriptionsOpen(url: string, kind: string): Promise<string | undefined> {
  const text = await (await request(`${url}/metrics`)).body.text();
  return text.split('\n').find((line) => line.startsWith(`event_subscriptions{kind="${kind}"}`));
}

describe('subscriptions over graphql-transport-ws with AUTH_MODE=jwt', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ env: { AUTH_MODE: 'jwt', AUTH_JWT_SECRET: SECRET, AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE } });
  });

  afterAll(async () => {
    await app.close();
  });

  it('refuses flowEvents to a token without flows:read, before any event flows', async () => {
    const client = await connectSubscriptionClient(app.url, {
      connectionParams: { authorization: `Bearer ${await token('documents:read')}` },
    });
    const events = await client.subscribe(FLOW_EVENTS);
    const refused = await events.next();
    expect(refused?.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(refused?.errors?.[0]?.message).toBe('The token lacks the scope flows:read.');
    expect(await events.next()).toBeUndefined();
    await client.close();
  });

  it('refuses every subscription to a connection without a token', async () => {
    const client = await connectSubscriptionClient(app.url);
    const refused = await (await client.subscribe('subscription { documentEvents { eventId } }')).next();
    expect(refused?.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    await client.close();
  });

  it('closes the connection (4403) on a token that does not verify', async () => {
    await expect(
      connectSubscriptionClient(app.url, {
        connectionParams: { authorization: `Bearer ${await token('flows:read', 'another-secret-of-at-least-32-bytes!!')}` },
      }),
    ).rejects.toMatchObject({ code: 4403 });
  });

  it('takes the token from the upgrade request too, and frees a subscription when its client goes away', async () => {
    const client = await connectSubscriptionClient(app.url, { headers: { authorization: `Bearer ${await token('flows:read')}` } });
    const events = await client.subscribe(FLOW_EVENTS);
    // The subscription is open on the server once the bus counts it; nothing is read from it.
    let open = await subscriptionsOpen(app.url, 'flow');
    while (open !== 'event_subscriptions{kind="flow"} 1') {
      await new Promise((resolve) => setImmediate(resolve));
      open = await subscriptionsOpen(app.url, 'flow');
    }
    void events.next();
    await client.close();
    let closed = await subscriptionsOpen(app.url, 'flow');
    while (closed !== 'event_subscriptions{kind="flow"} 0') {
      await new Promise((resolve) => setImmediate(resolve));
      closed = await subscriptionsOpen(app.url, 'flow');
    }
    expect(closed).toBe('event_subscriptions{kind="flow"} 0');
  });

  it('serves only subscriptions over WebSocket', async () => {
    const client = await connectSubscriptionClient(app.url, { connectionParams: { authorization: `Bearer ${await token('flows:read')}` } });
    const query = await client.subscribe('query { flow(id: "x") { id } }');
    await expect(query.next()).rejects.toEqual([
      {
        message: 'Only subscriptions are served over WebSocket; send queries and mutations over HTTP.',
        extensions: { code: 'BAD_REQUEST' },
      },
    ]);
    const invalid = await client.subscribe('subscription { flowEvents { nope } }');
    await expect(invalid.next()).rejects.toMatchObject([{ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }]);
    await client.close();
  });
});
