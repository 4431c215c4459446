import pino from 'pino';
import { FlowStatus } from '../../../datasources/tencent-ess/model';
import { DocumentStatus } from '../../../datasources/vnpt-econtract/model';
import { FlowOperation, type AgreementEvent, type FlowChangeEvent } from '../../../src/events/agreement-event';
import { EventBus } from '../../../src/events/event-bus';
import type { EventFanout } from '../../../src/events/event-fanout';
import { LocalEventFanout } from '../../../src/events/local-event-fanout';
import { AppMetrics } from '../../../src/observability/metrics';
import { InMemoryKeyValueStore } from '../../../src/stores/in-memory-key-value-store';

const silent = pino({ enabled: false });

function flowEvent(eventId: string, flowId: string, status = FlowStatus.SIGNED): FlowChangeEvent {
  return { kind: 'flow', eventId, flowId, status, operation: FlowOperation.SIGN, occurredAt: '2026-12-04T10:00:00.000Z' };
}

function busWith(options: { fanout?: EventFanout; subscriberBuffer?: number } = {}): {
  bus: EventBus;
  metrics: AppMetrics;
  store: InMemoryKeyValueStore;
} {
  const store = new InMemoryKeyValueStore();
  const metrics = new AppMetrics();
  const bus = new EventBus({
    store,
    fanout: options.fanout ?? new LocalEventFanout(),
    metrics,
    logger: silent,
    subscriberBuffer: options.subscriberBuffer,
  });
  return { bus, metrics, store };
}

async function metricValue(metrics: AppMetrics, name: string, labels: Record<string, string>): Promise<number | undefined> {
  const metric = (await metrics.registry.getMetricsAsJSON()).find((entry) => entry.name === name);
  return metric?.values.find((value) => Object.entries(labels).every(([key, label]) => value.labels[key] === label))?.value;
}

describe('EventBus', () => {
  it('emits an event once however often its eventId is published', async () => {
    const { bus, metrics } = busWith();
    const events = bus.subscribe('flow');
    const first = events.next();
    expect(await bus.publish(flowEvent('msg-1', 'flow-a'))).toBe('emitted');
    expect(await bus.publish(flowEvent('msg-1', 'flow-a'))).toBe('duplicate');
    expect(await bus.publish(flowEvent('msg-2', 'flow-a'))).toBe('emitted');
    expect((await first).value).toMatchObject({ eventId: 'msg-1' });
    expect((await events.next()).value).toMatchObject({ eventId: 'msg-2' });
    expect(await metricValue(metrics, 'events_received_total', { kind: 'flow', outcome: 'duplicate' })).toBe(1);
    expect(await metricValue(metrics, 'events_received_total', { kind: 'flow', outcome: 'emitted' })).toBe(2);
    await events.return(undefined);
  });

  it('hands a subscriber only its kind and, with ids, only those entities', async () => {
    const { bus } = busWith();
    const onlyB = bus.subscribe('flow', ['flow-b']);
    const documents = bus.subscribe('document');
    const next = onlyB.next();
    await bus.publish(flowEvent('1', 'flow-a'));
    await bus.publish({
      kind: 'document',
      eventId: '2',
      documentId: 'flow-b',
      status: DocumentStatus.CANCELED,
      occurredAt: '2026-12-04T10:00:00.000Z',
    } satisfies AgreementEvent);
    await bus.publish(flowEvent('3', 'flow-b'));
    expect((await next).value).toMatchObject({ eventId: '3', flowId: 'flow-b' });
    await onlyB.return(undefined);
    await documents.return(undefined);
  });

  it('forgets a subscriber as soon as it returns', async () => {
    const { bus, metrics } = busWith();
    const events = bus.subscribe('flow');
    const pending = events.next();
    expect(bus.subscriberCount).toBe(1);
    expect(await metricValue(metrics, 'event_subscriptions', { kind: 'flow' })).toBe(1);
    await events.return(undefined);
    await pending;
    expect(bus.subscriberCount).toBe(0);
    expect(await metricValue(metrics, 'event_subscriptions', { kind: 'flow' })).toBe(0);
  });

  it('keeps at most its buffer for a subscriber that does not read, dropping the oldest', async () => {
    const { bus, metrics } = busWith({ subscriberBuffer: 3 });
    const events = bus.subscribe('flow');
    const first = events.next(); // takes the first event; the next five wait in a buffer of three
    for (let index = 1; index <= 6; index += 1) await bus.publish(flowEvent(`msg-${index}`, 'flow-a'));
    await new Promise((resolve) => setImmediate(resolve));
    expect((await first).value).toMatchObject({ eventId: 'msg-1' });
    const rest = [(await events.next()).value, (await events.next()).value, (await events.next()).value];
    expect(rest.map((event) => (event as FlowChangeEvent).eventId)).toEqual(['msg-4', 'msg-5', 'msg-6']);
    expect(await metricValue(metrics, 'events_dropped_total', { kind: 'flow' })).toBe(2);
    await events.return(undefined);
  });

  it('takes the record back when the fanout fails, so the redelivery is emitted', async () => {
    const failing: EventFanout = {
      publish: () => Promise.reject(new Error('redis down')),
      listen: () => undefined,
      close: () => Promise.resolve(),
    };
    const { bus, store } = busWith({ fanout: failing });
    await expect(bus.publish(flowEvent('msg-1', 'flow-a'))).rejects.toThrow('redis down');
    expect(await store.get('event:msg-1')).toBeUndefined();
  });
});
