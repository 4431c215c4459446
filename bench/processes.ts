import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import { BENCH_CREDENTIALS } from './bench-credentials';

/** The repository root, from `dist/bench/`. */
export const ROOT = join(__dirname, '..', '..');

/** The fake vendor's origins, as it prints them once listening. */
export interface Vendors {
  readonly ess: string;
  readonly vnpt: string;
  readonly volc: string;
}

/** A subgraph process that answered 200 on `/ready`. */
export interface StartedSubgraph {
  readonly url: string;
  readonly child: ChildProcess;
  /** Milliseconds from spawn to the first 200 on /ready. */
  readonly readyMs: number;
}

/** A free loopback port (the subgraph is given one, as `npm start` would be given `PORT`). */
export function freePort(): Promise<number> {
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

/**
 * Requests per second per vendor action the bench's subgraph may make (`VENDOR_RATE_LIMITS`, whose highest
 * value this is). High enough never to be what holds the subgraph back: a limit of N admits N calls per
 * sliding window of 1.1 s (`DEFAULT_RATE_WINDOW_MS`). The 10,000 used before did hold it back in a fast
 * hour: the subgraph answered 9,061 req/s in all four mutation scenarios (10,000 / 1.1 = 9,091), at
 * 0.82-0.89 of a core, its requests waiting for slots (p99 four times its p50).
 */
export const BENCH_VENDOR_RATE_LIMIT = 100_000;

/**
 * The subgraph's environment: live vendors at the fake vendor, production mode, no authentication, and
 * the vendors' rate limits raised by configuration only (the bench measures the subgraph, not Tencent's
 * 20/s; `BENCH_VENDOR_RATE_LIMIT`).
 */
export function subgraphEnv(vendors: Vendors, port: number, extra: Readonly<Record<string, string>> = {}): Record<string, string> {
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
    VENDOR_RATE_LIMITS: `ess=${BENCH_VENDOR_RATE_LIMIT},vnpt=${BENCH_VENDOR_RATE_LIMIT},volc=${BENCH_VENDOR_RATE_LIMIT}`,
    VENDOR_CALLS_PER_OPERATION: '20',
    LOG_LEVEL: 'info',
    SHUTDOWN_DELAY_MS: '0',
    ...extra,
  };
}

/**
 * `npm start`'s command line from package.json (`node [options] <script>`), so that the subgraph is measured
 * as it is deployed: the Dockerfile's CMD is the same command (test/unit/deploy/dockerfile.test.ts).
 */
export function startCommand(root: string = ROOT): { readonly nodeOptions: readonly string[]; readonly script: string } {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: { start?: string } };
  const [program, ...rest] = (manifest.scripts?.start ?? '').split(' ').filter((part) => part.length > 0);
  const script = rest.at(-1);
  if (program !== 'node' || script === undefined) throw new Error('package.json scripts.start is not `node [options] <script>`');
  return { nodeOptions: rest.slice(0, -1), script: join(root, script) };
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

/** Stops `child` (and its process group) with SIGINT, the subgraph's graceful stop, and waits for its exit. */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  if (child.pid !== undefined) process.kill(-child.pid, 'SIGINT');
  await exited;
}

/** Every process one bench run starts, so that `killAll` leaves none behind whatever happened. */
export class BenchProcesses {
  private readonly children: ChildProcess[] = [];

  /** `cpuProfileDir`: subgraphs started with `node` write a `--cpu-prof` profile there. */
  constructor(private readonly cpuProfileDir: string | undefined) {}

  /** Starts `node <script>` and resolves with the first line it prints (its address, as JSON) and the process's id. */
  async startAddressPrinter(script: string, env: Record<string, string> = {}): Promise<{ readonly line: string; readonly pid?: number }> {
    const child = spawn(process.execPath, [script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    this.children.push(child);
    const lines = createInterface({ input: child.stdout });
    for await (const line of lines) return { line, pid: child.pid };
    throw new Error(`${script} exited before printing its address`);
  }

  /**
   * Starts the subgraph as `npm start` runs it (`node`: its command line; `npm`: `npm start` itself) and waits
   * for `/ready`. `root`: the checkout whose build runs (another one for `npm run bench:pair`'s base).
   */
  async startSubgraph(env: Record<string, string>, command: 'node' | 'npm' = 'node', root: string = ROOT): Promise<StartedSubgraph> {
    const { nodeOptions, script } = startCommand(root);
    const profile = this.cpuProfileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${this.cpuProfileDir}`];
    const args = command === 'npm' ? ['start', '--silent'] : [...nodeOptions, ...profile, script];
    const started = performance.now();
    // Its own process group, so that stopping `npm start` reaches the node process npm started.
    const child = spawn(command === 'npm' ? 'npm' : process.execPath, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: 'ignore',
      detached: true,
    });
    this.children.push(child);
    const url = `http://127.0.0.1:${env.PORT}`;
    await waitReady(url, child);
    return { url, child, readyMs: performance.now() - started };
  }

  /**
   * On Ctrl-C or SIGTERM, kills every process this bench started and runs `cleanup`, then exits (130): the
   * subgraphs run in process groups of their own, which the terminal's signal does not reach.
   */
  stopOnInterrupt(cleanup: () => void = () => undefined): void {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        this.killAll();
        cleanup();
        process.exit(130);
      });
    }
  }

  /** Kills every process still running. */
  killAll(): void {
    for (const child of this.children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}
