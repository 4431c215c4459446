import { Agent, request } from 'undici';
import type { CallKind, VendorCall, VendorTransport } from '../../../datasources/http/vendor-call';
import { ErrorCode } from '../../../src/errors/error-code';
import { Vendor } from '../../../src/errors/vendor';
import { VendorError } from '../../../src/errors/vendor-error';

/** What the client handed to the transport, for assertions. */
export interface TransportCallRecord {
  readonly operation: string;
  readonly kind: CallKind;
  readonly idempotent: boolean | undefined;
}

/**
 * A minimal `VendorTransport` for tests: one attempt per call over real HTTP (no retries, breaker or
 * limiter — those belong to the shared HTTP layer and are tested there).
 */
export class UndiciTestTransport implements VendorTransport {
  readonly calls: TransportCallRecord[] = [];
  private readonly agent = new Agent({ keepAliveTimeout: 1_000 });

  constructor(private readonly origin: string) {}

  async execute<T>(call: VendorCall<T>): Promise<T> {
    this.calls.push({ operation: call.operation, kind: call.kind, idempotent: call.idempotent });
    const wire = call.build(new Date());
    let status: number;
    let headers: Record<string, string | string[] | undefined>;
    let body: Buffer;
    try {
      const response = await request(`${this.origin}${wire.path}`, {
        method: wire.method,
        headers: wire.headers,
        body: wire.body,
        dispatcher: this.agent,
      });
      status = response.statusCode;
      headers = response.headers;
      body = Buffer.from(await response.body.arrayBuffer());
    } catch (cause: unknown) {
      throw new VendorError({
        code: ErrorCode.VENDOR_UNAVAILABLE,
        message: 'The vendor could not be reached.',
        vendor: Vendor.VNPT_ECONTRACT,
        cause,
      });
    }
    return call.parse({ status, headers, body });
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}
