import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** A subgraph running as its own process (`src/main.ts`), as one replica of a deployment. */
export interface SpawnedSubgraph {
  /** Base URL, e.g. `http://127.0.0.1:40123` (append `/graphql`). */
  readonly url: string;
  readonly process: ChildProcessWithoutNullStreams;
  /** Every stdout/stderr line so far (pino JSON lines and the sandbox banner). */
  lines(): readonly string[];
  /** Resolves with the exit code (or the signal name) once the process has ended. */
  readonly exited: Promise<number | string>;
  /** Sends `signal` and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<number | string>;
}

/**
 * Spawns `src/main.ts` on 127.0.0.1, port 0, with `env` on top of a minimal environment, and resolves
 * once it logged "agreements-subgraph started". Rejects (and kills it) when it exits first or after
 * `startTimeoutMs`.
 */
export function spawnSubgraph(env: Readonly<Record<string, string>>, startTimeoutMs = 30_000): Promise<SpawnedSubgraph> {
  const child = spawn(process.execPath, ['-r', join(ROOT, 'test', 'support', 'ts-register.js'), join(ROOT, 'src', 'main.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      resolve(code ?? signal ?? 'unknown');
    });
  });
  return new Promise<SpawnedSubgraph>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the subgraph did not start within ${String(startTimeoutMs)} ms:\n${lines.join('\n')}`));
    }, startTimeoutMs);
    const onLine = (line: string): void => {
      lines.push(line);
      const started = line.includes('"msg":"agreements-subgraph started"') ? /"url":"([^"]+)"/.exec(line) : null;
      if (!started?.[1]) return;
      clearTimeout(timer);
      resolve({
        url: started[1],
        process: child,
        lines: () => lines,
        exited,
        stop: (signal = 'SIGTERM') => {
          child.kill(signal);
          return exited;
        },
      });
    };
    for (const stream of [child.stdout, child.stderr]) {
      let buffered = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        buffered += chunk;
        const parts = buffered.split('\n');
        buffered = parts.pop() ?? '';
        for (const part of parts) onLine(part);
      });
    }
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the subgraph exited (${String(code)}) before it started:\n${lines.join('\n')}`));
    });
  });
}
