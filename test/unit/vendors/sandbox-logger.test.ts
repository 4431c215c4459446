import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { vnptEcontractModule } from '../../../src/vendors/vnpt-econtract';
import { until } from '../../support/until';

/** The VNPT sandbox reports a dropped webhook through the logger it was started with (npm start: the app's). */
describe('the VNPT sandbox logger', () => {
  let server: Server | undefined;

  afterEach(async () => {
    const running = server;
    if (!running) return;
    running.closeAllConnections();
    await new Promise<void>((resolve) => {
      running.close(() => {
        resolve();
      });
    });
  });

  it('logs a webhook the subgraph refused (401) through the given logger', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = pino(
      { level: 'warn' },
      {
        write: (line: string) => {
          lines.push(JSON.parse(line) as Record<string, unknown>);
        },
      },
    );
    const sandbox = await vnptEcontractModule.startSandbox({ seed: true, logger });
    try {
      const refusing = createServer((req, res) => {
        req.resume();
        res.writeHead(401).end();
      });
      server = refusing;
      await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
      sandbox.deliverEventsTo?.(`http://127.0.0.1:${(refusing.address() as AddressInfo).port}`);

      sandbox.simulator.setDocumentStatus(sandbox.simulator.seeded.byStatus.READY, 'COMPLETED');
      await until('the dropped webhook line', () => lines.length > 0);

      expect(lines).toEqual([
        expect.objectContaining({
          level: 40,
          simulator: 'vnpt-econtract',
          attempts: 1,
          status: 401,
          msg: 'simulated VNPT webhook dropped',
        }),
      ]);
    } finally {
      await sandbox.close();
    }
  });
});
