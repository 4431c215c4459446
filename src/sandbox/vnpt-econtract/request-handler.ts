import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { applyFault } from '../apply-fault';
import type { FaultPlan } from '../fault-plan';
import { sendJson, type RecordedRequest } from '../loopback-server';
import type { SimulatorDocumentStore } from './document-store';
import { VNPT_SIMULATOR_MESSAGES as MESSAGES } from './messages';
import type { SimulatorSessions } from './sessions';
import { formatVnptOffsetDate } from './vnpt-clock';
import { API_REQUEST_TYPE, CANCEL_ACTIVITY, VNPT_WIRE_STATUSES } from './wire-document-factory';
import type { VnptWireDocument, VnptWireEnvelope } from './wire-document';
import { isJsonObject } from '../../json/json-object';

/** A VNPT account the simulator accepts at password-login. */
export interface VnptSimulatorUser {
  readonly username: string;
  readonly password: string;
  readonly companyId: string;
  readonly userId: number;
}

/** The operations the simulator serves; also the keys of its FaultPlan. */
export type VnptSimulatorAction = 'password-login' | 'get-document' | 'cancel-document';

type Route =
  { readonly action: 'password-login' } | { readonly action: 'get-document'; readonly id: string } | { readonly action: 'cancel-document' };

/** Only these statuses may be canceled (seed: "Sẵn sàng, Đang xử lý hoặc Đã hoàn tất"). */
const CANCELABLE_STATUS_VALUES: ReadonlySet<number> = new Set([
  VNPT_WIRE_STATUSES.READY.value,
  VNPT_WIRE_STATUSES.PROCESSING.value,
  VNPT_WIRE_STATUSES.COMPLETED.value,
]);

export interface VnptRequestHandlerDeps {
  readonly users: readonly VnptSimulatorUser[];
  readonly sessions: SimulatorSessions;
  readonly documents: SimulatorDocumentStore;
  readonly faults: FaultPlan;
  readonly now: () => Date;
  /** Aborted when the simulator closes, so an injected delay never outlives it. */
  readonly closing: AbortSignal;
  /** Told after a request changed a document's state (the simulator posts its webhook from here). */
  readonly onDocumentChanged?: (document: VnptWireDocument, at: Date) => void;
}

/**
 * Answers VNPT eContract requests the way the vendor does: envelopes on every answer, HTTP 401 for a
 * missing/unknown/expired bearer, business refusals as HTTP 200 with `success: false` and envelope code 0
 * (VNPT's "default" code), other HTTP failures with the envelope code equal to the status.
 * Records every request and counts password-login attempts.
 */
export class VnptRequestHandler {
  private recorded: RecordedRequest[] = [];
  private loginAttempts = 0;

  constructor(private readonly deps: VnptRequestHandlerDeps) {}

  requests(): readonly RecordedRequest[] {
    return Object.freeze([...this.recorded]);
  }

  logins(): number {
    return this.loginAttempts;
  }

  clearRecords(): void {
    this.recorded = [];
    this.loginAttempts = 0;
  }

  async handle(request: RecordedRequest, response: ServerResponse, socket: Socket): Promise<void> {
    this.recorded.push(request);
    const route = routeOf(request);
    if (route === 'not-found') {
      reply(response, 404, failure(404, MESSAGES.routeNotFound));
      return;
    }
    if (route === 'wrong-method') {
      reply(response, 405, failure(405, MESSAGES.methodNotAllowed));
      return;
    }
    if (route.action === 'password-login') this.loginAttempts += 1;

    const fault = this.deps.faults.take(route.action);
    const answered =
      fault &&
      (await applyFault(fault, { response, socket, closing: this.deps.closing }, (error) => {
        reply(response, error.httpStatus ?? 200, failure(envelopeCode(error.code), error.message ?? `Injected fault ${error.code}`));
      }));
    if (answered) return undefined;

    switch (route.action) {
      case 'password-login': {
        this.login(request, response);
        return;
      }
      case 'get-document': {
        this.withUser(request, response, () => {
          this.getDocument(route.id, response);
        });
        return;
      }
      case 'cancel-document': {
        this.withUser(request, response, (userId) => {
          this.cancelDocument(request, userId, socket, response);
        });
        return;
      }
      default:
        return assertNever(route);
    }
  }

  private login(request: RecordedRequest, response: ServerResponse): void {
    const body = parseJsonObject(request.body);
    if (!body) {
      reply(response, 400, failure(400, MESSAGES.invalidBody));
      return;
    }
    const user = this.deps.users.find(
      (candidate) =>
        candidate.username === body.username && candidate.password === body.password && candidate.companyId === String(body.companyId),
    );
    // VNPT refuses a login as a business failure; 401 is kept for requests with a bad token.
    if (!user) {
      reply(response, 200, failure(0, MESSAGES.credentialsRejected));
      return;
    }
    reply(response, 200, success(this.deps.sessions.issue(user.userId), MESSAGES.loginSucceeded));
  }

  private withUser(request: RecordedRequest, response: ServerResponse, serve: (userId: number) => void): void {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(headerText(request.headers.authorization));
    const userId = match?.[1] === undefined ? undefined : this.deps.sessions.userIdOf(match[1]);
    if (userId === undefined) {
      reply(response, 401, failure(401, MESSAGES.unauthorized));
      return;
    }
    serve(userId);
  }

  private getDocument(id: string, response: ServerResponse): void {
    const document = this.deps.documents.get(id);
    if (!document) {
      reply(response, 404, failure(404, MESSAGES.documentNotFound));
      return;
    }
    reply(response, 200, success(document));
  }

  private cancelDocument(request: RecordedRequest, userId: number, socket: Socket, response: ServerResponse): void {
    const body = parseJsonObject(request.body);
    if (!body) {
      reply(response, 400, failure(400, MESSAGES.invalidBody));
      return;
    }
    const id = body.id;
    const reason = body.reason;
    if (typeof id !== 'string' || id.trim() === '') {
      reply(response, 400, failure(400, MESSAGES.idRequired));
      return;
    }
    if (typeof reason !== 'string' || reason.trim() === '') {
      reply(response, 400, failure(400, MESSAGES.reasonRequired));
      return;
    }

    const current = this.deps.documents.get(id);
    if (!current) {
      reply(response, 404, failure(404, MESSAGES.documentNotFound));
      return;
    }
    if (current.createdByUserId !== userId) {
      reply(response, 200, failure(0, MESSAGES.notCreator));
      return;
    }
    if (current.status.value === VNPT_WIRE_STATUSES.CANCELED.value) {
      reply(response, 200, failure(0, MESSAGES.alreadyCanceled));
      return;
    }
    if (!CANCELABLE_STATUS_VALUES.has(current.status.value)) {
      reply(response, 200, failure(0, MESSAGES.notCancelable(current.status.description)));
      return;
    }

    const now = this.deps.now();
    const at = formatVnptOffsetDate(now);
    const canceled = this.deps.documents.update(id, (document): VnptWireDocument => ({
      ...document,
      status: VNPT_WIRE_STATUSES.CANCELED,
      reason,
      lastModifiedDate: at,
      isWaitToFillData: false,
      isFillable: false,
      histories: [
        ...document.histories,
        { createdDate: at, requestType: API_REQUEST_TYPE, ipAddress: socket.remoteAddress ?? '127.0.0.1', activity: CANCEL_ACTIVITY },
      ],
    }));
    reply(response, 200, success(canceled, MESSAGES.cancelSucceeded));
    if (canceled) this.deps.onDocumentChanged?.(canceled, now);
  }
}

function routeOf(request: RecordedRequest): Route | 'not-found' | 'wrong-method' {
  const path = new URL(request.url, 'http://simulator.invalid').pathname;
  const lower = path.toLowerCase();
  // ASP.NET matches routes case-insensitively; so does the simulator.
  if (lower === '/api/auth/password-login') return request.method === 'POST' ? { action: 'password-login' } : 'wrong-method';
  if (lower === '/api/documents/cancel') return request.method === 'POST' ? { action: 'cancel-document' } : 'wrong-method';
  const document = /^\/api\/documents\/([^/]+)$/i.exec(path);
  if (document?.[1] !== undefined) {
    if (request.method !== 'GET') return 'wrong-method';
    const id = safeDecode(document[1]);
    return id === undefined ? 'not-found' : { action: 'get-document', id };
  }
  return 'not-found';
}

function success(data: unknown, message?: string): VnptWireEnvelope {
  return { data, success: true, code: 0, messages: message === undefined ? [] : [message] };
}

function failure(code: number | string, message: string): VnptWireEnvelope {
  return { data: null, success: false, code, messages: [message] };
}

function reply(response: ServerResponse, status: number, envelope: VnptWireEnvelope): void {
  sendJson(response, status, envelope);
}

/** Injected codes are strings; VNPT's envelope codes are integers whenever they look like one. */
function envelopeCode(code: string): number | string {
  return /^-?\d+$/.test(code) ? Number(code) : code;
}

function parseJsonObject(body: string): Readonly<Record<string, unknown>> | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return isJsonObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function headerText(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
