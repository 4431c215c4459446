import { Field, ID, ObjectType } from 'type-graphql';
import { AlreadyExistsError, IdempotencyConflictError } from '../shared/errors/error.types';
import { COMMON_MUTATION_ERRORS, defineMutationResult } from '../shared/errors/mutation-result';

/**
 * The release agreement Tencent started. Its ids come from the write's own answer and are always there;
 * the two flows are read lazily through the request's loader, so a failed read nulls only that flow.
 */
@ObjectType('CreateReleaseFlowSuccess', {
  simpleResolvers: true,
  description: 'The release agreement was started at Tencent. Do not retry: a retry without the same idempotencyKey starts another one.',
})
export class CreateReleaseFlowSuccess {
  @Field(() => ID, { description: 'FlowId of the new release agreement, as CreateReleaseFlow answered it.' })
  releaseFlowId!: string;

  @Field(() => ID, { description: 'FlowId of the flow being released.' })
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
