import { randomBytes, randomUUID } from 'node:crypto';

interface Session {
  readonly userId: number;
  readonly expiresAt: number;
}

/**
 * Bearer tokens the simulator issued. Tokens look like JWTs (as VNPT's do) but are opaque: only this
 * registry knows them, so a token cannot be forged or outlive `expireAll()`.
 */
export class SimulatorSessions {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => Date,
  ) {}

  /** Issues a new token for `userId`, valid for the registry's TTL. */
  issue(userId: number): string {
    this.sweep();
    const issuedAt = this.now().getTime();
    const header = base64url({ alg: 'HS256', typ: 'JWT' });
    const payload = base64url({ sub: String(userId), jti: randomUUID(), iat: Math.floor(issuedAt / 1000) });
    const token = `${header}.${payload}.${randomBytes(32).toString('base64url')}`;
    this.sessions.set(token, { userId, expiresAt: issuedAt + this.ttlMs });
    return token;
  }

  /** The user a live token belongs to; `undefined` for an unknown or expired token. */
  userIdOf(token: string): number | undefined {
    const session = this.sessions.get(token);
    if (!session) return undefined;
    if (session.expiresAt <= this.now().getTime()) {
      this.sessions.delete(token);
      return undefined;
    }
    return session.userId;
  }

  /** Makes every issued token invalid, as a vendor-side expiry or key rotation would. */
  expireAll(): void {
    this.sessions.clear();
  }

  private sweep(): void {
    const now = this.now().getTime();
    for (const [token, session] of this.sessions) if (session.expiresAt <= now) this.sessions.delete(token);
  }
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
