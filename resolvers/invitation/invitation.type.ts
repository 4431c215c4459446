import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { FinancialRelation, InvitationType, type InvitationRecord } from '../../datasources/volcengine-billing/model';
import { Scope, requiresScopesDirective } from '../../src/auth/scopes';

const ACCOUNT_ID = 'Volcengine account UID as decimal digits. A String, not an Int: UIDs exceed 2^31 (and may exceed 2^53).';
/** Research result: the only public list of values is terraform-provider-volcengine's `volcengine_financial_relations`. */
const NO_STATUS_MEANINGS =
  'Volcengine documents no meanings for its status numbers (public material lists the values 100, 200, 250, 300, 400 and 500 only), ' +
  'so this service does not interpret them.';

/**
 * Non-null fields are the ones in hand whenever an Invitation is rendered: every Invitation comes from a
 * ListInvitation record (enums mapped by value, `UNKNOWN` for values added later), or, when only `id` /
 * `__typename` are selected, from its key. Everything the vendor may leave out is nullable.
 */
@Directive('@key(fields: "id")')
@Directive(requiresScopesDirective(Scope.INVITATIONS_READ))
@ObjectType('Invitation', {
  simpleResolvers: true,
  description: "A Volcengine Billing finance invitation addressed to this service's account. One per AuthID for authorization invitations.",
})
export class Invitation implements InvitationRecord {
  @Field(() => ID, {
    description:
      'Opaque and stable: encodes the type, RelationID and (authorization invitations) AuthID. Do not parse it; pass it to `respondToInvitation` as `invitationId`.',
  })
  id!: string;

  @Field(() => InvitationType)
  type!: InvitationType;

  @Field(() => String, { description: 'The vendor RelationID (e.g. `rel7242575109678977324`).' })
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
      "The vendor's own status text, verbatim (`Relation.StatusDesc`, usually Chinese); when it sent none (AUTHORIZATION " +
      'invitations: `AuthStatus` comes without text) its status number as decimal text; `UNKNOWN` when it sent neither. ' +
      `Text to show, not to switch on: ${NO_STATUS_MEANINGS}`,
  })
  status!: string;

  @Field(() => Int, {
    nullable: true,
    description: `The vendor's status number: \`Relation.Status\`, or \`AuthStatus\` for AUTHORIZATION; null when it sent none. ${NO_STATUS_MEANINGS}`,
  })
  statusCode?: number;

  @Field(() => Date, { nullable: true, description: "The vendor's UpdateTime (read as UTC+8 when it carries no offset)." })
  updatedAt?: Date;
}
