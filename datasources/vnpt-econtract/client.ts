import type { Logger } from 'pino';
import { ErrorCode } from '../../src/errors/error-code';
import { Vendor } from '../../src/errors/vendor';
import { VendorError } from '../../src/errors/vendor-error';
import type { KeyValueStore } from '../../src/stores/key-value-store';
import type { CallScope, VendorCall, VendorTransport } from '../http/vendor-call';
import {
  cancelDocumentCall,
  getDocumentCall,
  passwordLoginCall,
  type CanceledDocument,
  type VnptCallSettings,
  type VnptCredentials,
} from './calls';
import type { DocumentRecord } from './model';
import { VnptTokenProvider } from './token-provider';
import { vnptTokenStoreKey } from './token-store-key';

/** VNPT tokens live about 24 h and carry no expiry; renewing an hour early avoids using one at its edge. */
const DEFAULT_VNPT_TOKEN_TTL_MS = 23 * 60 * 60 * 1000;

export interface VnptEcontractClientOptions {
  /** The shared HTTP layer (pool, retries, breaker, deadline) bound to the endpoint's origin. */
  readonly transport: VendorTransport;
  /** Base URL of the eContract API; a path part (e.g. `https://host/econtract`) prefixes every call. */
  readonly endpoint: string;
  readonly credentials: VnptCredentials;
  /** Shares the token between replicas (Redis) or within this process (in-memory). */
  readonly store: KeyValueStore;
  readonly logger: Logger;
  /** How long a token is reused; default 23 h. */
  readonly tokenTtlMs?: number;
  /** How long a refused login is replayed before trying again; see `VnptTokenProviderOptions`. */
  readonly loginRefusalCooldownMs?: number;
  /** Offset east of UTC for the vendor's offset-less dates; default UTC+7. */
  readonly defaultOffsetMinutes?: number;
}

/** Input of `cancelDocument`, validated by the caller (only emptiness is re-checked here). */
export interface CancelDocumentCommand {
  readonly id: string;
  readonly reason: string;
}

/**
 * VNPT eContract documents: read and cancel, behind a shared, lazily obtained bearer token.
 *
 * Every call runs through the injected `VendorTransport`. A call answered 401 (token wrong or expired)
 * invalidates that token, obtains a fresh one (one re-login, shared with concurrent callers) and is sent
 * once more — safe for the cancel write too, because the vendor refused it before acting. A second 401
 * surfaces as `VENDOR_AUTH_FAILED`, as does a login the vendor refuses. All failures are `VendorError`s.
 */
export class VnptEcontractClient {
  private readonly transport: VendorTransport;
  private readonly settings: VnptCallSettings;
  private readonly tokens: VnptTokenProvider;
  private readonly logger: Logger;

  /** @throws TypeError when `endpoint` is not an absolute URL (configuration is validated earlier). */
  constructor(options: VnptEcontractClientOptions) {
    const endpoint = new URL(options.endpoint);
    this.transport = options.transport;
    this.logger = options.logger;
    this.settings = {
      basePath: endpoint.pathname.replace(/\/+$/, ''),
      // Undefined passes through: the mapper holds the default (UTC+7).
      defaultOffsetMinutes: options.defaultOffsetMinutes,
    };
    // The credentials stay inside this closure rather than in a field, so logging the client cannot leak them.
    const { credentials } = options;
    const loginCall = passwordLoginCall(this.settings, credentials);
    this.tokens = new VnptTokenProvider({
      // Outside any operation's scope: one login serves every request waiting on it (single flight), so
      // no one operation's budget or caller share is charged for it; the action's own rate limit applies.
      login: () => this.transport.execute(loginCall, undefined),
      store: options.store,
      storeKey: vnptTokenStoreKey(options.endpoint, credentials.username, credentials.companyId),
      ttlMs: options.tokenTtlMs ?? DEFAULT_VNPT_TOKEN_TTL_MS,
      logger: options.logger,
      refusalCooldownMs: options.loginRefusalCooldownMs,
    });
  }

  /**
   * The document, or `null` when VNPT does not know `id`. `scope` (here and in `cancelDocument`) is the
   * operation the call serves, its budget and caller; undefined outside one (the webhook receiver).
   */
  async getDocument(id: string, scope?: CallScope): Promise<DocumentRecord | null> {
    requireText(id, 'A document id is required.');
    return this.withToken((token) => getDocumentCall(this.settings, token, id), scope);
  }

  /**
   * Cancels a Ready, Processing or Completed document created by this service's VNPT user.
   *
   * @param opts.idempotent the caller holds an idempotency key, so the HTTP layer may retry a timed-out
   *   attempt (passed through to the `VendorCall`).
   * @returns the canceled document as the vendor answered it.
   * @throws VendorError e.g. `NOT_FOUND`, `PERMISSION_DENIED` (not the creator), `FAILED_PRECONDITION`
   *   (status does not allow it, already canceled, OTP required).
   */
  async cancelDocument(cmd: CancelDocumentCommand, opts: { readonly idempotent: boolean }, scope?: CallScope): Promise<CanceledDocument> {
    requireText(cmd.id, 'A document id is required.');
    requireText(cmd.reason, 'A reason is required to cancel a document.');
    return this.withToken((token) => cancelDocumentCall(this.settings, token, cmd, opts.idempotent), scope);
  }

  private async withToken<T>(makeCall: (token: string) => VendorCall<T>, scope: CallScope | undefined): Promise<T> {
    const token = await this.tokens.getToken();
    try {
      return await this.transport.execute(makeCall(token), scope);
    } catch (error: unknown) {
      if (!isTokenRejection(error)) throw error;
    }
    await this.tokens.invalidate(token);
    const fresh = await this.tokens.getToken();
    try {
      return await this.transport.execute(makeCall(fresh), scope);
    } catch (error: unknown) {
      if (isTokenRejection(error)) {
        // An operator problem (account locked, token policy changed): logged at error, per the error model.
        this.logger.error({ vendor: Vendor.VNPT_ECONTRACT, vendorCode: error.vendorCode }, 'vnpt rejected a freshly issued token');
      }
      throw error;
    }
  }
}

function isTokenRejection(error: unknown): error is VendorError {
  return VendorError.is(error) && error.code === ErrorCode.VENDOR_AUTH_FAILED;
}

function requireText(value: string, message: string): void {
  if (value.trim() === '') throw new VendorError({ code: ErrorCode.INVALID_INPUT, message });
}
