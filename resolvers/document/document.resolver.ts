import { Arg, Ctx, Directive, ID, Query, Resolver } from 'type-graphql';
import type { DocumentRecord } from '../../datasources/vnpt-econtract/model';
import type { RequestContext } from '../../src/graphql/context';
import { requireEntityId } from '../shared/entity-id';
import { Document } from './document.type';
import { Scope, requiresScopesDirective } from '../../src/auth/scopes';
import { VENDOR_CALL_COST } from '../shared/demand-control';

@Resolver(() => Document)
export class DocumentResolver {
  @Directive(requiresScopesDirective(Scope.DOCUMENTS_READ))
  @Directive(VENDOR_CALL_COST)
  @Query(() => Document, { nullable: true, description: 'One VNPT eContract document; null when the vendor does not know the id.' })
  async document(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<DocumentRecord | null> {
    requireEntityId(id, 'id');
    return ctx.loaders.document.load(id);
  }
}
