import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';

/**
 * A second subgraph, as a real supergraph has: contracts that point at this subgraph's `Flow`,
 * `Document` and `Invitation` by key only, so a gateway must resolve them through `_entities`.
 */
export const CONTRACTS_TYPE_DEFS = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])

  type Contract @key(fields: "id") {
    id: ID!
    title: String!
    flow: Flow
    document: Document
    invitation: Invitation
  }

  type Flow @key(fields: "id", resolvable: false) { id: ID! }
  type Document @key(fields: "id", resolvable: false) { id: ID! }
  type Invitation @key(fields: "id", resolvable: false) { id: ID! }

  type Query {
    "One contract per flow id, in order; documentId and invitationId are attached to every contract."
    contracts(flowIds: [ID!]!, documentId: ID, invitationId: ID): [Contract!]!
  }
`);

interface ContractsArgs {
  readonly flowIds: readonly string[];
  readonly documentId?: string | null;
  readonly invitationId?: string | null;
}

const key = (id: string | null | undefined): { readonly id: string } | null => (id ? { id } : null);

export interface RunningSubgraph {
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts the contracts subgraph on 127.0.0.1 with an ephemeral port. */
export async function startContractsSubgraph(): Promise<RunningSubgraph> {
  const server = new ApolloServer({
    schema: buildSubgraphSchema({
      typeDefs: CONTRACTS_TYPE_DEFS,
      resolvers: {
        Query: {
          contracts: (_root: unknown, args: ContractsArgs) =>
            args.flowIds.map((flowId, index) => ({
              id: `contract-${String(index)}`,
              title: `Contract ${String(index)}`,
              flow: key(flowId),
              document: key(args.documentId),
              invitation: key(args.invitationId),
            })),
        },
      },
    }),
  });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { url, stop: () => server.stop() };
}
