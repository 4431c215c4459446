import { Field, InputType } from 'type-graphql';
import { FinancialRelation, InvitationDecision, InvitationType } from '../../datasources/volcengine-billing/model';

@InputType('RespondToInvitationInput', {
  description:
    'Accept or reject a Volcengine finance invitation (HandleInvitation). The fields of `Invitation` fill it: RELATION ' +
    'needs `majorAccountId` and `relation`, AUTHORIZATION needs `authId`; a field the type does not use is ignored.',
})
export class RespondToInvitationInput {
  @Field(() => InvitationType, { description: 'RELATION or AUTHORIZATION (UNKNOWN is refused).' })
  invitationType!: InvitationType;

  @Field(() => InvitationDecision)
  decision!: InvitationDecision;

  @Field(() => String, { description: 'The vendor RelationID (`Invitation.relationId`).' })
  relationId!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "Required for RELATION: the inviting account's UID as decimal digits (`Invitation.majorAccountId`). A String because " +
      'UIDs exceed 2^31; it is sent to the vendor as a JSON integer, digit for digit.',
  })
  majorAccountId?: string | null;

  @Field(() => FinancialRelation, { nullable: true, description: 'Required for RELATION (UNKNOWN is refused).' })
  relation?: FinancialRelation | null;

  @Field(() => String, { nullable: true, description: 'Required for AUTHORIZATION: the vendor AuthID (`Invitation.authId`).' })
  authId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Makes retries safe: the first outcome is replayed for 24 h for the same key and input.',
  })
  idempotencyKey?: string | null;
}
