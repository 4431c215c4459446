import { Directive, Field, ID, ObjectType } from 'type-graphql';
import type { RemindRecord } from '../../datasources/tencent-ess/model';
import { COMMON_MUTATION_ERRORS, defineMutationResult } from '../shared/errors/mutation-result';
import { assumedListSize } from '../shared/demand-control';

/** One flow's outcome as CreateFlowReminds answered it; a refusal (`canRemind: false`) is data, not an error. */
@ObjectType('FlowRemindRecord', { simpleResolvers: true })
export class FlowRemindRecord {
  @Field(() => ID, { description: 'The FlowId this record is about, as the vendor answered it.' })
  flowId!: string;

  @Field(() => Boolean, {
    description: "The vendor's CanRemind: false when it refused this flow (nobody waiting to sign, or reminded too often).",
  })
  canRemind!: boolean;

  @Field(() => Boolean, { deprecationReason: 'Use canRemind: the same value, named as the vendor names it.' })
  reminded!: boolean;

  @Field(() => String, { nullable: true, description: "The vendor's RemindMessage, verbatim." })
  message!: string | null;

  static of(record: RemindRecord): FlowRemindRecord {
    return Object.assign(new FlowRemindRecord(), {
      flowId: record.flowId,
      canRemind: record.canRemind,
      reminded: record.canRemind,
      message: record.message,
    });
  }
}

@ObjectType('RemindFlowsSuccess', { simpleResolvers: true })
export class RemindFlowsSuccess {
  @Directive(assumedListSize(100))
  @Field(() => [FlowRemindRecord])
  records!: FlowRemindRecord[];

  static of(records: FlowRemindRecord[]): RemindFlowsSuccess {
    return Object.assign(new RemindFlowsSuccess(), { records });
  }
}

export const RemindFlowsResult = defineMutationResult('RemindFlowsResult', RemindFlowsSuccess, COMMON_MUTATION_ERRORS);
