import { join } from 'node:path';
import { benchSettings, type BenchSettings } from './bench-settings';
import { cacheEffect, entitiesCost, postJson, startLiveSubgraph, startupTimes, tracesCost, type BenchContext } from './extras';
import { load, type LoadResult } from './load';
import { subgraphRateLimitedAttempts } from './limiter-holds';
import { clockTicksPerSecond, peakRssMb } from './process-stats';
import { BenchProcesses, ROOT, startCommand, stop, type Vendors } from './processes';
import { TRACE_SCENARIO, selectedScenarios } from './scenarios';
import { median, table } from './summary';

/**
 * `npm run bench`: the subgraph side by side with a bare signed passthrough (bench/bare-passthrough.ts),
 * both in their own process and both calling the same fake vendor process (bench/fake-vendor.ts), which
 * verifies every signature. Same load for both (autocannon, fixed connections and duration); the median
 * of the rounds is printed as a table. Nothing is asserted: the figures depend on the machine.
 *
 * `BENCH_QUICK=1`: one round of 3 s per scenario, for iteration. `BENCH_ROUNDS`, `BENCH_DURATION_S`,
 * `BENCH_CONNECTIONS` override the defaults (3 rounds, 8 s, 32 connections). `BENCH_ONLY=createReleaseFlow,flows`
 * runs only those load scenarios; `BENCH_SKIP_EXTRAS=1` leaves out start-up, _entities, traces and cache.
 * `BENCH_CPU_PROF=<dir>` starts the subgraph with `--cpu-prof --cpu-prof-dir=<dir>`; `BENCH_SUBGRAPH_ENV`
 * gives it more variables (see bench-settings.ts).
 */

const DIST = join(ROOT, 'dist');

interface SideResults {
  readonly bare: LoadResult[];
  readonly subgraph: LoadResult[];
}

const medianOf = (results: readonly LoadResult[], key: keyof LoadResult): number => median(results.map((result) => result[key]));
const sumOf = (results: readonly LoadResult[], key: keyof LoadResult): number => results.reduce((sum, result) => sum + result[key], 0);

/** One row of the table: the medians of both sides, their ratios, and every error counted. */
function row(name: string, entry: SideResults): string[] {
  const bareRps = medianOf(entry.bare, 'rps');
  const subgraphRps = medianOf(entry.subgraph, 'rps');
  return [
    name,
    bareRps.toFixed(0),
    subgraphRps.toFixed(0),
    (subgraphRps / bareRps).toFixed(2),
    `${medianOf(entry.bare, 'p50').toFixed(2)} / ${medianOf(entry.bare, 'p99').toFixed(2)}`,
    `${medianOf(entry.subgraph, 'p50').toFixed(2)} / ${medianOf(entry.subgraph, 'p99').toFixed(2)}`,
    (medianOf(entry.subgraph, 'p99') / medianOf(entry.bare, 'p99')).toFixed(2),
    `${medianOf(entry.bare, 'cpuUs').toFixed(0)} / ${medianOf(entry.subgraph, 'cpuUs').toFixed(0)}`,
    `${sumOf(entry.bare, 'errors')} / ${sumOf(entry.subgraph, 'errors')}`,
  ];
}

const HEADER = [
  'scenario',
  'bare req/s',
  'subgraph req/s',
  'ratio',
  'bare p50/p99 ms',
  'subgraph p50/p99 ms',
  'p99 ratio',
  'CPU us/req bare/subgraph',
  'errors bare/subgraph',
];

async function main(processes: BenchProcesses, settings: BenchSettings): Promise<void> {
  const vendors = JSON.parse((await processes.startAddressPrinter(join(DIST, 'bench', 'fake-vendor.js'))).line) as Vendors;
  const bareProcess = await processes.startAddressPrinter(join(DIST, 'bench', 'bare-passthrough.js'), {
    ESS_URL: vendors.ess,
    VNPT_URL: vendors.vnpt,
    VOLC_URL: vendors.volc,
  });
  const bare = { url: (JSON.parse(bareProcess.line) as { url: string }).url, pid: bareProcess.pid };
  const context: BenchContext = { settings, processes, vendors, clockTicks: clockTicksPerSecond() };
  const subgraph = await startLiveSubgraph(context);
  const { rounds, durationS, connections } = settings;

  const scenarios = selectedScenarios(settings);
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
  process.stderr.write(`bench: ${scenarios.length} scenarios x ${rounds} rounds x ${durationS} s, ${connections} connections\n`);

  const results = new Map<string, SideResults>();
  const warmUp = { connections, durationS: 1, clockTicks: context.clockTicks };
  for (const scenario of scenarios) {
    // Warm-up (JIT, pools, the VNPT login) on both sides.
    await load(bare.url, scenario, warmUp);
    await load(subgraph.url, scenario, warmUp);
    results.set(scenario.name, { bare: [], subgraph: [] });
  }
  for (let round = 0; round < rounds; round += 1) {
    for (const scenario of scenarios) {
      const entry = results.get(scenario.name);
      if (!entry) continue;
      entry.bare.push(await load(bare.url, scenario, { connections, durationS, serverPid: bare.pid, clockTicks: context.clockTicks }));
      entry.subgraph.push(
        await load(subgraph.url, scenario, { connections, durationS, serverPid: subgraph.child.pid, clockTicks: context.clockTicks }),
      );
      process.stderr.write(
        `  round ${round + 1} ${scenario.name}: bare ${entry.bare.at(-1)?.rps.toFixed(0)}/s subgraph ${entry.subgraph.at(-1)?.rps.toFixed(0)}/s\n`,
      );
    }
  }
  const rss = peakRssMb(subgraph.child.pid);
  const held = await subgraphRateLimitedAttempts(subgraph.url);

  const rows = scenarios.map((scenario) => row(scenario.name, results.get(scenario.name) ?? { bare: [], subgraph: [] }));
  const lines = [
    `agreements-subgraph bench: median of ${rounds} round(s), autocannon ${connections} connections x ${durationS} s, loopback, fake vendor verifying signatures`,
    table(HEADER, rows),
    `subgraph peak RSS: ${rss.toFixed(0)} MB`,
    held === 0
      ? "subgraph's own rate limiter: no attempt waited or was refused (VENDOR_RATE_LIMITS never set the pace)"
      : `WARNING: the subgraph's own rate limiter held ${held} attempts: the table measured VENDOR_RATE_LIMITS, not the subgraph`,
  ];

  if (!settings.skipExtras) {
    const entities = await entitiesCost(context, subgraph.url);
    const traces = await tracesCost(context, subgraph.url);
    // Stopped gracefully (not killed at the end), so that a --cpu-prof profile gets written.
    await stop(subgraph.child);
    lines.push(`_entities with 1,000 Flow references: ${entities.calls} DescribeFlowInfo calls, ${entities.ms.toFixed(0)} ms`);
    lines.push(
      `ftv1 asked on ${TRACE_SCENARIO.name}: ${traces.off.toFixed(0)} req/s with APOLLO_INLINE_TRACES=false, ${traces.on.toFixed(0)} req/s with true (cost ${((1 - traces.on / traces.off) * 100).toFixed(0)} %)`,
    );
    const cache = await cacheEffect(context);
    lines.push(
      `ENTITY_CACHE_TTL_MS=${cache.ttlMs}: ${cache.reads} flow(id) reads of 50 flows, ${cache.calls} DescribeFlowInfo calls (${(cache.reads / Math.max(cache.calls, 1)).toFixed(1)} reads per vendor call)`,
    );
    const startup = await startupTimes(context);
    lines.push(
      `start to /ready: node ${[...startCommand().nodeOptions, 'dist/src/main.js'].join(' ')} ${startup.node.toFixed(0)} ms, npm start (built, nothing changed) ${startup.npm.toFixed(0)} ms`,
    );
  }
  await stop(subgraph.child);
  process.stdout.write(`${lines.join('\n')}\n`);
}

const settings = benchSettings(process.env);
const processes = new BenchProcesses(settings.cpuProfileDir);
processes.stopOnInterrupt();
main(processes, settings)
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(() => {
    processes.killAll();
  });
