import { Field, ID, InputType } from 'type-graphql';
import { FinancialRelation, InvitationDecision, InvitationType } from '../../datasources/volcengine-billing/model';

@InputType('RespondToInvitationInput', {
  description:
    'Accept or reject a Volcengine finance invitation (HandleInvitation). Name the invitation in exactly one of two ways: ' +
    '`invitationId` (the `Invitation.id`), or its fields: `invitationType` and `relationId`, plus `majorAccountId` and `relation` ' +
    'for RELATION or `authId` for AUTHORIZATION (a field the type does not use is ignored). Both ways send the vendor the same request.',
})
export class RespondToInvitationInput {
  @Field(() => ID, {
    nullable: true,
    description:
      'The `Invitation.id` to answer, in place of all the fields below but `decision` and `idempotencyKey`. The rest is read from ' +
      "the vendor's ListInvitation, so this form also needs the `invitations:read` scope; an id the vendor does not list is NOT_FOUND.",
  })
  invitationId?: string | null;

  @Field(() => InvitationDecision)
  decision!: InvitationDecision;

  @Field(() => InvitationType, {
    nullable: true,
    description: 'Without `invitationId`: RELATION or AUTHORIZATION (`Invitation.type`; UNKNOWN is refused).',
  })
  invitationType?: InvitationType | null;

  @Field(() => String, { nullable: true, description: 'Without `invitationId`: the vendor RelationID (`Invitation.relationId`).' })
  relationId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Without `invitationId`, required for RELATION: the inviting account's UID as decimal digits (`Invitation.majorAccountId`). " +
      'A String because UIDs exceed 2^31; it is sent to the vendor as a JSON integer, digit for digit.',
  })
  majorAccountId?: string | null;

  @Field(() => FinancialRelation, {
    nullable: true,
    description: 'Without `invitationId`, required for RELATION (`Invitation.relation`; UNKNOWN is refused).',
  })
  relation?: FinancialRelation | null;

  @Field(() => String, {
    nullable: true,
    description: 'Without `invitationId`, required for AUTHORIZATION: the vendor AuthID (`Invitation.authId`).',
  })
  authId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Makes retries safe: the first outcome is replayed for 24 h for the same key and the same input (in the same form: ' +
      'an `invitationId` and the fields of the same invitation are different inputs).',
  })
  idempotencyKey?: string | null;
}
