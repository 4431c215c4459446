import type { ErrorCode } from '../errors/error-code';
import type { VendorError } from '../errors/vendor-error';

/** The `extensions` a top-level error carries; the same keys as the `Error` interface's fields. */
export interface VendorErrorExtensions {
  readonly code: ErrorCode;
  readonly vendor: string | null;
  readonly vendorCode: string | null;
  readonly vendorRequestId: string | null;
  readonly retryable: boolean;
  readonly retryAfterSeconds?: number;
  readonly field?: string;
}

/** Extensions for a domain error: what a client may switch on, nothing a vendor sent verbatim but its code. */
export function vendorErrorExtensions(error: VendorError): VendorErrorExtensions {
  return {
    code: error.code,
    vendor: error.vendor ?? null,
    vendorCode: error.vendorCode ?? null,
    vendorRequestId: error.vendorRequestId ?? null,
    retryable: error.retryable,
    ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
    ...(error.field !== undefined ? { field: error.field } : {}),
  };
}
