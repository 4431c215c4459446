import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { RateLimitHold, RateLimitMetrics } from '../../datasources/http/action-rate-limiter';
import type { CircuitPosition, VendorMetrics } from '../../datasources/http/vendor-metrics';
import type { AgreementEventKind } from '../events/agreement-event';
import type { CallbackRefusal } from '../events/callback-receiver';
import type { EventMetrics } from '../events/event-metrics';

/** `vendor_circuit_state` values: the higher, the less traffic reaches the vendor. */
const CIRCUIT_GAUGE_VALUES: Readonly<Record<CircuitPosition, number>> = Object.freeze({ closed: 0, half_open: 1, open: 2 });

/**
 * The process's Prometheus metrics, in a registry of its own (not prom-client's global one), so tests
 * can build many apps in one process. Every label takes values from a fixed set (vendors, vendor
 * actions, error codes, the schema's root fields): nothing a client sends becomes a label value.
 */
export class AppMetrics implements VendorMetrics, RateLimitMetrics, EventMetrics {
  readonly registry = new Registry();
  private readonly vendorAttempts: Histogram<'vendor' | 'operation' | 'outcome'>;
  private readonly rateLimited: Counter<'vendor' | 'operation' | 'outcome'>;
  private readonly circuitState: Gauge<'vendor'>;
  private readonly circuitTransitions: Counter<'vendor' | 'to'>;
  private readonly graphqlRequests: Counter<'field' | 'outcome'>;
  private readonly eventsReceived: Counter<'kind' | 'outcome'>;
  private readonly eventsRefused: Counter<'receiver' | 'reason'>;
  private readonly eventsDelivered: Counter<'kind'>;
  private readonly eventsDropped: Counter<'kind'>;
  private readonly subscribers: Gauge<'kind'>;
  /**
   * Label children by their values, made once: prom-client hashes a label object on every `inc` and
   * `observe`, which the hot path need not pay. Bounded like the labels themselves (fixed value sets).
   */
  private readonly attemptChildren = new Map<string, { observe(seconds: number): void }>();
  private readonly requestChildren = new Map<string, { inc(): void }>();

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    this.vendorAttempts = new Histogram({
      name: 'vendor_request_duration_seconds',
      help: 'Duration of one attempt of a vendor call, by outcome (ok or an ErrorCode).',
      labelNames: ['vendor', 'operation', 'outcome'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.rateLimited = new Counter({
      name: 'vendor_attempts_rate_limited_total',
      help:
        "Attempts of vendor calls that this service's own rate limiter (VENDOR_RATE_LIMITS, CALLER_RATE_SHARE) did not let " +
        'through at once, by outcome: waited (for a slot, then sent) or refused (RATE_LIMITED).',
      labelNames: ['vendor', 'operation', 'outcome'],
      registers: [this.registry],
    });
    this.circuitState = new Gauge({
      name: 'vendor_circuit_state',
      help: "Where the vendor's circuit breaker stands: 0 closed, 1 half-open (one trial call), 2 open (calls fail fast).",
      labelNames: ['vendor'],
      registers: [this.registry],
    });
    this.circuitTransitions = new Counter({
      name: 'vendor_circuit_transitions_total',
      help: "Transitions of the vendor's circuit breaker, by the state it moved to.",
      labelNames: ['vendor', 'to'],
      registers: [this.registry],
    });
    this.graphqlRequests = new Counter({
      name: 'graphql_requests_total',
      help:
        'GraphQL requests by root field of this schema (a request counts once per distinct root field it selects; ' +
        '"other" when it selects none this schema knows, e.g. it did not parse) and outcome (ok or errors).',
      labelNames: ['field', 'outcome'],
      registers: [this.registry],
    });
    this.eventsReceived = new Counter({
      name: 'events_received_total',
      help: 'Vendor events handed in by a callback or the poller, by kind and outcome (emitted, or duplicate of an eventId seen before).',
      labelNames: ['kind', 'outcome'],
      registers: [this.registry],
    });
    this.eventsRefused = new Counter({
      name: 'events_refused_total',
      help: 'Vendor callbacks refused, by receiver path and reason (unauthorized, malformed, unavailable, too_large).',
      labelNames: ['receiver', 'reason'],
      registers: [this.registry],
    });
    this.eventsDelivered = new Counter({
      name: 'events_delivered_total',
      help: 'Events handed to subscribers on this replica (one per subscriber), by kind.',
      labelNames: ['kind'],
      registers: [this.registry],
    });
    this.eventsDropped = new Counter({
      name: 'events_dropped_total',
      help: "Events dropped from a slow subscriber's full buffer (the oldest go first), by kind.",
      labelNames: ['kind'],
      registers: [this.registry],
    });
    this.subscribers = new Gauge({
      name: 'event_subscriptions',
      help: 'Open event subscriptions on this replica, by kind.',
      labelNames: ['kind'],
      registers: [this.registry],
    });
  }

  countEventReceived(kind: AgreementEventKind, outcome: 'emitted' | 'duplicate'): void {
    this.eventsReceived.inc({ kind, outcome });
  }

  countEventRefused(receiver: string, reason: CallbackRefusal | 'too_large'): void {
    this.eventsRefused.inc({ receiver, reason });
  }

  countEventDelivered(kind: AgreementEventKind): void {
    this.eventsDelivered.inc({ kind });
  }

  countEventDropped(kind: AgreementEventKind): void {
    this.eventsDropped.inc({ kind });
  }

  setSubscribers(kind: AgreementEventKind, count: number): void {
    this.subscribers.set({ kind }, count);
  }

  observeAttempt(vendor: string, operation: string, outcome: string, seconds: number): void {
    const key = `${vendor}\n${operation}\n${outcome}`;
    let child = this.attemptChildren.get(key);
    if (!child) {
      child = this.vendorAttempts.labels({ vendor, operation, outcome });
      this.attemptChildren.set(key, child);
    }
    child.observe(seconds);
  }

  countRateLimited(vendor: string, action: string, hold: RateLimitHold): void {
    this.rateLimited.inc({ vendor, operation: action, outcome: hold });
  }

  observeCircuitState(vendor: string, position: CircuitPosition): void {
    this.circuitState.set({ vendor }, CIRCUIT_GAUGE_VALUES[position]);
  }

  countCircuitTransition(vendor: string, to: CircuitPosition): void {
    this.circuitTransitions.inc({ vendor, to });
  }

  /** `field` must come from a fixed set (see `rootFieldLabels`), never from the request as sent. */
  countGraphQLRequest(field: string, outcome: 'ok' | 'errors'): void {
    const key = `${field}\n${outcome}`;
    let child = this.requestChildren.get(key);
    if (!child) {
      child = this.graphqlRequests.labels({ field, outcome });
      this.requestChildren.set(key, child);
    }
    child.inc();
  }
}
