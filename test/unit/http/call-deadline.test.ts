import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';
import { CallDeadline } from '../../../datasources/http/call-deadline';

describe('CallDeadline', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('passes at its timeout: aborted, an abort event, and the reason AbortSignal.timeout gives', () => {
    jest.useFakeTimers();
    const deadline = new CallDeadline(1_000);
    const aborts: unknown[] = [];
    deadline.on('abort', () => aborts.push('abort'));

    jest.advanceTimersByTime(999);
    expect([deadline.aborted, deadline.reason, aborts]).toEqual([false, null, []]);

    jest.advanceTimersByTime(1);
    expect(deadline.aborted).toBe(true);
    expect(aborts).toEqual(['abort']);
    expect(deadline.reason).toBeInstanceOf(DOMException);
    expect(deadline.reason?.name).toBe('TimeoutError');
    expect(deadline.reason?.message).toBe('The operation was aborted due to timeout');
  });

  it('makes its AbortSignal on first use, aborted with it; one made after it passed is aborted already', () => {
    jest.useFakeTimers();
    const early = new CallDeadline(1_000);
    const signal = early.signal;
    expect(early.signal).toBe(signal);
    expect(signal.aborted).toBe(false);
    jest.advanceTimersByTime(1_000);
    expect(signal.aborted).toBe(true);
    expect((signal.reason as DOMException).name).toBe('TimeoutError');

    const late = new CallDeadline(10);
    jest.advanceTimersByTime(10);
    expect(late.signal.aborted).toBe(true);
    expect((late.signal.reason as DOMException).name).toBe('TimeoutError');
  });

  it('never passes once disposed', () => {
    jest.useFakeTimers();
    const deadline = new CallDeadline(1_000);
    const signal = deadline.signal;
    deadline.dispose();

    jest.advanceTimersByTime(60_000);
    expect([deadline.aborted, signal.aborted]).toEqual([false, false]);
  });

  describe('as the signal of an undici request', () => {
    let server: Server;
    let pool: Pool;
    /** The answers the vendor has not given yet. */
    const pending: ServerResponse[] = [];

    beforeEach(async () => {
      // A vendor that takes each request and answers only when the test says so.
      server = createServer((_request, response) => {
        pending.push(response);
      });
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      const { port } = server.address() as AddressInfo;
      // undici's own timers far beyond the deadline, so that only the deadline can end the exchange.
      pool = new Pool(`http://127.0.0.1:${String(port)}`, { headersTimeout: 600_000, bodyTimeout: 600_000 });
    });

    afterEach(async () => {
      await pool.destroy();
      server.closeAllConnections();
      server.close();
      pending.length = 0;
    });

    it('cuts off an exchange still running when it passes, with its reason, and the vendor sees the connection go', async () => {
      const deadline = new CallDeadline(50);
      const outcome = pool.request({ method: 'POST', path: '/', body: '{}', signal: deadline }).then(
        () => 'answered',
        (error: unknown) => error,
      );

      const [request] = (await once(server, 'request')) as [IncomingMessage];
      const closed = once(request.socket, 'close');
      const error = await outcome;

      expect(error).toBeInstanceOf(DOMException);
      expect((error as DOMException).name).toBe('TimeoutError');
      await closed;
      expect(pending).toHaveLength(1);
      deadline.dispose();
    });

    it('is let go by undici once the exchange is over', async () => {
      const deadline = new CallDeadline(600_000);
      const outcome = pool.request({ method: 'POST', path: '/', body: '{}', signal: deadline });
      await once(server, 'request');
      expect(deadline.listenerCount('abort')).toBe(1);

      pending[0]?.end('ok');
      const response = await outcome;

      expect(await response.body.text()).toBe('ok');
      // undici drops its listener when the body stream closes, which follows its end.
      if (!response.body.closed) await once(response.body, 'close');
      expect(deadline.listenerCount('abort')).toBe(0);
      expect(deadline.aborted).toBe(false);
      deadline.dispose();
    });
  });
});
