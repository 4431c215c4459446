import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SharedState } from '../../../src/stores/shared-state';
import { freePort } from '../../support/free-port';

/**
 * DESIGN.md: "Redis Cluster ... deployments work (keys that one script touches share a hash slot)". A
 * one-node Redis Cluster of the test's own (cluster mode, all 16384 slots on the node) is enough to prove
 * the Cluster client is used and that the rate-limit script's keys land in one slot (else CROSSSLOT).
 */

describe('REDIS_URL naming a Redis Cluster', () => {
  let node: ChildProcess;
  let port: number;
  let folder: string;

  beforeAll(async () => {
    port = await freePort();
    folder = mkdtempSync(join(tmpdir(), 'cluster-'));
    node = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--cluster-enabled',
        'yes',
        '--cluster-announce-ip',
        '127.0.0.1',
        '--cluster-config-file',
        join(folder, 'nodes.conf'),
        '--dir',
        folder,
        '--save',
        '',
        '--appendonly',
        'no',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    await new Promise<void>((resolve, reject) => {
      let output = '';
      node.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        if (output.includes('Ready to accept connections')) resolve();
      });
      node.once('exit', (code) => {
        reject(new Error(`redis-server exited (${String(code)}):\n${output}`));
      });
    });
    execFileSync('redis-cli', ['-p', String(port), 'cluster', 'addslotsrange', '0', '16383']);
    for (let attempt = 0; attempt < 100; attempt += 1) {
      if (execFileSync('redis-cli', ['-p', String(port), 'cluster', 'info'], { encoding: 'utf8' }).includes('cluster_state:ok')) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the one-node cluster did not reach cluster_state:ok');
  });
  afterAll(() => {
    node.kill('SIGKILL');
    rmSync(folder, { recursive: true, force: true });
  });

  it('keeps records and runs the rate-limit script (action and caller keys together) on the Cluster', async () => {
    const shared = await SharedState.open(`redis-cluster://127.0.0.1:${String(port)}`, `cluster-${randomUUID()}:`);
    try {
      await shared.store.set('probe', 'on-the-cluster', 10_000);
      expect(await shared.store.get('probe')).toBe('on-the-cluster');
      const windows = shared.rateLimitWindows();
      const request = { key: 'ess:CreateFlowReminds', limit: 5, windowMs: 60_000, caller: { id: 'alice', limit: 1 } };
      expect(await windows.take(request)).toEqual({ granted: true });
      expect((await windows.take(request)).granted).toBe(false);
    } finally {
      await shared.close();
    }
  });
});
