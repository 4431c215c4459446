// Types only: nothing is imported at run time, so the Hive Gateway CLI can load this file from anywhere.
import type { GatewayConfigSupergraph } from '@graphql-hive/gateway-runtime';

/**
 * Hive Gateway configuration for a supergraph that contains agreements-subgraph.
 *
 *   rover supergraph compose --config deploy/supergraph.yaml --output supergraph.graphql
 *   AGREEMENTS_SUBGRAPH_URL=http://agreements-subgraph:4001/graphql \
 *     npx hive-gateway supergraph supergraph.graphql --config-path deploy/gateway.config.ts
 *
 * `defineConfig` lives in `@graphql-hive/gateway` (the CLI), which this project does not install; the CLI
 * accepts any object of the runtime's `GatewayConfigSupergraph` type, so the config is typed with that.
 * Run the subgraph with FEDERATION_AUTH_DIRECTIVES=true behind this gateway.
 */

/** The subgraph's name in deploy/supergraph.yaml (and so in the composed supergraph). */
export const AGREEMENTS_SUBGRAPH = 'agreements';

/** Where the Kubernetes Service (deploy/kubernetes/service.yaml) answers, when AGREEMENTS_SUBGRAPH_URL is unset. */
const DEFAULT_SUBGRAPH_URL = 'http://agreements-subgraph:4001/graphql';

/**
 * How long the gateway waits for one subgraph request. One vendor call, retries included, ends within
 * VENDOR_TIMEOUT_MS (default 10 s) with a typed DEADLINE_EXCEEDED error; waiting longer (15 s) lets that
 * typed error reach the client instead of the gateway's own GATEWAY_TIMEOUT.
 */
const AGREEMENTS_TIMEOUT_MS = 15_000;

/** Client headers the subgraph needs: the bearer token it verifies itself, and the id its logs carry. */
const PROPAGATED_HEADERS = ['authorization', 'x-request-id'] as const;

type Env = Readonly<Record<string, string | undefined>>;

/** A variable's trimmed value; blank counts as unset, as in the subgraph's own configuration. */
function envValue(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** The gateway configuration for an environment (exported for tests; the CLI reads `gatewayConfig`). */
export function createGatewayConfig(env: Env): GatewayConfigSupergraph {
  return {
    supergraph: envValue(env, 'SUPERGRAPH_PATH') ?? './supergraph.graphql',

    propagateHeaders: {
      fromClientToSubgraphs({ request, subgraphName }) {
        if (subgraphName !== AGREEMENTS_SUBGRAPH) return;
        const headers: Record<string, string | null> = {};
        for (const name of PROPAGATED_HEADERS) headers[name] = request.headers.get(name);
        return headers;
      },
    },

    // Subscriptions are long-lived: a per-request timeout would cut every one of them at 15 s. (The
    // operation type is compared as a string so this file needs no runtime import of `graphql`.)
    upstreamTimeout: ({ subgraphName, executionRequest }) => {
      const operation: string | undefined = executionRequest?.operationType;
      return subgraphName === AGREEMENTS_SUBGRAPH && operation !== 'subscription' ? AGREEMENTS_TIMEOUT_MS : undefined;
    },

    // No upstreamRetry: the subgraph already retries reads inside its deadline and must decide itself
    // which writes are safe to repeat (idempotency keys).

    // Keep the subgraph's own `extensions.code` (the plugin only fills a code in where none is set) and
    // name the subgraph; the subgraph's typed errors are GraphQL errors, which masking leaves alone.
    subgraphErrors: { errorCode: 'DOWNSTREAM_SERVICE_ERROR', subgraphNameProp: 'serviceName' },

    transportEntries: {
      [AGREEMENTS_SUBGRAPH]: {
        location: envValue(env, 'AGREEMENTS_SUBGRAPH_URL') ?? DEFAULT_SUBGRAPH_URL,
        options: {
          // The subgraph speaks graphql-transport-ws on /graphql. The caller's Authorization goes both in
          // the ConnectionInit payload (Hive's recommended way) and on the upgrade request (what Apollo
          // Router sends), so the subgraph reads it the same way behind either gateway.
          subscriptions: {
            kind: 'ws',
            location: '/graphql',
            headers: [['authorization', '{context.headers.authorization}']],
            options: { connectionParams: { Authorization: '{context.headers.authorization}' } },
          },
        },
      },
    },
  };
}

export const gatewayConfig = createGatewayConfig(process.env);
