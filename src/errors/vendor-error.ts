import { ErrorCode, isRetryableByDefault } from './error-code';
import type { Vendor } from './vendor';

/** Everything a failure carries across layers; see DESIGN.md "Error model". */
export interface VendorErrorInit {
  readonly code: ErrorCode;
  /** English, safe to show to an end user; never a vendor's raw body or a secret. */
  readonly message: string;
  readonly vendor?: Vendor;
  /** The vendor's own error code, verbatim (e.g. `FailedOperation.FlowHasDocument`). */
  readonly vendorCode?: string;
  /** The vendor's own message text (may be Chinese or Vietnamese); never our credentials. */
  readonly vendorMessage?: string;
  /** The vendor's RequestId whenever one came back, for support tickets. */
  readonly vendorRequestId?: string;
  /** Defaults to `isRetryableByDefault(code)`. */
  readonly retryable?: boolean;
  readonly retryAfterSeconds?: number;
  /**
   * The input field at fault. Datasources name the vendor's field (`MajorAccountID`); the resolver layer
   * renders it as the GraphQL input path (`input.majorAccountId`) before a client sees it.
   */
  readonly field?: string;
  readonly cause?: unknown;
}

/**
 * The one domain error type. Datasources throw it (or return it in a batch slot); the resolver layer
 * renders it either as a typed error object inside a mutation's result union or as a top-level
 * GraphQL error with `extensions`. Nothing in it may come from a credential or a signature.
 */
export class VendorError extends Error {
  override readonly name = 'VendorError';
  readonly code: ErrorCode;
  readonly vendor: Vendor | undefined;
  readonly vendorCode: string | undefined;
  readonly vendorMessage: string | undefined;
  readonly vendorRequestId: string | undefined;
  readonly retryable: boolean;
  readonly retryAfterSeconds: number | undefined;
  readonly field: string | undefined;

  constructor(init: VendorErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.vendor = init.vendor;
    this.vendorCode = init.vendorCode;
    this.vendorMessage = init.vendorMessage;
    this.vendorRequestId = init.vendorRequestId;
    this.retryable = init.retryable ?? isRetryableByDefault(init.code);
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.field = init.field;
  }

  /** The same failure, blamed on `field` (how the resolver layer renders a lower layer's field name). */
  withField(field: string): VendorError {
    return new VendorError({
      code: this.code,
      message: this.message,
      vendor: this.vendor,
      vendorCode: this.vendorCode,
      vendorMessage: this.vendorMessage,
      vendorRequestId: this.vendorRequestId,
      retryable: this.retryable,
      retryAfterSeconds: this.retryAfterSeconds,
      field,
      cause: this.cause,
    });
  }

  /** Local validation failure, raised before any vendor call. */
  static invalidInput(field: string, message: string): VendorError {
    return new VendorError({ code: ErrorCode.INVALID_INPUT, message, field });
  }

  /** Whether `value` is a VendorError (`instanceof`: one copy of this module is loaded per process). */
  static is(value: unknown): value is VendorError {
    return value instanceof VendorError;
  }
}
