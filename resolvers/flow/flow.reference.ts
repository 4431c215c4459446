import type { FlowRecord } from '../../datasources/tencent-ess/model';
import type { RequestContext } from '../../src/graphql/context';
import { requireEntityId } from '../shared/entity-id';

/**
 * Federation entity resolution for `Flow @key(fields: "id")`, batched through the request's loader. A
 * representation's id gets the checks of a query argument (an invalid one fails that entity alone,
 * before any vendor call); an unknown id resolves to null without an error.
 */
export const flowReferenceResolver = {
  Flow: {
    // Async, so a refused id rejects this entity's promise instead of throwing out of `_entities` itself.
    async __resolveReference(reference: { readonly id: unknown }, ctx: RequestContext): Promise<FlowRecord | null> {
      return ctx.loaders.flow.load(requireEntityId(reference.id, 'representations.id'));
    },
  },
};
