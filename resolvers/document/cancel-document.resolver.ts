import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { DocumentRecord } from '../../datasources/vnpt-econtract/model';
import { Vendor } from '../../src/errors/vendor';
import { requireVendor } from '../../src/errors/vendor-not-configured';
import type { RequestContext } from '../../src/graphql/context';
import type { ErrorInterface } from '../shared/errors/error.interface';
import { requireFound } from '../shared/require-found';
import { CancelDocumentInput } from './cancel-document.input';
import { CancelDocumentResult, CancelDocumentSuccess } from './cancel-document.result';
import { toCancelDocumentCommand } from './cancel-document.validation';
import { Document } from './document.type';

/**
 * Idempotency scope of `cancelDocument`. The subgraph acts as one configured VNPT account (the creator of
 * the documents it may cancel) and callers carry no VNPT identity, so one stable scope covers every caller.
 */
export const CANCEL_DOCUMENT_IDEMPOTENCY_SCOPE = 'cancelDocument:default';

@Resolver(() => CancelDocumentSuccess)
export class CancelDocumentResolver {
  @Mutation(() => CancelDocumentResult.union, {
    description: 'Cancels a Ready, Processing or Completed VNPT eContract document created by this service\'s VNPT user.',
  })
  async cancelDocument(
    @Arg('input', () => CancelDocumentInput) input: CancelDocumentInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CancelDocumentSuccess | ErrorInterface> {
    try {
      const command = toCancelDocumentCommand(input);
      const vnpt = requireVendor(ctx.services.vnpt, Vendor.VNPT_ECONTRACT);
      let canceled: DocumentRecord | undefined;
      // Only the id is stored for replays: a replay reads the document fresh rather than a day-old copy.
      const outcome = await ctx.services.idempotency.run(CANCEL_DOCUMENT_IDEMPOTENCY_SCOPE, input.idempotencyKey, command, async () => {
        canceled = await vnpt.cancelDocument(command, { idempotent: Boolean(input.idempotencyKey) });
        return { documentId: canceled.id };
      });
      // The vendor answered with the canceled document: no need to read it again in this request.
      if (canceled) ctx.loaders.document.clear(canceled.id).prime(canceled.id, canceled);
      return CancelDocumentSuccess.of(outcome);
    } catch (error: unknown) {
      return CancelDocumentResult.fail(error);
    }
  }

  @FieldResolver(() => Document)
  document(@Root() success: CancelDocumentSuccess, @Ctx() ctx: RequestContext): Promise<DocumentRecord> {
    return requireFound(ctx.loaders.document.load(success.documentId), Vendor.VNPT_ECONTRACT, 'canceled document');
  }
}
