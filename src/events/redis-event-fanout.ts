import { Cluster } from 'ioredis';
import type { Logger } from 'pino';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RedisClient } from '../stores/redis-connection';
import type { AgreementEvent } from './agreement-event';
import { decodeEvent } from './event-codec';
import type { EventFanout } from './event-fanout';

/** Entries the stream keeps (trimmed approximately): far more than a replica can miss while it reconnects. */
const STREAM_MAX_ENTRIES = 10_000;
/** How long one read waits for new entries before it is issued again. */
const READ_BLOCK_MS = 2_000;
/** The reader's command timeout: a blocked read must not be cut off as a hung command. */
const READ_COMMAND_TIMEOUT_MS = READ_BLOCK_MS + 3_000;
/** Pause before reading again after a failed read (Redis down or reconnecting). */
const READ_RETRY_MS = 200;
const EVENT_FIELD = 'event';

export interface RedisEventFanoutOptions {
  /** Waits before reading again after a failed read. Default 200 ms. */
  readonly readRetryMs?: number;
}

/**
 * Every replica's subscribers through one Redis stream (`<REDIS key prefix>events`): a callback received by
 * replica A reaches a subscriber on replica B. Publishing appends with `XADD` on the shared command
 * connection (the stream is trimmed to about 10,000 entries); each replica reads with a blocking `XREAD` on
 * a connection of its own and remembers the id of the last entry it delivered. When that connection drops,
 * or Redis restarts, the replica reads on from that id once it is back, so the events appended meanwhile
 * still reach its subscribers, in order. (Pub/sub, used before, kept nothing: they were lost for that
 * replica.) A replica starts at the stream's end: events from before it started are not replayed.
 */
export class RedisEventFanout implements EventFanout {
  private listener: ((event: AgreementEvent) => void) | undefined;
  private closed = false;
  private reading: Promise<void> = Promise.resolve();

  private constructor(
    private readonly publisher: RedisClient,
    private readonly reader: RedisClient,
    private readonly stream: string,
    private lastId: string,
    private readonly logger: Logger,
    private readonly readRetryMs: number,
  ) {}

  static async open(
    redis: RedisClient,
    keyPrefix: string,
    logger: Logger,
    options: RedisEventFanoutOptions = {},
  ): Promise<RedisEventFanout> {
    const stream = `${keyPrefix}events`;
    // Named, so that `CLIENT LIST` tells an operator which connection is blocked on the event stream.
    const readerOptions = { commandTimeout: READ_COMMAND_TIMEOUT_MS, connectionName: `${stream}-reader` };
    const reader =
      redis instanceof Cluster
        ? redis.duplicate([], { redisOptions: { ...redis.options.redisOptions, ...readerOptions } })
        : redis.duplicate(readerOptions);
    reader.on('error', (error: Error) => {
      logger.warn({ err: error }, 'redis event reader connection error');
    });
    if (reader.status === 'wait') await reader.connect();
    // Where this replica starts: the newest entry now (or the beginning of an empty stream).
    const newest = (await redis.xrevrange(stream, '+', '-', 'COUNT', 1)).at(0);
    const fanout = new RedisEventFanout(redis, reader, stream, newest?.[0] ?? '0-0', logger, options.readRetryMs ?? READ_RETRY_MS);
    fanout.reading = fanout.readUntilClosed();
    return fanout;
  }

  async publish(event: AgreementEvent): Promise<void> {
    await this.publisher.xadd(this.stream, 'MAXLEN', '~', STREAM_MAX_ENTRIES, '*', EVENT_FIELD, JSON.stringify(event));
  }

  listen(listener: (event: AgreementEvent) => void): void {
    this.listener = listener;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listener = undefined;
    // Ends the blocked read at once (quit would wait for it to return).
    this.reader.disconnect();
    await this.reading;
  }

  private async readUntilClosed(): Promise<void> {
    while (!this.isClosed()) {
      try {
        const answer = await this.reader.xread('COUNT', 100, 'BLOCK', READ_BLOCK_MS, 'STREAMS', this.stream, this.lastId);
        for (const [, entries] of answer ?? []) {
          for (const [id, fields] of entries) {
            this.lastId = id;
            this.deliver(fields);
          }
        }
      } catch (error: unknown) {
        if (this.isClosed()) return;
        this.logger.debug({ err: error }, 'redis event read failed; reading on from the last event once Redis answers');
        await sleep(this.readRetryMs);
      }
    }
  }

  /** A call, not a field read: `close()` flips the flag while a read is awaited. */
  private isClosed(): boolean {
    return this.closed;
  }

  private deliver(fields: readonly string[]): void {
    const index = fields.indexOf(EVENT_FIELD);
    const event = index >= 0 && index % 2 === 0 ? decodeEvent(fields[index + 1] ?? '') : undefined;
    if (event === undefined) {
      this.logger.warn({ stream: this.stream }, 'skipped an entry of the event stream that is not an event');
      return;
    }
    this.listener?.(event);
  }
}
