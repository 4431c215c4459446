import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import pino from 'pino';
import { Writable } from 'node:stream';
import { FallbackSlidingWindow } from '../../../src/stores/fallback-sliding-window';
import { InMemorySlidingWindow } from '../../../src/stores/in-memory-sliding-window';
import { RedisSlidingWindow } from '../../../src/stores/redis-sliding-window';
import type { SlidingWindowDecision, SlidingWindowLimiter, SlidingWindowRequest } from '../../../src/stores/sliding-window';
import { startTestRedis, type TestRedis } from '../../support/redis-server';

const REQUEST: SlidingWindowRequest = { key: 'ess:DescribeFlowInfo', limit: 2, windowMs: 60_000 };

/** A logger whose lines the test reads. */
function recordingLogger(): { logger: pino.Logger; lines: () => { level: number; msg: string }[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      callback();
    },
  });
  return { logger: pino({ level: 'debug' }, sink), lines: () => lines.map((line) => JSON.parse(line) as { level: number; msg: string }) };
}

/** A shared log the test switches between answering, failing and hanging. */
class ScriptedShared implements SlidingWindowLimiter {
  mode: 'answer' | 'fail' | 'hang' = 'answer';
  calls = 0;
  take(): Promise<SlidingWindowDecision> {
    this.calls += 1;
    if (this.mode === 'fail') return Promise.reject(new Error('ECONNREFUSED'));
    if (this.mode === 'hang') return new Promise(() => undefined);
    return Promise.resolve({ granted: false, retryAfterMs: 123 });
  }
}

describe('FallbackSlidingWindow', () => {
  it('answers from the shared log while it works', async () => {
    const shared = new ScriptedShared();
    const window = new FallbackSlidingWindow(shared, new InMemorySlidingWindow());

    await expect(window.take(REQUEST)).resolves.toEqual({ granted: false, retryAfterMs: 123 });
  });

  it('decides with the local log when the shared one fails, warns once, and tries the shared one again later', async () => {
    let now = 0;
    const shared = new ScriptedShared();
    const { logger, lines } = recordingLogger();
    const window = new FallbackSlidingWindow(shared, new InMemorySlidingWindow(() => now), {
      logger,
      retrySharedAfterMs: 1_000,
      now: () => now,
    });
    shared.mode = 'fail';

    const decisions = [await window.take(REQUEST), await window.take(REQUEST), await window.take(REQUEST)];

    // The local log applies the same limit: two granted, the third refused.
    expect(decisions.map((decision) => decision.granted)).toEqual([true, true, false]);
    expect(shared.calls).toBe(1);
    now = 1_500;
    await window.take(REQUEST);
    expect(shared.calls).toBe(2);
    const warnings = lines().filter((line) => line.level === 40);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.msg).toMatch(/rate limiter: shared \(Redis\) counters failed/);

    now = 3_000;
    shared.mode = 'answer';
    await expect(window.take(REQUEST)).resolves.toEqual({ granted: false, retryAfterMs: 123 });
    expect(lines().filter((line) => line.level === 30 && line.msg.includes('answer again'))).toHaveLength(1);
  });

  it('does not wait for a shared log that hangs longer than its timeout', async () => {
    const shared = new ScriptedShared();
    shared.mode = 'hang';
    const window = new FallbackSlidingWindow(shared, new InMemorySlidingWindow(), { timeoutMs: 20 });

    await expect(window.take(REQUEST)).resolves.toEqual({ granted: true });
  });
});

describe('FallbackSlidingWindow over a Redis server that dies', () => {
  let server: TestRedis;
  let redis: Redis;

  beforeAll(async () => {
    server = await startTestRedis();
    redis = new Redis(server.url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => 50, disconnectTimeout: 10 });
    redis.on('error', () => undefined);
    await redis.connect();
  });
  afterAll(async () => {
    redis.disconnect();
    await server.kill();
  });

  it('reloads its script on a server that lost it, then falls back to the process when the server is killed', async () => {
    const { logger, lines } = recordingLogger();
    const shared = new RedisSlidingWindow(redis, { keyPrefix: `test-${randomUUID()}:` });
    const window = new FallbackSlidingWindow(shared, new InMemorySlidingWindow(), { logger });
    await redis.script('FLUSH');
    const onRedis = [await window.take(REQUEST), await window.take(REQUEST), await window.take(REQUEST)];
    expect(onRedis.map((decision) => decision.granted)).toEqual([true, true, false]);
    expect(lines()).toHaveLength(0);

    await server.kill();
    const afterKill = await Promise.all([window.take(REQUEST), window.take(REQUEST), window.take(REQUEST)]);

    // The local log starts empty and applies the same limit.
    expect(afterKill.map((decision) => decision.granted)).toEqual([true, true, false]);
    expect(lines().filter((line) => line.level === 40)).toHaveLength(1);
  });
});
