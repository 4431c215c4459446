import { Field, ObjectType } from 'type-graphql';
import { encodeInvitationId } from '../../datasources/volcengine-billing/invitation-id';
import {
  FinancialRelation,
  InvitationType,
  type HandleInvitationCommand,
  type InvitationRecord,
} from '../../datasources/volcengine-billing/model';
import { AlreadyExistsError, IdempotencyConflictError } from '../shared/errors/error.types';
import { COMMON_MUTATION_ERRORS, defineMutationResult } from '../shared/errors/mutation-result';

/** Status of an invitation built from a command: the vendor has not told us the new one. */
export const STATUS_NOT_LISTED = 'UNKNOWN';

/**
 * What the command alone says about the invitation it answered. Used when the vendor no longer lists the
 * invitation (or the list cannot be read) after the decision. JSON-safe: it is stored for idempotent replays.
 */
export function invitationFromCommand(command: HandleInvitationCommand): InvitationRecord {
  if (command.type === InvitationType.AUTHORIZATION) {
    return {
      id: encodeInvitationId({ type: command.type, relationId: command.relationId, authId: command.authId }),
      type: command.type,
      relationId: command.relationId,
      // HandleInvitation for an authorization does not name the relation's kind.
      relation: FinancialRelation.UNKNOWN,
      authId: command.authId,
      status: STATUS_NOT_LISTED,
    };
  }
  return {
    id: encodeInvitationId({ type: command.type, relationId: command.relationId }),
    type: command.type,
    relationId: command.relationId,
    relation: command.relation,
    majorAccountId: command.majorAccountId,
    status: STATUS_NOT_LISTED,
  };
}

/** What a `respondToInvitation` run produced; stored as is for idempotent replays. */
export interface RespondToInvitationOutcome {
  readonly accepted: boolean;
  readonly invitation: InvitationRecord;
}

/**
 * The answered invitation and whether the vendor applied the decision. `invitation` is read fresh through
 * the request's loader (one ListInvitation) when the vendor still lists it, else built from the command.
 */
@ObjectType('RespondToInvitationSuccess')
export class RespondToInvitationSuccess {
  @Field(() => Boolean, {
    description:
      "The vendor's IsSuccess: whether it applied the decision. True for a successful REJECT too; it does not say the invitation was accepted.",
  })
  accepted!: boolean;

  /** The invitation as the command knows it (exposed as `invitation` when the vendor no longer lists it). */
  known!: InvitationRecord;

  static of(outcome: RespondToInvitationOutcome): RespondToInvitationSuccess {
    return Object.assign(new RespondToInvitationSuccess(), { accepted: outcome.accepted, known: outcome.invitation });
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
