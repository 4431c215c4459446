import { Repeater } from '@repeaterjs/repeater';
import type { Logger } from 'pino';
import type { KeyValueStore } from '../stores/key-value-store';
import type { AgreementEvent, AgreementEventKind, EventSink } from './agreement-event';
import { entityIdOf } from './event-codec';
import type { EventFanout } from './event-fanout';
import type { EventMetrics } from './event-metrics';
import { SubscriberBuffer } from './subscriber-buffer';

/** How long an eventId is remembered: longer than any vendor keeps redelivering an unacknowledged callback. */
const DEFAULT_DEDUP_TTL_MS = 48 * 60 * 60 * 1000;
/** Events one subscriber may have waiting before the oldest are dropped. */
const DEFAULT_SUBSCRIBER_BUFFER = 100;

export interface EventBusOptions {
  /** Where eventIds are recorded: the store shared by every replica (refusing when Redis is down). */
  readonly store: KeyValueStore;
  readonly fanout: EventFanout;
  readonly metrics: EventMetrics;
  readonly logger: Logger;
  /** Drops the event's entity from any shared cache before subscribers hear of it. */
  readonly dropCached?: (event: AgreementEvent) => Promise<void>;
  readonly dedupTtlMs?: number;
  readonly subscriberBuffer?: number;
}

type EventOf<K extends AgreementEventKind> = Extract<AgreementEvent, { readonly kind: K }>;

function isOfKind<K extends AgreementEventKind>(event: AgreementEvent, kind: K): event is EventOf<K> {
  return event.kind === kind;
}

interface Subscriber {
  readonly kind: AgreementEventKind;
  /** Entity ids the subscriber wants; undefined for all. */
  readonly ids: ReadonlySet<string> | undefined;
  push(event: AgreementEvent): void;
}

/**
 * Vendor events in, subscriptions out (DESIGN.md "Events"). `publish` is the sink receivers and pollers
 * hand events to: it records the eventId in the shared store (so a redelivered callback, or one callback
 * reaching two replicas, is emitted once), drops the entity from the shared cache and publishes through
 * the fanout; every replica's bus then hands it to its own matching subscribers. A subscriber that goes
 * away is forgotten at once; a slow one holds at most `subscriberBuffer` events.
 */
export class EventBus {
  private readonly subscribers = new Set<Subscriber>();
  private readonly dedupTtlMs: number;
  private readonly bufferSize: number;

  constructor(private readonly options: EventBusOptions) {
    this.dedupTtlMs = options.dedupTtlMs ?? DEFAULT_DEDUP_TTL_MS;
    this.bufferSize = options.subscriberBuffer ?? DEFAULT_SUBSCRIBER_BUFFER;
    options.fanout.listen((event) => {
      this.deliver(event);
    });
  }

  /**
   * Emits `event` unless its eventId was emitted before. Rejects when the store or the fanout fails, with
   * the record taken back, so the caller can refuse the callback and the vendor's redelivery still counts.
   */
  readonly publish: EventSink = async (event) => {
    const key = `event:${event.eventId}`;
    const first = await this.options.store.setIfAbsent(key, event.kind, this.dedupTtlMs);
    this.options.metrics.countEventReceived(event.kind, first ? 'emitted' : 'duplicate');
    if (!first) return 'duplicate';
    try {
      await this.options.dropCached?.(event);
      await this.options.fanout.publish(event);
    } catch (error: unknown) {
      await this.options.store.delete(key).catch(() => undefined);
      throw error;
    }
    this.options.logger.info(
      { kind: event.kind, eventId: event.eventId, entityId: entityIdOf(event), status: event.status },
      'vendor event emitted',
    );
    return 'emitted';
  };

  /**
   * Events of `kind` (only those about `ids` when given) from now on, until the consumer returns. The
   * iterator holds nothing once returned: its subscriber is removed in the same step.
   */
  subscribe<K extends AgreementEventKind>(kind: K, ids?: readonly string[]): AsyncGenerator<EventOf<K>, void> {
    const buffer = new SubscriberBuffer(this.bufferSize, () => {
      this.options.metrics.countEventDropped(kind);
    });
    return new Repeater<EventOf<K>>(async (push, stop) => {
      const subscriber: Subscriber = {
        kind,
        ids: ids === undefined ? undefined : new Set(ids),
        push: (event) => {
          if (!isOfKind(event, kind)) return;
          // `push` with a sliding buffer never waits; its promise only says the consumer took the value.
          void push(event);
          this.options.metrics.countEventDelivered(kind);
        },
      };
      this.subscribers.add(subscriber);
      this.reportSubscribers(kind);
      await stop;
      this.subscribers.delete(subscriber);
      this.reportSubscribers(kind);
    }, buffer);
  }

  /** Open subscriptions on this replica. */
  get subscriberCount(): number {
    return this.subscribers.size;
  }

  async close(): Promise<void> {
    await this.options.fanout.close();
  }

  private deliver(event: AgreementEvent): void {
    const entityId = entityIdOf(event);
    for (const subscriber of this.subscribers) {
      if (subscriber.kind === event.kind && (subscriber.ids === undefined || subscriber.ids.has(entityId))) subscriber.push(event);
    }
  }

  private reportSubscribers(kind: AgreementEventKind): void {
    let count = 0;
    for (const subscriber of this.subscribers) if (subscriber.kind === kind) count += 1;
    this.options.metrics.setSubscribers(kind, count);
  }
}
