import { Field, ObjectType } from 'type-graphql';
import { COMMON_MUTATION_ERRORS, defineMutationResult } from '../shared/errors/mutation-result';

/** One flow's outcome; a refusal (`reminded: false`) is data, not an error. */
@ObjectType('FlowRemindRecord')
export class FlowRemindRecord {
  /** The flow's id (exposed as `flow`). */
  flowId!: string;

  @Field(() => Boolean, { description: 'False when the vendor refused, e.g. already reminded or nobody waiting.' })
  reminded!: boolean;

  @Field(() => String, { nullable: true, description: "The vendor's explanation, verbatim." })
  message!: string | null;

  static of(value: { readonly flowId: string; readonly reminded: boolean; readonly message: string | null }): FlowRemindRecord {
    return Object.assign(new FlowRemindRecord(), value);
  }
}

@ObjectType('RemindFlowsSuccess')
export class RemindFlowsSuccess {
  @Field(() => [FlowRemindRecord])
  records!: FlowRemindRecord[];

  static of(records: FlowRemindRecord[]): RemindFlowsSuccess {
    return Object.assign(new RemindFlowsSuccess(), { records });
  }
}

export const RemindFlowsResult = defineMutationResult('RemindFlowsResult', RemindFlowsSuccess, COMMON_MUTATION_ERRORS);
