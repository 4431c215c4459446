import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseTc3Authorization, signTc3 } from '../datasources/tencent-ess/sign';
import { makeFlows } from '../src/sandbox/tencent-ess/simulator';
import { buildWireDocument } from '../src/sandbox/vnpt-econtract/wire-document-factory';
import { InvitationStore } from '../src/sandbox/volcengine-billing/invitation-store';
import { listInvitation } from '../src/sandbox/volcengine-billing/list-invitation';
import { verifyVolcRequest } from '../src/sandbox/volcengine-billing/request-auth';
import { seedInvitationRecords } from '../src/sandbox/volcengine-billing/seed-invitations';
import { BENCH_CREDENTIALS } from './bench-credentials';

/**
 * The benchmark's vendor: one process, three loopback listeners (ESS, VNPT, Volcengine), each checking
 * requests the way the vendor does (TC3 signature and its 5-minute window, VNPT bearer token, Volcengine
 * HMAC signature over the received headers, query and body) and answering canned, stateless records at
 * once, so that a mutation can be repeated thousands of times. Unlike the sandbox simulators it records
 * nothing but counters. `GET /__stats` on the ESS port answers the calls per action; `POST /__reset` zeroes them.
 *
 * Started by `bench/run.ts`; prints one JSON line `{ess, vnpt, volc}` with the three base URLs.
 */

const counts = new Map<string, number>();
const count = (action: string): void => {
  counts.set(action, (counts.get(action) ?? 0) + 1);
};

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, payload: unknown): void {
  const body = JSON.stringify(payload);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

function headerOf(request: IncomingMessage, name: string): string {
  const value = request.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

// --- Tencent ESS ---------------------------------------------------------------------------------

const flowTemplate = makeFlows(1, 'bench').at(0);
if (!flowTemplate) throw new Error('makeFlows returned no flow');

function essError(response: ServerResponse, code: string): void {
  count(`ess.error.${code}`);
  send(response, 200, { Response: { Error: { Code: code, Message: code }, RequestId: randomUUID() } });
}

function essAnswer(action: string, body: Record<string, unknown>): Record<string, unknown> | undefined {
  const flowIds = Array.isArray(body.FlowIds) ? body.FlowIds.filter((id): id is string => typeof id === 'string') : [];
  switch (action) {
    case 'DescribeFlowInfo':
      return { FlowDetailInfos: flowIds.map((id) => ({ ...flowTemplate, FlowId: id })) };
    case 'CreateReleaseFlow':
      return typeof body.NeedRelievedFlowId === 'string' ? { FlowId: `yDRelease${randomUUID().replace(/-/g, '')}` } : undefined;
    case 'CreateFlowReminds':
      return { RemindFlowRecords: flowIds.map((id) => ({ CanRemind: true, FlowId: id, RemindMessage: '' })) };
    default:
      return undefined;
  }
}

async function handleEss(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const payload = await readBody(request);
  if (request.url === '/__stats') {
    send(response, 200, Object.fromEntries(counts));
    return;
  }
  if (request.url === '/__reset') {
    counts.clear();
    send(response, 200, {});
    return;
  }
  const action = headerOf(request, 'x-tc-action');
  const authorization = parseTc3Authorization(headerOf(request, 'authorization'));
  const timestamp = Number(headerOf(request, 'x-tc-timestamp'));
  if (authorization?.secretId !== BENCH_CREDENTIALS.ess.secretId) {
    essError(response, 'AuthFailure.SecretIdNotFound');
    return;
  }
  if (!Number.isInteger(timestamp) || Math.abs(timestamp - Date.now() / 1000) > 300) {
    essError(response, 'AuthFailure.SignatureExpire');
    return;
  }
  const expected = signTc3({
    secretId: BENCH_CREDENTIALS.ess.secretId,
    secretKey: BENCH_CREDENTIALS.ess.secretKey,
    service: 'ess',
    host: headerOf(request, 'host'),
    contentType: headerOf(request, 'content-type'),
    payload,
    timestamp,
  });
  if (expected.signature !== authorization.signature || expected.date !== authorization.date) {
    essError(response, 'AuthFailure.SignatureFailure');
    return;
  }
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(payload) as Record<string, unknown>;
  } catch {
    essError(response, 'InvalidRequest');
    return;
  }
  const answer = essAnswer(action, body);
  if (!answer) {
    essError(response, 'InvalidParameter');
    return;
  }
  count(`ess.${action}`);
  send(response, 200, { Response: { ...answer, RequestId: randomUUID() } });
}

// --- VNPT eContract ------------------------------------------------------------------------------

const vnptToken = `bench-token-${randomUUID()}`;
const documentTemplate = buildWireDocument({ baseUrl: 'http://vnpt.invalid', status: 'READY', createdByUserId: 6, now: new Date() });
const canceledTemplate = buildWireDocument({ baseUrl: 'http://vnpt.invalid', status: 'CANCELED', createdByUserId: 6, now: new Date() });

async function handleVnpt(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const payload = await readBody(request);
  const url = request.url ?? '/';
  if (request.method === 'POST' && url === '/api/auth/password-login') {
    const login = JSON.parse(payload) as { username?: unknown; password?: unknown };
    if (login.username !== BENCH_CREDENTIALS.vnpt.username || login.password !== BENCH_CREDENTIALS.vnpt.password) {
      count('vnpt.error.login');
      send(response, 200, { data: null, success: false, code: 1, messages: ['bad credentials'] });
      return;
    }
    count('vnpt.password-login');
    send(response, 200, { data: vnptToken, success: true, code: 0, messages: [] });
    return;
  }
  if (headerOf(request, 'authorization') !== `Bearer ${vnptToken}`) {
    count('vnpt.error.401');
    send(response, 401, { data: null, success: false, code: 401, messages: ['Unauthorized'] });
    return;
  }
  if (request.method === 'POST' && url === '/api/documents/cancel') {
    const { id } = JSON.parse(payload) as { id?: unknown };
    count('vnpt.cancel-document');
    send(response, 200, { data: { ...canceledTemplate, id }, success: true, code: 0, messages: ['Canceled'] });
    return;
  }
  const match = /^\/api\/documents\/([^/?]+)$/.exec(url);
  if (request.method === 'GET' && match?.[1] !== undefined) {
    count('vnpt.get-document');
    send(response, 200, { data: { ...documentTemplate, id: decodeURIComponent(match[1]) }, success: true, code: 0, messages: [] });
    return;
  }
  count('vnpt.error.404');
  send(response, 404, { data: null, success: false, code: 404, messages: ['Not found'] });
}

// --- Volcengine Billing --------------------------------------------------------------------------

const invitations = new InvitationStore();
for (const invitation of seedInvitationRecords()) invitations.put(invitation);
const volcSecrets = new Map([[BENCH_CREDENTIALS.volc.accessKeyId, BENCH_CREDENTIALS.volc.secretAccessKey]]);

async function handleVolc(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const payload = await readBody(request);
  const url = new URL(request.url ?? '/', 'http://volc.invalid');
  const query: Record<string, string> = Object.fromEntries(url.searchParams);
  const action = url.searchParams.get('Action') ?? '';
  const version = url.searchParams.get('Version') ?? '';
  const metadata = { RequestId: randomUUID(), Action: action, Version: version, Service: 'billing', Region: 'cn-north-1' };
  const verdict = verifyVolcRequest(
    { method: request.method ?? 'POST', url: request.url ?? '/', headers: request.headers, body: payload, receivedAt: 0 },
    { secrets: volcSecrets, region: 'cn-north-1', service: 'billing', now: new Date(), path: url.pathname, query },
  );
  if (!verdict.ok) {
    count(`volc.error.${verdict.error.code}`);
    send(response, 401, { ResponseMetadata: { ...metadata, Error: { Code: verdict.error.code, Message: verdict.error.code } } });
    return;
  }
  let result: unknown;
  if (action === 'HandleInvitation') result = { IsSuccess: true, BaseResp: { StatusMessage: '', StatusCode: 0 } };
  else if (action === 'ListInvitation') {
    const outcome = listInvitation(invitations);
    result = outcome.ok ? outcome.result : undefined;
  }
  if (result === undefined) {
    count('volc.error.InvalidActionOrVersion');
    send(response, 400, { ResponseMetadata: { ...metadata, Error: { Code: 'InvalidActionOrVersion', Message: action } } });
    return;
  }
  count(`volc.${action}`);
  send(response, 200, { ResponseMetadata: metadata, Result: result });
}

// --- start ---------------------------------------------------------------------------------------

function listen(handler: (request: IncomingMessage, response: ServerResponse) => Promise<void>): Promise<string> {
  const server: Server = createServer((request, response) => {
    handler(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    });
  });
}

async function main(): Promise<void> {
  const [ess, vnpt, volc] = await Promise.all([listen(handleEss), listen(handleVnpt), listen(handleVolc)]);
  process.stdout.write(`${JSON.stringify({ ess, vnpt, volc })}\n`);
}

void main();
