import { Field, ID, ObjectType } from 'type-graphql';
import type { InvitationChangeEvent } from '../../src/events/agreement-event';

@ObjectType('InvitationEvent', {
  simpleResolvers: true,
  description: 'A Volcengine finance invitation changed status (found by polling ListInvitation).',
})
export class InvitationEvent {
  @Field(() => ID, { description: 'Stable for one change: every replica that sees it names it alike, and it is delivered once.' })
  eventId!: string;

  @Field(() => ID, { description: 'The `Invitation.id`.' })
  invitationId!: string;

  @Field(() => String, {
    description: "The new status, the vendor's own text as in `Invitation.status` (Volcengine documents no meanings).",
  })
  status!: string;

  @Field(() => Date, { description: "When the change was noticed, or the invitation's UpdateTime when the vendor gives one." })
  occurredAt!: Date;

  static of(event: InvitationChangeEvent): InvitationEvent {
    return Object.assign(new InvitationEvent(), {
      eventId: event.eventId,
      invitationId: event.invitationId,
      status: event.status,
      occurredAt: new Date(event.occurredAt),
    });
  }
}
