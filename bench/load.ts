import autocannon from 'autocannon';
import { asError } from '../src/errors/as-error';
import { percentile } from './latency-percentiles';
import { cpuMicros } from './process-stats';
import type { Scenario } from './scenarios';

/** One side's figures for one round of one scenario. */
export interface LoadResult {
  readonly rps: number;
  /** CPU the serving process spent per answered request (NaN when no process was named); steadier than req/s on a shared machine. */
  readonly cpuUs: number;
  /** Milliseconds, from every 200 answer's own time (`percentile`), not autocannon's whole-millisecond histogram. */
  readonly p50: number;
  readonly p99: number;
  /** Wrong answers (see `Scenario.ok`), connection errors, timeouts and non-2xx statuses. */
  readonly errors: number;
}

export interface LoadOptions {
  readonly connections: number;
  readonly durationS: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** The serving process, whose CPU time is read before and after; undefined: `cpuUs` is NaN. */
  readonly serverPid?: number;
  /** /proc's clock ticks per second (`clockTicksPerSecond`). */
  readonly clockTicks: number;
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

/** Puts `scenario`'s request on `url` (`/graphql`) with a fixed number of connections for a fixed time, checking every answer. */
export async function load(url: string, scenario: Scenario, options: LoadOptions): Promise<LoadResult> {
  let bad = 0;
  const cpuBefore = cpuMicros(options.serverPid, options.clockTicks);
  const { result, latenciesMs } = await runAutocannon({
    url: `${url}/graphql`,
    connections: options.connections,
    duration: options.durationS,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...options.headers },
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
    cpuUs: (cpuMicros(options.serverPid, options.clockTicks) - cpuBefore) / result.requests.total,
    p50: percentile(latenciesMs, 0.5),
    p99: percentile(latenciesMs, 0.99),
    errors: bad + result.errors + result.timeouts + result.non2xx,
  };
}
