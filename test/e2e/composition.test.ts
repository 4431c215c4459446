import { composeServices } from '@apollo/composition';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'graphql';

/** A second subgraph that extends our entities, as a real supergraph would. */
const CONSUMER_SUBGRAPH = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Flow @key(fields: "id") { id: ID! internalNote: String }
  type Query { notes: [Flow!]! }
`;

describe('federation composition', () => {
  it('composes the committed subgraph SDL with another subgraph without errors or hints that break', async () => {
    const sdl = await readFile(join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8');
    const result = composeServices([
      { name: 'agreements', typeDefs: parse(sdl), url: 'http://agreements.invalid/graphql' },
      { name: 'notes', typeDefs: parse(CONSUMER_SUBGRAPH), url: 'http://notes.invalid/graphql' },
    ]);
    expect(result.errors ?? []).toEqual([]);
    const supergraph = result.schema?.toGraphQLJSSchema();
    expect(supergraph?.getType('Flow')).toBeDefined();
    expect(supergraph?.getMutationType()?.getFields().createReleaseFlow).toBeDefined();
  });
});
