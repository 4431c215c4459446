import { Field, ID, ObjectType } from 'type-graphql';
import type { DocumentRecord } from '../../datasources/vnpt-econtract/model';
import { IdempotencyConflictError } from '../shared/errors/error.types';
import { COMMON_MUTATION_ERRORS, defineMutationResult } from '../shared/errors/mutation-result';

/**
 * VNPT canceled the document. The id is always there; the document is the one the cancel answered with,
 * or (on an idempotent replay, or an answer without a readable document) read lazily.
 */
@ObjectType('CancelDocumentSuccess', { simpleResolvers: true, description: 'VNPT canceled the document.' })
export class CancelDocumentSuccess {
  @Field(() => ID, { description: 'Id of the canceled document, as the cancel answered it.' })
  documentId!: string;

  /** The document from the cancel's own answer; undefined on a replay or when the answer held none. */
  canceled: DocumentRecord | undefined;

  static of(value: { readonly documentId: string }, canceled?: DocumentRecord): CancelDocumentSuccess {
    return Object.assign(new CancelDocumentSuccess(), { documentId: value.documentId, canceled });
  }
}

export const CancelDocumentResult = defineMutationResult('CancelDocumentResult', CancelDocumentSuccess, [
  ...COMMON_MUTATION_ERRORS,
  IdempotencyConflictError,
]);
