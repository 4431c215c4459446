import { join } from 'node:path';
import { prepareBaseBuild, type BaseBuild } from './base-build';
import { benchSettings } from './bench-settings';
import { postJson } from './extras';
import { load } from './load';
import { START_ORDER, compare, loadOrder, type PairSample, type Variant } from './pair-plan';
import { clockTicksPerSecond, peakRssMb } from './process-stats';
import { BenchProcesses, ROOT, freePort, subgraphEnv, type StartedSubgraph, type Vendors } from './processes';
import { selectedScenarios } from './scenarios';
import { median, table } from './summary';

/**
 * `npm run bench:pair [-- <git ref>]`: what a change to the working tree does to the subgraph's CPU per
 * request, against a base build (default `HEAD`), under the bench's load and fake vendor. Four subgraph
 * processes run at once, started base, change, change, base (`START_ORDER`: two processes of one build
 * can differ by 5 % or more for their whole life, so each build runs in two), and each round loads them
 * one after another in a rotating order (`loadOrder`). Printed per scenario: the median CPU per request of each build over all its rounds, the
 * difference, each process's own median (their spread is the noise to judge the difference by), and
 * errors. Nothing is asserted; compare in one run, never across runs.
 *
 * The base is `git worktree add` of the ref, compiled with this checkout's `node_modules`; the run says so
 * when the ref's `package-lock.json` or `patches/` differ. `BENCH_ROUNDS` (default 4, one full rotation),
 * `BENCH_DURATION_S` (default 4), `BENCH_CONNECTIONS`, `BENCH_ONLY` and `BENCH_SUBGRAPH_ENV` as for
 * `npm run bench`.
 */

interface PairProcess {
  readonly variant: Variant;
  readonly label: string;
  readonly subgraph: StartedSubgraph;
}

const DIST = join(ROOT, 'dist');

async function startPair(
  processes: BenchProcesses,
  base: BaseBuild,
  vendors: Vendors,
  extra: Readonly<Record<string, string>>,
): Promise<PairProcess[]> {
  const started: PairProcess[] = [];
  for (const [index, variant] of START_ORDER.entries()) {
    const env = subgraphEnv(vendors, await freePort(), extra);
    const subgraph = await processes.startSubgraph(env, 'node', variant === 'base' ? base.root : ROOT);
    started.push({ variant, label: `${variant}#${String(index + 1)}`, subgraph });
  }
  return started;
}

async function main(processes: BenchProcesses, base: BaseBuild): Promise<void> {
  const settings = benchSettings({
    ...process.env,
    BENCH_ROUNDS: process.env.BENCH_ROUNDS ?? '4',
    BENCH_DURATION_S: process.env.BENCH_DURATION_S ?? '4',
  });
  const clockTicks = clockTicksPerSecond();
  const vendors = JSON.parse((await processes.startAddressPrinter(join(DIST, 'bench', 'fake-vendor.js'))).line) as Vendors;
  const pair = await startPair(processes, base, vendors, settings.extraSubgraphEnv);
  const { rounds, durationS, connections } = settings;
  const scenarios = selectedScenarios(settings);
  process.stderr.write(
    `bench:pair: base ${base.commit.slice(0, 12)} against the working tree, ${scenarios.length} scenarios x ${rounds} rounds x ${durationS} s x 4 processes\n`,
  );
  if (base.dependenciesDiffer)
    process.stderr.write("bench:pair: the base's package-lock.json or patches/ differ; it runs on this checkout's node_modules\n");

  const rows: string[][] = [];
  for (const scenario of scenarios) {
    for (const { label, subgraph } of pair) {
      const answer = await postJson(subgraph.url, scenario.body);
      if (!scenario.ok(answer)) throw new Error(`${scenario.name} on ${label} answered ${answer.slice(0, 400)}`);
      await load(subgraph.url, scenario, { connections, durationS: 1, clockTicks });
    }
    const samples: PairSample[] = [];
    const perProcess = pair.map((): number[] => []);
    let errors = 0;
    for (let round = 0; round < rounds; round += 1) {
      for (const index of loadOrder(pair.length, round)) {
        const entry = pair[index];
        const result = await load(entry.subgraph.url, scenario, {
          connections,
          durationS,
          serverPid: entry.subgraph.child.pid,
          clockTicks,
        });
        samples.push({ variant: entry.variant, cpuUs: result.cpuUs });
        perProcess[index]?.push(result.cpuUs);
        errors += result.errors;
      }
    }
    const comparison = compare(samples);
    const sign = comparison.changePercent > 0 ? '+' : '';
    rows.push([
      scenario.name,
      comparison.baseUs.toFixed(0),
      comparison.changeUs.toFixed(0),
      `${sign}${comparison.changePercent.toFixed(1)} %`,
      pair.map((entry, index) => `${entry.label} ${median(perProcess[index] ?? []).toFixed(0)}`).join(', '),
      String(errors),
    ]);
    process.stderr.write(`  ${scenario.name}: base ${comparison.baseUs.toFixed(0)} us, change ${comparison.changeUs.toFixed(0)} us\n`);
  }
  const header = ['scenario', 'base CPU us/req', 'change CPU us/req', 'change', 'each process (median)', 'errors'];
  const rss = pair.map((entry) => `${entry.label} ${peakRssMb(entry.subgraph.child.pid).toFixed(0)} MB`).join(', ');
  process.stdout.write(
    `agreements-subgraph bench:pair: base ${base.commit.slice(0, 12)} against the working tree, median CPU per request of ${String(rounds)} round(s) x ${String(durationS)} s on each of 4 processes (started base, change, change, base), autocannon ${String(connections)} connections\n${table(header, rows)}\npeak RSS: ${rss}\n`,
  );
}

const processes = new BenchProcesses(undefined);
let base: BaseBuild | undefined;
processes.stopOnInterrupt(() => base?.remove());
Promise.resolve()
  .then(async () => {
    base = prepareBaseBuild(process.argv.at(2) ?? process.env.BENCH_PAIR_BASE ?? 'HEAD');
    await main(processes, base);
  })
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(() => {
    processes.killAll();
    base?.remove();
  });
