import type { Logger } from 'pino';
import type { RedisClient } from '../stores/redis-connection';
import type { AgreementEvent } from './agreement-event';
import { decodeEvent } from './event-codec';
import type { EventFanout } from './event-fanout';

/**
 * Every replica's subscribers through one Redis pub/sub channel (`<REDIS key prefix>events`): a callback
 * received by replica A reaches a subscriber on replica B. Publishing uses the shared command connection;
 * listening needs a connection of its own (a subscribed connection takes no other commands), which
 * ioredis re-subscribes after a reconnect. Events published while a replica's listener is disconnected
 * do not reach that replica's subscribers (pub/sub keeps nothing); the vendors' redelivery does not help
 * there either, since the event was already recorded. That gap is the price of not keeping a log.
 */
export class RedisEventFanout implements EventFanout {
  private listener: ((event: AgreementEvent) => void) | undefined;

  private constructor(
    private readonly publisher: RedisClient,
    private readonly subscriber: RedisClient,
    private readonly channel: string,
  ) {}

  static async open(redis: RedisClient, keyPrefix: string, logger: Logger): Promise<RedisEventFanout> {
    const subscriber = redis.duplicate();
    subscriber.on('error', (error: Error) => {
      logger.warn({ err: error }, 'redis event subscriber connection error');
    });
    const fanout = new RedisEventFanout(redis, subscriber, `${keyPrefix}events`);
    subscriber.on('message', (channel: string, message: string) => {
      if (channel !== fanout.channel) return;
      const event = decodeEvent(message);
      if (event === undefined) {
        logger.warn({ channel }, 'dropped a message on the event channel that is not an event');
        return;
      }
      fanout.listener?.(event);
    });
    if (subscriber.status === 'wait') await subscriber.connect();
    if (subscriber.status !== 'ready')
      await new Promise<void>((resolve) => {
        subscriber.once('ready', () => {
          resolve();
        });
      });
    await subscriber.subscribe(fanout.channel);
    return fanout;
  }

  async publish(event: AgreementEvent): Promise<void> {
    await this.publisher.publish(this.channel, JSON.stringify(event));
  }

  listen(listener: (event: AgreementEvent) => void): void {
    this.listener = listener;
  }

  async close(): Promise<void> {
    this.listener = undefined;
    if (this.subscriber.status !== 'ready') {
      this.subscriber.disconnect();
      return;
    }
    await this.subscriber.quit().catch(() => {
      this.subscriber.disconnect();
    });
  }
}
