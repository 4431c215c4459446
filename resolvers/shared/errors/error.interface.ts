import { Field, InterfaceType } from 'type-graphql';
import { ErrorCode } from '../../../src/errors/error-code';
import { Vendor } from '../../../src/errors/vendor';
import type { VendorError } from '../../../src/errors/vendor-error';

/**
 * The GraphQL `Error` interface every error object in a mutation's result union implements.
 * Values are copied from the domain `VendorError`; nothing else (no raw body, no stack) is exposed.
 */
@InterfaceType('Error', { description: 'A failure a client can act on; switch on `code`.' })
export abstract class ErrorInterface {
  @Field(() => ErrorCode)
  code!: ErrorCode;

  @Field(() => String, { description: 'English description, safe to show.' })
  message!: string;

  @Field(() => Vendor, { nullable: true, description: 'Null for failures detected by this service.' })
  vendor!: Vendor | null;

  @Field(() => String, { nullable: true, description: "The vendor's own error code, verbatim." })
  vendorCode!: string | null;

  @Field(() => String, { nullable: true, description: "The vendor's own message, verbatim (any language)." })
  vendorMessage!: string | null;

  @Field(() => String, { nullable: true, description: "The vendor's RequestId, for support." })
  vendorRequestId!: string | null;

  @Field(() => Boolean, { description: 'Whether the same request may succeed if simply tried again.' })
  retryable!: boolean;

  /** Copies the shared fields from a domain error. */
  protected fill(error: VendorError): this {
    this.code = error.code;
    this.message = error.message;
    this.vendor = error.vendor ?? null;
    this.vendorCode = error.vendorCode ?? null;
    this.vendorMessage = error.vendorMessage ?? null;
    this.vendorRequestId = error.vendorRequestId ?? null;
    this.retryable = error.retryable;
    return this;
  }
}
