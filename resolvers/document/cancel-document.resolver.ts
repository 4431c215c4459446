import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Directive, FieldResolver, Info, Mutation, Resolver, Root } from 'type-graphql';
import type { DocumentRecord } from '../../datasources/vnpt-econtract/model';
import { Vendor } from '../../src/errors/vendor';
import { requireVendor } from '../../src/errors/vendor-not-configured';
import type { RequestContext } from '../../src/graphql/context';
import type { ErrorInterface } from '../shared/errors/error.interface';
import { ErrorCode } from '../../src/errors/error-code';
import { VendorError } from '../../src/errors/vendor-error';
import { entityOrKey, type EntityKey } from '../shared/entity-reference';
import { droppingAfter } from '../shared/drop-after-write';
import { CancelDocumentInput } from './cancel-document.input';
import { CancelDocumentResult, CancelDocumentSuccess } from './cancel-document.result';
import { toCancelDocumentCommand } from './cancel-document.validation';
import { Document } from './document.type';
import { requireScope } from '../../src/auth/require-scope';
import { Scope, requiresScopesDirective } from '../../src/auth/scopes';
import { VENDOR_CALL_COST } from '../shared/demand-control';

/**
 * Idempotency scope of `cancelDocument` for one caller. The subgraph acts as one configured VNPT account,
 * so the caller's subject is what keeps one caller from replaying (or blocking) another's key.
 */
export function cancelDocumentIdempotencyScope(subject: string): readonly [mutation: string, subject: string] {
  return ['cancelDocument', subject];
}

@Resolver(() => CancelDocumentSuccess)
export class CancelDocumentResolver {
  @Directive(requiresScopesDirective(Scope.DOCUMENTS_WRITE))
  @Directive(VENDOR_CALL_COST)
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
          const answer = await droppingAfter(ctx.services.entityCache, 'Document', [command.id], () =>
            vnpt.cancelDocument(command, { idempotent: Boolean(input.idempotencyKey) }, ctx.scope),
          );
          canceled = answer.document;
          return { documentId: answer.documentId };
        },
      );
      // The cancel changed the document: a copy read earlier in this request is stale.
      ctx.loaders.document.clear(outcome.documentId);
      if (canceled) ctx.loaders.document.prime(canceled.id, canceled);
      return CancelDocumentSuccess.of(outcome, canceled);
    } catch (error: unknown) {
      return CancelDocumentResult.fail(error);
    }
  }

  @FieldResolver(() => Document, {
    nullable: true,
    description:
      'The canceled document as the cancel answered it (no extra read); on a replay read lazily, null with an error at this path when that read fails.',
  })
  document(
    @Root() success: CancelDocumentSuccess,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<DocumentRecord | EntityKey> {
    if (success.canceled) return Promise.resolve(success.canceled);
    return entityOrKey(info, success.documentId, (id) => ctx.loaders.document.load(id), documentNotReturned);
  }
}

/** A document VNPT just canceled but does not return on a read: momentarily inconsistent; the cancel stands. */
function documentNotReturned(): VendorError {
  return new VendorError({
    code: ErrorCode.VENDOR_UNAVAILABLE,
    message: 'VNPT eContract did not return the canceled document; read it again with document(id:).',
    vendor: Vendor.VNPT_ECONTRACT,
  });
}
