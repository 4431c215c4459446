import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { FinancialRelation, InvitationType, type InvitationRecord } from '../../datasources/volcengine-billing/model';
import { Scope, requiresScopesDirective } from '../../src/auth/scopes';

const ACCOUNT_ID = 'Volcengine account UID as decimal digits. A String, not an Int: UIDs exceed 2^31 (and may exceed 2^53).';

@Directive('@key(fields: "id")')
@Directive(requiresScopesDirective(Scope.INVITATIONS_READ))
@ObjectType('Invitation', {
  description: "A Volcengine Billing finance invitation addressed to this service's account. One per AuthID for authorization invitations.",
})
export class Invitation implements InvitationRecord {
  @Field(() => ID, {
    description: 'Opaque and stable: encodes the type, RelationID and (authorization invitations) AuthID. Do not parse it.',
  })
  id!: string;

  @Field(() => InvitationType)
  type!: InvitationType;

  @Field(() => String, { description: 'The vendor RelationID (e.g. `rel7242575109678977324`); pass it to `respondToInvitation`.' })
  relationId!: string;

  @Field(() => FinancialRelation)
  relation!: FinancialRelation;

  @Field(() => String, { nullable: true, description: `The inviting (major) account. ${ACCOUNT_ID}` })
  majorAccountId?: string;

  @Field(() => String, { nullable: true })
  majorAccountName?: string;

  @Field(() => String, { nullable: true, description: `The invited (sub) account, normally this service's own. ${ACCOUNT_ID}` })
  subAccountId?: string;

  @Field(() => String, { nullable: true })
  subAccountName?: string;

  @Field(() => String, { nullable: true, description: 'The vendor AuthID; set for AUTHORIZATION invitations only.' })
  authId?: string;

  @Field(() => String, {
    description:
      "The vendor's status text (e.g. `关系已建立`, relation established); its status number when it sent no text; " +
      '`UNKNOWN` when neither is known. The vendor does not document its status values, so this is not an enum.',
  })
  status!: string;

  @Field(() => Int, { nullable: true, description: "The vendor's status number (Relation.Status, or AuthStatus for AUTHORIZATION)." })
  statusCode?: number;

  @Field(() => Date, { nullable: true, description: "The vendor's UpdateTime (read as UTC+8 when it carries no offset)." })
  updatedAt?: Date;
}
