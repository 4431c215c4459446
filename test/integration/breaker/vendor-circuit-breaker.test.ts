import { request } from 'undici';
import type { InjectedFault } from '../../../src/sandbox/fault-plan';
import { DocumentByIdDocument } from '../../generated/graphql';
import { startTestApp, type TestApp } from '../../support/test-app';
import { fakeDate } from '../../unit/http/fake-date';

/**
 * DESIGN.md "Reliability contract": a circuit breaker per vendor on the failure rate of logical calls,
 * driven here over real HTTP against the VNPT simulator. The clock is faked (`Date` only), so the breaker's
 * window and half-open delay are simulated time; sockets and timers run for real.
 */
describe('vendor circuit breaker (VNPT over real HTTP)', () => {
  /**
   * The window counts the VNPT login too (a call the vendor answered): login + 3 outages are 4 calls and
   * 75 % outages, which opens it; after 2 outages there are only 3 calls, under minimumCalls.
   */
  const BREAKER = { minimumCalls: 4, failureRate: 0.5, windowMs: 60_000, halfOpenAfterMs: 30_000 };
  const FAILING_READS_UNTIL_OPEN = 3;
  const VNPT_503: InjectedFault = { kind: 'error', code: '503', httpStatus: 503, message: 'Service Unavailable' };
  const VNPT_502: InjectedFault = { kind: 'raw', status: 502, body: '<html><body>502 Bad Gateway</body></html>' };

  let t: TestApp;
  let clock: { advance(ms: number): void };
  let documentId: string;

  beforeEach(async () => {
    clock = fakeDate();
    t = await startTestApp({ resilience: { breaker: BREAKER } });
    documentId = t.vnpt.seeded.byStatus.READY;
  });

  afterEach(async () => {
    await t.close();
    jest.useRealTimers();
  });

  const documentReads = (): number =>
    t.vnpt.requests().filter((recorded) => recorded.method === 'GET' && recorded.url.includes('/api/documents/')).length;

  async function metricsText(): Promise<string> {
    const response = await request(`${t.url}/metrics`);
    return response.body.text();
  }

  async function openTheCircuit(fault: InjectedFault): Promise<void> {
    t.vnpt.faults.inject('get-document', fault, 100);
    for (let read = 1; read <= FAILING_READS_UNTIL_OPEN; read += 1) {
      const result = await t.graphql(DocumentByIdDocument, { id: documentId });
      expect(result.data?.document).toBeNull();
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'VENDOR_UNAVAILABLE', vendor: 'VNPT_ECONTRACT', retryable: true });
      // Each logical read was tried three times before it counted once.
      expect(documentReads()).toBe(read * 3);
    }
  }

  it.each<readonly [string, InjectedFault]>([
    ['502 (a proxy page)', VNPT_502],
    ['503 (a VNPT envelope)', VNPT_503],
  ])('opens on a sustained VNPT %s outage; then reads fail fast, retryable, without reaching VNPT', async (_label, fault) => {
    await openTheCircuit(fault);

    const result = await t.graphql(DocumentByIdDocument, { id: documentId });

    expect(result.data?.document).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'VENDOR_UNAVAILABLE', vendor: 'VNPT_ECONTRACT', retryable: true });
    expect(documentReads()).toBe(FAILING_READS_UNTIL_OPEN * 3);
    const metrics = await metricsText();
    expect(metrics).toContain('vendor_circuit_state{vendor="VNPT_ECONTRACT"} 2');
    expect(metrics).toContain('vendor_circuit_transitions_total{vendor="VNPT_ECONTRACT",to="open"} 1');
    // Breakers are per vendor.
    expect(metrics).toContain('vendor_circuit_state{vendor="TENCENT_ESS"} 0');
    expect(t.logs()).toContainEqual(expect.objectContaining({ level: 40, vendor: 'VNPT_ECONTRACT', circuit: 'open' }));
  });

  it('half-opens after halfOpenAfterMs and closes when the trial read succeeds', async () => {
    await openTheCircuit(VNPT_503);
    t.vnpt.faults.clear();

    clock.advance(BREAKER.halfOpenAfterMs);
    const trial = await t.graphql(DocumentByIdDocument, { id: documentId });
    const after = await t.graphql(DocumentByIdDocument, { id: documentId });

    expect(trial.errors).toBeUndefined();
    expect(trial.data?.document?.id).toBe(documentId);
    expect(after.data?.document?.id).toBe(documentId);
    expect(documentReads()).toBe(FAILING_READS_UNTIL_OPEN * 3 + 2);
    const metrics = await metricsText();
    expect(metrics).toContain('vendor_circuit_state{vendor="VNPT_ECONTRACT"} 0');
    expect(metrics).toContain('vendor_circuit_transitions_total{vendor="VNPT_ECONTRACT",to="half_open"} 1');
    expect(metrics).toContain('vendor_circuit_transitions_total{vendor="VNPT_ECONTRACT",to="closed"} 1');
    const transitions = t.logs().filter((record) => record.vendor === 'VNPT_ECONTRACT' && typeof record.circuit === 'string');
    expect(transitions.map((record) => [record.level, record.circuit])).toEqual([
      [40, 'open'],
      [30, 'half_open'],
      [30, 'closed'],
    ]);
  });

  it('retries a read after a transient VNPT 503 and answers it, leaving the circuit closed', async () => {
    t.vnpt.faults.inject('get-document', VNPT_503, 1);

    const result = await t.graphql(DocumentByIdDocument, { id: documentId });

    expect(result.errors).toBeUndefined();
    expect(result.data?.document?.id).toBe(documentId);
    expect(documentReads()).toBe(2);
    expect(await metricsText()).toContain('vendor_circuit_state{vendor="VNPT_ECONTRACT"} 0');
  });

  it('stays closed through isolated VNPT outages spread over simulated time', async () => {
    for (let outage = 0; outage < 5; outage += 1) {
      // Each outage exhausts the read's three attempts (counted per attempt, 15 outages of 26 calls would open
      // it); the reads in between succeed.
      t.vnpt.faults.inject('get-document', VNPT_503, 3);
      const failed = await t.graphql(DocumentByIdDocument, { id: documentId });
      expect(failed.errors?.[0]?.extensions).toMatchObject({ code: 'VENDOR_UNAVAILABLE' });
      for (let ok = 0; ok < 2; ok += 1) {
        const result = await t.graphql(DocumentByIdDocument, { id: documentId });
        expect(result.data?.document?.id).toBe(documentId);
      }
      clock.advance(2_000);
    }

    expect(await metricsText()).toContain('vendor_circuit_state{vendor="VNPT_ECONTRACT"} 0');
    expect(t.logs().filter((record) => record.circuit !== undefined)).toEqual([]);
  });
});
