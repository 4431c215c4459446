import Redis from 'ioredis';
import pino from 'pino';
import { randomUUID } from 'node:crypto';
import { FlowOperation, type AgreementEvent } from '../../../src/events/agreement-event';
import { RedisEventFanout } from '../../../src/events/redis-event-fanout';
import { FlowStatus } from '../../../datasources/tencent-ess/model';
import { until } from '../../support/until';

const redisUrl = process.env.REDIS_URL;
const describeWithRedis = redisUrl ? describe : describe.skip;

function flowEvent(eventId: string): AgreementEvent {
  return {
    kind: 'flow',
    eventId,
    flowId: 'yDwFmUUckpstqfvzUE1h3jo5lwGRM8ij',
    status: FlowStatus.SIGNED,
    operation: FlowOperation.SIGN,
    occurredAt: '2026-12-04T10:00:00.000Z',
  };
}

/**
 * Two replicas' fanouts on one Redis stream, each with its own connections as two processes would have.
 * The claim under test: events appended while a replica's reading connection is down still reach it, in
 * order and once, when it is back (pub/sub lost them).
 */
describeWithRedis('RedisEventFanout over a Redis stream', () => {
  const keyPrefix = `test:events:${randomUUID()}:`;
  const connections: Redis[] = [];
  const fanouts: RedisEventFanout[] = [];
  const admin = new Redis(redisUrl ?? '', { lazyConnect: true });

  async function replica(): Promise<RedisEventFanout> {
    const connection = new Redis(redisUrl ?? '', { lazyConnect: true });
    connections.push(connection);
    await connection.connect();
    const fanout = await RedisEventFanout.open(connection, keyPrefix, pino({ level: 'silent' }), { readRetryMs: 20 });
    fanouts.push(fanout);
    return fanout;
  }

  /** Ids of the connections blocked on this stream (both replicas' readers). */
  async function readerIds(): Promise<string[]> {
    const list = await admin.client('LIST');
    return String(list)
      .split('\n')
      .filter((line) => line.includes(` name=${keyPrefix}events-reader `))
      .map((line) => /(?:^|\s)id=(\d+)/.exec(line)?.[1] ?? '')
      .filter((id) => id.length > 0);
  }

  beforeAll(async () => {
    await admin.connect();
  });

  afterAll(async () => {
    await Promise.all(fanouts.map((fanout) => fanout.close()));
    await Promise.all(connections.map((connection) => connection.quit()));
    const keys = await admin.keys(`${keyPrefix}*`);
    if (keys.length > 0) await admin.del(...keys);
    await admin.quit();
  });

  it('delivers to the other replica what was published while its reading connection was cut', async () => {
    const publisher = await replica();
    const receiver = await replica();
    const received: string[] = [];
    receiver.listen((event) => received.push(event.eventId));

    await publisher.publish(flowEvent('before'));
    await until('the first event', () => received.length === 1);

    const killed = await readerIds();
    expect(killed).toHaveLength(2);
    for (const id of killed) await admin.client('KILL', 'ID', id);
    // Appended while the readers are down and reconnecting.
    await publisher.publish(flowEvent('during-1'));
    await publisher.publish(flowEvent('during-2'));
    await until('the events published during the outage', () => received.length === 3);
    await publisher.publish(flowEvent('after'));
    await until('the event published after it', () => received.length === 4);

    expect(received).toEqual(['before', 'during-1', 'during-2', 'after']);
    // The readers came back on new connections.
    expect((await readerIds()).filter((id) => killed.includes(id))).toEqual([]);
  });

  it('starts a new replica at the end of the stream: earlier events are not replayed to it', async () => {
    const publisher = await replica();
    await publisher.publish(flowEvent('old'));
    const late = await replica();
    const received: string[] = [];
    late.listen((event) => received.push(event.eventId));

    await publisher.publish(flowEvent('new'));
    await until('the new event', () => received.length >= 1);

    expect(received).toEqual(['new']);
  });
});
