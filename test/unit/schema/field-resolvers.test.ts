import { isObjectType, type GraphQLSchema } from 'graphql';
import { buildAgreementsSchema } from '../../../src/graphql/build-schema';

/**
 * The object fields that carry a resolver of their own: the `@FieldResolver` methods (each reads an
 * entity), the root fields and federation's `_entities` and `_service`. Every other field is read
 * straight off its parent by graphql-js's default resolver: each object type is declared with
 * `simpleResolvers: true`, so type-graphql puts no middleware wrapper on plain data fields (with no global
 * middleware or auth checker configured, that wrapper only allocated its resolver data and returned the
 * property). Written out from the resolver classes, not read from the schema under test.
 */
const FIELDS_WITH_RESOLVERS: readonly string[] = [
  'CreateReleaseFlowSuccess.releaseFlow',
  'CreateReleaseFlowSuccess.originalFlow',
  'FlowRemindRecord.flow',
  'FlowEvent.flow',
  'CancelDocumentSuccess.document',
  'DocumentEvent.document',
  'RespondToInvitationSuccess.invitation',
  'InvitationEvent.invitation',
];

const ROOT_TYPES: ReadonlySet<string> = new Set(['Query', 'Mutation', 'Subscription']);

function nonRootFieldsWithResolvers(schema: GraphQLSchema): string[] {
  const fields: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || ROOT_TYPES.has(type.name)) continue;
    for (const field of Object.values(type.getFields())) if (field.resolve) fields.push(`${type.name}.${field.name}`);
  }
  return fields;
}

describe('field resolvers of the built schema', () => {
  it('only the fields that read another entity have a resolver; plain data fields use the default one', async () => {
    const schema = await buildAgreementsSchema();
    expect(nonRootFieldsWithResolvers(schema).sort()).toEqual([...FIELDS_WITH_RESOLVERS].sort());
  });

  it('every root field has its resolver', async () => {
    const schema = await buildAgreementsSchema();
    for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
      expect(root).toBeDefined();
      for (const field of Object.values(root?.getFields() ?? {})) {
        expect({
          field: `${root?.name ?? ''}.${field.name}`,
          resolved: field.resolve !== undefined || field.subscribe !== undefined,
        }).toEqual({
          field: `${root?.name ?? ''}.${field.name}`,
          resolved: true,
        });
      }
    }
  });
});
