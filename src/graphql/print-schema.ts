import { printSubgraphSchema } from '@apollo/subgraph';
import { buildAgreementsSchema, type AgreementsSchemaOptions } from './build-schema';

/**
 * The subgraph SDL a router composes. The default (no security directives) is committed as
 * `schema/schema.graphql`; tests compare the two and compose both variants.
 */
export async function printAgreementsSchema(options: AgreementsSchemaOptions = {}): Promise<string> {
  return `${printSubgraphSchema(await buildAgreementsSchema(options)).trim()}\n`;
}
