import { Field, ID, ObjectType } from 'type-graphql';
import { InvitationDecision } from '../../datasources/volcengine-billing/model';
import { AlreadyExistsError, IdempotencyConflictError } from '../shared/errors/error.types';
import { COMMON_MUTATION_ERRORS, defineMutationResult } from '../shared/errors/mutation-result';
import type { RespondToInvitationOutcome } from './respond-to-invitation.command';

/**
 * A decision Volcengine applied (HandleInvitation answered `IsSuccess: true`). Its scalars come from the
 * write itself and are always there; `invitation` is read lazily (see the resolver), so a failed read
 * nulls only that field.
 */
@ObjectType('RespondToInvitationSuccess', {
  simpleResolvers: true,
  description:
    'Volcengine applied the decision (HandleInvitation answered IsSuccess: true). A decision it did not apply is one of the error types, never this one.',
})
export class RespondToInvitationSuccess {
  @Field(() => ID, { description: 'The `Invitation.id` of the invitation answered, from the HandleInvitation request itself.' })
  invitationId!: string;

  @Field(() => InvitationDecision, { description: 'The decision the vendor applied.' })
  decision!: InvitationDecision;

  @Field(() => Boolean, { description: 'True only for an applied ACCEPT; false for an applied REJECT.' })
  accepted!: boolean;

  static of(outcome: RespondToInvitationOutcome): RespondToInvitationSuccess {
    return Object.assign(new RespondToInvitationSuccess(), {
      invitationId: outcome.invitationId,
      decision: outcome.decision,
      accepted: outcome.decision === InvitationDecision.ACCEPT,
    });
  }
}

/** HandleInvitation's body fields (what the Volcengine datasource blames) as this mutation's input paths. */
const HANDLE_INVITATION_INPUT_PATHS = {
  InvitationType: 'input.invitationType',
  Action: 'input.decision',
  RelationID: 'input.relationId',
  MajorAccountID: 'input.majorAccountId',
  Relation: 'input.relation',
  AuthID: 'input.authId',
} as const;

export const RespondToInvitationResult = defineMutationResult(
  'RespondToInvitationResult',
  RespondToInvitationSuccess,
  [...COMMON_MUTATION_ERRORS, AlreadyExistsError, IdempotencyConflictError],
  HANDLE_INVITATION_INPUT_PATHS,
);
