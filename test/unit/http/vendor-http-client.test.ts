import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { BrokenCircuitError } from 'cockatiel';
import pino from 'pino';
import { ActionRateLimiter } from '../../../datasources/http/action-rate-limiter';
import { neverReachedVendor, TransportFailure } from '../../../datasources/http/transport-failure';
import type { CallKind, RawVendorResponse, VendorCall, WireRequest } from '../../../datasources/http/vendor-call';
import { VendorHttpClient, type VendorHttpClientOptions } from '../../../datasources/http/vendor-http-client';
import type { VendorMetrics } from '../../../datasources/http/vendor-metrics';
import { parseVnptEnvelope } from '../../../datasources/vnpt-econtract/envelope';
import { ErrorCode } from '../../../src/errors/error-code';
import { Vendor } from '../../../src/errors/vendor';
import { VendorError } from '../../../src/errors/vendor-error';
import { sendJson, startLoopbackServer, type LoopbackServer, type RecordedRequest } from '../../../src/sandbox/loopback-server';
import { InMemorySlidingWindow } from '../../../src/stores/in-memory-sliding-window';
import { fakeDate } from './fake-date';

const VENDOR = Vendor.TENCENT_ESS;
const silentLogger = pino({ level: 'silent' });

/** What the scripted vendor does with one request. */
type Behaviour = (response: ServerResponse, socket: Socket) => void;

const answer = {
  ok:
    (payload: unknown = { Response: { RequestId: 'req-ok', Value: 42 } }): Behaviour =>
    (response) => {
      sendJson(response, 200, payload);
    },
  badGateway: (): Behaviour => (response) => {
    response.writeHead(502, { 'content-type': 'text/html' });
    response.end('<html><body>502 Bad Gateway</body></html>');
  },
  garbage: (): Behaviour => (response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"Response": {"RequestId": "req-trunc');
  },
  envelopeError:
    (code: string): Behaviour =>
    (response) => {
      sendJson(response, 200, { Response: { Error: { Code: code, Message: '内部错误' }, RequestId: `req-${code}` } });
    },
  /** Drops the connection after the request arrived: the vendor may have acted on it. */
  reset: (): Behaviour => (_response, socket) => socket.resetAndDestroy(),
  /** Never answers; the socket is destroyed when the server closes. */
  silence: (): Behaviour => () => undefined,
};

/** A loopback vendor whose answers the test scripts request by request; records every request it saw. */
class ScriptedVendor {
  readonly requests: RecordedRequest[] = [];
  private readonly script: Behaviour[] = [];
  private readonly arrivals: (() => void)[] = [];

  private constructor(private readonly server: LoopbackServer) {}

  static async start(): Promise<ScriptedVendor> {
    // The handler runs only once requests arrive, which needs the URL, so `vendor` is set by then.
    const server = await startLoopbackServer((request, response, socket) => {
      vendor.handle(request, response, socket);
    });
    const vendor = new ScriptedVendor(server);
    return vendor;
  }

  get url(): string {
    return this.server.url;
  }

  /** Queues behaviours for the next requests; once the queue is empty every request gets `answer.ok()`. */
  answers(...behaviours: Behaviour[]): this {
    this.script.push(...behaviours);
    return this;
  }

  /** Resolves when the vendor has seen `count` requests in all. */
  received(count: number): Promise<void> {
    if (this.requests.length >= count) return Promise.resolve();
    return new Promise((resolve) =>
      this.arrivals.push(() => {
        if (this.requests.length >= count) resolve();
      }),
    );
  }

  close(): Promise<void> {
    return this.server.close();
  }

  private handle(request: RecordedRequest, response: ServerResponse, socket: Socket): void {
    this.requests.push(request);
    for (const arrival of this.arrivals) arrival();
    (this.script.shift() ?? answer.ok())(response, socket);
  }
}

/**
 * A small stand-in for a vendor's envelope parser: 5xx and malformed bodies are outages, `Error.Code`
 * maps like the real tables do (RequestLimitExceeded → RATE_LIMITED, InternalError → VENDOR_UNAVAILABLE).
 */
function parseEnvelope(response: RawVendorResponse): number {
  if (response.status >= 500) {
    throw new VendorError({ code: ErrorCode.VENDOR_UNAVAILABLE, message: 'The vendor failed.', vendor: VENDOR });
  }
  let parsed: { Response?: { Value?: number; RequestId?: string; Error?: { Code?: string } } };
  try {
    parsed = JSON.parse(response.body.toString('utf8')) as typeof parsed;
  } catch {
    throw new VendorError({ code: ErrorCode.VENDOR_UNAVAILABLE, message: 'The vendor sent a malformed answer.', vendor: VENDOR });
  }
  const vendorCode = parsed.Response?.Error?.Code;
  const vendorRequestId = parsed.Response?.RequestId;
  if (vendorCode === 'RequestLimitExceeded') {
    throw new VendorError({ code: ErrorCode.RATE_LIMITED, message: 'Rate limited.', vendor: VENDOR, vendorCode, vendorRequestId });
  }
  if (vendorCode !== undefined) {
    throw new VendorError({
      code: ErrorCode.VENDOR_UNAVAILABLE,
      message: 'Vendor internal error.',
      vendor: VENDOR,
      vendorCode,
      vendorRequestId,
    });
  }
  return parsed.Response?.Value ?? -1;
}

/** A call whose `build` and `parse` runs the test can count. */
function vendorCall(
  kind: CallKind,
  overrides: Partial<Pick<VendorCall<number>, 'idempotent' | 'parse' | 'operation'>> = {},
): VendorCall<number> & { builds: () => number; parses: () => number } {
  let builds = 0;
  let parses = 0;
  const parse = overrides.parse ?? parseEnvelope;
  return {
    operation: overrides.operation ?? (kind === 'read' ? 'DescribeFlowInfo' : 'CreateReleaseFlow'),
    kind,
    ...(overrides.idempotent === undefined ? {} : { idempotent: overrides.idempotent }),
    build: (): WireRequest => {
      builds += 1;
      return kind === 'read'
        ? { method: 'GET', path: '/?Action=DescribeFlowInfo', headers: { 'x-test': 'read' } }
        : { method: 'POST', path: '/', headers: { 'content-type': 'application/json' }, body: '{"FlowId":"f1"}' };
    },
    parse: (response) => {
      parses += 1;
      return parse(response);
    },
    builds: () => builds,
    parses: () => parses,
  };
}

async function rejection(promise: Promise<unknown>): Promise<VendorError> {
  try {
    await promise;
  } catch (error: unknown) {
    if (error instanceof VendorError) return error;
    throw error;
  }
  throw new Error('expected a VendorError');
}

function transportFailureOf(error: VendorError): TransportFailure {
  if (!(error.cause instanceof TransportFailure)) throw new Error(`expected a TransportFailure cause, got ${String(error.cause)}`);
  return error.cause;
}

describe('VendorHttpClient', () => {
  let vendor: ScriptedVendor;
  const clients: VendorHttpClient[] = [];

  function client(options: Partial<VendorHttpClientOptions> = {}): VendorHttpClient {
    const made = new VendorHttpClient({
      vendor: VENDOR,
      endpoint: vendor.url,
      timeoutMs: 5_000,
      logger: silentLogger,
      retry: { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 5 },
      ...options,
    });
    clients.push(made);
    return made;
  }

  beforeEach(async () => {
    vendor = await ScriptedVendor.start();
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((made) => made.close()));
    await vendor.close();
  });

  it('sends the built request to the endpoint with the Host header', async () => {
    const value = await client().execute(vendorCall('write'), undefined);

    expect(value).toBe(42);
    expect(vendor.requests).toHaveLength(1);
    expect(vendor.requests[0]).toMatchObject({
      method: 'POST',
      url: '/',
      body: '{"FlowId":"f1"}',
      headers: { host: new URL(vendor.url).host, 'content-type': 'application/json' },
    });
  });

  it.each([
    ['answered', answer.ok()],
    ['failed', answer.badGateway()],
  ])('cancels its deadline timer once a call has %s', async (_outcome, behaviour) => {
    vendor.answers(behaviour, behaviour, behaviour);
    const started = jest.spyOn(global, 'setTimeout');
    const cleared = jest.spyOn(global, 'clearTimeout');
    try {
      await client({ timeoutMs: 4_321 })
        .execute(vendorCall('write'), undefined)
        .catch(() => undefined);

      const deadlineTimers = started.mock.results.filter((_result, index) => started.mock.calls[index]?.[1] === 4_321);
      expect(deadlineTimers).toHaveLength(1);
      expect(cleared.mock.calls.map(([timer]) => timer)).toContain(deadlineTimers[0]?.value);
    } finally {
      started.mockRestore();
      cleared.mockRestore();
    }
  });

  describe('retries', () => {
    it('retries a read after a 502 and returns the second answer', async () => {
      vendor.answers(answer.badGateway());

      await expect(client().execute(vendorCall('read'), undefined)).resolves.toBe(42);
      expect(vendor.requests).toHaveLength(2);
    });

    it('retries a read after a malformed answer and returns the second answer', async () => {
      vendor.answers(answer.garbage());

      await expect(client().execute(vendorCall('read'), undefined)).resolves.toBe(42);
      expect(vendor.requests).toHaveLength(2);
    });

    it('retries a read after a connection reset', async () => {
      vendor.answers(answer.reset());

      await expect(client().execute(vendorCall('read'), undefined)).resolves.toBe(42);
      expect(vendor.requests).toHaveLength(2);
    });

    it('gives up on a read after maxAttempts failures with the last error', async () => {
      vendor.answers(answer.badGateway(), answer.badGateway(), answer.badGateway(), answer.ok());

      const error = await rejection(client().execute(vendorCall('read'), undefined));

      expect(error.code).toBe(ErrorCode.VENDOR_UNAVAILABLE);
      expect(vendor.requests).toHaveLength(3);
    });

    it('does not retry a write after a 502, which the vendor may have acted on', async () => {
      vendor.answers(answer.badGateway());

      const error = await rejection(client().execute(vendorCall('write'), undefined));

      expect(error.code).toBe(ErrorCode.VENDOR_UNAVAILABLE);
      expect(vendor.requests).toHaveLength(1);
    });

    it('does not retry a write when the connection is reset mid-exchange', async () => {
      vendor.answers(answer.reset());
      const call = vendorCall('write');

      const error = await rejection(client().execute(call, undefined));

      expect(error.code).toBe(ErrorCode.VENDOR_UNAVAILABLE);
      expect(error.vendor).toBe(VENDOR);
      expect(transportFailureOf(error).phase).toBe('exchange');
      expect(neverReachedVendor(error)).toBe(false);
      expect(vendor.requests).toHaveLength(1);
      expect(call.builds()).toBe(1);
    });

    it('retries a write when the vendor answers RATE_LIMITED, since it refused before acting', async () => {
      vendor.answers(answer.envelopeError('RequestLimitExceeded'));

      await expect(client().execute(vendorCall('write'), undefined)).resolves.toBe(42);
      expect(vendor.requests).toHaveLength(2);
    });

    it('makes three attempts in all by default (DESIGN.md: capped exponential backoff)', async () => {
      vendor.answers(answer.badGateway(), answer.badGateway(), answer.badGateway(), answer.ok());

      await rejection(client({ retry: undefined }).execute(vendorCall('read'), undefined));

      expect(vendor.requests).toHaveLength(3);
    });

    it('starts no retry whose longest backoff could outlast the deadline', async () => {
      vendor.answers(answer.badGateway(), answer.ok());

      const error = await rejection(
        client({ timeoutMs: 1_000, retry: { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 1_000 } }).execute(
          vendorCall('read'),
          undefined,
        ),
      );

      expect(error.code).toBe(ErrorCode.VENDOR_UNAVAILABLE);
      expect(vendor.requests).toHaveLength(1);
    });

    it('retries a write that never reached the vendor and fails with VENDOR_UNAVAILABLE after maxAttempts when the port is closed', async () => {
      const closed = await startLoopbackServer(() => undefined);
      const closedUrl = closed.url;
      await closed.close();
      const timeoutMs = 10_000;
      const call = vendorCall('write');

      const error = await rejection(client({ endpoint: closedUrl, timeoutMs }).execute(call, undefined));

      // It failed on the refusals, not by sitting out the deadline (that would be DEADLINE_EXCEEDED).
      expect(error.code).toBe(ErrorCode.VENDOR_UNAVAILABLE);
      expect(transportFailureOf(error)).toMatchObject({ phase: 'connect', transportCode: 'ECONNREFUSED' });
      expect(call.builds()).toBe(3);
    });
  });

  describe('deadline', () => {
    const timeoutMs = 300;

    it.each<readonly [string, CallKind, boolean | undefined, boolean]>([
      ['a read', 'read', undefined, true],
      ['a write without an idempotency key', 'write', undefined, false],
      ['a write with an idempotency key', 'write', true, true],
    ])(
      'answers DEADLINE_EXCEEDED for %s when the vendor is slower than timeoutMs (retryable %s)',
      async (_label, kind, idempotent, retryable) => {
        vendor.answers(answer.silence(), answer.silence(), answer.silence());

        const error = await rejection(
          client({ timeoutMs }).execute(vendorCall(kind, idempotent === undefined ? {} : { idempotent }), undefined),
        );

        expect(error.code).toBe(ErrorCode.DEADLINE_EXCEEDED);
        expect(error.retryable).toBe(retryable);
        expect(vendor.requests).toHaveLength(1);
      },
    );
  });

  describe('circuit breaker', () => {
    const oneAttempt = { maxAttempts: 1, initialDelayMs: 1, maxDelayMs: 1 };
    const threeAttempts = { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 1 };
    /** Opens once 2 logical calls were made and half of them were outages. */
    const strict = { minimumCalls: 2, failureRate: 0.5, windowMs: 60_000, halfOpenAfterMs: 60_000 };

    const vnptAnswer =
      (status: number, body: string, contentType = 'application/json'): Behaviour =>
      (response) => {
        response.writeHead(status, { 'content-type': contentType });
        response.end(body);
      };
    const vnptOk = vnptAnswer(200, '{"success":true,"code":200,"messages":[],"data":{"id":"d-1"}}');
    /** The real VNPT parser: its HTTP failures carry `vendorCode: 'HTTP_<status>'`. */
    const vnptRead = (): VendorCall<number> & { builds: () => number } =>
      vendorCall('read', {
        operation: 'get-document',
        parse: (response) => {
          parseVnptEnvelope(response);
          return 7;
        },
      });

    it('opens on a sustained outage and then fails fast with a retryable VENDOR_UNAVAILABLE without reaching the vendor', async () => {
      vendor.answers(answer.badGateway(), answer.badGateway());
      const vendorClient = client({ breaker: strict, retry: oneAttempt });

      await rejection(vendorClient.execute(vendorCall('read'), undefined));
      await rejection(vendorClient.execute(vendorCall('read'), undefined));
      const call = vendorCall('read', { operation: 'ListFlows' });
      const error = await rejection(vendorClient.execute(call, undefined));

      expect(error.code).toBe(ErrorCode.VENDOR_UNAVAILABLE);
      expect(error.message).toBe('The vendor is failing; calls are paused for a moment (circuit open).');
      expect(error.retryable).toBe(true);
      expect(error.vendor).toBe(VENDOR);
      expect(error.cause).toBeInstanceOf(BrokenCircuitError);
      expect(vendor.requests).toHaveLength(2);
      expect(call.builds()).toBe(0);
    });

    it('counts a read whose three attempts all failed as one outage, not three', async () => {
      vendor.answers(answer.badGateway(), answer.badGateway(), answer.badGateway());
      const vendorClient = client({ breaker: strict, retry: threeAttempts });

      await rejection(vendorClient.execute(vendorCall('read'), undefined));

      // One outage among one call: under minimumCalls, so the next call still reaches the vendor.
      await expect(vendorClient.execute(vendorCall('read'), undefined)).resolves.toBe(42);
      expect(vendor.requests).toHaveLength(4);
    });

    it('counts a read that failed twice and then succeeded as one success', async () => {
      for (let call = 0; call < 3; call += 1) vendor.answers(answer.badGateway(), answer.reset(), answer.ok());
      // Counted per attempt this would be 6 outages among 9 and open at once.
      const vendorClient = client({ breaker: { ...strict, minimumCalls: 3 }, retry: threeAttempts });

      for (let call = 0; call < 3; call += 1) await expect(vendorClient.execute(vendorCall('read'), undefined)).resolves.toBe(42);

      await expect(vendorClient.execute(vendorCall('read'), undefined)).resolves.toBe(42);
      expect(vendor.requests).toHaveLength(10);
    });

    it('stays closed when the vendor answers with error envelopes, even InternalError ones', async () => {
      vendor.answers(answer.envelopeError('InternalError'), answer.envelopeError('InternalError'), answer.envelopeError('InternalError'));
      const vendorClient = client({ breaker: strict, retry: oneAttempt });

      for (let i = 0; i < 3; i += 1) {
        const error = await rejection(vendorClient.execute(vendorCall('read'), undefined));
        expect(error).toMatchObject({
          code: ErrorCode.VENDOR_UNAVAILABLE,
          vendorCode: 'InternalError',
          vendorRequestId: 'req-InternalError',
        });
      }
      await expect(vendorClient.execute(vendorCall('read'), undefined)).resolves.toBe(42);
      expect(vendor.requests).toHaveLength(4);
    });

    it('lets answers from a live vendor dilute the outage rate', async () => {
      vendor.answers(answer.badGateway(), answer.envelopeError('InternalError'), answer.envelopeError('InternalError'));
      const vendorClient = client({ breaker: { ...strict, minimumCalls: 3, failureRate: 0.6 }, retry: oneAttempt });

      for (let i = 0; i < 3; i += 1) await rejection(vendorClient.execute(vendorCall('read'), undefined));

      // 1 outage among 3 calls.
      await expect(vendorClient.execute(vendorCall('read'), undefined)).resolves.toBe(42);
      expect(vendor.requests).toHaveLength(4);
    });

    it('counts answered errors in the rate: two envelope errors and two outages stay under 0.6', async () => {
      vendor.answers(
        answer.envelopeError('InternalError'),
        answer.envelopeError('InternalError'),
        answer.badGateway(),
        answer.badGateway(),
      );
      const vendorClient = client({ breaker: { ...strict, failureRate: 0.6 }, retry: oneAttempt });

      for (let i = 0; i < 4; i += 1) await rejection(vendorClient.execute(vendorCall('read'), undefined));

      // 2 outages among 4 calls (of the outages alone, 2 of 2).
      await expect(vendorClient.execute(vendorCall('read'), undefined)).resolves.toBe(42);
      expect(vendor.requests).toHaveLength(5);
    });

    it('leaves out of the rate a call that failed before its request was sent', async () => {
      vendor.answers(answer.badGateway(), answer.badGateway());
      const vendorClient = client({ breaker: { ...strict, failureRate: 0.6 }, retry: oneAttempt });
      const unbuildable: VendorCall<number> = {
        ...vendorCall('read'),
        build: () => {
          throw new VendorError({ code: ErrorCode.INVALID_INPUT, message: 'No such flow id.', vendor: VENDOR });
        },
      };

      for (let i = 0; i < 2; i += 1)
        expect((await rejection(vendorClient.execute(unbuildable, undefined))).code).toBe(ErrorCode.INVALID_INPUT);
      for (let i = 0; i < 2; i += 1) await rejection(vendorClient.execute(vendorCall('read'), undefined));

      // 2 outages among 2 counted calls: open, although 4 calls failed in all.
      expect((await rejection(vendorClient.execute(vendorCall('read'), undefined))).cause).toBeInstanceOf(BrokenCircuitError);
      expect(vendor.requests).toHaveLength(2);
    });

    it('leaves out of the rate calls our own rate limit refused before any attempt', async () => {
      vendor.answers(answer.badGateway(), answer.badGateway());
      const rateLimiter = new ActionRateLimiter({
        vendor: VENDOR,
        vendorKey: 'ess',
        windows: new InMemorySlidingWindow(),
        // No slot ever for ListFlows; plenty for the rest.
        rateFor: (action) => (action === 'ListFlows' ? 0 : 1_000),
        callerShare: 1,
        maxWaitMs: 0,
      });
      const vendorClient = client({ breaker: { ...strict, failureRate: 0.6 }, retry: oneAttempt, rateLimiter });

      for (let i = 0; i < 2; i += 1) {
        expect((await rejection(vendorClient.execute(vendorCall('read', { operation: 'ListFlows' }), undefined))).code).toBe(
          ErrorCode.RATE_LIMITED,
        );
      }
      for (let i = 0; i < 2; i += 1) await rejection(vendorClient.execute(vendorCall('read'), undefined));

      // 2 outages among 2 counted calls: open.
      expect((await rejection(vendorClient.execute(vendorCall('read'), undefined))).cause).toBeInstanceOf(BrokenCircuitError);
      expect(vendor.requests).toHaveLength(2);
    });

    it.each<readonly [string, Behaviour]>([
      ['a 502 with a proxy page', vnptAnswer(502, '<html>502 Bad Gateway</html>', 'text/html')],
      ['a 503 with a VNPT envelope', vnptAnswer(503, '{"success":false,"code":503,"messages":["Service Unavailable"]}')],
    ])('counts %s from VNPT (vendorCode HTTP_5xx) as an outage', async (_label, failure) => {
      vendor.answers(failure, failure);
      const vendorClient = client({ breaker: strict, retry: oneAttempt });

      const first = await rejection(vendorClient.execute(vnptRead(), undefined));
      await rejection(vendorClient.execute(vnptRead(), undefined));
      const call = vnptRead();
      const error = await rejection(vendorClient.execute(call, undefined));

      expect(first).toMatchObject({ code: ErrorCode.VENDOR_UNAVAILABLE, vendorCode: expect.stringMatching(/^HTTP_50[23]$/) as unknown });
      expect(error.cause).toBeInstanceOf(BrokenCircuitError);
      expect(call.builds()).toBe(0);
      expect(vendor.requests).toHaveLength(2);
    });

    it('retries a read after a transient VNPT 503 and returns the second answer', async () => {
      vendor.answers(vnptAnswer(503, '{"success":false,"code":503,"messages":["Service Unavailable"]}'), vnptOk);

      await expect(client({ breaker: strict, retry: threeAttempts }).execute(vnptRead(), undefined)).resolves.toBe(7);
      expect(vendor.requests).toHaveLength(2);
    });

    describe('with a fake clock', () => {
      let clock: { advance(ms: number): void };
      beforeEach(() => {
        clock = fakeDate();
      });
      afterEach(() => {
        jest.useRealTimers();
      });

      it('half-opens after halfOpenAfterMs, closes on a successful trial, and reports each transition', async () => {
        vendor.answers(answer.badGateway(), answer.badGateway());
        const transitions: string[] = [];
        const states: string[] = [];
        const metrics: VendorMetrics = {
          observeAttempt: () => undefined,
          observeCircuitState: (vendorName, position) => states.push(`${vendorName}:${position}`),
          countCircuitTransition: (vendorName, to) => transitions.push(`${vendorName}:${to}`),
        };
        const vendorClient = client({ breaker: { ...strict, halfOpenAfterMs: 30_000 }, retry: oneAttempt, metrics });
        await rejection(vendorClient.execute(vendorCall('read'), undefined));
        await rejection(vendorClient.execute(vendorCall('read'), undefined));

        clock.advance(29_999);
        expect((await rejection(vendorClient.execute(vendorCall('read'), undefined))).cause).toBeInstanceOf(BrokenCircuitError);
        clock.advance(1);
        await expect(vendorClient.execute(vendorCall('read'), undefined)).resolves.toBe(42);
        await expect(vendorClient.execute(vendorCall('read'), undefined)).resolves.toBe(42);

        expect(vendor.requests).toHaveLength(4);
        expect(transitions).toEqual([`${VENDOR}:open`, `${VENDOR}:half_open`, `${VENDOR}:closed`]);
        expect(states).toEqual([`${VENDOR}:closed`, `${VENDOR}:open`, `${VENDOR}:half_open`, `${VENDOR}:closed`]);
      });
    });
  });

  describe('logs and attempt metrics', () => {
    /** The records a pino logger wrote. */
    function capturedLogger(): { readonly logger: pino.Logger; readonly records: Record<string, unknown>[] } {
      const records: Record<string, unknown>[] = [];
      const logger = pino(
        { level: 'info' },
        {
          write: (line: string) => {
            records.push(JSON.parse(line) as Record<string, unknown>);
          },
        },
      );
      return { logger, records };
    }

    it('logs a failed attempt at warn, with what identifies it and never the body', async () => {
      vendor.answers(answer.envelopeError('InternalError'));
      const { logger, records } = capturedLogger();

      await rejection(
        client({ logger, retry: { maxAttempts: 1, initialDelayMs: 1, maxDelayMs: 1 } }).execute(vendorCall('read'), undefined),
      );

      expect(records).toEqual([
        expect.objectContaining({
          level: 40,
          msg: 'vendor call attempt failed',
          vendor: VENDOR,
          operation: 'DescribeFlowInfo',
          attempt: 1,
          code: ErrorCode.VENDOR_UNAVAILABLE,
          vendorCode: 'InternalError',
          vendorRequestId: 'req-InternalError',
        }),
      ]);
      expect(JSON.stringify(records)).not.toContain('内部错误');
    });

    it('numbers the attempts of one call from 1', async () => {
      vendor.answers(answer.badGateway(), answer.badGateway());
      const { logger, records } = capturedLogger();

      await client({ logger }).execute(vendorCall('read'), undefined);

      expect(records.map((record) => record.attempt)).toEqual([1, 2]);
    });

    it('logs a refused credential at error: an operator must act', async () => {
      const { logger, records } = capturedLogger();
      const call = vendorCall('read', {
        parse: () => {
          throw new VendorError({ code: ErrorCode.VENDOR_AUTH_FAILED, message: 'Refused.', vendor: VENDOR, vendorCode: 'AuthFailure' });
        },
      });

      await rejection(client({ logger }).execute(call, undefined));

      expect(records).toEqual([
        expect.objectContaining({
          level: 50,
          msg: 'vendor rejected our credentials or the call failed internally',
          code: ErrorCode.VENDOR_AUTH_FAILED,
          vendorCode: 'AuthFailure',
          attempt: 1,
        }),
      ]);
    });

    it('logs a non-domain failure at error with the error itself, then the attempt as INTERNAL', async () => {
      const { logger, records } = capturedLogger();
      const call = vendorCall('read', {
        parse: () => {
          throw new TypeError('mapper bug');
        },
      });

      await rejection(client({ logger }).execute(call, undefined));

      expect(records).toEqual([
        expect.objectContaining({
          level: 50,
          msg: 'vendor call failed with a non-domain error',
          vendor: VENDOR,
          operation: 'DescribeFlowInfo',
          err: expect.objectContaining({ type: 'TypeError', message: 'mapper bug' }) as unknown,
        }),
        expect.objectContaining({
          level: 50,
          msg: 'vendor rejected our credentials or the call failed internally',
          code: ErrorCode.INTERNAL,
        }),
      ]);
    });

    it('times every attempt in seconds, with its outcome: ok, or the error code', async () => {
      vendor.answers(answer.badGateway());
      const attempts: { operation: string; outcome: string; seconds: number }[] = [];
      const metrics: VendorMetrics = {
        observeAttempt: (_vendor, operation, outcome, seconds) => attempts.push({ operation, outcome, seconds }),
        observeCircuitState: () => undefined,
        countCircuitTransition: () => undefined,
      };

      const before = performance.now();
      await client({ metrics }).execute(vendorCall('read'), undefined);
      const elapsedSeconds = (performance.now() - before) / 1000;

      expect(attempts.map(({ operation, outcome }) => [operation, outcome])).toEqual([
        ['DescribeFlowInfo', ErrorCode.VENDOR_UNAVAILABLE],
        ['DescribeFlowInfo', 'ok'],
      ]);
      for (const { seconds } of attempts) {
        expect(seconds).toBeGreaterThan(0);
        expect(seconds).toBeLessThanOrEqual(elapsedSeconds);
      }
    });
  });

  it('answers INTERNAL without retrying when parse throws something that is not a VendorError', async () => {
    const call = vendorCall('read', {
      parse: () => {
        throw new TypeError("Cannot read properties of undefined (reading 'FlowInfos')");
      },
    });

    const error = await rejection(client().execute(call, undefined));

    expect(error.code).toBe(ErrorCode.INTERNAL);
    expect(error.message).toBe('Internal error.');
    expect(error.retryable).toBe(false);
    expect(error.message).not.toContain('FlowInfos');
    expect(vendor.requests).toHaveLength(1);
  });

  it('refuses a body larger than the cap without handing it to parse', async () => {
    vendor.answers((response) => {
      const body = Buffer.alloc(9 * 1024 * 1024, 0x61);
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length) });
      response.end(body);
    });
    const call = vendorCall('write');

    const error = await rejection(client().execute(call, undefined));

    expect(error.code).toBe(ErrorCode.VENDOR_UNAVAILABLE);
    expect(transportFailureOf(error).transportCode).toBe('BODY_TOO_LARGE');
    expect(call.parses()).toBe(0);
  });

  it('answers RATE_LIMITED without calling the vendor when the action has no slot left', async () => {
    const rateLimiter = new ActionRateLimiter({
      vendor: VENDOR,
      vendorKey: 'ess',
      windows: new InMemorySlidingWindow(),
      rateFor: () => 1,
      callerShare: 1,
      maxWaitMs: 0,
      windowMs: 60_000,
    });
    const vendorClient = client({ rateLimiter });

    await vendorClient.execute(vendorCall('read'), undefined);
    const error = await rejection(vendorClient.execute(vendorCall('read'), undefined));

    expect(error.code).toBe(ErrorCode.RATE_LIMITED);
    expect(vendor.requests).toHaveLength(1);
  });

  it('lets an in-flight call finish and then refuses new calls when closed', async () => {
    let release: () => void = () => undefined;
    vendor.answers((response) => {
      release = () => {
        sendJson(response, 200, { Response: { Value: 7 } });
      };
    });
    const vendorClient = client();

    const inFlight = vendorClient.execute(vendorCall('read'), undefined);
    await vendor.received(1);
    const closing = vendorClient.close();
    release();

    await expect(inFlight).resolves.toBe(7);
    await closing;
    const error = await rejection(vendorClient.execute(vendorCall('read'), undefined));
    expect(error.code).toBe(ErrorCode.VENDOR_UNAVAILABLE);
    expect(vendor.requests).toHaveLength(1);
  });

  it('resolves every close() when it is called more than once', async () => {
    const vendorClient = client();
    await vendorClient.execute(vendorCall('read'), undefined);

    await expect(Promise.all([vendorClient.close(), vendorClient.close()])).resolves.toEqual([undefined, undefined]);
    await expect(vendorClient.close()).resolves.toBeUndefined();
  });
});
