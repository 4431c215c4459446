import type { DocumentRecord } from '../../datasources/vnpt-econtract/model';
import type { RequestContext } from '../../src/graphql/context';
import { requireEntityId } from '../shared/entity-id';

/**
 * Federation entity resolution for `Document @key(fields: "id")`, through the request's loader: duplicate
 * references cost nothing and reads run with bounded concurrency (VNPT has no batch read). A
 * representation's id gets the checks of a query argument; an unknown id resolves to null without an error.
 */
export const documentReferenceResolver = {
  Document: {
    // Async, so a refused id rejects this entity's promise instead of throwing out of `_entities` itself.
    async __resolveReference(reference: { readonly id: unknown }, ctx: RequestContext): Promise<DocumentRecord | null> {
      return ctx.loaders.document.load(requireEntityId(reference.id, 'representations.id'));
    },
  },
};
