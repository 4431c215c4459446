import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { VendorMetrics } from '../../datasources/http/vendor-metrics';

/**
 * The process's Prometheus metrics, in a registry of its own (not prom-client's global one), so tests
 * can build many apps in one process.
 */
export class AppMetrics implements VendorMetrics {
  readonly registry = new Registry();
  private readonly vendorAttempts: Histogram<'vendor' | 'operation' | 'outcome'>;
  private readonly graphqlRequests: Counter<'operation' | 'outcome'>;

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    this.vendorAttempts = new Histogram({
      name: 'vendor_request_duration_seconds',
      help: 'Duration of one attempt of a vendor call, by outcome (ok or an ErrorCode).',
      labelNames: ['vendor', 'operation', 'outcome'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.graphqlRequests = new Counter({
      name: 'graphql_requests_total',
      help: 'GraphQL requests by operation name and outcome (ok or errors).',
      labelNames: ['operation', 'outcome'],
      registers: [this.registry],
    });
  }

  observeAttempt(vendor: string, operation: string, outcome: string, seconds: number): void {
    this.vendorAttempts.observe({ vendor, operation, outcome }, seconds);
  }

  countGraphQLRequest(operation: string, outcome: 'ok' | 'errors'): void {
    this.graphqlRequests.inc({ operation, outcome });
  }
}
