import { Arg, Ctx, Directive, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
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
import { requireScope } from '../../src/auth/require-scope';
import { Scope, requiresScopesDirective } from '../../src/auth/scopes';

/**
 * Idempotency scope of `cancelDocument` for one caller. The subgraph acts as one configured VNPT account,
 * so the caller's subject is what keeps one caller from replaying (or blocking) another's key.
 */
export function cancelDocumentIdempotencyScope(subject: string): string {
  return `cancelDocument:${subject}`;
}

@Resolver(() => CancelDocumentSuccess)
export class CancelDocumentResolver {
  @Directive(requiresScopesDirective(Scope.DOCUMENTS_WRITE))
  @Mutation(() => CancelDocumentResult.union, {
    description: "Cancels a Ready, Processing or Completed VNPT eContract document created by this service's VNPT user.",
  })
  async cancelDocument(
    @Arg('input', () => CancelDocumentInput) input: CancelDocumentInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CancelDocumentSuccess | ErrorInterface> {
    requireScope(ctx.principal, Scope.DOCUMENTS_WRITE);
    try {
      const command = toCancelDocumentCommand(input);
      const vnpt = requireVendor(ctx.services.vnpt, Vendor.VNPT_ECONTRACT);
      let canceled: DocumentRecord | undefined;
      // Only the id is stored for replays: a replay reads the document fresh rather than a day-old copy.
      const outcome = await ctx.services.idempotency.run(
        cancelDocumentIdempotencyScope(ctx.principal.subject),
        input.idempotencyKey,
        command,
        async () => {
          canceled = await vnpt.cancelDocument(command, { idempotent: Boolean(input.idempotencyKey) });
          return { documentId: canceled.id };
        },
      );
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
