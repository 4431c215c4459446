import { ObjectType } from 'type-graphql';
import { IdempotencyConflictError } from '../shared/errors/error.types';
import { COMMON_MUTATION_ERRORS, defineMutationResult } from '../shared/errors/mutation-result';

/** The canceled document, resolved through the request's loader (primed with the vendor's answer). */
@ObjectType('CancelDocumentSuccess')
export class CancelDocumentSuccess {
  /** Id of the canceled document as the vendor answered it (exposed as `document`). */
  documentId!: string;

  static of(value: { readonly documentId: string }): CancelDocumentSuccess {
    return Object.assign(new CancelDocumentSuccess(), { documentId: value.documentId });
  }
}

export const CancelDocumentResult = defineMutationResult('CancelDocumentResult', CancelDocumentSuccess, [
  ...COMMON_MUTATION_ERRORS,
  IdempotencyConflictError,
]);
