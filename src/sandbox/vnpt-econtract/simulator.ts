import { pino, type Logger } from 'pino';
import { FaultPlan } from '../fault-plan';
import { startLoopbackServer, type LoopbackServer, type RecordedRequest } from '../loopback-server';
import { SimulatorDocumentStore } from './document-store';
import { VnptRequestHandler, type VnptSimulatorUser } from './request-handler';
import { buildSeedDocuments, type VnptSeededIds } from './seed-documents';
import { SimulatorSessions } from './sessions';
import { formatVnptOffsetDate } from './vnpt-clock';
import { VnptWebhookSender, type SentVnptWebhook } from './webhook-sender';
import { VNPT_WIRE_STATUSES, type VnptStatusName } from './wire-document-factory';
import type { VnptWireDocument } from './wire-document';

export type { VnptSimulatorAction } from './request-handler';
export type { VnptSeededIds } from './seed-documents';
export type { SentVnptWebhook } from './webhook-sender';

/** VNPT tokens live about a day. */
const DEFAULT_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

export interface VnptEcontractSimulatorOptions {
  /** Accounts accepted at password-login; the first one creates the seeded documents. At least one. */
  readonly users: readonly VnptSimulatorUser[];
  /** Lifetime of issued tokens; default 24 h. */
  readonly tokenTtlMs?: number;
  /** Clock for token expiry and document dates; default the system clock. */
  readonly now?: () => Date;
  /** Whether to seed documents in every status; default true. */
  readonly seed?: boolean;
  /**
   * The bearer the webhook carries (`VNPT_WEBHOOK_TOKEN` of the subgraph it posts to). Without one the
   * simulator posts no webhooks.
   */
  readonly webhookToken?: string;
  /** Waits before each webhook retry (see `VnptWebhookSender`); tests shorten them. */
  readonly webhookRetryDelaysMs?: readonly number[];
  /** Where dropped webhooks are reported; default a pino logger at `warn`. */
  readonly logger?: Logger;
}

/**
 * An in-process VNPT eContract over real HTTP on a loopback ephemeral port: password-login,
 * GET /api/documents/{id} and POST /api/documents/cancel with the vendor's envelope, bearer tokens,
 * creator and status rules. Faults are injected per action (`password-login`, `get-document`,
 * `cancel-document`, or `*`). Each instance owns all its state; `close()` ends it.
 *
 * Started with a `webhookToken` and told where (`deliverWebhooksTo`), it posts VNPT's document webhook
 * with that bearer whenever a document's state changes: a cancel, or `setDocumentStatus` (a signer
 * finishing, say). `sentWebhooks()` records them.
 */
export class VnptEcontractSimulator {
  /** What the next requests should suffer instead of a normal answer. */
  readonly faults: FaultPlan;

  private constructor(
    private readonly server: LoopbackServer,
    private readonly handler: VnptRequestHandler,
    private readonly documents: SimulatorDocumentStore,
    private readonly sessions: SimulatorSessions,
    private readonly seededIds: VnptSeededIds | undefined,
    private readonly stopDelays: AbortController,
    private readonly webhooks: VnptWebhookSender | undefined,
    private readonly now: () => Date,
    faults: FaultPlan,
  ) {
    this.faults = faults;
  }

  /** Starts the simulator. @throws RangeError without users or with duplicate usernames. */
  static async start(options: VnptEcontractSimulatorOptions): Promise<VnptEcontractSimulator> {
    const owner = options.users.at(0);
    if (!owner) throw new RangeError('VnptEcontractSimulator needs at least one user');
    const others = options.users.slice(1);
    if (new Set(options.users.map((user) => user.username)).size !== options.users.length) {
      throw new RangeError('VnptEcontractSimulator users must have distinct usernames');
    }
    const now = options.now ?? (() => new Date());
    const sessions = new SimulatorSessions(options.tokenTtlMs ?? DEFAULT_TOKEN_TTL_MS, now);
    const documents = new SimulatorDocumentStore();
    const faults = new FaultPlan();
    const stopDelays = new AbortController();
    const webhooks =
      options.webhookToken === undefined
        ? undefined
        : new VnptWebhookSender({
            token: options.webhookToken,
            logger: options.logger ?? pino({ level: 'warn', name: 'vnpt-econtract-simulator' }),
            retryDelaysMs: options.webhookRetryDelaysMs,
          });
    const handler = new VnptRequestHandler({
      users: [...options.users],
      sessions,
      documents,
      faults,
      now,
      closing: stopDelays.signal,
      onDocumentChanged: (document, at) => {
        webhooks?.notify(document, at);
      },
    });
    const server = await startLoopbackServer((request, response, socket) => handler.handle(request, response, socket));

    let seeded: VnptSeededIds | undefined;
    if (options.seed ?? true) {
      // A creator without a login when only one user is configured: the creator rule stays testable.
      const otherUserId = others[0]?.userId ?? Math.max(...options.users.map((user) => user.userId)) + 1000;
      const seed = buildSeedDocuments({ baseUrl: server.url, ownerUserId: owner.userId, otherUserId, now: now() });
      for (const document of seed.documents) documents.put(document);
      seeded = seed.seeded;
    }
    return new VnptEcontractSimulator(server, handler, documents, sessions, seeded, stopDelays, webhooks, now, faults);
  }

  /** Base URL, e.g. `http://127.0.0.1:41234` (the API lives at its root). */
  get url(): string {
    return this.server.url;
  }

  /** Ids of the seeded documents. @throws Error when the simulator was started with `seed: false`. */
  get seeded(): VnptSeededIds {
    if (!this.seededIds) throw new Error('VnptEcontractSimulator was started with seed: false');
    return this.seededIds;
  }

  /** Every request received since start or `clearRecords()`, in arrival order. */
  requests(): readonly RecordedRequest[] {
    return this.handler.requests();
  }

  /** Password-login attempts received (successful or not, faulted included) since start or `clearRecords()`. */
  logins(): number {
    return this.handler.logins();
  }

  clearRecords(): void {
    this.handler.clearRecords();
  }

  /** Invalidates every issued token: the next authenticated request gets HTTP 401. */
  expireAllTokens(): void {
    this.sessions.expireAll();
  }

  /** Adds or replaces a document (a copy is stored). */
  putDocument(document: VnptWireDocument): void {
    this.documents.put(document);
  }

  /** A copy of the stored document, or `undefined`. */
  getDocument(id: string): VnptWireDocument | undefined {
    return this.documents.get(id);
  }

  /**
   * Moves a stored document to `status` as the vendor would when its process advances (signed, rejected…),
   * and posts the webhook. @returns the updated document, `undefined` when there is no such document.
   */
  setDocumentStatus(id: string, status: VnptStatusName): VnptWireDocument | undefined {
    const now = this.now();
    const updated = this.documents.update(id, (document) => ({
      ...document,
      status: VNPT_WIRE_STATUSES[status],
      lastModifiedDate: formatVnptOffsetDate(now),
      ...(status === 'COMPLETED' ? { completedDate: formatVnptOffsetDate(now) } : {}),
    }));
    if (updated) this.webhooks?.notify(updated, now);
    return updated;
  }

  /**
   * Posts the webhook for each later state change to `url` (the subgraph's `/callbacks/vnpt-econtract`).
   * @throws Error when the simulator was started without a `webhookToken`.
   */
  deliverWebhooksTo(url: string): void {
    if (!this.webhooks) throw new Error('VnptEcontractSimulator was started without a webhookToken');
    this.webhooks.deliverTo(url);
  }

  /** Webhooks posted (or being retried) since start, in order. */
  sentWebhooks(): readonly SentVnptWebhook[] {
    return this.webhooks?.sent() ?? [];
  }

  /** Stops listening, ends open connections, cancels injected delays and pending webhook retries. */
  async close(): Promise<void> {
    this.stopDelays.abort();
    this.faults.clear();
    await Promise.all([this.webhooks?.close(), this.server.close()]);
  }
}
