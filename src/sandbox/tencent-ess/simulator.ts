import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import pino, { type Logger } from 'pino';
import { FLOW_STATUS_CHANGE } from '../../../datasources/tencent-ess/callback-event';
import { TENCENT_ESS_CALLBACK_PATH } from '../../../datasources/tencent-ess/callback-receiver';
import { parseTc3Authorization, signTc3 } from '../../../datasources/tencent-ess/sign';
import { applyFault } from '../apply-fault';
import { FaultPlan } from '../fault-plan';
import { sendJson, startLoopbackServer, type LoopbackServer, type RecordedRequest } from '../loopback-server';
import { EssCallbackSender, flowStatusChangeData, type EssCallbackSecrets, type SentEssCallback } from './callback-sender';
import { FlowStore } from './flow-store';
import { seedFlows, type SeededFlowIds } from './seed-flows';
import { ESS_FLOW_STATUS, EssApiError, type EssFlowDetail } from './wire-types';
import { isJsonObject } from '../../json/json-object';

export { makeFlows } from './seed-flows';
export type { EssFlowDetail } from './wire-types';
export type { EssCallbackSecrets, SentEssCallback } from './callback-sender';

/** How to start the simulator. */
export interface TencentEssSimulatorOptions {
  /** The only SecretId the simulator knows; any other is `AuthFailure.SecretIdNotFound`. */
  readonly secretId: string;
  readonly secretKey: string;
  /** The server clock for the 300 s signature window and new flows' CreatedOn. Default: the real clock. */
  readonly now?: () => Date;
  /** Load the sample flows (`seeded`). Default true. */
  readonly seed?: boolean;
  /** The CallbackUrlKey and token callbacks are encrypted and signed with; without them `deliverEventsTo` is refused. */
  readonly callback?: EssCallbackSecrets;
  /** Once callbacks are delivered: how long after a reminder each reminded signer signs. Default 3000 ms. */
  readonly signAfterMs?: number;
  /** Waits before each retry of a callback the subgraph did not take (2xx); then it is dropped. Default 1 s, 5 s, 15 s. */
  readonly callbackRetryDelaysMs?: readonly number[];
  /** Where dropped callbacks are logged. Default: a pino logger at `warn`. */
  readonly logger?: Logger;
}

/** A request that passed the signature checks, with its body parsed. */
export interface AcceptedEssRequest {
  readonly body: Record<string, unknown>;
  readonly headers: RecordedRequest['headers'];
}

const API_VERSION = '2020-11-11';
const SERVICE = 'ess';
/** The vendor refuses a timestamp more than 5 minutes from its clock. */
const SIGNATURE_WINDOW_SECONDS = 300;
const ACTIONS = ['DescribeFlowInfo', 'CreateReleaseFlow', 'CreateFlowReminds'] as const;
type EssAction = (typeof ACTIONS)[number];

const isEssAction = (value: string): value is EssAction => (ACTIONS as readonly string[]).includes(value);

const DEFAULT_SIGN_AFTER_MS = 3000;
const DEFAULT_CALLBACK_RETRY_DELAYS_MS: readonly number[] = Object.freeze([1000, 5000, 15_000]);

const NOT_SEEDED: SeededFlowIds = Object.freeze({ signed: [], pending: [], partlySigned: '', rejected: '', released: '', expired: '' });

/**
 * An in-process `ess.tencentcloudapi.com` on a loopback port for DescribeFlowInfo, CreateReleaseFlow and
 * CreateFlowReminds: it checks version, action and the TC3 signature like the vendor, answers with the
 * vendor's envelope (API errors are HTTP 200), keeps flows in memory and obeys injected faults.
 *
 * The signature is verified against the Host header as received; when that fails and the Host carries a
 * port, the hostname alone is tried too, because the official Node SDK signs `URL.hostname` while sending
 * `host:port` and should still work against the sandbox.
 *
 * Once told where the subgraph listens (`deliverEventsTo`), it also plays the people and the callbacks
 * behind the API: each signer reminded by CreateFlowReminds signs `signAfterMs` later (the flow becomes
 * PARTLY_SIGNED, then SIGNED, as DescribeFlowInfo shows) and a FlowStatusChange goes out with Operate
 * `sign`, followed by `finish` when that was the last signature; CreateReleaseFlow sends `start` for
 * the new flow. Before `deliverEventsTo` nothing changes on its own.
 */
export class TencentEssSimulator {
  /** Faults keyed by `X-TC-Action` (or `*`), taken after the signature check. */
  readonly faults = new FaultPlan();
  /** Ids of the seeded flows by role, for the start-up banner and tests; empty when `seed: false`. */
  readonly seeded: SeededFlowIds;

  private readonly store: FlowStore;
  private readonly received: RecordedRequest[] = [];
  private readonly acceptedRequests: (AcceptedEssRequest & { readonly action: string })[] = [];
  /** Aborts pending 'delay' faults on close so no timer outlives the server. */
  private readonly closing = new AbortController();
  private server: LoopbackServer | undefined;
  private readonly now = (): Date => (this.options.now ?? (() => new Date()))();
  private readonly sender: EssCallbackSender | undefined;
  /** Signatures due after a reminder; each entry's function ends its wait (fired or canceled). */
  private readonly scheduledSigns = new Map<
    NodeJS.Timeout,
    { readonly sign: () => void; readonly finished: Promise<void>; readonly cancel: () => void }
  >();

  private constructor(private readonly options: TencentEssSimulatorOptions) {
    this.sender =
      options.callback &&
      new EssCallbackSender({
        ...options.callback,
        retryDelaysMs: options.callbackRetryDelaysMs ?? DEFAULT_CALLBACK_RETRY_DELAYS_MS,
        logger: options.logger ?? pino({ level: 'warn' }),
      });
    this.store = new FlowStore(this.now, {
      reminded: (flowId, recipientIds) => {
        for (const recipientId of recipientIds) this.scheduleSign(flowId, recipientId);
      },
      started: (flow) => {
        this.sendFlowChange(flow, 'start', '');
      },
    });
    if (options.seed === false) {
      this.seeded = NOT_SEEDED;
    } else {
      const { flows, ids } = seedFlows();
      for (const flow of flows) this.store.put(flow);
      this.seeded = ids;
    }
  }

  /** Starts the simulator on 127.0.0.1 and an ephemeral port. */
  static async start(options: TencentEssSimulatorOptions): Promise<TencentEssSimulator> {
    const simulator = new TencentEssSimulator(options);
    simulator.server = await startLoopbackServer((request, response, socket) => simulator.handle(request, response, socket));
    return simulator;
  }

  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  get url(): string {
    if (!this.server) throw new Error('TencentEssSimulator is not started');
    return this.server.url;
  }

  /** Every request received, in order, including rejected ones. */
  requests(): readonly RecordedRequest[] {
    return [...this.received];
  }

  /** Requests for one action that passed signature checks, with parsed JSON bodies (faulted ones included). */
  accepted(action: string): readonly AcceptedEssRequest[] {
    return this.acceptedRequests.filter((entry) => entry.action === action).map(({ body, headers }) => ({ body, headers }));
  }

  clearRecords(): void {
    this.received.length = 0;
    this.acceptedRequests.length = 0;
  }

  /** Adds (or replaces) a flow in DescribeFlowInfo wire shape; the simulator keeps its own copy. */
  putFlow(flow: EssFlowDetail): void {
    this.store.put(flow);
  }

  /** A copy of the flow as the simulator holds it now. */
  getFlow(flowId: string): EssFlowDetail | undefined {
    return this.store.get(flowId);
  }

  /**
   * Posts callbacks to `<subgraphUrl>/callbacks/tencent-ess` from now on, and lets reminded signers sign.
   * Throws when the simulator was started without `callback` secrets.
   */
  deliverEventsTo(subgraphUrl: string): void {
    if (!this.sender) throw new Error('TencentEssSimulator was started without callback secrets; it cannot post callbacks');
    this.sender.deliverTo(`${subgraphUrl.replace(/\/+$/, '')}${TENCENT_ESS_CALLBACK_PATH}`);
  }

  /** Every callback the simulator sent, oldest first, with its delivery outcome. */
  sentCallbacks(): readonly SentEssCallback[] {
    return this.sender?.sent() ?? [];
  }

  /**
   * Reminded signers who have not signed yet sign now, as if `signAfterMs` had passed (for tests that
   * start the simulator through the vendor module, where the delay is the default). Their callbacks are
   * queued; `callbacksSettled()` waits for them.
   */
  signDueNow(): void {
    for (const [timer, entry] of [...this.scheduledSigns]) {
      clearTimeout(timer);
      this.scheduledSigns.delete(timer);
      try {
        entry.sign();
      } finally {
        entry.cancel();
      }
    }
  }

  /** Resolves once no signature is due and every callback has been delivered, dropped or canceled. */
  async callbacksSettled(): Promise<void> {
    while (this.scheduledSigns.size > 0) await Promise.all([...this.scheduledSigns.values()].map((entry) => entry.finished));
    await this.sender?.settled();
  }

  /** Stops listening, ends open sockets, cancels delayed answers, due signatures and pending callbacks. */
  async close(): Promise<void> {
    this.closing.abort();
    for (const [timer, entry] of this.scheduledSigns) {
      clearTimeout(timer);
      entry.cancel();
    }
    this.scheduledSigns.clear();
    await Promise.all([this.server?.close(), this.sender?.close()]);
  }

  /** A reminded signer signs `signAfterMs` later, when callbacks are on (see the class comment). */
  private scheduleSign(flowId: string, recipientId: string): void {
    if (!this.sender?.delivering || this.closing.signal.aborted) return;
    let cancel: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => {
      cancel = resolve;
    });
    const sign = (): void => {
      this.signerSigns(flowId, recipientId);
    };
    const timer = setTimeout(() => {
      this.scheduledSigns.delete(timer);
      try {
        sign();
      } finally {
        cancel();
      }
    }, this.options.signAfterMs ?? DEFAULT_SIGN_AFTER_MS);
    this.scheduledSigns.set(timer, { sign, finished, cancel });
  }

  private signerSigns(flowId: string, recipientId: string): void {
    const flow = this.store.sign(flowId, recipientId);
    if (!flow) return; // replaced or already signed meanwhile: nobody to sign
    this.sendFlowChange(flow, 'sign', recipientId);
    if (flow.FlowStatus === ESS_FLOW_STATUS.SIGNED) this.sendFlowChange(flow, 'finish', recipientId);
  }

  private sendFlowChange(flow: EssFlowDetail, operate: 'start' | 'sign' | 'finish', recipientId: string): void {
    this.sender?.send(
      FLOW_STATUS_CHANGE,
      flowStatusChangeData(flow, operate, { recipientId, userData: this.store.userDataOf(flow.FlowId), at: this.now() }),
    );
  }

  private async handle(request: RecordedRequest, response: ServerResponse, socket: Socket): Promise<void> {
    this.received.push(request);
    const requestId = randomUUID();
    try {
      const action = this.authenticate(request);
      const body = parseJsonObject(request.body);
      if (body) this.acceptedRequests.push({ action, body, headers: request.headers });
      const fault = this.faults.take(action);
      if (
        fault &&
        (await applyFault(fault, { response, socket, closing: this.closing.signal }, (error) => {
          sendError(response, error.httpStatus ?? 200, error.code, error.message ?? `Injected fault ${error.code}.`, requestId);
        }))
      )
        return;
      if (!body) throw new EssApiError('InvalidRequest', 'The request body is not a JSON object.');
      const result = this.dispatch(action, body);
      // A client that gave up during a delay does not undo the vendor's work: act, then answer if still there.
      if (!socket.destroyed) sendJson(response, 200, { Response: { ...result, RequestId: requestId } });
    } catch (error) {
      if (!(error instanceof EssApiError)) throw error;
      if (!socket.destroyed) sendError(response, 200, error.code, error.message, requestId);
    }
  }

  /** The vendor's gate, in its order: protocol, version, action, then the TC3 signature. */
  private authenticate(request: RecordedRequest): EssAction {
    if (request.method !== 'POST') throw new EssApiError('UnsupportedProtocol', `The simulator accepts POST only, got ${request.method}.`);
    if (request.url !== '/') throw new EssApiError('InvalidRequest', `API 3.0 requests go to "/" without a query, got "${request.url}".`);
    const contentType = header(request, 'content-type');
    if (!contentType || contentType.split(';')[0]?.trim().toLowerCase() !== 'application/json') {
      throw new EssApiError('InvalidRequest', 'The Content-Type must be application/json.');
    }
    const version = header(request, 'x-tc-version');
    if (version === undefined) throw new EssApiError('MissingParameter', 'The request is missing a required parameter `X-TC-Version`.');
    if (version !== API_VERSION) throw new EssApiError('NoSuchVersion', `The API version ${version} does not exist; use ${API_VERSION}.`);
    const action = header(request, 'x-tc-action');
    if (action === undefined) throw new EssApiError('MissingParameter', 'The request is missing a required parameter `X-TC-Action`.');
    if (!isEssAction(action)) throw new EssApiError('InvalidAction', `The action ${action} does not exist.`);

    const authorization = parseTc3Authorization(header(request, 'authorization') ?? '');
    if (!authorization) throw new EssApiError('AuthFailure.InvalidAuthorization', 'The Authorization header is missing or malformed.');
    if (authorization.secretId !== this.options.secretId) {
      throw new EssApiError('AuthFailure.SecretIdNotFound', 'The SecretId is not found, please ensure that your SecretId is correct.');
    }
    const timestampText = header(request, 'x-tc-timestamp');
    if (timestampText === undefined)
      throw new EssApiError('MissingParameter', 'The request is missing a required parameter `X-TC-Timestamp`.');
    if (!/^\d{1,12}$/.test(timestampText)) throw new EssApiError('InvalidParameterValue', '`X-TC-Timestamp` must be Unix seconds.');
    const timestamp = Number(timestampText);
    if (Math.abs(timestamp - this.now().getTime() / 1000) > SIGNATURE_WINDOW_SECONDS) {
      throw new EssApiError(
        'AuthFailure.SignatureExpire',
        'Signature expired. Timestamp and server time cannot differ by more than 5 minutes.',
      );
    }
    if (authorization.signedHeaders.join(';') !== 'content-type;host') {
      throw new EssApiError('AuthFailure.SignatureFailure', 'The simulator verifies SignedHeaders=content-type;host only.');
    }
    if (!this.signatureMatches(request, contentType, timestamp, authorization)) {
      throw new EssApiError(
        'AuthFailure.SignatureFailure',
        'The provided credentials could not be validated. Please check your signature is correct.',
      );
    }
    return action;
  }

  private signatureMatches(
    request: RecordedRequest,
    contentType: string,
    timestamp: number,
    authorization: { readonly date: string; readonly service: string; readonly signature: string },
  ): boolean {
    const host = header(request, 'host') ?? '';
    const hostname = host.replace(/:\d+$/, '');
    return [...new Set([host, hostname])].some((candidate) => {
      const expected = signTc3({
        secretId: this.options.secretId,
        secretKey: this.options.secretKey,
        service: SERVICE,
        host: candidate,
        contentType,
        payload: request.body,
        timestamp,
      });
      return authorization.service === SERVICE && authorization.date === expected.date && authorization.signature === expected.signature;
    });
  }

  private dispatch(action: EssAction, body: Record<string, unknown>): Record<string, unknown> {
    const operator = body.Operator;
    const operatorId = isJsonObject(operator) ? operator.UserId : undefined;
    if (typeof operatorId !== 'string' || operatorId === '') {
      throw new EssApiError('MissingParameter', 'The request is missing a required parameter `Operator.UserId`.');
    }
    switch (action) {
      case 'DescribeFlowInfo':
        return this.store.describeFlowInfo(body);
      case 'CreateReleaseFlow':
        return this.store.createReleaseFlow(body, operatorId);
      case 'CreateFlowReminds':
        return this.store.createFlowReminds(body);
      default: {
        const unreachable: never = action;
        throw new Error(`unhandled action ${String(unreachable)}`);
      }
    }
  }
}

function header(request: RecordedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isJsonObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function sendError(response: ServerResponse, status: number, code: string, message: string, requestId: string): void {
  sendJson(response, status, { Response: { Error: { Code: code, Message: message }, RequestId: requestId } });
}
