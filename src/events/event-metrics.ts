import type { AgreementEventKind } from './agreement-event';
import type { CallbackRefusal } from './callback-receiver';

/** What the event path counts; every label comes from a fixed set (kinds, receiver paths, refusal reasons). */
export interface EventMetrics {
  /** An event a receiver or poller handed in: `emitted` the first time, `duplicate` when its eventId was seen. */
  countEventReceived(kind: AgreementEventKind, outcome: 'emitted' | 'duplicate'): void;
  /** A callback refused, by its receiver's path and the reason. */
  countEventRefused(receiver: string, reason: CallbackRefusal | 'too_large'): void;
  /** One event handed to one subscriber. */
  countEventDelivered(kind: AgreementEventKind): void;
  /** An event a slow subscriber's full buffer pushed out. */
  countEventDropped(kind: AgreementEventKind): void;
  /** Open subscriptions on this replica, by kind. */
  setSubscribers(kind: AgreementEventKind, count: number): void;
}
