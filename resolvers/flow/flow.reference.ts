import type { FlowRecord } from '../../datasources/tencent-ess/model';
import type { RequestContext } from '../../src/graphql/context';

/** Federation entity resolution for `Flow @key(fields: "id")`, batched through the request's loader. */
export const flowReferenceResolver = {
  Flow: {
    __resolveReference(reference: { readonly id: string }, ctx: RequestContext): Promise<FlowRecord | null> {
      return ctx.loaders.flow.load(reference.id);
    },
  },
};
