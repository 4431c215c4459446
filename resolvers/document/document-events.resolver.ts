import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Directive, FieldResolver, ID, Info, Resolver, Root, Subscription } from 'type-graphql';
import type { DocumentRecord } from '../../datasources/vnpt-econtract/model';
import { Scope, requiresScopesDirective } from '../../src/auth/scopes';
import type { DocumentChangeEvent } from '../../src/events/agreement-event';
import type { RequestContext } from '../../src/graphql/context';
import type { EntityKey } from '../shared/entity-reference';
import { eventEntity, eventSubscription } from '../shared/event-subscription';
import { Document } from './document.type';
import { DocumentEvent } from './document-event.type';

@Resolver(() => DocumentEvent)
export class DocumentEventsResolver {
  @Directive(requiresScopesDirective(Scope.DOCUMENTS_READ))
  @Subscription(() => DocumentEvent, {
    subscribe: eventSubscription('document', Scope.DOCUMENTS_READ, 'documentIds'),
    description: 'Changes of VNPT documents (canceled, completed …): of `documentIds`, or of every document when omitted.',
  })
  documentEvents(
    @Root() event: DocumentChangeEvent,
    // Read by the subscribe step (`eventSubscription`); declared here so the schema has the argument.
    @Arg('documentIds', () => [ID], { nullable: true }) _documentIds: string[] | undefined,
  ): DocumentEvent {
    return DocumentEvent.of(event);
  }

  @FieldResolver(() => Document, {
    nullable: true,
    description: 'The document as VNPT returns it now (no read when only `id` is selected); null when the vendor does not return it.',
  })
  document(
    @Root() event: DocumentEvent,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<DocumentRecord | EntityKey | null> {
    return eventEntity(info, event.documentId, ctx.loaders.document);
  }
}
