import { Field, ID, InputType } from 'type-graphql';
import { RemindType } from '../../datasources/tencent-ess/model';

@InputType('RemindFlowsInput', { description: 'Remind the pending signers of up to 100 flows.' })
export class RemindFlowsInput {
  @Field(() => [ID], { description: '1 to 100 distinct FlowIds; duplicates are removed.' })
  flowIds!: string[];

  @Field(() => [RemindType], { nullable: true, description: 'Channels; the vendor default when omitted.' })
  remindTypes?: RemindType[] | null;
}
