import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';
import { SigningKeyCache } from '../datasources/http/signing-key-cache';
import { signTc3 } from '../datasources/tencent-ess/sign';
import { canonicalQueryString, signVolcRequest } from '../datasources/volcengine-billing/sign';
import { BENCH_CREDENTIALS } from './bench-credentials';

/**
 * The benchmark's yardstick: what putting one vendor call behind HTTP costs with nothing in between. A
 * plain Node HTTP server takes the very request body the subgraph gets (`{query, variables,
 * operationName}`), parses the JSON, picks the vendor call by `operationName`, builds and signs it with
 * the datasources' own signers, sends it over an undici pool (one per vendor, keep-alive) and answers
 * a JSON body of the same shape. No GraphQL, no validation, no limiter, no logging, no metrics.
 *
 * Environment: `ESS_URL`, `VNPT_URL`, `VOLC_URL` (the fake vendor), `PORT`. Prints `{url}` once listening.
 */

const essUrl = new URL(process.env.ESS_URL ?? '');
const vnptUrl = new URL(process.env.VNPT_URL ?? '');
const volcUrl = new URL(process.env.VOLC_URL ?? '');
// The signers keep their derived keys as the subgraph's clients do, so both sides sign at the same cost.
const signingKeys = { ess: new SigningKeyCache(), volc: new SigningKeyCache() };
const pools = {
  ess: new Pool(essUrl.origin, { connections: 128 }),
  vnpt: new Pool(vnptUrl.origin, { connections: 128 }),
  volc: new Pool(volcUrl.origin, { connections: 128 }),
};

type Variables = Record<string, unknown>;
interface GraphQLBody {
  readonly operationName?: string;
  readonly variables?: Variables;
}

async function callEss(action: string, payload: Record<string, unknown>): Promise<Record<string, unknown>> {
  const body = JSON.stringify(payload);
  const timestamp = Math.floor(Date.now() / 1000);
  const { authorization } = signTc3({
    secretId: BENCH_CREDENTIALS.ess.secretId,
    secretKey: BENCH_CREDENTIALS.ess.secretKey,
    service: 'ess',
    host: essUrl.host,
    contentType: 'application/json',
    payload: body,
    timestamp,
    signingKeys: signingKeys.ess,
  });
  const response = await pools.ess.request({
    method: 'POST',
    path: '/',
    headers: {
      host: essUrl.host,
      'content-type': 'application/json',
      'x-tc-action': action,
      'x-tc-version': '2020-11-11',
      'x-tc-timestamp': String(timestamp),
      authorization,
    },
    body,
  });
  const answer = (await response.body.json()) as { Response: Record<string, unknown> & { Error?: unknown } };
  if (answer.Response.Error !== undefined) throw new Error(JSON.stringify(answer.Response.Error));
  return answer.Response;
}

let vnptToken: Promise<string> | undefined;
function vnptLogin(): Promise<string> {
  vnptToken ??= pools.vnpt
    .request({
      method: 'POST',
      path: '/api/auth/password-login',
      headers: { host: vnptUrl.host, 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ ...BENCH_CREDENTIALS.vnpt, companyId: Number(BENCH_CREDENTIALS.vnpt.companyId) }),
    })
    .then(async (response) => ((await response.body.json()) as { data: string }).data);
  return vnptToken;
}

async function callVnpt(path: string, payload: Record<string, unknown>): Promise<Record<string, unknown>> {
  const token = await vnptLogin();
  const response = await pools.vnpt.request({
    method: 'POST',
    path,
    headers: { host: vnptUrl.host, 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${token}` },
    body: JSON.stringify(payload),
  });
  const answer = (await response.body.json()) as { success: boolean; data: Record<string, unknown> };
  if (!answer.success) throw new Error('vnpt refused');
  return answer.data;
}

async function callVolc(action: string, payload: string): Promise<Record<string, unknown>> {
  const query = { Action: action, Version: '2022-01-01' };
  const signed = signVolcRequest({
    accessKeyId: BENCH_CREDENTIALS.volc.accessKeyId,
    secretAccessKey: BENCH_CREDENTIALS.volc.secretAccessKey,
    region: BENCH_CREDENTIALS.volc.region,
    service: 'billing',
    method: 'POST',
    host: volcUrl.host,
    path: '/',
    query,
    body: payload,
    date: new Date(),
    contentType: 'application/json; charset=utf-8',
    signingKeys: signingKeys.volc,
  });
  const response = await pools.volc.request({
    method: 'POST',
    path: `/?${canonicalQueryString(query)}`,
    headers: { host: volcUrl.host, 'content-type': 'application/json; charset=utf-8', ...signed.headers },
    body: payload,
  });
  const answer = (await response.body.json()) as { Result?: Record<string, unknown> };
  if (answer.Result === undefined) throw new Error('volc refused');
  return answer.Result;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const ids = (value: unknown): string[] => (Array.isArray(value) ? value.map(text) : []);

/** One operation of the benchmark, done with a single vendor call; answers what the subgraph answers. */
async function run(body: GraphQLBody): Promise<unknown> {
  const variables = body.variables ?? {};
  const input = (variables.input ?? {}) as Variables;
  switch (body.operationName) {
    case 'CreateReleaseFlow': {
      const answer = await callEss('CreateReleaseFlow', {
        Operator: { UserId: BENCH_CREDENTIALS.ess.operatorId },
        NeedRelievedFlowId: text(input.flowId),
        ReliveInfo: { Reason: text(input.reason) },
      });
      const releaseFlowId = text(answer.FlowId);
      return {
        createReleaseFlow: {
          __typename: 'CreateReleaseFlowSuccess',
          releaseFlowId,
          releaseFlow: { id: releaseFlowId },
          originalFlow: { id: text(input.flowId) },
        },
      };
    }
    case 'RemindFlows': {
      const answer = await callEss('CreateFlowReminds', {
        Operator: { UserId: BENCH_CREDENTIALS.ess.operatorId },
        FlowIds: ids(input.flowIds),
      });
      const records = (answer.RemindFlowRecords as { FlowId: string; CanRemind: boolean }[]).map((record) => ({
        flowId: record.FlowId,
        canRemind: record.CanRemind,
        flow: { id: record.FlowId },
      }));
      return { remindFlows: { __typename: 'RemindFlowsSuccess', records } };
    }
    case 'CancelDocument': {
      const data = await callVnpt('/api/documents/cancel', { id: text(input.documentId), reason: text(input.reason) });
      return { cancelDocument: { __typename: 'CancelDocumentSuccess', documentId: text(data.id), document: { id: text(data.id) } } };
    }
    case 'RespondToInvitation': {
      const payload = `{"Action":2,"InvitationType":1,"RelationID":${JSON.stringify(text(input.relationId))},"MajorAccountID":${text(input.majorAccountId)},"Relation":1}`;
      await callVolc('HandleInvitation', payload);
      return {
        respondToInvitation: {
          __typename: 'RespondToInvitationSuccess',
          invitationId: text(input.relationId),
          decision: 'ACCEPT',
          accepted: true,
          invitation: null,
        },
      };
    }
    case 'Flows': {
      const answer = await callEss('DescribeFlowInfo', {
        Operator: { UserId: BENCH_CREDENTIALS.ess.operatorId },
        FlowIds: ids(variables.ids),
      });
      const byId = new Map(
        (answer.FlowDetailInfos as { FlowId: string; FlowName: string; FlowStatus: number }[]).map((flow) => [flow.FlowId, flow]),
      );
      return {
        flows: ids(variables.ids).map((id) => {
          const flow = byId.get(id);
          return flow ? { id, name: flow.FlowName, status: flow.FlowStatus === 4 ? 'SIGNED' : 'UNKNOWN' } : null;
        }),
      };
    }
    default:
      throw new Error(`unknown operation ${String(body.operationName)}`);
  }
}

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

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.url === '/ready') {
    response.end('{"status":"ready"}');
    return;
  }
  const body = JSON.parse(await readBody(request)) as GraphQLBody;
  let status = 200;
  let payload: string;
  try {
    payload = JSON.stringify({ data: await run(body) });
  } catch (error: unknown) {
    status = 500;
    payload = JSON.stringify({ errors: [{ message: error instanceof Error ? error.message : String(error) }] });
  }
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload) });
  response.end(payload);
}

const server = createServer((request, response) => {
  handle(request, response).catch(() => {
    if (!response.headersSent) response.writeHead(400);
    response.end();
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })}\n`);
});
