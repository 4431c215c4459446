import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from './free-port';

/** A `redis-server` of the test's own, on a free loopback port, that the test can kill and restart. */
export interface TestRedis {
  readonly port: number;
  readonly url: string;
  /** The running server's PID (undefined while stopped). */
  pid(): number | undefined;
  /** Kills the server by its PID (SIGKILL: an outage, not a graceful shutdown) and waits for its exit. */
  kill(): Promise<void>;
  /** Starts it again on the same port, empty (no persistence), and waits until it accepts connections. */
  start(): Promise<void>;
}

function waitForReady(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      if (output.includes('Ready to accept connections')) {
        child.stdout?.off('data', onData);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      reject(new Error(`redis-server exited (${String(code)}) before it was ready:\n${output}`));
    });
  });
}

/** Starts a throwaway `redis-server` (the machine has it; CI too) on 127.0.0.1 and a free port. */
export async function startTestRedis(): Promise<TestRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async (): Promise<void> => {
    const next = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = next;
    await waitForReady(next);
  };
  await start();
  return {
    port,
    url: `redis://127.0.0.1:${String(port)}`,
    pid: () => child?.pid,
    kill: async () => {
      const running = child;
      if (running?.pid === undefined || running.exitCode !== null) return;
      const exited = new Promise<void>((resolve) =>
        running.once('exit', () => {
          resolve();
        }),
      );
      process.kill(running.pid, 'SIGKILL');
      await exited;
      child = undefined;
    },
    start,
  };
}
