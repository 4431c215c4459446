import { composeServices } from '@apollo/composition';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'graphql';
import { printAgreementsSchema } from '../../src/graphql/print-schema';

/** A second subgraph that extends our entities, as a real supergraph would. */
const CONSUMER_SUBGRAPH = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
  type Flow @key(fields: "id") { id: ID! internalNote: String }
  type Query { notes: [Flow!]! }
`;

function compose(sdl: string): ReturnType<typeof composeServices> {
  return composeServices([
    { name: 'agreements', typeDefs: parse(sdl), url: 'http://agreements.invalid/graphql' },
    { name: 'notes', typeDefs: parse(CONSUMER_SUBGRAPH), url: 'http://notes.invalid/graphql' },
  ]);
}

describe('federation composition', () => {
  it('composes the committed subgraph SDL (no security directives) with another subgraph', async () => {
    const sdl = await readFile(join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8');
    const result = compose(sdl);
    expect(result.errors ?? []).toEqual([]);
    const supergraph = result.schema?.toGraphQLJSSchema();
    expect(supergraph?.getType('Flow')).toBeDefined();
    expect(supergraph?.getMutationType()?.getFields().createReleaseFlow).toBeDefined();
    // Apollo Gateway refuses a supergraph with a SECURITY feature it does not support (requiresScopes).
    expect(sdl).not.toMatch(/@requiresScopes|@authenticated/);
    expect(result.supergraphSdl).not.toMatch(/requiresScopes/);
  });

  it('composes the FEDERATION_AUTH_DIRECTIVES=true variant, which declares the scopes for a router', async () => {
    const sdl = await printAgreementsSchema({ federationAuthDirectives: true });
    const result = compose(sdl);
    expect(result.errors ?? []).toEqual([]);
    // One rule per DESIGN.md scope, e.g. flows:read on Flow and flows:write on the ESS mutations.
    expect(sdl).toMatch(/type Flow\s+@key\(fields: "id"\)[^{]*@requiresScopes\(scopes: \[\["flows:read"\]\]\)/);
    expect(sdl).toMatch(/createReleaseFlow\(input: CreateReleaseFlowInput!\): CreateReleaseFlowResult![^\n]*"flows:write"/);
    expect(result.supergraphSdl).toMatch(/requiresScopes/);
  });

  it('declares demand-control costs the router can estimate from (DESIGN.md: flows(ids) assumes 100)', async () => {
    const sdl = await readFile(join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8');
    expect(sdl).toMatch(/flows\(ids: \[ID!\]!\): \[Flow\][^\n]*@listSize\(assumedSize: 100\)/);
    expect(sdl).toMatch(/createReleaseFlow\([^\n]*@cost\(weight: \d+\)/);
  });
});
