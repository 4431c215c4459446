import type { RecordedRequest } from '../../../src/sandbox/loopback-server';
import type { VnptEcontractSimulator } from '../../../src/sandbox/vnpt-econtract/simulator';

/** What the VNPT simulator received, by operation, for assertions on the wire. */
export function vnptCalls(simulator: VnptEcontractSimulator): {
  readonly logins: readonly RecordedRequest[];
  readonly gets: readonly RecordedRequest[];
  readonly cancels: readonly RecordedRequest[];
} {
  const requests = simulator.requests();
  const pathOf = (request: RecordedRequest): string => new URL(request.url, 'http://vnpt.invalid').pathname.toLowerCase();
  return {
    logins: requests.filter((request) => pathOf(request) === '/api/auth/password-login'),
    gets: requests.filter((request) => request.method === 'GET' && pathOf(request).startsWith('/api/documents/')),
    cancels: requests.filter((request) => pathOf(request) === '/api/documents/cancel'),
  };
}
