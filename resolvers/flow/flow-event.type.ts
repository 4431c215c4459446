import { Field, ID, ObjectType } from 'type-graphql';
import { FlowStatus } from '../../datasources/tencent-ess/model';
import { FlowOperation, type FlowChangeEvent } from '../../src/events/agreement-event';

@ObjectType('FlowEvent', { simpleResolvers: true, description: 'An ESS sign flow changed, as Tencent E-Sign called back.' })
export class FlowEvent {
  @Field(() => ID, { description: "Stable: ESS's MsgId. A redelivered callback has the same id and is delivered once." })
  eventId!: string;

  @Field(() => ID)
  flowId!: string;

  @Field(() => FlowStatus, { description: 'The status the callback reports (FlowCallbackStatus, by the values of FlowStatus).' })
  status!: FlowStatus;

  @Field(() => FlowOperation, { nullable: true, description: 'What happened (ESS `Operate`); UNKNOWN for an operation added later.' })
  operation!: FlowOperation;

  @Field(() => Date, { description: 'When ESS says it happened (UpdatedOn).' })
  occurredAt!: Date;

  static of(event: FlowChangeEvent): FlowEvent {
    return Object.assign(new FlowEvent(), {
      eventId: event.eventId,
      flowId: event.flowId,
      status: event.status,
      operation: event.operation,
      occurredAt: new Date(event.occurredAt),
    });
  }
}
