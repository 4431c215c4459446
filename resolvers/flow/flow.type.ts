import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { ApproverStatus, FlowStatus, type FlowApproverRecord, type FlowRecord } from '../../datasources/tencent-ess/model';
import { Scope, requiresScopesDirective } from '../../src/auth/scopes';

@ObjectType('FlowApprover', { simpleResolvers: true, description: 'A signer of a flow. The mobile number is masked.' })
export class FlowApprover implements FlowApproverRecord {
  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'Masked, e.g. `138****8001`.' })
  mobile!: string | null;

  @Field(() => ApproverStatus)
  status!: ApproverStatus;

  @Field(() => Int, { nullable: true })
  signOrder!: number | null;

  @Field(() => Date, { nullable: true })
  approvedAt!: Date | null;

  @Field(() => String, { nullable: true })
  organizationName!: string | null;

  @Field(() => String, { nullable: true, description: 'ESS RecipientId; names this signer in `releasedApprovers`.' })
  recipientId!: string | null;

  @Field(() => String, { nullable: true, description: 'ORGANIZATION, PERSON or ENTERPRISESERVER.' })
  approverType!: string | null;

  @Field(() => String, { nullable: true })
  roleName!: string | null;

  @Field(() => String, { nullable: true })
  message!: string | null;
}

@Directive('@key(fields: "id")')
@Directive(requiresScopesDirective(Scope.FLOWS_READ))
@ObjectType('Flow', { simpleResolvers: true, description: 'A Tencent Cloud E-Sign (ESS) sign flow.' })
export class Flow implements FlowRecord {
  @Field(() => ID, { description: 'The ESS FlowId.' })
  id!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => FlowStatus)
  status!: FlowStatus;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => String, { nullable: true })
  message!: string | null;

  @Field(() => Date, { nullable: true })
  createdAt!: Date | null;

  @Field(() => [FlowApprover])
  approvers!: FlowApprover[];
}
