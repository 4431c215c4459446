import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { applyFault } from '../apply-fault';
import type { InjectedFault } from '../fault-plan';
import { sendJson, type RecordedRequest } from '../loopback-server';
import type { ActionOutcome } from './action-outcome';
import { handleInvitation } from './handle-invitation';
import type { InvitationStore } from './invitation-store';
import { listInvitation } from './list-invitation';
import { verifyVolcRequest } from './request-auth';
import { SANDBOX_SUB_ACCOUNT } from './seed-invitations';
import type { VolcFaultPlan } from './volc-fault-plan';
import { renderVolcError, VOLC_SIMULATED_ERRORS, type VolcErrorInstance, type VolcResponseMetadata } from './vendor-errors';
import { isJsonObject } from '../../json/json-object';

/**
 * One simulated Volcengine Billing endpoint: routing by query `Action`/`Version`, injected faults,
 * signature verification, then the action itself. The order follows the vendor's gateway: an unknown
 * action is refused before authentication is looked at.
 */

const VOLC_BILLING_VERSION = '2022-01-01';
const VOLC_BILLING_SERVICE = 'billing';

/** A request that passed routing and authentication and reached its action. */
export interface AcceptedVolcRequest {
  readonly action: string;
  /** The parsed JSON body (`{}` when it was empty or not an object). */
  readonly body: Record<string, unknown>;
  /** The exact body text. */
  readonly rawBody: string;
  readonly headers: RecordedRequest['headers'];
}

export interface EndpointDependencies {
  readonly store: InvitationStore;
  readonly faults: VolcFaultPlan;
  /** AccessKeyId → SecretAccessKey. */
  readonly secrets: ReadonlyMap<string, string>;
  readonly region: string;
  readonly now: () => Date;
  /** Aborted on close: pending delays end without answering. */
  readonly closing: AbortSignal;
}

type ActionHandler = (store: InvitationStore, body: Record<string, unknown>, now: Date) => ActionOutcome;

const ACTIONS: Readonly<Record<string, ActionHandler>> = Object.freeze({
  HandleInvitation: handleInvitation,
  ListInvitation: (store: InvitationStore) => listInvitation(store),
});

/** `YYYYMMDDHHMMSS` + 20 hex digits, the shape of the vendor's RequestIds. */
function newRequestId(now: Date): string {
  return `${now.toISOString().slice(0, 19).replace(/[-:T]/g, '')}${randomBytes(10).toString('hex').toUpperCase()}`;
}

function parseBody(text: string): Record<string, unknown> | undefined {
  if (text.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    return isJsonObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Placeholder values for an injected error: account messages (`%v`) name the sandbox account, the
 * others (`%s`) the request's action and version. A test that cares passes its own `message`.
 */
function faultArguments(fault: InjectedFault, action: string, version: string): readonly string[] {
  if (fault.kind !== 'error') return [];
  const known = Object.hasOwn(VOLC_SIMULATED_ERRORS, fault.code) ? VOLC_SIMULATED_ERRORS[fault.code] : undefined;
  return known?.template.includes('%v') ? [SANDBOX_SUB_ACCOUNT.id] : [action, version];
}

export class VolcBillingEndpoint {
  private readonly received: RecordedRequest[] = [];
  private readonly acceptedRequests: AcceptedVolcRequest[] = [];

  constructor(private readonly deps: EndpointDependencies) {}

  requests(): readonly RecordedRequest[] {
    return [...this.received];
  }

  accepted(action: string): readonly AcceptedVolcRequest[] {
    return this.acceptedRequests.filter((entry) => entry.action === action);
  }

  clearRecords(): void {
    this.received.length = 0;
    this.acceptedRequests.length = 0;
  }

  /** The `LoopbackHandler`. */
  readonly handle = async (request: RecordedRequest, response: ServerResponse, socket: Socket): Promise<void> => {
    this.received.push(request);
    const url = new URL(request.url, 'http://simulator.invalid');
    // fromEntries defines own properties, so even a parameter named `__proto__` stays a parameter.
    const query: Record<string, string> = Object.fromEntries(url.searchParams);
    // Any parameter may be absent, which the `Record` type does not say.
    const { Action: action = '', Version: version = '' }: Partial<Record<string, string>> = query;
    const metadata = (): VolcResponseMetadata => ({
      RequestId: newRequestId(this.deps.now()),
      Action: action,
      Version: version,
      Service: VOLC_BILLING_SERVICE,
      Region: this.deps.region,
    });
    const answerError = (error: VolcErrorInstance): void => {
      const { status, body } = renderVolcError(error, metadata());
      sendJson(response, status, body);
    };

    if (!query.Action) {
      answerError({ code: 'MissingParameter', args: ['Action'] });
      return;
    }
    if (!query.Version) {
      answerError({ code: 'MissingParameter', args: ['Version'] });
      return;
    }
    // Own keys only: `Action=toString` must not reach Object.prototype.
    const handler = Object.hasOwn(ACTIONS, action) ? ACTIONS[action] : undefined;
    if (!handler || version !== VOLC_BILLING_VERSION) {
      answerError({ code: 'InvalidActionOrVersion', args: [action, version] });
      return;
    }

    const fault = this.deps.faults.take(action);
    if (fault) {
      const args = faultArguments(fault, action, version);
      const handled = await applyFault(fault, { response, socket, closing: this.deps.closing }, (error) => {
        answerError({
          code: error.code,
          ...(error.message !== undefined ? { message: error.message } : {}),
          ...(error.httpStatus !== undefined ? { httpStatus: error.httpStatus } : {}),
          args,
        });
      });
      if (handled) return undefined;
    }

    const verdict = verifyVolcRequest(request, {
      secrets: this.deps.secrets,
      region: this.deps.region,
      service: VOLC_BILLING_SERVICE,
      now: this.deps.now(),
      path: url.pathname,
      query,
    });
    if (!verdict.ok) {
      answerError(verdict.error);
      return;
    }

    const body = parseBody(request.body);
    this.acceptedRequests.push({ action, body: body ?? {}, rawBody: request.body, headers: request.headers });
    if (!body) {
      answerError({ code: 'ParamInvalid', args: ['body'] });
      return;
    }
    const outcome = handler(this.deps.store, body, this.deps.now());
    if (!outcome.ok) {
      answerError(outcome.error);
      return;
    }
    sendJson(response, 200, { ResponseMetadata: metadata(), Result: outcome.result });
    this.deps.faults.succeeded(action);
    return undefined;
  };
}
