import { ObjectType } from 'type-graphql';
import { AlreadyExistsError, IdempotencyConflictError } from '../shared/errors/error.types';
import { COMMON_MUTATION_ERRORS, defineMutationResult } from '../shared/errors/mutation-result';

/** The release flow that was started; both flows are read fresh through the request's loader. */
@ObjectType('CreateReleaseFlowSuccess')
export class CreateReleaseFlowSuccess {
  /** FlowId of the new release agreement (exposed as `releaseFlow`). */
  releaseFlowId!: string;

  /** FlowId of the flow being released (exposed as `originalFlow`). */
  originalFlowId!: string;

  static of(value: { readonly releaseFlowId: string; readonly originalFlowId: string }): CreateReleaseFlowSuccess {
    return Object.assign(new CreateReleaseFlowSuccess(), value);
  }
}

export const CreateReleaseFlowResult = defineMutationResult('CreateReleaseFlowResult', CreateReleaseFlowSuccess, [
  ...COMMON_MUTATION_ERRORS,
  AlreadyExistsError,
  IdempotencyConflictError,
]);
