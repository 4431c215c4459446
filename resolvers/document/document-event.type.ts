import { Field, ID, ObjectType } from 'type-graphql';
import { DocumentStatus } from '../../datasources/vnpt-econtract/model';
import type { DocumentChangeEvent } from '../../src/events/agreement-event';

@ObjectType('DocumentEvent', {
  simpleResolvers: true,
  description: 'A VNPT eContract document changed, as its webhook said and a re-read confirmed.',
})
export class DocumentEvent {
  @Field(() => ID, { description: 'Stable for one change: a redelivered webhook has the same id and is delivered once.' })
  eventId!: string;

  @Field(() => ID)
  documentId!: string;

  @Field(() => DocumentStatus, { description: 'The status VNPT reports on re-reading the document (the webhook itself is not trusted).' })
  status!: DocumentStatus;

  @Field(() => Date, { description: 'When VNPT says it happened (DatetimeNow).' })
  occurredAt!: Date;

  static of(event: DocumentChangeEvent): DocumentEvent {
    return Object.assign(new DocumentEvent(), {
      eventId: event.eventId,
      documentId: event.documentId,
      status: event.status,
      occurredAt: new Date(event.occurredAt),
    });
  }
}
