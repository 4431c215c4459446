import { createHash, randomBytes } from 'node:crypto';
import type { RedisClient } from './redis-connection';
import type { SlidingWindowDecision, SlidingWindowLimiter, SlidingWindowRequest } from './sliding-window';
import { RESTAMP_SCRIPT, SLIDING_WINDOW_SCRIPT } from './sliding-window-script';

interface Script {
  readonly source: string;
  readonly sha: string;
}

const scriptOf = (source: string): Script => ({ source, sha: createHash('sha1').update(source).digest('hex') });
const TAKE = scriptOf(SLIDING_WINDOW_SCRIPT);
const RESTAMP = scriptOf(RESTAMP_SCRIPT);

export interface RedisSlidingWindowOptions {
  /** Namespace of every key (`REDIS_KEY_PREFIX`). */
  readonly keyPrefix: string;
  /**
   * A grant whose answer took longer than this to reach us (a busy event loop, a slow network) has its
   * slot moved to the server's time now, when the request really leaves. Default 10 ms.
   */
  readonly restampAfterMs?: number;
  /** A clock in milliseconds for tests; by default the scripts read the Redis server's clock. */
  readonly now?: () => number;
}

/**
 * `SlidingWindowLimiter` on Redis: one atomic script per take (`SLIDING_WINDOW_SCRIPT`), so every replica
 * counts against one log per vendor action. Keys: `<prefix>rl:{<vendor>:<Action>}` for the action and
 * `<prefix>rl:{<vendor>:<Action>}:caller:<sha256(subject)>` for a caller (hashed: bounded length, and no
 * brace of a subject can move the key to another Cluster slot). Rejects when Redis is not connected
 * (instead of queueing the command) or the script fails, so the caller can fall back at once.
 */
export class RedisSlidingWindow implements SlidingWindowLimiter {
  /** Unique per process; with a counter it names each slot in the sorted sets. */
  private readonly processTag = randomBytes(6).toString('base64url');
  private sequence = 0;
  private readonly restampAfterMs: number;

  constructor(
    private readonly redis: RedisClient,
    private readonly options: RedisSlidingWindowOptions,
  ) {
    this.restampAfterMs = options.restampAfterMs ?? 10;
  }

  async take(request: SlidingWindowRequest): Promise<SlidingWindowDecision> {
    if (this.redis.status !== 'ready') throw new Error(`redis is not connected (${this.redis.status})`);
    const actionKey = `${this.options.keyPrefix}rl:{${request.key}}`;
    const keys = request.caller ? [actionKey, `${actionKey}:caller:${hashOf(request.caller.id)}`] : [actionKey];
    this.sequence += 1;
    const member = `${this.processTag}:${String(this.sequence)}`;
    const asked = performance.now();
    const reply = await this.run(TAKE, keys, [
      String(request.limit),
      String(Math.round(request.windowMs * 1000)),
      member,
      request.caller ? String(request.caller.limit) : '',
      this.serverTimeOverride(),
    ]);
    if (!Array.isArray(reply) || typeof reply[0] !== 'number' || typeof reply[1] !== 'number') {
      throw new Error('the rate-limit script answered an unexpected reply');
    }
    if (reply[0] !== 1) return { granted: false, retryAfterMs: Math.max(1, reply[1] / 1000) };
    if (performance.now() - asked > this.restampAfterMs) {
      // Sent now, with the request that follows at once; its outcome does not change this grant.
      this.run(RESTAMP, keys, [member, this.serverTimeOverride()]).catch(() => undefined);
    }
    return { granted: true };
  }

  private serverTimeOverride(): string {
    return this.options.now ? String(Math.round(this.options.now() * 1000)) : '';
  }

  /** EVALSHA, loading the script with EVAL the first time a server does not know it (or after a flush). */
  private async run(script: Script, keys: readonly string[], args: readonly string[]): Promise<unknown> {
    try {
      return await this.redis.evalsha(script.sha, keys.length, ...keys, ...args);
    } catch (error: unknown) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return this.redis.eval(script.source, keys.length, ...keys, ...args);
    }
  }
}

function hashOf(subject: string): string {
  return createHash('sha256').update(subject).digest('base64url');
}
