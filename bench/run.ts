import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { request } from 'undici';
import { AgreementsApp } from '../src/app';
import { loadConfig } from '../src/config/config';
import { createLogger } from '../src/logging/logger';
import { makeFlows } from '../src/sandbox/tencent-ess/simulator';
import { startSandboxVendors } from '../src/vendors/registry';

/**
 * `npm run bench`: side-by-side measurements in one run, printed as ratios (never asserted in tests).
 * Everything runs on loopback against the sandbox simulators; the vendor rate limit is lifted so that
 * the numbers measure this service, not Tencent's 20 requests/s.
 */

const FLOW_COUNT = 250;
const ROUNDS = 5;

async function post(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<void> {
  const response = await request(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.body.json()) as { errors?: unknown[] };
  if (response.statusCode !== 200 || body.errors) throw new Error(`bench request failed: ${JSON.stringify(body).slice(0, 300)}`);
}

async function timed(run: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function main(): Promise<void> {
  // The highest rate VENDOR_RATE_LIMITS takes: the benchmark measures the subgraph, not the limit.
  const config = loadConfig({ VENDORS: 'ess=sandbox,vnpt=off,volc=off', LOG_LEVEL: 'silent', VENDOR_RATE_LIMITS: 'ess=10000' });
  const sandbox = await startSandboxVendors(config.vendors, { seed: true });
  const app = await AgreementsApp.create({
    config,
    logger: createLogger('silent'),
    vendors: sandbox.settings,
  });
  const url = await app.listen(0, '127.0.0.1');
  const tracedApp = await AgreementsApp.create({
    config: { ...config, inlineTraces: true },
    logger: createLogger('silent'),
    vendors: sandbox.settings,
  });
  const tracedUrl = await tracedApp.listen(0, '127.0.0.1');
  const flows = makeFlows(FLOW_COUNT, 'bench');
  for (const flow of flows) sandbox.simulators.ess?.putFlow(flow);
  const ids = flows.map((flow) => flow.FlowId);

  const entities = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Flow { id status approvers { name status } } } }';
  const single = 'query($id: ID!) { flow(id: $id) { id status approvers { name status } } }';
  const batched = (): Promise<void> => post(url, entities, { r: ids.map((id) => ({ __typename: 'Flow', id })) });
  const oneByOne = async (): Promise<void> => {
    for (const id of ids) await post(url, single, { id });
  };

  await batched();
  await oneByOne();
  const batchedTimes: number[] = [];
  const singleTimes: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    batchedTimes.push(await timed(batched));
    singleTimes.push(await timed(oneByOne));
  }
  const batchedMs = median(batchedTimes);
  const singleMs = median(singleTimes);

  const concurrentTimes: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    concurrentTimes.push(
      await timed(async () => {
        await Promise.all(ids.map((id) => post(url, single, { id })));
      }),
    );
  }
  const concurrentMs = median(concurrentTimes);

  // A router asks every request for an ftv1 trace; only the traced app pays for building one.
  const askForTrace = { 'apollo-federation-include-trace': 'ftv1' };
  const entitiesRequests = (target: string) => () =>
    Promise.all(
      Array.from({ length: 50 }, () => post(target, entities, { r: ids.map((id) => ({ __typename: 'Flow', id })) }, askForTrace)),
    ).then(() => undefined);
  await entitiesRequests(url)();
  await entitiesRequests(tracedUrl)();
  const untracedTimes: number[] = [];
  const tracedTimes: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    untracedTimes.push(await timed(entitiesRequests(url)));
    tracedTimes.push(await timed(entitiesRequests(tracedUrl)));
  }
  const untracedMs = median(untracedTimes);
  const tracedMs = median(tracedTimes);

  const lines = [
    `agreements-subgraph bench (median of ${ROUNDS} rounds, ${FLOW_COUNT} flows, loopback sandbox)`,
    `  ${FLOW_COUNT} Flow references in one _entities request (3 DescribeFlowInfo calls): ${batchedMs.toFixed(1)} ms`,
    `  ${FLOW_COUNT} flow(id) requests one after another (${FLOW_COUNT} vendor calls):     ${singleMs.toFixed(1)} ms`,
    `  ${FLOW_COUNT} flow(id) requests concurrently:                                  ${concurrentMs.toFixed(1)} ms`,
    `  ratio sequential / batched:   ${(singleMs / batchedMs).toFixed(1)}x`,
    `  ratio concurrent / batched:   ${(concurrentMs / batchedMs).toFixed(1)}x`,
    `  throughput of flow(id):       ${((FLOW_COUNT / concurrentMs) * 1000).toFixed(0)} requests/s (concurrent)`,
    `  50 x _entities(${FLOW_COUNT}) asked for ftv1, traces off (default): ${untracedMs.toFixed(1)} ms`,
    `  50 x _entities(${FLOW_COUNT}) asked for ftv1, APOLLO_INLINE_TRACES=true: ${tracedMs.toFixed(1)} ms`,
    `  ratio traced / untraced:      ${(tracedMs / untracedMs).toFixed(2)}x`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  await app.close();
  await tracedApp.close();
  await sandbox.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
