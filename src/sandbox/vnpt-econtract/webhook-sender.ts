import type { Logger } from 'pino';
import { Agent, request } from 'undici';
import { formatVnptOffsetDate } from './vnpt-clock';
import type { VnptWireDocument } from './wire-document';

/** The webhook body VNPT eContract posts (DESIGN.md "Events"), field for field. */
export interface VnptWebhookBody {
  readonly DocumentId: string;
  readonly DocumentNo: string;
  readonly DocumentStatus: { readonly Value: number; readonly Description: string };
  readonly Reason: string | null;
  readonly DatetimeNow: string;
}

/** One webhook the simulator sent (or is still trying to send), for tests. */
export interface SentVnptWebhook {
  readonly url: string;
  /** The exact JSON text posted. */
  readonly body: string;
  /** Attempts made so far. */
  readonly attempts: number;
  /** `delivered` on a 2xx answer; `dropped` after a refusal that retrying cannot fix, the last retry, or `close()`. */
  readonly outcome: 'pending' | 'delivered' | 'dropped';
  /** HTTP status of the last answer; absent when no answer came (connection refused, timeout). */
  readonly lastStatus?: number;
}

export interface VnptWebhookSenderOptions {
  /** Sent as `Authorization: Bearer <token>`. */
  readonly token: string;
  readonly logger: Logger;
  /** Waits before each retry; its length is the number of retries. Default 0.5 s, 2 s, 5 s. */
  readonly retryDelaysMs?: readonly number[];
  /** Longest one attempt may take. Default 5 s. */
  readonly attemptTimeoutMs?: number;
}

const DEFAULT_RETRY_DELAYS_MS: readonly number[] = Object.freeze([500, 2_000, 5_000]);
const DEFAULT_ATTEMPT_TIMEOUT_MS = 5_000;

interface Delivery {
  readonly url: string;
  readonly body: string;
  attempts: number;
  outcome: SentVnptWebhook['outcome'];
  lastStatus?: number;
}

/**
 * The simulator's side of VNPT's webhook: once `deliverTo(url)` has named a target, every `notify` posts
 * the documented body with the bearer token. Answers other than 2xx, connection failures and timeouts are
 * retried after `retryDelaysMs`; a 4xx other than 408/429 is dropped at once (retrying a refused token or
 * body cannot succeed). A dropped webhook is logged, never thrown: the simulator keeps serving. `close()`
 * clears pending retries, aborts attempts in flight and resolves once none runs.
 */
export class VnptWebhookSender {
  private target: string | undefined;
  private readonly deliveries: Delivery[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly closing = new AbortController();
  private closed: Promise<void> | undefined;
  private readonly agent = new Agent({ keepAliveTimeout: 1_000 });
  private readonly retryDelaysMs: readonly number[];
  private readonly attemptTimeoutMs: number;
  private readonly authorization: string;
  private readonly logger: Logger;

  constructor(options: VnptWebhookSenderOptions) {
    this.authorization = `Bearer ${options.token}`;
    this.logger = options.logger;
    this.retryDelaysMs = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    this.attemptTimeoutMs = options.attemptTimeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS;
  }

  /** Where webhooks go from now on (the full callback URL); until called, `notify` sends nothing. */
  deliverTo(url: string): void {
    this.target = new URL(url).toString();
  }

  /** Posts the webhook for `document`'s current state, as of `at`. Returns at once; delivery runs in the background. */
  notify(document: VnptWireDocument, at: Date): void {
    if (this.target === undefined || this.closing.signal.aborted) return;
    const body: VnptWebhookBody = {
      DocumentId: document.id,
      DocumentNo: document.no,
      DocumentStatus: { Value: document.status.value, Description: document.status.description },
      Reason: document.reason,
      DatetimeNow: formatVnptOffsetDate(at),
    };
    const delivery: Delivery = { url: this.target, body: JSON.stringify(body), attempts: 0, outcome: 'pending' };
    this.deliveries.push(delivery);
    this.attempt(delivery);
  }

  /** Every webhook since start, in the order their state changes happened. */
  sent(): readonly SentVnptWebhook[] {
    return this.deliveries.map((delivery) => Object.freeze({ ...delivery }));
  }

  /** Idempotent: later calls share the first one's promise. */
  close(): Promise<void> {
    this.closed ??= this.shutDown();
    return this.closed;
  }

  private async shutDown(): Promise<void> {
    this.closing.abort();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.all([...this.inFlight]);
    // Deliveries that were waiting for a retry end here.
    for (const delivery of this.deliveries) if (delivery.outcome === 'pending') delivery.outcome = 'dropped';
    await this.agent.close();
  }

  private attempt(delivery: Delivery): void {
    const running = this.post(delivery).finally(() => this.inFlight.delete(running));
    this.inFlight.add(running);
  }

  /** One attempt; never rejects. */
  private async post(delivery: Delivery): Promise<void> {
    delivery.attempts += 1;
    let status: number | undefined;
    try {
      const response = await request(delivery.url, {
        method: 'POST',
        dispatcher: this.agent,
        headers: { authorization: this.authorization, 'content-type': 'application/json; charset=utf-8' },
        body: delivery.body,
        signal: AbortSignal.any([this.closing.signal, AbortSignal.timeout(this.attemptTimeoutMs)]),
      });
      status = response.statusCode;
      await response.body.dump();
    } catch {
      // No answer: connection refused or reset, timeout, or the simulator closing. Retried below.
    }
    delivery.lastStatus = status;
    if (status !== undefined && status >= 200 && status < 300) {
      delivery.outcome = 'delivered';
      return;
    }
    const retryable = status === undefined || status >= 500 || status === 408 || status === 429;
    const delay = this.retryDelaysMs.at(delivery.attempts - 1);
    if (!retryable || delay === undefined || this.closing.signal.aborted) {
      delivery.outcome = 'dropped';
      this.logger.warn(
        { simulator: 'vnpt-econtract', url: delivery.url, attempts: delivery.attempts, status },
        'simulated VNPT webhook dropped',
      );
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.attempt(delivery);
    }, delay);
    this.timers.add(timer);
  }
}
