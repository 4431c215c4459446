import { spawnSubgraph, type SpawnedSubgraph } from '../../support/spawn-subgraph';
import {
  freshGraphQL,
  freshRequest,
  graphqlRequestHead,
  logRecords,
  openRawConnection,
  shutdownPhases,
  statusOf,
  until,
  untilRequestArrived,
} from './raw-http';

const QUERY = JSON.stringify({ query: '{ invitations { id } }' });

/** Whether a new TCP connection to the subgraph is refused (its listener has closed). */
async function refusesConnections(url: string): Promise<boolean> {
  return freshRequest(`${url}/health`).then(
    () => false,
    (error: unknown) => (error as NodeJS.ErrnoException).code === 'ECONNREFUSED',
  );
}

describe('graceful shutdown of a spawned subgraph', () => {
  let subgraph: SpawnedSubgraph | undefined;
  afterEach(() => {
    // A failed test must not leave its process behind.
    if (subgraph?.process.exitCode === null) subgraph.process.kill('SIGKILL');
  });

  it('on SIGTERM answers /ready 503 while still serving new connections, finishes the in-flight request, then exits 0', async () => {
    // The window must outlast the steps inside it on a loaded 2-core machine; the query path is warmed
    // first so the request served inside the window is not the process's first (slowest) one.
    const s = await spawnSubgraph({ SHUTDOWN_DELAY_MS: '4000', LOG_LEVEL: 'debug' });
    subgraph = s;
    const before = await freshRequest(`${s.url}/ready`);
    expect(before.status).toBe(200);
    expect((await freshGraphQL(s.url, '{ invitations { id } }')).status).toBe(200);

    // A request whose body is still on its way when the signal comes: in flight through every phase.
    const slow = await openRawConnection(s.url);
    slow.write(graphqlRequestHead(s.url, 'in-flight-1', Buffer.byteLength(QUERY)) + QUERY.slice(0, 10));
    await untilRequestArrived(s, 'in-flight-1');

    s.process.kill('SIGTERM');
    let ready = await freshRequest(`${s.url}/ready`);
    while (ready.status === 200) ready = await freshRequest(`${s.url}/ready`);
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.body)).toEqual({ status: 'draining' });

    // Still serving, on a connection opened after the signal; the answer asks the client to reconnect elsewhere.
    const served = await freshGraphQL(s.url, '{ invitations { id } }');
    expect(served.status).toBe(200);
    expect(served.headers.connection).toBe('close');
    const body = JSON.parse(served.body) as { data?: { invitations: { id: string }[] | null }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data?.invitations?.length).toBeGreaterThan(0);

    // A second signal does not start the shutdown again.
    s.process.kill('SIGTERM');
    await until(() => logRecords(s).some((record) => record.msg === 'shutdown already under way; signal ignored'));

    // After the delay the listener closes, and the request in flight is still answered in full.
    await until(() => refusesConnections(s.url));
    expect(shutdownPhases(s)).toEqual(['signal', 'delay', 'drain']);
    slow.write(QUERY.slice(10));
    const answer = await slow.closed;
    expect(statusOf(answer)).toBe(200);
    expect(answer).toMatch(/connection: close/i);
    expect(answer).toContain('"invitations":[{"id":');

    expect(await s.exited).toBe(0);
    expect(shutdownPhases(s)).toEqual(['signal', 'delay', 'drain', 'close', 'stopped', 'exit']);
    expect(logRecords(s).find((record) => record.phase === 'signal')).toMatchObject({
      signal: 'SIGTERM',
      delayMs: 4000,
      drainTimeoutMs: 30_000,
      hardStopMs: 39_000,
    });
    expect(logRecords(s).some((record) => record.phase === 'hard-stop')).toBe(false);
  });

  it('on SIGINT skips the delay, ends idle keep-alive connections, and exits 0', async () => {
    const s = await spawnSubgraph({ SHUTDOWN_DELAY_MS: '2000', LOG_LEVEL: 'debug' });
    subgraph = s;
    // A keep-alive connection that answered one request and then sits idle must not hold the drain.
    const idle = await openRawConnection(s.url);
    idle.write(`GET /health HTTP/1.1\r\nHost: ${new URL(s.url).host}\r\nConnection: keep-alive\r\n\r\n`);
    await until(() => idle.received().includes('{"status":"ok"}'));
    expect(statusOf(idle.received())).toBe(200);

    s.process.kill('SIGINT');
    expect(await s.exited).toBe(0);
    await idle.closed;
    expect(shutdownPhases(s)).toEqual(['signal', 'drain', 'close', 'stopped', 'exit']);
    expect(logRecords(s).find((record) => record.phase === 'signal')).toMatchObject({ signal: 'SIGINT', delayMs: 0 });
  });
});
