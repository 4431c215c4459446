import 'reflect-metadata';
import '../../resolvers/shared/enums';
import '../../resolvers/flow/flow-enums';
import '../../resolvers/document/document-enums';
import '../../resolvers/invitation/invitation-enums';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { DateTimeResolver } from 'graphql-scalars';
import type { GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import { buildSchema, createResolversMap } from 'type-graphql';
import { CancelDocumentResolver } from '../../resolvers/document/cancel-document.resolver';
import { documentReferenceResolver } from '../../resolvers/document/document.reference';
import { DocumentResolver } from '../../resolvers/document/document.resolver';
import { CreateReleaseFlowResolver } from '../../resolvers/flow/create-release-flow.resolver';
import { flowReferenceResolver } from '../../resolvers/flow/flow.reference';
import { FlowResolver } from '../../resolvers/flow/flow.resolver';
import { RemindFlowsResolver } from '../../resolvers/flow/remind-flows.resolver';
import { invitationReferenceResolver } from '../../resolvers/invitation/invitation.reference';
import { InvitationResolver } from '../../resolvers/invitation/invitation.resolver';
import { RespondToInvitationResolver } from '../../resolvers/invitation/respond-to-invitation.resolver';
import * as errorTypes from '../../resolvers/shared/errors/error.types';

/** The Federation 2 spec this subgraph links; v2.7 carries everything we use and every router knows it. */
export const FEDERATION_SPEC_URL = 'https://specs.apollo.dev/federation/v2.7';
const FEDERATION_IMPORTS = ['@key', '@shareable', '@requiresScopes'];

type ResolverMap = Record<string, Record<string, unknown>>;

/** Merges resolver maps type by type (the reference resolvers join type-graphql's field resolvers). */
function mergeResolverMaps(...maps: readonly ResolverMap[]): ResolverMap {
  const merged: ResolverMap = {};
  for (const map of maps) {
    for (const [typeName, resolvers] of Object.entries(map)) {
      merged[typeName] = { ...merged[typeName], ...resolvers };
    }
  }
  return merged;
}

/**
 * Builds the subgraph schema: type-graphql classes → SDL with directives → `buildSubgraphSchema`, which
 * adds `_service`, `_entities` and the federation types. Resolvers come from type-graphql's map plus the
 * entity reference resolvers.
 */
export async function buildAgreementsSchema(): Promise<GraphQLSchema> {
  const classSchema = await buildSchema({
    resolvers: [
      FlowResolver,
      CreateReleaseFlowResolver,
      RemindFlowsResolver,
      DocumentResolver,
      CancelDocumentResolver,
      InvitationResolver,
      RespondToInvitationResolver,
    ],
    orphanedTypes: Object.values(errorTypes),
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    validate: false,
  });
  const typeDefs = gql`
    extend schema @link(url: "${FEDERATION_SPEC_URL}", import: ${JSON.stringify(FEDERATION_IMPORTS)})
    ${printSchemaWithDirectives(classSchema)}
  `;
  const resolvers = mergeResolverMaps(
    createResolversMap(classSchema) as ResolverMap,
    flowReferenceResolver,
    documentReferenceResolver,
    invitationReferenceResolver,
  );
  return buildSubgraphSchema([{ typeDefs, resolvers: resolvers as GraphQLResolverMap<unknown> }]);
}
