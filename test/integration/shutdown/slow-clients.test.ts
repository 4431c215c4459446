import { spawnSubgraph, type SpawnedSubgraph } from '../../support/spawn-subgraph';
import { freshGraphQL, graphqlRequestHead, logRecords, openRawConnection, shutdownPhases, statusOf, untilRequestArrived } from './raw-http';

/** Either the server answered 408 Request Timeout, or it closed the socket without a word. */
function cutOff(raw: string): boolean {
  return raw === '' || statusOf(raw) === 408;
}

describe('slow clients of a spawned subgraph (REQUEST_TIMEOUT_MS=1500)', () => {
  let subgraph: SpawnedSubgraph;
  beforeAll(async () => {
    subgraph = await spawnSubgraph({ REQUEST_TIMEOUT_MS: '1500', SHUTDOWN_DELAY_MS: '0', LOG_LEVEL: 'debug' });
  });
  afterAll(() => {
    if (subgraph.process.exitCode === null) subgraph.process.kill('SIGKILL');
  });

  it('cuts off a client that sends the headers and then stalls its body', async () => {
    const client = await openRawConnection(subgraph.url);
    client.write(graphqlRequestHead(subgraph.url, 'slow-body-1', 1000) + '{"query":');
    await untilRequestArrived(subgraph, 'slow-body-1');
    const raw = await client.closed;
    expect(cutOff(raw)).toBe(true);
    expect(statusOf(raw)).toBe(408);
  });

  it('cuts off a client that never finishes its headers', async () => {
    const client = await openRawConnection(subgraph.url);
    client.write(`POST /graphql HTTP/1.1\r\nHost: ${new URL(subgraph.url).host}\r\nContent-Type: application/json\r\n`);
    expect(cutOff(await client.closed)).toBe(true);
  });

  it('still serves a client that is not slow', async () => {
    const served = await freshGraphQL(subgraph.url, '{ invitations { id } }');
    expect(served.status).toBe(200);
  });

  it('exits 0 on SIGTERM while a slow-body client is connected', async () => {
    const client = await openRawConnection(subgraph.url);
    client.write(graphqlRequestHead(subgraph.url, 'slow-body-2', 1000) + '{"query":');
    await untilRequestArrived(subgraph, 'slow-body-2');
    subgraph.process.kill('SIGTERM');
    expect(await subgraph.exited).toBe(0);
    expect(cutOff(await client.closed)).toBe(true);
    // Node's REQUEST_TIMEOUT_MS cut and the drain deadline (also REQUEST_TIMEOUT_MS) may come in either order.
    expect(shutdownPhases(subgraph).filter((phase) => phase !== 'drain-deadline')).toEqual(['signal', 'drain', 'close', 'stopped', 'exit']);
    expect(logRecords(subgraph).some((record) => record.phase === 'hard-stop')).toBe(false);
  });
});
