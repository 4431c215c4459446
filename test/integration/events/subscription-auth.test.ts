import { connectSubscriptionClient } from '../../support/subscription-client';
import { startTestApp, type TestApp } from '../../support/test-app';
import { untilSubscriptions } from '../../support/until';
import { TEST_JWT_ENV, testToken } from '../../support/test-jwt';

const FLOW_EVENTS = 'subscription { flowEvents { eventId } }';

describe('subscriptions over graphql-transport-ws with AUTH_MODE=jwt', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ env: TEST_JWT_ENV });
  });

  afterAll(async () => {
    await app.close();
  });

  it('refuses flowEvents to a token without flows:read, before any event flows', async () => {
    const client = await connectSubscriptionClient(app.url, {
      connectionParams: { authorization: `Bearer ${await testToken('documents:read')}` },
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
        connectionParams: {
          authorization: `Bearer ${await testToken('flows:read', 'subscriber-1', { secret: 'another-secret-of-at-least-32-bytes!!' })}`,
        },
      }),
    ).rejects.toMatchObject({ code: 4403 });
  });

  it('takes the token from the upgrade request too, and frees a subscription when its client goes away', async () => {
    const client = await connectSubscriptionClient(app.url, { headers: { authorization: `Bearer ${await testToken('flows:read')}` } });
    const events = await client.subscribe(FLOW_EVENTS);
    // The subscription is open on the server once the bus counts it; nothing is read from it.
    await untilSubscriptions(app.url, 'flow', 1);
    void events.next();
    await client.close();
    // Its subscriber is gone from the bus: nothing of it is left to hold or deliver to.
    await untilSubscriptions(app.url, 'flow', 0);
  });

  it('serves only subscriptions over WebSocket', async () => {
    const client = await connectSubscriptionClient(app.url, {
      connectionParams: { authorization: `Bearer ${await testToken('flows:read')}` },
    });
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
