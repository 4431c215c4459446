import { request } from 'undici';
import type { BenchSettings } from './bench-settings';
import { load, type LoadResult } from './load';
import { freePort, stop, subgraphEnv, type BenchProcesses, type StartedSubgraph, type Vendors } from './processes';
import { flowIds, TRACE_SCENARIO } from './scenarios';
import { median } from './summary';

/** What the measurements beside the load table share: the run's settings, its processes and the fake vendor. */
export interface BenchContext {
  readonly settings: BenchSettings;
  readonly processes: BenchProcesses;
  readonly vendors: Vendors;
  /** /proc's clock ticks per second. */
  readonly clockTicks: number;
}

/** Starts a subgraph at the fake vendor on a free port, with `BENCH_SUBGRAPH_ENV` and `extra` on top. */
export async function startLiveSubgraph(
  context: BenchContext,
  extra: Readonly<Record<string, string>> = {},
  command: 'node' | 'npm' = 'node',
): Promise<StartedSubgraph> {
  const env = subgraphEnv(context.vendors, await freePort(), { ...context.settings.extraSubgraphEnv, ...extra });
  return context.processes.startSubgraph(env, command);
}

/** POSTs `body` to `url`'s `/graphql` and resolves with the answer's text. */
export async function postJson(url: string, body: string, headers: Record<string, string> = {}): Promise<string> {
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

/** Median milliseconds from spawn to `/ready`: the start command run by node, and `npm start` with nothing to build. */
export async function startupTimes(context: BenchContext): Promise<{ node: number; npm: number }> {
  const nodeTimes: number[] = [];
  const npmTimes: number[] = [];
  for (let round = 0; round < context.settings.rounds; round += 1) {
    const direct = await startLiveSubgraph(context);
    nodeTimes.push(direct.readyMs);
    await stop(direct.child);
    const viaNpm = await startLiveSubgraph(context, {}, 'npm');
    npmTimes.push(viaNpm.readyMs);
    await stop(viaNpm.child);
  }
  return { node: median(nodeTimes), npm: median(npmTimes) };
}

/** `DescribeFlowInfo` calls and median milliseconds for one `_entities` request of 1,000 Flow references. */
export async function entitiesCost(context: BenchContext, url: string): Promise<{ calls: number; ms: number }> {
  const representations = flowIds(1000, 'entities').map((id) => ({ __typename: 'Flow', id }));
  const body = JSON.stringify({
    query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Flow { id status } } }',
    variables: { r: representations },
  });
  await postJson(url, body);
  const times: number[] = [];
  let calls = 0;
  for (let round = 0; round < Math.max(context.settings.rounds, 3); round += 1) {
    await resetVendorStats(context.vendors);
    const started = performance.now();
    const answer = await postJson(url, body);
    times.push(performance.now() - started);
    if (answer.includes('"errors"')) throw new Error(`_entities failed: ${answer.slice(0, 300)}`);
    calls = (await vendorStats(context.vendors))['ess.DescribeFlowInfo'] ?? 0;
  }
  return { calls, ms: median(times) };
}

/** req/s of `TRACE_SCENARIO` asking for a trace, on `plain` (traces off) and on a subgraph with `APOLLO_INLINE_TRACES=true`. */
export async function tracesCost(context: BenchContext, plain: string): Promise<{ off: number; on: number }> {
  const traced = await startLiveSubgraph(context, { APOLLO_INLINE_TRACES: 'true' });
  const options = {
    connections: context.settings.connections,
    durationS: context.settings.durationS,
    headers: { 'apollo-federation-include-trace': 'ftv1' },
    clockTicks: context.clockTicks,
  };
  const off: LoadResult[] = [];
  const on: LoadResult[] = [];
  try {
    for (let round = 0; round < context.settings.rounds; round += 1) {
      off.push(await load(plain, TRACE_SCENARIO, options));
      on.push(await load(traced.url, TRACE_SCENARIO, options));
    }
  } finally {
    await stop(traced.child);
  }
  return { off: median(off.map((result) => result.rps)), on: median(on.map((result) => result.rps)) };
}

/** Reads served per `DescribeFlowInfo` call with `ENTITY_CACHE_TTL_MS` on: 50 flows read one at a time by every connection. */
export async function cacheEffect(context: BenchContext): Promise<{ reads: number; calls: number; ttlMs: number }> {
  const ttlMs = 60_000;
  const { connections, durationS } = context.settings;
  const cached = await startLiveSubgraph(context, { ENTITY_CACHE_TTL_MS: String(ttlMs) });
  try {
    // 50 flows read one at a time by 32 connections: the read pattern of a busy frontend.
    const ids = flowIds(50, 'cached');
    await resetVendorStats(context.vendors);
    let reads = 0;
    const started = Date.now();
    while (Date.now() - started < durationS * 1000) {
      await Promise.all(
        Array.from({ length: connections }, async (_, index) => {
          const id = ids[(reads + index) % ids.length] ?? '';
          const answer = await postJson(
            cached.url,
            JSON.stringify({ query: 'query($id: ID!) { flow(id: $id) { id status } }', variables: { id } }),
          );
          if (answer.includes('"errors"')) throw new Error(`cached read failed: ${answer.slice(0, 300)}`);
        }),
      );
      reads += connections;
    }
    const calls = (await vendorStats(context.vendors))['ess.DescribeFlowInfo'] ?? 0;
    return { reads, calls, ttlMs };
  } finally {
    await stop(cached.child);
  }
}
