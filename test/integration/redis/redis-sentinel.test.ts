import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SharedState } from '../../../src/stores/shared-state';
import { startTestRedis, type TestRedis } from '../../support/redis-server';
import { freePort } from '../../support/free-port';

/**
 * DESIGN.md: "Redis Cluster and Sentinel deployments work". A real Sentinel (`redis-server --sentinel`)
 * monitoring the test's own Redis; the subgraph's shared state finds the master through it.
 */

describe('REDIS_URL naming a Sentinel', () => {
  let master: TestRedis;
  let sentinel: ChildProcess;
  let sentinelPort: number;
  let folder: string;

  beforeAll(async () => {
    master = await startTestRedis();
    sentinelPort = await freePort();
    folder = mkdtempSync(join(tmpdir(), 'sentinel-'));
    const configFile = join(folder, 'sentinel.conf');
    writeFileSync(
      configFile,
      [
        `port ${String(sentinelPort)}`,
        'bind 127.0.0.1',
        `dir ${folder}`,
        `sentinel monitor agreements 127.0.0.1 ${String(master.port)} 1`,
        '',
      ].join('\n'),
    );
    sentinel = spawn('redis-server', [configFile, '--sentinel'], { stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve, reject) => {
      let output = '';
      sentinel.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        if (output.includes('+monitor master agreements')) resolve();
      });
      sentinel.once('exit', (code) => {
        reject(new Error(`sentinel exited (${String(code)}):\n${output}`));
      });
    });
  });
  afterAll(async () => {
    sentinel.kill('SIGKILL');
    await master.kill();
    rmSync(folder, { recursive: true, force: true });
  });

  it('reaches the master through the Sentinel for records and rate-limit windows', async () => {
    const shared = await SharedState.open(`redis-sentinel://127.0.0.1:${String(sentinelPort)}/agreements`, `sentinel-${randomUUID()}:`);
    try {
      await shared.store.set('probe', 'through-sentinel', 10_000);
      expect(await shared.store.get('probe')).toBe('through-sentinel');
      expect(await shared.store.setIfAbsent('probe', 'again', 10_000)).toBe(false);
      const windows = shared.rateLimitWindows();
      const first = await windows.take({ key: 'ess:DescribeFlowInfo', limit: 1, windowMs: 60_000 });
      const second = await windows.take({ key: 'ess:DescribeFlowInfo', limit: 1, windowMs: 60_000 });
      expect(first.granted).toBe(true);
      expect(second.granted).toBe(false);
    } finally {
      await shared.close();
    }
  });
});
