import type { AgreementEvent } from './agreement-event';

/**
 * Carries each emitted event to every replica's subscribers: a Redis stream when `REDIS_URL` is set
 * (`RedisEventFanout`), this process alone otherwise (`LocalEventFanout`). Delivery is at most once per
 * replica and per publish; deduplication happens before publishing (`EventBus`).
 */
export interface EventFanout {
  /** Resolves once the event is handed to the fanout (Redis accepted it); rejects when it could not be. */
  publish(event: AgreementEvent): Promise<void>;
  /** `listener` is called for every event published by any replica, this one included. One listener. */
  listen(listener: (event: AgreementEvent) => void): void;
  close(): Promise<void>;
}
