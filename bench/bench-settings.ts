/** The knobs of one `npm run bench`, read once from the environment (bench/run.ts lists them). */
export interface BenchSettings {
  /** Rounds per scenario; the table prints their median. */
  readonly rounds: number;
  /** Seconds of load per round and side. */
  readonly durationS: number;
  /** autocannon's fixed connections, the same for both sides. */
  readonly connections: number;
  /** Load scenarios to run (by name prefix); undefined: all. */
  readonly only: readonly string[] | undefined;
  /** Leave out start-up, `_entities`, traces and the entity cache. */
  readonly skipExtras: boolean;
  /** Where the subgraph writes a `--cpu-prof` profile; undefined: not profiled. */
  readonly cpuProfileDir: string | undefined;
  /** More environment variables for the subgraph, for experiments. */
  readonly extraSubgraphEnv: Readonly<Record<string, string>>;
}

/**
 * `BENCH_QUICK=1`: one round of 3 s per scenario. `BENCH_ROUNDS`, `BENCH_DURATION_S` and `BENCH_CONNECTIONS`
 * override the defaults (3 rounds, 8 s, 32 connections); `BENCH_ONLY=createReleaseFlow,flows`,
 * `BENCH_SKIP_EXTRAS=1`, `BENCH_CPU_PROF=<dir>` and `BENCH_SUBGRAPH_ENV=LOG_LEVEL=warn,APOLLO_INLINE_TRACES=true`.
 */
export function benchSettings(env: NodeJS.ProcessEnv): BenchSettings {
  const quick = env.BENCH_QUICK === '1';
  const only = env.BENCH_ONLY?.split(',').filter((name) => name.length > 0);
  const extraEntries = (env.BENCH_SUBGRAPH_ENV ?? '').split(',').filter((entry) => entry.includes('='));
  return {
    rounds: Number(env.BENCH_ROUNDS ?? (quick ? 1 : 3)),
    durationS: Number(env.BENCH_DURATION_S ?? (quick ? 3 : 8)),
    connections: Number(env.BENCH_CONNECTIONS ?? 32),
    only: only !== undefined && only.length > 0 ? only : undefined,
    skipExtras: env.BENCH_SKIP_EXTRAS === '1',
    cpuProfileDir: env.BENCH_CPU_PROF === undefined || env.BENCH_CPU_PROF === '' ? undefined : env.BENCH_CPU_PROF,
    extraSubgraphEnv: Object.fromEntries(
      extraEntries.map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]),
    ),
  };
}
