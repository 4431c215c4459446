import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LogOutput } from '../../../src/logging/log-output';
import { createLogger } from '../../../src/logging/logger';

const ROOT = join(__dirname, '..', '..', '..');

/** A 100-byte line: `label`, padded, and a newline. */
const line = (label: string): string => `${label.padEnd(99, '.')}\n`;

describe('LogOutput', () => {
  let directory: string;
  let path: string;
  let output: LogOutput;
  const written = (): string => readFileSync(path, 'utf8');

  beforeEach(() => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    directory = mkdtempSync(join(tmpdir(), 'log-output-'));
    path = join(directory, 'out.log');
    output = new LogOutput({ fd: openSync(path, 'w'), batchBytes: 1_000, flushIntervalMs: 100 });
  });

  afterEach(() => {
    output.close();
    jest.useRealTimers();
    rmSync(directory, { recursive: true, force: true });
  });

  it('holds lines until the flush interval has passed', () => {
    output.write(line('a'));
    output.write(line('b'));
    expect(written()).toBe('');
    jest.advanceTimersByTime(99);
    expect(written()).toBe('');
    jest.advanceTimersByTime(1);
    expect(written()).toBe(line('a') + line('b'));
  });

  it('writes a batch as soon as batchBytes are waiting, in the order the lines came', () => {
    const labels = Array.from({ length: 25 }, (_, index) => `line ${String(index)}`);
    for (const label of labels.slice(0, 9)) output.write(line(label));
    expect(written()).toBe('');
    // The tenth 100-byte line brings 1,000 bytes: the ten go out together, with no timer.
    output.write(line(labels[9] ?? ''));
    expect(written()).toBe(labels.slice(0, 10).map(line).join(''));
    for (const label of labels.slice(10)) output.write(line(label));
    expect(written()).toBe(labels.slice(0, 20).map(line).join(''));
    jest.advanceTimersByTime(100);
    expect(written()).toBe(labels.map(line).join(''));
  });

  it('writes the waiting lines on flush()', () => {
    output.write(line('a'));
    output.flush();
    expect(written()).toBe(line('a'));
    output.flush();
    jest.advanceTimersByTime(100);
    expect(written()).toBe(line('a'));
  });

  it('writes every line as it comes once writeEachLine() was called, the waiting ones first', () => {
    output.write(line('waiting'));
    output.writeEachLine();
    expect(written()).toBe(line('waiting'));
    output.write(line('signal'));
    expect(written()).toBe(line('waiting') + line('signal'));
    output.write(line('drain'));
    expect(written()).toBe(line('waiting') + line('signal') + line('drain'));
  });

  it('is a pino destination: records arrive whole and in order', () => {
    const logger = createLogger('info', output);
    for (let index = 0; index < 50; index += 1) logger.info({ index }, 'request completed');
    output.flush();
    const records = written()
      .split('\n')
      .filter((text) => text.length > 0)
      .map((text) => JSON.parse(text) as { index: number; msg: string });
    expect(records.map((record) => record.index)).toEqual(Array.from({ length: 50 }, (_, index) => index));
    expect(new Set(records.map((record) => record.msg))).toEqual(new Set(['request completed']));
  });
});

describe('LogOutput at process exit', () => {
  /**
   * `node -e` arguments for a process that writes the first and second line through a LogOutput on its
   * stdout, then ends as `ending` says. Nothing would reach stdout before an hour or 16,000 bytes: only
   * the exit flush can write the lines.
   */
  function childArguments(ending: string): string[] {
    const script = [
      `const { LogOutput } = require(${JSON.stringify(join(ROOT, 'src', 'logging', 'log-output.ts'))});`,
      'const output = new LogOutput({ fd: 1, batchBytes: 16000, flushIntervalMs: 3600000 });',
      "output.write('first\\n'); output.write('second\\n');",
      ending,
    ].join('\n');
    return ['-r', join(ROOT, 'test', 'support', 'ts-register.js'), '-e', script];
  }

  function runChild(ending: string): { stdout: string; status: number | null } {
    const child = spawnSync(process.execPath, childArguments(ending), { encoding: 'utf8', timeout: 15_000 });
    return { stdout: child.stdout, status: child.status };
  }

  it('writes the waiting lines when the process calls process.exit', () => {
    expect(runChild('process.exit(3);')).toEqual({ stdout: 'first\nsecond\n', status: 3 });
  });

  it('writes the waiting lines when the process dies of an uncaught exception', () => {
    expect(runChild("setTimeout(() => { throw new Error('boom'); }, 1);")).toEqual({ stdout: 'first\nsecond\n', status: 1 });
  });

  it('keeps the exit code when stdout is gone by then (a closed pipe)', async () => {
    // Exits once the parent has closed its end of the pipe: the exit flush then meets EPIPE.
    const child = spawn(process.execPath, childArguments("process.stdin.once('end', () => process.exit(3)); process.stdin.resume();"), {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    try {
      child.stdout.destroy();
      child.stdin.end();
      // A flush that retried the failed write forever would never let it exit (the test's timeout fails it).
      const [code] = (await once(child, 'exit')) as [number | null];
      expect({ code, stderr }).toEqual({ code: 3, stderr: '' });
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('lets a process whose work is done end: the flush timer holds nothing open', () => {
    // The process would otherwise run for the hour of its flush interval (and the spawn time out).
    expect(runChild('')).toEqual({ stdout: 'first\nsecond\n', status: 0 });
  });
});
