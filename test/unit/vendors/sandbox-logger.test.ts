import pino from 'pino';
import { startLoopbackServer } from '../../../src/sandbox/loopback-server';
import { vnptEcontractModule } from '../../../src/vendors/vnpt-econtract';
import { until } from '../../support/until';

/** The VNPT sandbox reports a dropped webhook through the logger it was started with (npm start: the app's). */
describe('the VNPT sandbox logger', () => {
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
    const refusing = await startLoopbackServer((_request, response) => {
      response.writeHead(401).end();
    });
    try {
      sandbox.deliverEventsTo?.(refusing.url);

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
      await refusing.close();
    }
  });
});
