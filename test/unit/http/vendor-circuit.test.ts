import { Writable } from 'node:stream';
import { BrokenCircuitError, TaskCancelledError } from 'cockatiel';
import pino from 'pino';
import { DEFAULT_BREAKER, VendorCircuit, type BreakerOptions, type CallVerdict } from '../../../datasources/http/vendor-circuit';
import type { CircuitPosition, VendorMetrics } from '../../../datasources/http/vendor-metrics';
import { ErrorCode } from '../../../src/errors/error-code';
import { Vendor } from '../../../src/errors/vendor';
import { VendorError } from '../../../src/errors/vendor-error';
import { fakeDate } from './fake-date';

const VENDOR = Vendor.VNPT_ECONTRACT;

/** What the circuit reported, in order. */
class RecordedMetrics implements VendorMetrics {
  readonly states: CircuitPosition[] = [];
  readonly transitions: CircuitPosition[] = [];
  readonly vendors = new Set<string>();

  observeAttempt(): void {
    // Attempts are the HTTP client's; the circuit reports none.
  }

  observeCircuitState(vendor: string, position: CircuitPosition): void {
    this.vendors.add(vendor);
    this.states.push(position);
  }

  countCircuitTransition(vendor: string, to: CircuitPosition): void {
    this.vendors.add(vendor);
    this.transitions.push(to);
  }
}

/** The records a pino logger wrote. */
class LogLines extends Writable {
  readonly records: Record<string, unknown>[] = [];

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line !== '') this.records.push(JSON.parse(line) as Record<string, unknown>);
    }
    callback();
  }
}

const outage = (): VendorError =>
  new VendorError({ code: ErrorCode.VENDOR_UNAVAILABLE, message: 'The vendor is unavailable.', vendor: VENDOR, vendorCode: 'HTTP_503' });
const refusal = (): VendorError =>
  new VendorError({ code: ErrorCode.NOT_FOUND, message: 'The document was not found.', vendor: VENDOR, vendorCode: 'ENVELOPE_0' });
const ownLimit = (): VendorError => new VendorError({ code: ErrorCode.RATE_LIMITED, message: 'Too many requests.', vendor: VENDOR });

/** A call the circuit may run: `ran` says whether it did. */
function trackedCall(): { readonly run: () => Promise<string>; ran: () => boolean } {
  let ran = false;
  return {
    run: () => {
      ran = true;
      return Promise.resolve('ok');
    },
    ran: () => ran,
  };
}

describe('VendorCircuit', () => {
  let clock: { advance(ms: number): void };
  let metrics: RecordedMetrics;
  let logs: LogLines;
  /** A deadline that never passes. */
  const deadline = { aborted: false, signal: new AbortController().signal };

  beforeEach(() => {
    clock = fakeDate();
    metrics = new RecordedMetrics();
    logs = new LogLines();
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  function circuit(options: Partial<BreakerOptions> = {}): VendorCircuit {
    return new VendorCircuit(VENDOR, options, pino({ level: 'info' }, logs), metrics);
  }

  /** Runs one call that succeeds; true when it ran (the circuit let it through). */
  async function succeeds(subject: VendorCircuit): Promise<boolean> {
    const call = trackedCall();
    await subject.execute(call.run, () => 'outage', deadline);
    return call.ran();
  }

  /** Runs one call that fails with `error`, judged `verdict`; what it rejected with. */
  async function fails(subject: VendorCircuit, verdict: CallVerdict, error: Error = outage()): Promise<unknown> {
    try {
      await subject.execute(
        () => Promise.reject(error),
        () => verdict,
        deadline,
      );
    } catch (rejection: unknown) {
      return rejection;
    }
    throw new Error('expected the call to fail');
  }

  it('defaults to opening at a 50 % outage rate over 10 s once 10 calls were made, and retrying after 10 s', () => {
    expect(DEFAULT_BREAKER).toEqual({ failureRate: 0.5, windowMs: 10_000, minimumCalls: 10, halfOpenAfterMs: 10_000 });
  });

  it('stays closed for 5 isolated outages spread over 10 s of ordinary traffic', async () => {
    const subject = circuit();
    for (let tick = 0; tick < 50; tick += 1) {
      // One call every 200 ms; every tenth is an outage: 5 in 10 s.
      if (tick % 10 === 9) {
        expect(await fails(subject, 'outage')).toBeInstanceOf(VendorError);
      } else {
        expect(await succeeds(subject)).toBe(true);
      }
      clock.advance(200);
    }

    expect(subject.position).toBe('closed');
    expect(metrics.transitions).toEqual([]);
  });

  it('stays closed when a quiet vendor fails 5 times in 10 s with nothing in between (fewer calls than minimumCalls)', async () => {
    const subject = circuit();
    for (let failure = 0; failure < 5; failure += 1) {
      await fails(subject, 'outage');
      clock.advance(2_000);
    }

    expect(subject.position).toBe('closed');
    expect(await succeeds(subject)).toBe(true);
  });

  it('does not add up isolated outages far apart: the window forgets what is older than windowMs', async () => {
    // Cockatiel's SamplingBreaker would open here: it keeps stale buckets across quiet spells.
    const subject = circuit();
    for (let failure = 0; failure < 30; failure += 1) {
      await fails(subject, 'outage');
      clock.advance(60_000);
    }

    expect(subject.position).toBe('closed');
    expect(metrics.transitions).toEqual([]);
  });

  it('opens within a few seconds of a sustained outage and then fails fast without running the call', async () => {
    const subject = circuit();
    let elapsedMs = 0;
    while (subject.position === 'closed' && elapsedMs < 10_000) {
      await fails(subject, 'outage');
      clock.advance(100);
      elapsedMs += 100;
    }

    expect(subject.position).toBe('open');
    // 10 calls at 10 per second: the minimum number of calls, all of them outages.
    expect(elapsedMs).toBe(1_000);
    const call = trackedCall();
    const rejection = await subject.execute(call.run, () => 'outage', deadline).catch((error: unknown) => error);
    expect(rejection).toBeInstanceOf(BrokenCircuitError);
    expect(call.ran()).toBe(false);
    expect(metrics.transitions).toEqual(['open']);
  });

  it('opens at the configured rate: 5 outages among 10 calls with failureRate 0.5', async () => {
    const subject = circuit({ minimumCalls: 10, failureRate: 0.5 });
    for (let call = 0; call < 5; call += 1) await succeeds(subject);
    for (let call = 0; call < 4; call += 1) await fails(subject, 'outage');
    expect(subject.position).toBe('closed');

    await fails(subject, 'outage');

    expect(subject.position).toBe('open');
  });

  it('half-opens after halfOpenAfterMs and closes again when the trial call succeeds', async () => {
    const subject = circuit({ minimumCalls: 3, halfOpenAfterMs: 5_000 });
    for (let call = 0; call < 3; call += 1) await fails(subject, 'outage');
    expect(subject.position).toBe('open');

    clock.advance(4_999);
    expect(await fails(subject, 'outage')).toBeInstanceOf(BrokenCircuitError);
    clock.advance(1);
    expect(await succeeds(subject)).toBe(true);

    expect(subject.position).toBe('closed');
    expect(metrics.transitions).toEqual(['open', 'half_open', 'closed']);
    expect(metrics.states).toEqual(['closed', 'open', 'half_open', 'closed']);
    expect([...metrics.vendors]).toEqual([VENDOR]);
    // The outages that opened it are forgotten: the window holds the trial alone, so one more outage is
    // one of two calls, under minimumCalls.
    await fails(subject, 'outage');
    expect(subject.position).toBe('closed');
  });

  it('opens again when the trial call is an outage too', async () => {
    const subject = circuit({ minimumCalls: 2, halfOpenAfterMs: 5_000 });
    await fails(subject, 'outage');
    await fails(subject, 'outage');
    clock.advance(5_000);

    expect(await fails(subject, 'outage')).toBeInstanceOf(VendorError);

    expect(subject.position).toBe('open');
    expect(metrics.transitions).toEqual(['open', 'half_open', 'open']);
    expect(await fails(subject, 'outage')).toBeInstanceOf(BrokenCircuitError);
  });

  it('closes on a trial the vendor answers with an error (it is alive), rethrowing that error', async () => {
    const subject = circuit({ minimumCalls: 2, halfOpenAfterMs: 5_000 });
    await fails(subject, 'outage');
    await fails(subject, 'outage');
    clock.advance(5_000);
    const answered = refusal();

    expect(await fails(subject, 'alive', answered)).toBe(answered);

    expect(subject.position).toBe('closed');
  });

  it('stays open when the trial call never reached the vendor', async () => {
    const subject = circuit({ minimumCalls: 2, halfOpenAfterMs: 5_000 });
    await fails(subject, 'outage');
    await fails(subject, 'outage');
    clock.advance(5_000);
    const limited = ownLimit();

    expect(await fails(subject, 'uncounted', limited)).toBe(limited);

    expect(subject.position).toBe('open');
  });

  it('never opens on calls the vendor answered with errors (error envelopes are not outages)', async () => {
    const subject = circuit({ minimumCalls: 2 });
    for (let call = 0; call < 20; call += 1) {
      const answered = refusal();
      expect(await fails(subject, 'alive', answered)).toBe(answered);
    }

    expect(subject.position).toBe('closed');
  });

  it('counts answered errors as successes that dilute the outage rate', async () => {
    const subject = circuit({ minimumCalls: 2, failureRate: 0.5 });
    for (let call = 0; call < 3; call += 1) await fails(subject, 'alive', refusal());
    await fails(subject, 'outage');
    await fails(subject, 'outage');

    // 2 outages of 5 calls: 40 % (of the outages alone it would be 100 %).
    expect(subject.position).toBe('closed');
  });

  it('counts uncounted calls neither way: they neither open it nor dilute the rate', async () => {
    const subject = circuit({ minimumCalls: 2, failureRate: 0.5 });
    for (let call = 0; call < 10; call += 1) await fails(subject, 'uncounted', ownLimit());
    expect(subject.position).toBe('closed');

    await fails(subject, 'outage');
    expect(subject.position).toBe('closed');
    await fails(subject, 'outage');

    expect(subject.position).toBe('open');
  });

  it('logs a warning with the vendor when it opens, and info when it half-opens and closes', async () => {
    const subject = circuit({ minimumCalls: 2, halfOpenAfterMs: 5_000 });
    await fails(subject, 'outage');
    await fails(subject, 'outage');
    clock.advance(5_000);
    await succeeds(subject);

    const transitions = logs.records.filter((record) => typeof record.circuit === 'string');
    expect(transitions).toEqual([
      expect.objectContaining({
        level: 40,
        vendor: VENDOR,
        circuit: 'open',
        failures: 2,
        calls: 2,
        code: ErrorCode.VENDOR_UNAVAILABLE,
        vendorCode: 'HTTP_503',
      }),
      expect.objectContaining({ level: 30, vendor: VENDOR, circuit: 'half_open' }),
      expect.objectContaining({ level: 30, vendor: VENDOR, circuit: 'closed' }),
    ]);
    expect(transitions.map((record) => record.msg)).toEqual([
      'vendor circuit opened: calls fail fast with VENDOR_UNAVAILABLE',
      'vendor circuit half-open: one trial call goes through',
      'vendor circuit closed: the vendor answers again',
    ]);
  });

  it('logs the opening without error fields when the last outage was not a VendorError', async () => {
    const subject = circuit({ minimumCalls: 2 });
    // A socket error carries a `code` of its own, which is no ErrorCode.
    const socketError = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    expect(await fails(subject, 'outage', socketError)).toBe(socketError);
    expect(await fails(subject, 'outage', socketError)).toBe(socketError);

    expect(subject.position).toBe('open');
    const opened = logs.records.find((record) => record.circuit === 'open');
    expect(opened).toMatchObject({ level: 40, failures: 2, calls: 2 });
    expect(opened).not.toHaveProperty('code');
    expect(opened).not.toHaveProperty('vendorCode');
  });

  it('cancels, without running it, a call that waited for the half-open trial and whose deadline passed meanwhile', async () => {
    const subject = circuit({ minimumCalls: 2, halfOpenAfterMs: 5_000 });
    await fails(subject, 'outage');
    await fails(subject, 'outage');
    clock.advance(5_000);
    let releaseTrial: (value: string) => void = () => undefined;
    const trial = subject.execute(
      () =>
        new Promise<string>((resolve) => {
          releaseTrial = resolve;
        }),
      () => 'outage',
      deadline,
    );
    const controller = new AbortController();
    const expiring = {
      get aborted(): boolean {
        return controller.signal.aborted;
      },
      signal: controller.signal,
    };
    const waiting = trackedCall();
    const waited = subject.execute(waiting.run, () => 'outage', expiring).catch((error: unknown) => error);

    controller.abort();
    releaseTrial('trial ok');

    await expect(trial).resolves.toBe('trial ok');
    expect(await waited).toBeInstanceOf(TaskCancelledError);
    expect(waiting.ran()).toBe(false);
    expect(subject.position).toBe('closed');
  });
});
