import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startTestApp } from '../../support/test-app';
import { untilSubscriptions } from '../../support/until';

/** Shutdown (DESIGN.md "Reliability"): open subscriptions end with 1001 so clients reconnect elsewhere, and never hold the drain open. */
describe('subscriptions at shutdown', () => {
  it('closes open subscriptions with 1001 Going Away and finishes the shutdown', async () => {
    const t = await startTestApp({ seed: false });
    const closes: number[] = [];
    const client = createClient({
      url: `${t.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
      // The close is expected here; graphql-ws would print it.
      onNonLazyError: () => undefined,
      on: {
        closed: (event) => {
          closes.push((event as { readonly code: number }).code);
        },
      },
    });
    const ended = new Promise<unknown>((resolve) => {
      client.subscribe(
        { query: 'subscription { flowEvents { eventId } }' },
        {
          next: () => undefined,
          error: resolve,
          complete: () => {
            resolve('completed');
          },
        },
      );
    });
    await untilSubscriptions(t.url, 'flow', 1);

    await t.close();

    expect(await ended).toHaveProperty('code', 1001);
    expect(closes).toEqual([1001]);
    await client.dispose();
  });
});
