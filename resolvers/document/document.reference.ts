import type { DocumentRecord } from '../../datasources/vnpt-econtract/model';
import type { RequestContext } from '../../src/graphql/context';

/**
 * Federation entity resolution for `Document @key(fields: "id")`, through the request's loader: duplicate
 * references cost nothing and reads run with bounded concurrency (VNPT has no batch read).
 */
export const documentReferenceResolver = {
  Document: {
    __resolveReference(reference: { readonly id: string }, ctx: RequestContext): Promise<DocumentRecord | null> {
      return ctx.loaders.document.load(reference.id);
    },
  },
};
