import type { Logger } from 'pino';
import { ErrorCode } from '../../src/errors/error-code';
import { Vendor } from '../../src/errors/vendor';
import { VendorError } from '../../src/errors/vendor-error';
import type { KeyValueStore } from '../../src/stores/key-value-store';

export interface VnptTokenProviderOptions {
  /** Performs one password login and resolves with the bearer token (rejects with a VendorError). */
  readonly login: () => Promise<string>;
  /** Where the token is shared: Redis when many replicas should use one token, in-memory otherwise. */
  readonly store: KeyValueStore;
  readonly storeKey: string;
  /** How long a token is trusted; VNPT tokens carry no expiry and live about 24 h. */
  readonly ttlMs: number;
  readonly logger: Logger;
  /**
   * After the vendor refuses our credentials, calls fail fast with that refusal for this long instead of
   * logging in again on every request (which could get the account locked). Default 30 s.
   */
  readonly refusalCooldownMs?: number;
  readonly now?: () => number;
}

/**
 * How long a token read from or written to the store is used without reading the store again (never
 * longer than the TTL). With Redis every read is a round trip, which every VNPT call paid before this:
 * two for a `cancelDocument` instead of one (the rate limit's is the other). The price: a replica may
 * use a token for up to 30 s after another replica stored a new one; if the vendor no longer takes the
 * old one, its 401 drops it here at once (`invalidate`) and the call reads the store again. A token read
 * just before its TTL ran out may be used up to 30 s past it, which the TTL (23 h against the vendor's
 * 24 h) leaves room for.
 */
const LOCAL_REUSE_MS = 30_000;

/**
 * Hands out the VNPT bearer token shared by every replica through `store`.
 *
 * - When the store holds no token, concurrent callers in this process share ONE login (single flight); its
 *   failure reaches every waiter and the next call tries again.
 * - The token is held in this process for 30 s (`LOCAL_REUSE_MS`), so calls do not read the store each
 *   time.
 * - `invalidate` forgets a token the vendor rejected, here at once and in the store only while the
 *   store still holds that very token, so a fresher token another replica stored meanwhile survives.
 *   The store offers no atomic compare-and-delete; the window between read and delete costs at worst
 *   one extra login.
 * - Neither the token nor the password is ever logged.
 */
export class VnptTokenProvider {
  private inFlight: Promise<string> | undefined;
  /** Counts finished logins, so a caller whose store read raced a login can tell one happened. */
  private loginsFinished = 0;
  /** The last credential refusal and until when it is replayed without a new login. */
  private refusal: { readonly error: VendorError; readonly until: number } | undefined;
  /** The token last read from or written to the store, and until when it is used without reading it again. */
  private held: { readonly token: string; readonly until: number } | undefined;

  constructor(private readonly options: VnptTokenProviderOptions) {}

  /** The current token: held from a recent store read or login, from the store, or from a (shared) fresh login. */
  async getToken(): Promise<string> {
    const running = this.loginInFlight();
    if (running) return running;
    const held = this.heldToken();
    if (held !== undefined) return held;
    const seen = this.loginsFinished;
    const stored = await this.readStored();
    if (stored !== undefined) return this.hold(stored);
    // Looked up again, not reused: another caller may have started a login while the store was read.
    const startedMeanwhile = this.loginInFlight();
    if (startedMeanwhile) return startedMeanwhile;
    if (this.refusal && this.refusal.until > this.now()) throw this.refusal.error;
    // A store read that started before a login stored its token can still come back empty (slow Redis):
    // such a straggler takes the token that login left here, or reads the store once more (the login
    // failed, another replica's may not have), rather than start a second login.
    if (this.loginsFinished !== seen) {
      const justLoggedIn = this.heldToken();
      if (justLoggedIn !== undefined) return justLoggedIn;
      const fresh = await this.readStored();
      if (fresh !== undefined) return this.hold(fresh);
      const startedDuringReread = this.loginInFlight();
      if (startedDuringReread) return startedDuringReread;
    }
    return this.startLogin();
  }

  /** The login running now, if any; read through a method because it changes while this class awaits. */
  private loginInFlight(): Promise<string> | undefined {
    return this.inFlight;
  }

  /** Forgets `rejectedToken` (the vendor answered 401 to it) unless the store already holds another one. */
  async invalidate(rejectedToken: string): Promise<void> {
    if (this.held?.token === rejectedToken) this.held = undefined;
    const stored = await this.readStored();
    if (stored !== rejectedToken) return;
    await this.options.store.delete(this.options.storeKey);
    this.options.logger.info({ vendor: Vendor.VNPT_ECONTRACT }, 'vnpt token rejected by the vendor; it will be renewed');
  }

  /** The token held from a recent store read or login, while its reuse window lasts. */
  private heldToken(): string | undefined {
    return this.held !== undefined && this.now() < this.held.until ? this.held.token : undefined;
  }

  /** Keeps `token` for the reuse window and hands it back. */
  private hold(token: string): string {
    const reuseMs = Math.min(LOCAL_REUSE_MS, this.options.ttlMs);
    this.held = { token, until: this.now() + reuseMs };
    return token;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private async readStored(): Promise<string | undefined> {
    const value = await this.options.store.get(this.options.storeKey);
    // Stryker disable next-line ConditionalExpression: equivalent: an undefined value is answered as undefined either way; the check narrows the type
    return value === undefined || value === '' ? undefined : value;
  }

  private startLogin(): Promise<string> {
    const login = this.loginAndStore().finally(() => {
      // Stryker disable next-line AssignmentOperator: equivalent: the count is only compared for a change
      this.loginsFinished += 1;
      this.inFlight = undefined;
    });
    this.inFlight = login;
    return login;
  }

  private async loginAndStore(): Promise<string> {
    const { logger, store, storeKey, ttlMs } = this.options;
    let token: string;
    try {
      token = await this.options.login();
    } catch (error: unknown) {
      // Only the classified code goes to the log: an error's cause could carry request details.
      const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'UNKNOWN';
      logger.error({ vendor: Vendor.VNPT_ECONTRACT, code }, 'vnpt password login failed');
      if (error instanceof VendorError && error.code === ErrorCode.VENDOR_AUTH_FAILED) {
        this.refusal = { error, until: this.now() + (this.options.refusalCooldownMs ?? 30_000) };
      }
      throw error;
    }
    try {
      await store.set(storeKey, token, ttlMs);
    } catch {
      // A store outage must not fail calls that now hold a valid token; this process holds it for 30 s
      // (`LOCAL_REUSE_MS`), then logs in again.
      logger.warn({ vendor: Vendor.VNPT_ECONTRACT }, 'vnpt token could not be stored; it will not be shared');
    }
    this.refusal = undefined;
    logger.info({ vendor: Vendor.VNPT_ECONTRACT, ttlMs }, 'vnpt password login succeeded');
    return this.hold(token);
  }
}
