import { Field, ID, InputType } from 'type-graphql';
import { ReleasedApproverType, SignComponentType } from '../../datasources/tencent-ess/model';

@InputType('ReleasedApproverInput', { description: 'An enterprise signer replacing an original signer in the release agreement.' })
export class ReleasedApproverInput {
  @Field(() => String, { description: 'Real name, at most 50 characters.' })
  name!: string;

  @Field(() => String, { description: 'Mobile number (digits, optional leading +).' })
  mobile!: string;

  @Field(() => String, { nullable: true, description: 'RecipientId of the original signer this one replaces (from `Flow.approvers`).' })
  recipientId?: string | null;

  @Field(() => ReleasedApproverType, { nullable: true, description: 'Vendor default: ORGANIZATION.' })
  approverType?: ReleasedApproverType | null;

  @Field(() => SignComponentType, { nullable: true, description: 'Vendor default: SIGN_SEAL.' })
  signComponentType?: SignComponentType | null;

  @Field(() => String, { nullable: true, description: 'Role name shown to the signer, at most 20 characters.' })
  signRole?: string | null;

  @Field(() => String, { nullable: true })
  sealId?: string | null;
}

@InputType('CreateReleaseFlowInput', { description: 'Rescind a fully signed flow by starting a release agreement.' })
export class CreateReleaseFlowInput {
  @Field(() => ID, { description: 'The signed flow to release.' })
  flowId!: string;

  @Field(() => String, { description: 'Why the contract is released; 1–200 characters.' })
  reason!: string;

  @Field(() => String, { nullable: true, description: 'Terms that remain in force; at most 200 characters.' })
  remainInForceItem?: string | null;

  @Field(() => String, { nullable: true, description: 'Settlement of original expenses; at most 200 characters.' })
  originalExpenseSettlement?: string | null;

  @Field(() => String, { nullable: true, description: 'Other settlements; at most 200 characters.' })
  originalOtherSettlement?: string | null;

  @Field(() => String, { nullable: true, description: 'Other agreements; at most 200 characters.' })
  otherDeals?: string | null;

  @Field(() => [ReleasedApproverInput], { nullable: true, description: "Defaults to the original flow's signers." })
  releasedApprovers?: ReleasedApproverInput[] | null;

  @Field(() => Date, { nullable: true, description: 'Signing deadline of the release flow; vendor default 7 days.' })
  deadline?: Date | null;

  @Field(() => String, { nullable: true, description: 'Passed through to callbacks; at most 20480 characters.' })
  userData?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Makes retries safe: the first outcome is replayed for 24 h for the same key and input.',
  })
  idempotencyKey?: string | null;
}
