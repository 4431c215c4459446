import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A gateway serving a supergraph on 127.0.0.1:0. */
export interface RunningGateway {
  readonly name: string;
  /** `…/graphql` */
  readonly url: string;
  stop(): Promise<void>;
}

interface GatewayContext {
  readonly authorization: string | undefined;
}

/** Apollo Gateway (`@apollo/gateway`) in Apollo Server, forwarding the client's Authorization header. */
export async function startApolloGateway(supergraphSdl: string): Promise<RunningGateway> {
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ url }) =>
      new RemoteGraphQLDataSource<GatewayContext>({
        url,
        willSendRequest({ request, context }) {
          const authorization: unknown = context.authorization;
          if (typeof authorization === 'string') request.http?.headers.set('authorization', authorization);
        },
      }),
  });
  const server = new ApolloServer<GatewayContext>({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: ({ req }) => Promise.resolve({ authorization: req.headers.authorization }),
  });
  return { name: 'Apollo Gateway', url: `${url.replace(/\/$/, '')}/graphql`, stop: () => server.stop() };
}

/** Hive Gateway (`@graphql-hive/gateway-runtime`) on a Node HTTP server, forwarding Authorization. */
export async function startHiveGateway(supergraphSdl: string): Promise<RunningGateway> {
  const runtime = createGatewayRuntime({
    supergraph: supergraphSdl,
    logging: process.env.HIVE_DEBUG ? 'debug' : false,
    maskedErrors: process.env.HIVE_DEBUG === undefined,
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get('authorization') ?? undefined }),
    },
  });
  const server = createServer((incoming, outgoing) => {
    void runtime(incoming, outgoing);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    name: 'Hive Gateway',
    url: `http://127.0.0.1:${String(port)}/graphql`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
      await runtime.dispose();
    },
  };
}
