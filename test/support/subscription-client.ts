import { createClient, type Client } from 'graphql-ws';
import type { FormattedExecutionResult } from 'graphql';
import WebSocket from 'ws';

/** A graphql-transport-ws client of a subgraph (or gateway) at `httpUrl`, as a router or browser would be. */
export interface SubscriptionClient {
  /** Subscribes; results arrive in order through `next()`. Resolves once the server acknowledged the connection. */
  subscribe(query: string, variables?: Record<string, unknown>): Promise<Subscription>;
  /** Closes the socket (every subscription ends, as when a browser tab closes). */
  close(): Promise<void>;
}

export interface Subscription {
  /** The next result, or undefined once the server completed the subscription. */
  next(): Promise<FormattedExecutionResult<Record<string, unknown>, unknown> | undefined>;
  /** Completes this subscription from the client side. */
  stop(): Promise<void>;
}

export async function connectSubscriptionClient(
  httpUrl: string,
  options: { readonly path?: string; readonly connectionParams?: Record<string, unknown>; readonly headers?: Record<string, string> } = {},
): Promise<SubscriptionClient> {
  const url = `${httpUrl.replace(/^http/, 'ws')}${options.path ?? '/graphql'}`;
  const headers = options.headers ?? {};
  class HeaderedWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  let connected: () => void = () => undefined;
  let refused: (reason: unknown) => void = () => undefined;
  const acknowledged = new Promise<void>((resolve, reject) => {
    connected = resolve;
    refused = reject;
  });
  const client: Client = createClient({
    url,
    webSocketImpl: HeaderedWebSocket,
    connectionParams: options.connectionParams,
    lazy: false,
    retryAttempts: 0,
    // A refused connection is reported through `closed` (the promise below), not printed.
    onNonLazyError: () => undefined,
    on: {
      connected: () => {
        connected();
      },
      closed: (event) => {
        refused(event);
      },
    },
  });
  await acknowledged;
  return {
    subscribe: (query, variables) => {
      const iterator = client.iterate({ query, variables });
      return Promise.resolve({
        next: async () => {
          const result = await iterator.next();
          return result.done === true ? undefined : result.value;
        },
        stop: async () => {
          await iterator.return?.();
        },
      });
    },
    close: async () => {
      await client.dispose();
    },
  };
}
