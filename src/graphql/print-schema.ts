import { printSubgraphSchema } from '@apollo/subgraph';
import { buildAgreementsSchema } from './build-schema';

/** The SDL committed as `schema/schema.graphql` (what a router composes); tests compare the two. */
export async function printAgreementsSchema(): Promise<string> {
  return `${printSubgraphSchema(await buildAgreementsSchema()).trim()}\n`;
}
