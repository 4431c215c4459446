import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { InMemorySlidingWindow } from '../../../src/stores/in-memory-sliding-window';
import { RedisSlidingWindow } from '../../../src/stores/redis-sliding-window';
import type { SlidingWindowLimiter, SlidingWindowRequest } from '../../../src/stores/sliding-window';

/**
 * The sliding-window log's contract, run against the in-process log and against the Redis script (on the
 * real Redis when REDIS_URL is set; `.ci/run` sets it). Time is a clock the test moves by hand; the Redis
 * script takes it as an argument instead of reading the server's clock.
 */
const redisUrl = process.env.REDIS_URL;
const RUN_PREFIX = `test-sliding-window-${randomUUID()}:`;
let redis: Redis | undefined;

interface Subject {
  readonly window: SlidingWindowLimiter;
  /** Moves the clock to `ms`. */
  readonly set: (ms: number) => void;
}

let prefixes = 0;
function subjectOf(kind: 'memory' | 'redis'): Subject {
  let current = 10_000;
  const now = (): number => current;
  const set = (ms: number): void => {
    current = ms;
  };
  if (kind === 'memory') return { window: new InMemorySlidingWindow(now), set };
  if (!redis) throw new Error('REDIS_URL is not set');
  prefixes += 1;
  return { window: new RedisSlidingWindow(redis, { keyPrefix: `${RUN_PREFIX}${String(prefixes)}:`, now }), set };
}

async function deleteRunKeys(client: Redis): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${RUN_PREFIX}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await client.del(...keys);
  } while (cursor !== '0');
}

beforeAll(async () => {
  if (!redisUrl) return;
  redis = new Redis(redisUrl, { lazyConnect: true });
  await redis.connect();
});
afterAll(async () => {
  if (!redis) return;
  await deleteRunKeys(redis);
  await redis.quit();
});

const ACTION: SlidingWindowRequest = { key: 'ess:DescribeFlowInfo', limit: 20, windowMs: 1_000 };

async function takeMany(window: SlidingWindowLimiter, request: SlidingWindowRequest, count: number): Promise<number> {
  let granted = 0;
  for (let index = 0; index < count; index += 1) if ((await window.take(request)).granted) granted += 1;
  return granted;
}

const KINDS = redisUrl ? (['memory', 'redis'] as const) : (['memory'] as const);

describe.each(KINDS)('sliding window log (%s)', (kind) => {
  it('grants 20 slots in a window and refuses the 21st with the time until the oldest slot leaves', async () => {
    const { window, set } = subjectOf(kind);
    set(10_000);
    expect(await takeMany(window, ACTION, 10)).toBe(10);
    set(10_400);
    expect(await takeMany(window, ACTION, 10)).toBe(10);

    set(10_700);
    expect(await window.take(ACTION)).toEqual({ granted: false, retryAfterMs: 300 });
  });

  it('slides: 20 slots at the end of one second and 20 at the start of the next are not both granted', async () => {
    const { window, set } = subjectOf(kind);
    set(10_900);
    expect(await takeMany(window, ACTION, 20)).toBe(20);

    // A fixed window would start afresh at 11 000; the sliding window still holds the 20 from 10 900.
    set(11_000);
    expect(await takeMany(window, ACTION, 20)).toBe(0);
    expect(await window.take(ACTION)).toEqual({ granted: false, retryAfterMs: 900 });

    set(11_900);
    expect(await takeMany(window, ACTION, 25)).toBe(20);
  });

  it('frees slots one by one as they leave the window', async () => {
    const { window, set } = subjectOf(kind);
    const request = { ...ACTION, limit: 3 };
    for (const at of [10_000, 10_100, 10_200]) {
      set(at);
      expect((await window.take(request)).granted).toBe(true);
    }
    set(11_050);
    expect(await takeMany(window, request, 2)).toBe(1);
    expect(await window.take(request)).toEqual({ granted: false, retryAfterMs: 50 });
  });

  it('keeps one budget per key', async () => {
    const { window } = subjectOf(kind);
    expect(await takeMany(window, { ...ACTION, limit: 2 }, 3)).toBe(2);
    expect(await takeMany(window, { ...ACTION, key: 'ess:CreateFlowReminds', limit: 2 }, 3)).toBe(2);
  });

  it('lets one caller use only its share, leaves the rest to others, and counts every caller in the action', async () => {
    const { window, set } = subjectOf(kind);
    const as = (id: string): SlidingWindowRequest => ({ ...ACTION, caller: { id, limit: 10 } });

    expect(await takeMany(window, as('flooder'), 30)).toBe(10);
    set(10_250);
    expect(await window.take(as('flooder'))).toEqual({ granted: false, retryAfterMs: 750 });
    expect(await takeMany(window, as('quiet'), 10)).toBe(10);
    // The action's 20 are used up: a third caller waits for the action, not for its own share.
    expect(await window.take(as('third'))).toEqual({ granted: false, retryAfterMs: 750 });
    // Takes without a caller count against the action alone.
    expect((await window.take(ACTION)).granted).toBe(false);
  });

  it('does not record refused takes, so a caller that keeps trying does not push its window on', async () => {
    const { window, set } = subjectOf(kind);
    const request = { ...ACTION, limit: 1 };
    expect((await window.take(request)).granted).toBe(true);
    for (const at of [10_200, 10_500, 10_999]) {
      set(at);
      expect((await window.take(request)).granted).toBe(false);
    }
    set(11_000);
    expect((await window.take(request)).granted).toBe(true);
  });

  it('holds the limit in every sliding window over a long irregular run', async () => {
    const { window, set } = subjectOf(kind);
    const grantedAt: number[] = [];
    // Bursts of 0–6 takes every 37 ms for 5 s: far more demand than 20 per second.
    for (let at = 10_000; at < 15_000; at += 37) {
      set(at);
      for (let burst = 0; burst < at % 7; burst += 1) if ((await window.take(ACTION)).granted) grantedAt.push(at);
    }
    const mostInAnyWindow = Math.max(...grantedAt.map((start) => grantedAt.filter((at) => at >= start && at < start + 1_000).length));
    expect(mostInAnyWindow).toBe(20);
    expect(grantedAt.length).toBeGreaterThanOrEqual(80);
  });
});

const describeWithRedis = redisUrl ? describe : describe.skip;

describeWithRedis('RedisSlidingWindow on the real Redis', () => {
  it('grants exactly the limit to 200 concurrent takes (one atomic script each), on the server clock', async () => {
    const client = redis;
    if (!client) throw new Error('no redis');
    const window = new RedisSlidingWindow(client, { keyPrefix: `${RUN_PREFIX}concurrent:` });
    // A minute-long window: every take falls into it however slow the machine is.
    const request = { key: 'ess:CreateFlowReminds', limit: 20, windowMs: 60_000 };

    const decisions = await Promise.all(Array.from({ length: 200 }, () => window.take(request)));

    expect(decisions.filter((decision) => decision.granted)).toHaveLength(20);
    const waits = decisions.flatMap((decision) => (decision.granted ? [] : [decision.retryAfterMs]));
    expect(Math.min(...waits)).toBeGreaterThan(59_000);
    expect(Math.max(...waits)).toBeLessThanOrEqual(60_000);
  });

  it('grants exactly the caller share to 200 concurrent takes of one caller', async () => {
    const client = redis;
    if (!client) throw new Error('no redis');
    const window = new RedisSlidingWindow(client, { keyPrefix: `${RUN_PREFIX}concurrent-caller:` });
    const request = { key: 'ess:CreateFlowReminds', limit: 20, windowMs: 60_000, caller: { id: 'user-1', limit: 10 } };

    const decisions = await Promise.all(Array.from({ length: 200 }, () => window.take(request)));

    expect(decisions.filter((decision) => decision.granted)).toHaveLength(10);
  });

  it('keeps the keys of one script in one Cluster hash slot and lets them expire', async () => {
    const client = redis;
    if (!client) throw new Error('no redis');
    const keyPrefix = `${RUN_PREFIX}keys:`;
    const window = new RedisSlidingWindow(client, { keyPrefix });

    await window.take({ key: 'ess:DescribeFlowInfo', limit: 5, windowMs: 1_000, caller: { id: 'a {tricky} subject', limit: 2 } });

    const keys = (await client.keys(`${keyPrefix}*`)).sort();
    expect(keys).toHaveLength(2);
    const [action, caller] = keys;
    expect(action).toBe(`${keyPrefix}rl:{ess:DescribeFlowInfo}`);
    // The subject is hashed: no brace of it can move the key to another slot.
    expect(caller).toMatch(new RegExp(`^${escapeRegExp(keyPrefix)}rl:\\{ess:DescribeFlowInfo\\}:caller:[A-Za-z0-9_-]+$`));
    for (const key of keys) {
      const ttl = await client.pttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(2_000);
    }
  });

  it('moves a slot whose grant reached the replica late to the time the request leaves', async () => {
    const client = redis;
    if (!client) throw new Error('no redis');
    const keyPrefix = `${RUN_PREFIX}restamp:`;
    // The clock reads 10 000 when the slot is asked for and 10 400 once the (late) grant is in.
    const readings = [10_000, 10_400];
    let now = 0;
    const clock = (): number => readings.shift() ?? now;
    const window = new RedisSlidingWindow(client, { keyPrefix, now: clock, restampAfterMs: 0 });
    const request = { key: 'ess:DescribeFlowInfo', limit: 1, windowMs: 1_000, caller: { id: 'user-1', limit: 1 } };

    await expect(window.take(request)).resolves.toEqual({ granted: true });

    // Commands on one connection run in order: the re-stamp, sent right after the grant, ran first.
    const [actionKey, callerKey] = (await client.keys(`${keyPrefix}*`)).sort();
    expect(await client.zrange(actionKey, 0, -1, 'WITHSCORES')).toEqual([expect.any(String), '10400000']);
    expect((await client.zrange(callerKey, 0, -1, 'WITHSCORES'))[1]).toBe('10400000');
    // Counted from 10 400, the slot is still held at 11 050.
    now = 11_050;
    await expect(window.take(request)).resolves.toEqual({ granted: false, retryAfterMs: 350 });
  });

  it('rejects at once, without queueing the command, when the connection is down', async () => {
    if (!redisUrl) throw new Error('no redis');
    const closed = new Redis(redisUrl, { lazyConnect: true });
    const window = new RedisSlidingWindow(closed, { keyPrefix: `${RUN_PREFIX}closed:` });

    await expect(window.take({ key: 'ess:DescribeFlowInfo', limit: 1, windowMs: 1_000 })).rejects.toThrow(/not connected/);
    closed.disconnect();
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
