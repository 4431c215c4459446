import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { BrokenCircuitError } from 'cockatiel';
import pino from 'pino';
import { RateLimiterMemory, type RateLimiterRes } from 'rate-limiter-flexible';
import { ActionRateLimiter } from '../../../datasources/http/action-rate-limiter';
import {
  isVendorOutage,
  neverReachedVendor,
  TransportFailure,
  transportFailureToVendorError,
} from '../../../datasources/http/transport-failure';
import type { CallKind, RawVendorResponse, VendorCall, WireRequest } from '../../../datasources/http/vendor-call';
import { VendorHttpClient, type VendorHttpClientOptions } from '../../../datasources/http/vendor-http-client';
import { ErrorCode } from '../../../src/errors/error-code';
import { Vendor } from '../../../src/errors/vendor';
import { VendorError } from '../../../src/errors/vendor-error';
import { sendJson, startLoopbackServer, type LoopbackServer, type RecordedRequest } from '../../../src/sandbox/loopback-server';

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
    parsed = JSON.parse(response.body) as typeof parsed;
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
    const value = await client().execute(vendorCall('write'));

    expect(value).toBe(42);
    expect(vendor.requests).toHaveLength(1);
    expect(vendor.requests[0]).toMatchObject({
      method: 'POST',
      url: '/',
      body: '{"FlowId":"f1"}',
      headers: { host: new URL(vendor.url).host, 'content-type': 'application/json' },
    });
  });

  describe('retries', () => {
    it('retries a read after a 502 and returns the second answer', async () => {
      vendor.answers(answer.badGateway());

      await expect(client().execute(vendorCall('read'))).resolves.toBe(42);
      expect(vendor.requests).toHaveLength(2);
    });

    it('retries a read after a malformed answer and returns the second answer', async () => {
      vendor.answers(answer.garbage());

      await expect(client().execute(vendorCall('read'))).resolves.toBe(42);
      expect(vendor.requests).toHaveLength(2);
    });

    it('retries a read after a connection reset', async () => {
      vendor.answers(answer.reset());

      await expect(client().execute(vendorCall('read'))).resolves.toBe(42);
      expect(vendor.requests).toHaveLength(2);
    });

    it('gives up on a read after maxAttempts failures with the last error', async () => {
      vendor.answers(answer.badGateway(), answer.badGateway(), answer.badGateway(), answer.ok());

      const error = await rejection(client().execute(vendorCall('read')));

      expect(error.code).toBe(ErrorCode.VENDOR_UNAVAILABLE);
      expect(vendor.requests).toHaveLength(3);
    });

    it('does not retry a write after a 502, which the vendor may have acted on', async () => {
      vendor.answers(answer.badGateway());

      const error = await rejection(client().execute(vendorCall('write')));

      expect(error.code).toBe(ErrorCode.VENDOR_UNAVAILABLE);
      expect(vendor.requests).toHaveLength(1);
    });

    it('does not retry a write when the connection is reset mid-exchange', async () => {
      vendor.answers(answer.reset());
      const call = vendorCall('write');

      const error = await rejection(client().execute(call));

      expect(error.code).toBe(ErrorCode.VENDOR_UNAVAILABLE);
      expect(error.vendor).toBe(VENDOR);
      expect(transportFailureOf(error).phase).toBe('exchange');
      expect(neverReachedVendor(error)).toBe(false);
      expect(vendor.requests).toHaveLength(1);
      expect(call.builds()).toBe(1);
    });

    it('retries a write when the vendor answers RATE_LIMITED, since it refused before acting', async () => {
      vendor.answers(answer.envelopeError('RequestLimitExceeded'));

      await expect(client().execute(vendorCall('write'))).resolves.toBe(42);
      expect(vendor.requests).toHaveLength(2);
    });

    it('retries a write that never reached the vendor and fails with VENDOR_UNAVAILABLE after maxAttempts when the port is closed', async () => {
      const closed = await startLoopbackServer(() => undefined);
      const closedUrl = closed.url;
      await closed.close();
      const timeoutMs = 10_000;
      const call = vendorCall('write');
      const started = Date.now();

      const error = await rejection(client({ endpoint: closedUrl, timeoutMs }).execute(call));

      expect(error.code).toBe(ErrorCode.VENDOR_UNAVAILABLE);
      expect(transportFailureOf(error)).toMatchObject({ phase: 'connect', transportCode: 'ECONNREFUSED' });
      expect(call.builds()).toBe(3);
      // Generous bound: it failed on refusals, it did not sit out the whole deadline.
      expect(Date.now() - started).toBeLessThan(timeoutMs / 2);
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
        const started = Date.now();

        const error = await rejection(client({ timeoutMs }).execute(vendorCall(kind, idempotent === undefined ? {} : { idempotent })));

        expect(error.code).toBe(ErrorCode.DEADLINE_EXCEEDED);
        expect(error.retryable).toBe(retryable);
        expect(vendor.requests).toHaveLength(1);
        expect(Date.now() - started).toBeLessThan(5_000);
      },
    );
  });

  describe('circuit breaker', () => {
    const breaker = { consecutiveFailures: 2, halfOpenAfterMs: 60_000 };
    const oneAttempt = { maxAttempts: 1, initialDelayMs: 1, maxDelayMs: 1 };

    it('opens after consecutive outages and then fails fast without reaching the vendor', async () => {
      vendor.answers(answer.badGateway(), answer.badGateway());
      const vendorClient = client({ breaker, retry: oneAttempt });

      await rejection(vendorClient.execute(vendorCall('read')));
      await rejection(vendorClient.execute(vendorCall('read')));
      const call = vendorCall('read', { operation: 'ListFlows' });
      const error = await rejection(vendorClient.execute(call));

      expect(error.code).toBe(ErrorCode.VENDOR_UNAVAILABLE);
      expect(error.retryable).toBe(true);
      expect(error.cause).toBeInstanceOf(BrokenCircuitError);
      expect(vendor.requests).toHaveLength(2);
      expect(call.builds()).toBe(0);
    });

    it('stays closed when the vendor answers with an error envelope carrying a vendorCode', async () => {
      vendor.answers(answer.envelopeError('InternalError'), answer.envelopeError('InternalError'), answer.envelopeError('InternalError'));
      const vendorClient = client({ breaker, retry: oneAttempt });

      for (let i = 0; i < 3; i += 1) {
        const error = await rejection(vendorClient.execute(vendorCall('read')));
        expect(error).toMatchObject({
          code: ErrorCode.VENDOR_UNAVAILABLE,
          vendorCode: 'InternalError',
          vendorRequestId: 'req-InternalError',
        });
      }
      await expect(vendorClient.execute(vendorCall('read'))).resolves.toBe(42);
      expect(vendor.requests).toHaveLength(4);
    });

    it('counts outages as consecutive only when no answer from a live vendor came between them', async () => {
      vendor.answers(answer.badGateway(), answer.envelopeError('InternalError'), answer.badGateway());
      const vendorClient = client({ breaker, retry: oneAttempt });

      for (let i = 0; i < 3; i += 1) await rejection(vendorClient.execute(vendorCall('read')));

      await expect(vendorClient.execute(vendorCall('read'))).resolves.toBe(42);
      expect(vendor.requests).toHaveLength(4);
    });
  });

  it('answers INTERNAL without retrying when parse throws something that is not a VendorError', async () => {
    const call = vendorCall('read', {
      parse: () => {
        throw new TypeError("Cannot read properties of undefined (reading 'FlowInfos')");
      },
    });

    const error = await rejection(client().execute(call));

    expect(error.code).toBe(ErrorCode.INTERNAL);
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

    const error = await rejection(client().execute(call));

    expect(error.code).toBe(ErrorCode.VENDOR_UNAVAILABLE);
    expect(transportFailureOf(error).transportCode).toBe('BODY_TOO_LARGE');
    expect(call.parses()).toBe(0);
  });

  it('answers RATE_LIMITED without calling the vendor when the action has no slot left', async () => {
    const rateLimiter = new ActionRateLimiter(new RateLimiterMemory({ points: 1, duration: 60 }), VENDOR, 0);
    const vendorClient = client({ rateLimiter });

    await vendorClient.execute(vendorCall('read'));
    const error = await rejection(vendorClient.execute(vendorCall('read')));

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

    const inFlight = vendorClient.execute(vendorCall('read'));
    await vendor.received(1);
    const closing = vendorClient.close();
    release();

    await expect(inFlight).resolves.toBe(7);
    await closing;
    const error = await rejection(vendorClient.execute(vendorCall('read')));
    expect(error.code).toBe(ErrorCode.VENDOR_UNAVAILABLE);
    expect(vendor.requests).toHaveLength(1);
  });

  it('resolves every close() when it is called more than once', async () => {
    const vendorClient = client();
    await vendorClient.execute(vendorCall('read'));

    await expect(Promise.all([vendorClient.close(), vendorClient.close()])).resolves.toEqual([undefined, undefined]);
    await expect(vendorClient.close()).resolves.toBeUndefined();
  });
});

describe('transportFailureToVendorError', () => {
  const context = { vendor: VENDOR, deadlineExpired: false, retryableTimeout: false };
  const socketError = (code: string): Error => Object.assign(new Error(`${code} 127.0.0.1:1`), { code });

  it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT'])(
    'marks %s as never having reached the vendor',
    (code) => {
      const error = transportFailureToVendorError(socketError(code), context);

      expect(error.code).toBe(ErrorCode.VENDOR_UNAVAILABLE);
      expect(error.retryable).toBe(true);
      expect(neverReachedVendor(error)).toBe(true);
      expect(error.message).not.toContain('127.0.0.1');
    },
  );

  it.each(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE', 'BODY_TOO_LARGE'])('marks %s as possibly having reached the vendor', (code) => {
    const error = transportFailureToVendorError(socketError(code), context);

    expect(error.code).toBe(ErrorCode.VENDOR_UNAVAILABLE);
    expect(neverReachedVendor(error)).toBe(false);
  });

  it('marks an error without a code as possibly having reached the vendor', () => {
    const error = transportFailureToVendorError(new Error('odd'), context);

    expect(transportFailureOf(error)).toMatchObject({ phase: 'exchange', transportCode: 'UNKNOWN' });
  });

  it.each([true, false])('answers DEADLINE_EXCEEDED with retryable %s when the deadline expired', (retryableTimeout) => {
    const error = transportFailureToVendorError(socketError('ECONNREFUSED'), { ...context, deadlineExpired: true, retryableTimeout });

    expect(error.code).toBe(ErrorCode.DEADLINE_EXCEEDED);
    expect(error.retryable).toBe(retryableTimeout);
    expect(neverReachedVendor(error)).toBe(false);
  });

  it.each(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT'])('answers DEADLINE_EXCEEDED when undici reports %s', (code) => {
    expect(transportFailureToVendorError(socketError(code), context).code).toBe(ErrorCode.DEADLINE_EXCEEDED);
  });
});

describe('isVendorOutage', () => {
  it.each<readonly [string, boolean, VendorError]>([
    ['a timeout', true, new VendorError({ code: ErrorCode.DEADLINE_EXCEEDED, message: 't' })],
    ['an unavailable vendor without a vendor code', true, new VendorError({ code: ErrorCode.VENDOR_UNAVAILABLE, message: 'u' })],
    [
      'an envelope InternalError',
      false,
      new VendorError({ code: ErrorCode.VENDOR_UNAVAILABLE, message: 'u', vendorCode: 'InternalError' }),
    ],
    ['a rate limit', false, new VendorError({ code: ErrorCode.RATE_LIMITED, message: 'r' })],
    ['bad input', false, new VendorError({ code: ErrorCode.INVALID_INPUT, message: 'i' })],
  ])('says whether %s is an outage (%s)', (_label, outage, error) => {
    expect(isVendorOutage(error)).toBe(outage);
  });
});

describe('ActionRateLimiter', () => {
  const ACTION = 'DescribeFlowInfo';

  it('waits for the next window when maxWaitMs allows it, instead of letting the third call through', async () => {
    const limiter = new RateLimiterMemory({ points: 2, duration: 1 });
    const actionLimiter = new ActionRateLimiter(limiter, VENDOR, 5_000);
    const signal = new AbortController().signal;

    await actionLimiter.acquire(ACTION, signal);
    await actionLimiter.acquire(ACTION, signal);
    await actionLimiter.acquire(ACTION, signal);

    // The third slot was taken in a fresh window: one point used there. Letting it through would show 3.
    const state: RateLimiterRes | null = await limiter.get(ACTION);
    expect(state?.consumedPoints).toBe(1);
  });

  it('throws RATE_LIMITED with retryAfterSeconds when maxWaitMs is 0', async () => {
    const actionLimiter = new ActionRateLimiter(new RateLimiterMemory({ points: 2, duration: 1 }), VENDOR, 0);
    const signal = new AbortController().signal;
    await actionLimiter.acquire(ACTION, signal);
    await actionLimiter.acquire(ACTION, signal);

    const error = await rejection(actionLimiter.acquire(ACTION, signal));

    expect(error.code).toBe(ErrorCode.RATE_LIMITED);
    expect(error.vendor).toBe(VENDOR);
    expect(error.retryable).toBe(true);
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(1);
  });

  it('keeps separate budgets per action', async () => {
    const actionLimiter = new ActionRateLimiter(new RateLimiterMemory({ points: 1, duration: 60 }), VENDOR, 0);
    const signal = new AbortController().signal;

    await actionLimiter.acquire('CreateFlowReminds', signal);
    await expect(actionLimiter.acquire('CreateReleaseFlow', signal)).resolves.toBeUndefined();
  });

  it('throws RATE_LIMITED without waiting when the caller has already given up', async () => {
    const actionLimiter = new ActionRateLimiter(new RateLimiterMemory({ points: 1, duration: 60 }), VENDOR, 60_000);
    await actionLimiter.acquire(ACTION, new AbortController().signal);

    const error = await rejection(actionLimiter.acquire(ACTION, AbortSignal.abort()));

    expect(error.code).toBe(ErrorCode.RATE_LIMITED);
  });

  it('lets the call through when the limiter store itself fails', async () => {
    class BrokenStoreLimiter extends RateLimiterMemory {
      override consume(): Promise<RateLimiterRes> {
        return Promise.reject(new Error('redis is down'));
      }
    }
    const actionLimiter = new ActionRateLimiter(new BrokenStoreLimiter({ points: 1, duration: 1 }), VENDOR, 0);

    await expect(actionLimiter.acquire(ACTION, new AbortController().signal)).resolves.toBeUndefined();
  });
});
