import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { Agent, request } from 'undici';
import { callbackSignature, encryptCallback } from '../../../datasources/tencent-ess/callback-crypto';
import type { EssFlowDetail } from './wire-types';

/**
 * The sandbox ESS posting its callbacks (v2) as the vendor does (DESIGN.md "Events"): the plaintext
 * `{MsgId, MsgType, MsgVersion: "v2", MsgData}` encrypted with the CallbackUrlKey into `{"encrypt": …}`,
 * signed with `Content-Signature` when a token is set, a fresh MsgId for every message.
 */

/** What the sandbox was given to encrypt and sign with: the same values the subgraph's receiver gets. */
export interface EssCallbackSecrets {
  readonly key: string;
  readonly token?: string;
}

/** The `Operate` values the simulator sends. */
export type EssOperate = 'start' | 'sign' | 'finish';

/**
 * One callback the sender took on. `outcome` is `pending` while attempts are being made, `delivered` after a
 * 2xx, `dropped` after the last failed attempt, `canceled` when `close()` cut it short.
 */
export interface SentEssCallback {
  readonly msgId: string;
  readonly msgType: string;
  readonly msgData: Readonly<Record<string, unknown>>;
  readonly outcome: 'pending' | 'delivered' | 'dropped' | 'canceled';
  readonly attempts: number;
}

export interface EssCallbackSenderOptions extends EssCallbackSecrets {
  /** Waits between attempts at one callback; their count is the number of retries. */
  readonly retryDelaysMs: readonly number[];
  readonly logger: Logger;
}

/** Longest wait for one attempt's answer: a hung subgraph must not hold the queue for long. */
const ATTEMPT_TIMEOUT_MS = 10_000;

type MutableSent = { -readonly [K in keyof SentEssCallback]: SentEssCallback[K] };

/**
 * Delivers callbacks one at a time, in the order they were sent (so a receiver sees `sign` before
 * `finish`), retrying failures after `retryDelaysMs` and then dropping them with a log line. Nothing
 * it does rejects or throws to its caller; `close()` cancels waiting and in-flight deliveries.
 */
export class EssCallbackSender {
  private target: string | undefined;
  private queue: Promise<void> = Promise.resolve();
  private readonly records: MutableSent[] = [];
  private readonly closing = new AbortController();
  private readonly agent = new Agent({ headersTimeout: ATTEMPT_TIMEOUT_MS, bodyTimeout: ATTEMPT_TIMEOUT_MS });
  private readonly logger: Logger;

  constructor(private readonly options: EssCallbackSenderOptions) {
    this.logger = options.logger.child({ vendor: 'tencent-ess', component: 'sandbox-callback-sender' });
  }

  /** The URL callbacks are posted to from now on (`<subgraph>/callbacks/tencent-ess`). */
  deliverTo(url: string): void {
    this.target = url;
  }

  /** Whether `deliverTo` was called: only then does the simulator act on its own and send. */
  get delivering(): boolean {
    return this.target !== undefined;
  }

  /** Queues one message; ignored before `deliverTo` and after `close()`. */
  send(msgType: string, msgData: Readonly<Record<string, unknown>>): void {
    const url = this.target;
    if (url === undefined || this.closing.signal.aborted) return;
    const record: MutableSent = { msgId: randomUUID(), msgType, msgData, outcome: 'pending', attempts: 0 };
    this.records.push(record);
    const plaintext = JSON.stringify({ MsgId: record.msgId, MsgType: msgType, MsgVersion: 'v2', MsgData: msgData });
    const body = JSON.stringify({ encrypt: encryptCallback(plaintext, this.options.key) });
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.options.token !== undefined) headers['content-signature'] = callbackSignature(body, this.options.token);
    this.queue = this.queue.then(() => this.deliver(record, url, body, headers));
  }

  /** Every callback taken on, oldest first (copies). */
  sent(): readonly SentEssCallback[] {
    return this.records.map((record) => ({ ...record }));
  }

  /** Resolves once every queued callback has been delivered, dropped or canceled. */
  async settled(): Promise<void> {
    let queue: Promise<void>;
    do {
      queue = this.queue;
      await queue;
    } while (queue !== this.queue);
  }

  /** Cancels waiting retries and in-flight posts; later `send`s are ignored. */
  async close(): Promise<void> {
    this.closing.abort();
    await this.settled();
    await this.agent.destroy();
  }

  /** Never rejects: every failure ends as a record outcome and a log line. */
  private async deliver(record: MutableSent, url: string, body: string, headers: Record<string, string>): Promise<void> {
    const { retryDelaysMs } = this.options;
    for (let attempt = 0; ; attempt += 1) {
      if (this.closing.signal.aborted) {
        record.outcome = 'canceled';
        return;
      }
      record.attempts += 1;
      const failure = await this.post(url, body, headers);
      if (failure === undefined) {
        record.outcome = 'delivered';
        return;
      }
      if (attempt >= retryDelaysMs.length) {
        record.outcome = 'dropped';
        this.logger.warn(
          { msgId: record.msgId, msgType: record.msgType, attempts: record.attempts, failure },
          'sandbox ESS callback dropped after its last attempt',
        );
        return;
      }
      this.logger.debug({ msgId: record.msgId, attempts: record.attempts, failure }, 'sandbox ESS callback attempt failed; retrying');
      await this.wait(retryDelaysMs[attempt] ?? 0);
    }
  }

  /** Undefined when the subgraph answered 2xx; otherwise a short reason (HTTP status or error code). */
  private async post(url: string, body: string, headers: Record<string, string>): Promise<string | undefined> {
    try {
      const response = await request(url, { method: 'POST', headers, body, dispatcher: this.agent, signal: this.closing.signal });
      await response.body.dump();
      return response.statusCode >= 200 && response.statusCode < 300 ? undefined : `HTTP ${response.statusCode}`;
    } catch (error: unknown) {
      return error instanceof Error ? (errorCode(error) ?? error.name) : 'unknown error';
    }
  }

  /** Resolves after `ms`, or at once when the sender closes. */
  private wait(ms: number): Promise<void> {
    const { signal } = this.closing;
    if (signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done);
    });
  }
}

function errorCode(error: Error): string | undefined {
  const code: unknown = 'code' in error ? error.code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/**
 * `MsgData` of a `FlowStatusChange` for `flow` as it is now: `FlowCallbackStatus` is its FlowStatus,
 * `RecipientId` the signer who acted (empty for `start`), `UpdatedOn` Unix seconds of `at`.
 */
export function flowStatusChangeData(
  flow: EssFlowDetail,
  operate: EssOperate,
  details: { readonly recipientId: string; readonly userData: string; readonly at: Date },
): Record<string, unknown> {
  return {
    FlowId: flow.FlowId,
    FlowName: flow.FlowName,
    FlowType: flow.UserFlowType ?? '',
    FlowCallbackStatus: flow.FlowStatus,
    FlowMessage: flow.FlowMessage,
    CreateOn: flow.CreatedOn,
    Operate: operate,
    CallbackType: 'ent',
    UpdatedOn: Math.floor(details.at.getTime() / 1000),
    RecipientId: details.recipientId,
    UserData: details.userData,
    Approvers: flow.FlowApproverInfos.map((approver) => ({
      ApproverType: approver.ApproveType,
      ApproverName: approver.ApproveName,
      ApproverMobile: approver.Mobile,
      OrganizationName: approver.OrganizationName,
      RecipientId: approver.RecipientId,
      ApproveStatus: approver.ApproveStatus,
      ApproveTime: approver.ApproveTime,
      SignOrder: approver.SignOrder,
    })),
  };
}
