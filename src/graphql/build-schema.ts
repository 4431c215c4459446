import 'reflect-metadata';
import '../../resolvers/shared/enums';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { DateTimeResolver } from 'graphql-scalars';
import { GraphQLScalarType, visit, type DocumentNode, type GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import { buildSchema, createResolversMap, type PubSub, type ResolversMap } from 'type-graphql';
import * as errorTypes from '../../resolvers/shared/errors/error.types';
import { vendorReferenceResolvers, vendorResolverClasses } from '../vendors/registry';
import type { ReferenceResolverMap } from '../vendors/vendor-module';

/** The Federation 2 spec this subgraph links: v2.9 brings demand control (`@cost`, `@listSize`). */
const FEDERATION_SPEC_URL = 'https://specs.apollo.dev/federation/v2.9';
const FEDERATION_IMPORTS = ['@key', '@shareable', '@cost', '@listSize'];

/**
 * Federation's security directives. Routers that enforce them (Apollo Router, Hive Gateway) want them in
 * the SDL; Apollo Gateway refuses to load a supergraph whose `@link(for: SECURITY)` features it does not
 * support. The subgraph enforces the same scopes itself either way (`requireScope`, the loaders).
 */
const SECURITY_DIRECTIVES: ReadonlySet<string> = new Set(['requiresScopes', 'authenticated']);

export interface AgreementsSchemaOptions {
  /** `FEDERATION_AUTH_DIRECTIVES`: declare `@requiresScopes` in the SDL. Default false. */
  readonly federationAuthDirectives?: boolean;
}

/** The printed class schema, less the security directives unless they are wanted. */
function subgraphTypeDefs(printed: string, federationAuthDirectives: boolean): DocumentNode {
  const imports = federationAuthDirectives ? [...FEDERATION_IMPORTS, '@requiresScopes'] : FEDERATION_IMPORTS;
  const typeDefs = gql`
    extend schema @link(url: "${FEDERATION_SPEC_URL}", import: ${JSON.stringify(imports)})
    ${printed}
  `;
  if (federationAuthDirectives) return typeDefs;
  return visit(typeDefs, {
    Directive: (node) => (SECURITY_DIRECTIVES.has(node.name.value) ? null : undefined),
  });
}

/**
 * type-graphql insists on a `pubSub` once any `@Subscription` exists, even though ours all bring their
 * own `subscribe` (the event bus, which deduplicates and fans out across replicas). This one tells
 * anyone who adds a topic-based subscription where events come from instead.
 */
const NO_TOPIC_PUBSUB: PubSub = {
  publish: () => {
    throw new Error('Topic subscriptions are not used: events enter through the EventBus sink.');
  },
  subscribe: () => {
    throw new Error('Topic subscriptions are not used: give @Subscription a `subscribe` that joins the EventBus.');
  },
};

/** The resolver map `buildSubgraphSchema` takes, named through its signature (no import from its `dist/`). */
type SubgraphModule = Extract<Parameters<typeof buildSubgraphSchema>[0], { readonly typeDefs: unknown }>;
type SubgraphResolverMap = NonNullable<SubgraphModule['resolvers']>;

/** Merges resolver maps type by type (the reference resolvers join type-graphql's field resolvers). */
function mergeResolverMaps(base: ResolversMap, extra: readonly ReferenceResolverMap[]): ResolversMap {
  const merged: ResolversMap = { ...base };
  for (const map of extra) {
    for (const [typeName, resolvers] of Object.entries(map)) {
      const existing = merged[typeName];
      if (existing instanceof GraphQLScalarType) throw new Error(`${typeName} is a scalar; it cannot take a reference resolver.`);
      merged[typeName] = { ...existing, ...resolvers };
    }
  }
  return merged;
}

/**
 * type-graphql's `ResolversMap` and Apollo's resolver map describe one runtime shape (type → field →
 * resolver, `__resolveType` / `__resolveReference` by their `__` names, scalars as `GraphQLScalarType`),
 * and Apollo assigns every `__` entry to the type as it is. Their declarations differ only in that
 * Apollo's has no slot typed for a type resolver, so this is the one place the two are bridged.
 */
function asSubgraphResolvers(map: ResolversMap): SubgraphResolverMap {
  return map as SubgraphResolverMap;
}

/**
 * Builds the subgraph schema: type-graphql classes → SDL with directives → `buildSubgraphSchema`, which
 * adds `_service`, `_entities` and the federation types. The resolver classes and entity reference
 * resolvers come from the vendor registry. type-graphql's class-validator integration stays off (its
 * default): inputs are checked by each domain's `*.validation.ts` before any vendor call.
 */
export async function buildAgreementsSchema(options: AgreementsSchemaOptions = {}): Promise<GraphQLSchema> {
  const { resolvers, orphanedTypes } = vendorResolverClasses();
  if (resolvers.length === 0) throw new Error('The vendor registry lists no resolvers.');
  const [first, ...rest] = resolvers;
  const classSchema = await buildSchema({
    resolvers: [first, ...rest],
    orphanedTypes: [...Object.values(errorTypes), ...orphanedTypes],
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    pubSub: NO_TOPIC_PUBSUB,
  });
  const typeDefs = subgraphTypeDefs(printSchemaWithDirectives(classSchema), options.federationAuthDirectives ?? false);
  const resolverMap = mergeResolverMaps(createResolversMap(classSchema), vendorReferenceResolvers());
  return buildSubgraphSchema([{ typeDefs, resolvers: asSubgraphResolvers(resolverMap) }]);
}
