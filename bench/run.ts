import autocannon from 'autocannon';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import { asError } from '../src/errors/as-error';
import { essId } from '../src/sandbox/tencent-ess/seed-flows';
import { BENCH_CREDENTIALS } from './bench-credentials';
import { percentile } from './latency-percentiles';

/**
 * `npm run bench`: the subgraph side by side with a bare signed passthrough (bench/bare-passthrough.ts),
 * both in their own process and both calling the same fake vendor process (bench/fake-vendor.ts), which
 * verifies every signature. Same load for both (autocannon, fixed connections and duration); the median
 * of the rounds is printed as a table. Nothing is asserted: the figures depend on the machine.
 *
 * `BENCH_QUICK=1`: one round of 3 s per scenario, for iteration. `BENCH_ROUNDS`, `BENCH_DURATION_S`,
 * `BENCH_CONNECTIONS` override the defaults (3 rounds, 8 s, 32 connections). `BENCH_ONLY=createReleaseFlow,flows`
 * runs only those load scenarios; `BENCH_SKIP_EXTRAS=1` leaves out start-up, _entities, traces and cache.
 * `BENCH_CPU_PROF=<dir>` starts the subgraph with `--cpu-prof --cpu-prof-dir=<dir>`.
 */

const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');
const quick = process.env.BENCH_QUICK === '1';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (quick ? 1 : 3));
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? (quick ? 3 : 8));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const ONLY = process.env.BENCH_ONLY?.split(',').filter((name) => name.length > 0);

interface Scenario {
  readonly name: string;
  readonly body: string;
  /** Whether a response body is what a successful run answers. */
  readonly ok: (body: string) => boolean;
}

const flowIds = (count: number, label: string): string[] =>
  Array.from({ length: count }, (_, index) => essId('yDbench', `${label}-${index}`));

const graphql = (operationName: string, query: string, variables: Record<string, unknown>): string =>
  JSON.stringify({ operationName, query, variables });
const noErrors = (typename: string) => (body: string) => body.includes(`"__typename":"${typename}"`) && !body.includes('"errors"');

const SCENARIOS: readonly Scenario[] = [
  {
    name: 'createReleaseFlow',
    body: graphql(
      'CreateReleaseFlow',
      'mutation CreateReleaseFlow($input: CreateReleaseFlowInput!) { createReleaseFlow(input: $input) { __typename ... on CreateReleaseFlowSuccess { releaseFlowId releaseFlow { id } originalFlow { id } } } }',
      { input: { flowId: essId('yDbench', 'release'), reason: 'Both parties agree to end the contract.' } },
    ),
    ok: noErrors('CreateReleaseFlowSuccess'),
  },
  {
    name: 'remindFlows',
    body: graphql(
      'RemindFlows',
      'mutation RemindFlows($input: RemindFlowsInput!) { remindFlows(input: $input) { __typename ... on RemindFlowsSuccess { records { flowId canRemind flow { id } } } } }',
      { input: { flowIds: flowIds(3, 'remind') } },
    ),
    ok: noErrors('RemindFlowsSuccess'),
  },
  {
    name: 'cancelDocument',
    body: graphql(
      'CancelDocument',
      'mutation CancelDocument($input: CancelDocumentInput!) { cancelDocument(input: $input) { __typename ... on CancelDocumentSuccess { documentId document { id } } } }',
      { input: { documentId: '8f5e8c9e-3b0a-4c55-9d43-6b7f0e0a1c11', reason: 'Issued by mistake.' } },
    ),
    ok: noErrors('CancelDocumentSuccess'),
  },
  {
    name: 'respondToInvitation',
    body: graphql(
      'RespondToInvitation',
      'mutation RespondToInvitation($input: RespondToInvitationInput!) { respondToInvitation(input: $input) { __typename ... on RespondToInvitationSuccess { invitationId decision accepted invitation { id } } } }',
      {
        input: {
          decision: 'ACCEPT',
          invitationType: 'RELATION',
          relationId: 'bench-relation-1',
          majorAccountId: '2100250145',
          relation: 'FINANCIAL_CUSTODY',
        },
      },
    ),
    ok: noErrors('RespondToInvitationSuccess'),
  },
  {
    name: 'flows (100)',
    body: graphql('Flows', 'query Flows($ids: [ID!]!) { flows(ids: $ids) { id name status } }', { ids: flowIds(100, 'read') }),
    ok: (body) => body.startsWith('{"data":{"flows":[{') && !body.includes('"errors"') && !body.includes('null'),
  },
];

// --- processes -----------------------------------------------------------------------------------

const children: ChildProcess[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

/** Starts `node <script>` and resolves with the first line it prints (its address, as JSON) and the process's id. */
async function startAddressPrinter(
  script: string,
  env: Record<string, string> = {},
): Promise<{ readonly line: string; readonly pid?: number }> {
  const child = spawn(process.execPath, [script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  const lines = createInterface({ input: child.stdout });
  for await (const line of lines) return { line, pid: child.pid };
  throw new Error(`${script} exited before printing its address`);
}

interface Vendors {
  readonly ess: string;
  readonly vnpt: string;
  readonly volc: string;
}

/** `BENCH_SUBGRAPH_ENV=LOG_LEVEL=warn,APOLLO_INLINE_TRACES=true`: more variables for the subgraph, for experiments. */
function extraSubgraphEnv(): Record<string, string> {
  const entries = (process.env.BENCH_SUBGRAPH_ENV ?? '').split(',').filter((entry) => entry.includes('='));
  return Object.fromEntries(entries.map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]));
}

function subgraphEnv(vendors: Vendors, port: number, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    VENDORS: 'live',
    TENCENT_ESS_ENDPOINT: vendors.ess,
    TENCENT_SECRET_ID: BENCH_CREDENTIALS.ess.secretId,
    TENCENT_SECRET_KEY: BENCH_CREDENTIALS.ess.secretKey,
    TENCENT_ESS_OPERATOR_ID: BENCH_CREDENTIALS.ess.operatorId,
    VNPT_ECONTRACT_ENDPOINT: vendors.vnpt,
    VNPT_USERNAME: BENCH_CREDENTIALS.vnpt.username,
    VNPT_PASSWORD: BENCH_CREDENTIALS.vnpt.password,
    VNPT_COMPANY_ID: BENCH_CREDENTIALS.vnpt.companyId,
    VOLC_BILLING_ENDPOINT: vendors.volc,
    VOLC_ACCESS_KEY_ID: BENCH_CREDENTIALS.volc.accessKeyId,
    VOLC_SECRET_ACCESS_KEY: BENCH_CREDENTIALS.volc.secretAccessKey,
    VOLC_REGION: BENCH_CREDENTIALS.volc.region,
    AUTH_MODE: 'none',
    ALLOW_UNAUTHENTICATED: 'true',
    // The benchmark measures the subgraph, not Tencent's 20/s: the limit is raised by configuration only.
    VENDOR_RATE_LIMITS: 'ess=10000,vnpt=10000,volc=10000',
    VENDOR_CALLS_PER_OPERATION: '20',
    LOG_LEVEL: 'info',
    SHUTDOWN_DELAY_MS: '0',
    ...extraSubgraphEnv(),
    ...extra,
  };
}

async function waitReady(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode} before ${url}/ready`);
    try {
      const response = await request(`${url}/ready`);
      await response.body.dump();
      if (response.statusCode === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(10);
  }
  throw new Error(`${url}/ready did not answer 200 within ${timeoutMs} ms`);
}

interface Started {
  readonly url: string;
  readonly child: ChildProcess;
  /** Milliseconds from spawn to the first 200 on /ready. */
  readonly readyMs: number;
}

/**
 * `npm start`'s command line from package.json (`node [options] <script>`), so that the subgraph is measured
 * as it is deployed: the Dockerfile's CMD is the same command (test/unit/deploy/dockerfile.test.ts).
 */
function startCommand(): { readonly nodeOptions: readonly string[]; readonly script: string } {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts?: { start?: string } };
  const [program, ...rest] = (manifest.scripts?.start ?? '').split(' ').filter((part) => part.length > 0);
  const script = rest.at(-1);
  if (program !== 'node' || script === undefined) throw new Error('package.json scripts.start is not `node [options] <script>`');
  return { nodeOptions: rest.slice(0, -1), script: join(ROOT, script) };
}

async function startSubgraph(env: Record<string, string>, command: 'node' | 'npm' = 'node'): Promise<Started> {
  const port = env.PORT;
  const profile = process.env.BENCH_CPU_PROF;
  const { nodeOptions, script } = startCommand();
  const args =
    command === 'npm' ? ['start', '--silent'] : [...nodeOptions, ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []), script];
  const started = performance.now();
  // Its own process group, so that stopping `npm start` reaches the node process npm started.
  const child = spawn(command === 'npm' ? 'npm' : process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: 'ignore',
    detached: true,
  });
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  await waitReady(url, child);
  return { url, child, readyMs: performance.now() - started };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  if (child.pid !== undefined) process.kill(-child.pid, 'SIGINT');
  await exited;
}

/** Peak resident set (VmHWM) of a running process, in MB; NaN where /proc is not there. */
function peakRssMb(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${String(pid)}/status`, 'utf8');
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** Clock ticks per second of /proc's CPU times (`getconf CLK_TCK`; 100 on Linux unless told otherwise). */
function clockTicksPerSecond(): number {
  const answer = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout);
  return Number.isFinite(answer) && answer > 0 ? answer : 100;
}
const CLOCK_TICKS = clockTicksPerSecond();

/** CPU time (user + system, all threads) a running process has used, in µs; NaN where /proc is not there. */
function cpuMicros(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
    // After the command name (in parentheses, may hold spaces): utime and stime are the 12th and 13th fields.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLOCK_TICKS;
  } catch {
    return Number.NaN;
  }
}

// --- measuring -----------------------------------------------------------------------------------

interface LoadResult {
  readonly rps: number;
  /** CPU the serving process spent per answered request (NaN when no process was named); steadier than req/s on a shared machine. */
  readonly cpuUs: number;
  /** Milliseconds, from every 200 answer's own time (`percentile`), not autocannon's whole-millisecond histogram. */
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
}

/** Runs autocannon and keeps the latency of each 200 answer (ms, with hrtime's fractions), in ascending order. */
function runAutocannon(options: autocannon.Options): Promise<{ readonly result: autocannon.Result; readonly latenciesMs: number[] }> {
  return new Promise((resolve, reject) => {
    const latenciesMs: number[] = [];
    const instance = autocannon(options, (error: unknown, result: autocannon.Result) => {
      if (error !== null && error !== undefined) {
        reject(asError(error));
        return;
      }
      resolve({ result, latenciesMs: latenciesMs.sort((a, b) => a - b) });
    });
    instance.on('response', (_client, statusCode, _bytes, responseTimeMs) => {
      if (statusCode === 200) latenciesMs.push(responseTimeMs);
    });
  });
}

async function load(
  url: string,
  scenario: Scenario,
  headers: Record<string, string> = {},
  durationS = DURATION_S,
  serverPid?: number,
): Promise<LoadResult> {
  let bad = 0;
  const cpuBefore = cpuMicros(serverPid);
  const { result, latenciesMs } = await runAutocannon({
    url: `${url}/graphql`,
    connections: CONNECTIONS,
    duration: durationS,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: scenario.body,
    requests: [
      {
        onResponse: (status, body) => {
          if (status !== 200 || !scenario.ok(body)) bad += 1;
        },
      },
    ],
  });
  return {
    rps: result.requests.average,
    cpuUs: (cpuMicros(serverPid) - cpuBefore) / result.requests.total,
    p50: percentile(latenciesMs, 0.5),
    p99: percentile(latenciesMs, 0.99),
    errors: bad + result.errors + result.timeouts + result.non2xx,
  };
}

async function postJson(url: string, body: string, headers: Record<string, string> = {}): Promise<string> {
  const response = await request(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return response.body.text();
}

async function vendorStats(vendors: Vendors): Promise<Record<string, number>> {
  const response = await request(`${vendors.ess}/__stats`);
  return (await response.body.json()) as Record<string, number>;
}

async function resetVendorStats(vendors: Vendors): Promise<void> {
  await (await request(`${vendors.ess}/__reset`, { method: 'POST' })).body.dump();
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const medianOf = (results: readonly LoadResult[], key: keyof LoadResult): number => median(results.map((result) => result[key]));
const sumOf = (results: readonly LoadResult[], key: keyof LoadResult): number => results.reduce((sum, result) => sum + result[key], 0);

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (row: readonly string[]): string => `| ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

// --- extras --------------------------------------------------------------------------------------

async function startupTimes(vendors: Vendors): Promise<{ node: number; npm: number }> {
  const nodeTimes: number[] = [];
  const npmTimes: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const direct = await startSubgraph(subgraphEnv(vendors, await freePort()));
    nodeTimes.push(direct.readyMs);
    await stop(direct.child);
    const viaNpm = await startSubgraph(subgraphEnv(vendors, await freePort()), 'npm');
    npmTimes.push(viaNpm.readyMs);
    await stop(viaNpm.child);
  }
  return { node: median(nodeTimes), npm: median(npmTimes) };
}

async function entitiesCost(url: string, vendors: Vendors): Promise<{ calls: number; ms: number }> {
  const representations = flowIds(1000, 'entities').map((id) => ({ __typename: 'Flow', id }));
  const body = JSON.stringify({
    query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Flow { id status } } }',
    variables: { r: representations },
  });
  await postJson(url, body);
  const times: number[] = [];
  let calls = 0;
  for (let round = 0; round < Math.max(ROUNDS, 3); round += 1) {
    await resetVendorStats(vendors);
    const started = performance.now();
    const answer = await postJson(url, body);
    times.push(performance.now() - started);
    if (answer.includes('"errors"')) throw new Error(`_entities failed: ${answer.slice(0, 300)}`);
    calls = (await vendorStats(vendors))['ess.DescribeFlowInfo'] ?? 0;
  }
  return { calls, ms: median(times) };
}

const TRACE_SCENARIO: Scenario = {
  name: '_entities (20 flows)',
  body: JSON.stringify({
    query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Flow { id status approvers { name status } } } }',
    variables: { r: flowIds(20, 'traced').map((id) => ({ __typename: 'Flow', id })) },
  }),
  ok: (body) => body.includes('"_entities":[{') && !body.includes('"errors"'),
};

async function tracesCost(plain: string, vendors: Vendors): Promise<{ off: number; on: number }> {
  const traced = await startSubgraph(subgraphEnv(vendors, await freePort(), { APOLLO_INLINE_TRACES: 'true' }));
  const askForTrace = { 'apollo-federation-include-trace': 'ftv1' };
  const off: LoadResult[] = [];
  const on: LoadResult[] = [];
  try {
    for (let round = 0; round < ROUNDS; round += 1) {
      off.push(await load(plain, TRACE_SCENARIO, askForTrace));
      on.push(await load(traced.url, TRACE_SCENARIO, askForTrace));
    }
  } finally {
    await stop(traced.child);
  }
  return { off: medianOf(off, 'rps'), on: medianOf(on, 'rps') };
}

async function cacheEffect(vendors: Vendors): Promise<{ reads: number; calls: number; ttlMs: number } | undefined> {
  const ttlMs = 60_000;
  const cached = await startSubgraph(subgraphEnv(vendors, await freePort(), { ENTITY_CACHE_TTL_MS: String(ttlMs) }));
  try {
    // 50 flows read one at a time by 32 connections: the read pattern of a busy frontend.
    const ids = flowIds(50, 'cached');
    await resetVendorStats(vendors);
    let reads = 0;
    const started = Date.now();
    while (Date.now() - started < DURATION_S * 1000) {
      await Promise.all(
        Array.from({ length: CONNECTIONS }, async (_, index) => {
          const id = ids[(reads + index) % ids.length] ?? '';
          const answer = await postJson(
            cached.url,
            JSON.stringify({ query: 'query($id: ID!) { flow(id: $id) { id status } }', variables: { id } }),
          );
          if (answer.includes('"errors"')) throw new Error(`cached read failed: ${answer.slice(0, 300)}`);
        }),
      );
      reads += CONNECTIONS;
    }
    const calls = (await vendorStats(vendors))['ess.DescribeFlowInfo'] ?? 0;
    return { reads, calls, ttlMs };
  } finally {
    await stop(cached.child);
  }
}

// --- main ----------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const vendors = JSON.parse((await startAddressPrinter(join(DIST, 'bench', 'fake-vendor.js'))).line) as Vendors;
  const bareProcess = await startAddressPrinter(join(DIST, 'bench', 'bare-passthrough.js'), {
    ESS_URL: vendors.ess,
    VNPT_URL: vendors.vnpt,
    VOLC_URL: vendors.volc,
  });
  const bare = { url: (JSON.parse(bareProcess.line) as { url: string }).url, pid: bareProcess.pid };
  const subgraph = await startSubgraph(subgraphEnv(vendors, await freePort()));

  const scenarios = SCENARIOS.filter((scenario) => !ONLY || ONLY.some((name) => scenario.name.startsWith(name)));
  // Every scenario is checked once on both sides before it is measured: a wrong answer stops the bench.
  for (const scenario of scenarios) {
    for (const [side, url] of [
      ['bare', bare.url],
      ['subgraph', subgraph.url],
    ] as const) {
      const answer = await postJson(url, scenario.body);
      if (!scenario.ok(answer)) throw new Error(`${scenario.name} on ${side} answered ${answer.slice(0, 400)}`);
    }
  }
  process.stderr.write(`bench: ${scenarios.length} scenarios x ${ROUNDS} rounds x ${DURATION_S} s, ${CONNECTIONS} connections\n`);

  const results = new Map<string, { bare: LoadResult[]; subgraph: LoadResult[] }>();
  for (const scenario of scenarios) {
    // Warm-up (JIT, pools, the VNPT login) on both sides.
    await load(bare.url, scenario, {}, 1);
    await load(subgraph.url, scenario, {}, 1);
    results.set(scenario.name, { bare: [], subgraph: [] });
  }
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const scenario of scenarios) {
      const entry = results.get(scenario.name);
      if (!entry) continue;
      entry.bare.push(await load(bare.url, scenario, {}, DURATION_S, bare.pid));
      entry.subgraph.push(await load(subgraph.url, scenario, {}, DURATION_S, subgraph.child.pid));
      process.stderr.write(
        `  round ${round + 1} ${scenario.name}: bare ${entry.bare.at(-1)?.rps.toFixed(0)}/s subgraph ${entry.subgraph.at(-1)?.rps.toFixed(0)}/s\n`,
      );
    }
  }
  const rss = peakRssMb(subgraph.child.pid);

  const rows = scenarios.map((scenario) => {
    const entry = results.get(scenario.name) ?? { bare: [], subgraph: [] };
    const bareRps = medianOf(entry.bare, 'rps');
    const subgraphRps = medianOf(entry.subgraph, 'rps');
    return [
      scenario.name,
      bareRps.toFixed(0),
      subgraphRps.toFixed(0),
      (subgraphRps / bareRps).toFixed(2),
      `${medianOf(entry.bare, 'p50').toFixed(2)} / ${medianOf(entry.bare, 'p99').toFixed(2)}`,
      `${medianOf(entry.subgraph, 'p50').toFixed(2)} / ${medianOf(entry.subgraph, 'p99').toFixed(2)}`,
      (medianOf(entry.subgraph, 'p99') / medianOf(entry.bare, 'p99')).toFixed(2),
      `${medianOf(entry.bare, 'cpuUs').toFixed(0)} / ${medianOf(entry.subgraph, 'cpuUs').toFixed(0)}`,
      `${sumOf(entry.bare, 'errors')} / ${sumOf(entry.subgraph, 'errors')}`,
    ];
  });
  const lines = [
    `agreements-subgraph bench: median of ${ROUNDS} round(s), autocannon ${CONNECTIONS} connections x ${DURATION_S} s, loopback, fake vendor verifying signatures`,
    table(
      [
        'scenario',
        'bare req/s',
        'subgraph req/s',
        'ratio',
        'bare p50/p99 ms',
        'subgraph p50/p99 ms',
        'p99 ratio',
        'CPU us/req bare/subgraph',
        'errors bare/subgraph',
      ],
      rows,
    ),
    `subgraph peak RSS: ${rss.toFixed(0)} MB`,
  ];

  if (process.env.BENCH_SKIP_EXTRAS !== '1') {
    const entities = await entitiesCost(subgraph.url, vendors);
    const traces = await tracesCost(subgraph.url, vendors);
    // Stopped gracefully (not killed at the end), so that a --cpu-prof profile gets written.
    await stop(subgraph.child);
    lines.push(`_entities with 1,000 Flow references: ${entities.calls} DescribeFlowInfo calls, ${entities.ms.toFixed(0)} ms`);
    lines.push(
      `ftv1 asked on ${TRACE_SCENARIO.name}: ${traces.off.toFixed(0)} req/s with APOLLO_INLINE_TRACES=false, ${traces.on.toFixed(0)} req/s with true (cost ${((1 - traces.on / traces.off) * 100).toFixed(0)} %)`,
    );
    const cache = await cacheEffect(vendors);
    if (cache) {
      lines.push(
        `ENTITY_CACHE_TTL_MS=${cache.ttlMs}: ${cache.reads} flow(id) reads of 50 flows, ${cache.calls} DescribeFlowInfo calls (${(cache.reads / Math.max(cache.calls, 1)).toFixed(1)} reads per vendor call)`,
      );
    }
    const startup = await startupTimes(vendors);
    lines.push(
      `start to /ready: node ${[...startCommand().nodeOptions, 'dist/src/main.js'].join(' ')} ${startup.node.toFixed(0)} ms, npm start (built, nothing changed) ${startup.npm.toFixed(0)} ms`,
    );
  }
  await stop(subgraph.child);
  process.stdout.write(`${lines.join('\n')}\n`);
}

main()
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(() => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
