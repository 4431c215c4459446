import { Field, Int, ObjectType } from 'type-graphql';
import type { VendorError } from '../../../src/errors/vendor-error';
import { ErrorInterface } from './error.interface';

/*
 * One object type per error family (DESIGN.md "Error model"). They differ only in name and, for two of
 * them, one extra field; they live together because they are one idea: the closed set of renderings.
 */

@ObjectType({ simpleResolvers: true, implements: ErrorInterface, description: 'The input was rejected; `field` names the culprit.' })
export class InvalidInputError extends ErrorInterface {
  @Field(() => String, { nullable: true, description: 'Path of the offending input field, e.g. `input.reason`.' })
  field!: string | null;

  static from(error: VendorError): InvalidInputError {
    const result = new InvalidInputError().fill(error);
    result.field = error.field ?? null;
    return result;
  }
}

@ObjectType({ simpleResolvers: true, implements: ErrorInterface })
export class NotFoundError extends ErrorInterface {
  static from(error: VendorError): NotFoundError {
    return new NotFoundError().fill(error);
  }
}

@ObjectType({ simpleResolvers: true, implements: ErrorInterface })
export class AlreadyExistsError extends ErrorInterface {
  static from(error: VendorError): AlreadyExistsError {
    return new AlreadyExistsError().fill(error);
  }
}

@ObjectType({ simpleResolvers: true, implements: ErrorInterface, description: "The request is valid but the resource's state forbids it." })
export class FailedPreconditionError extends ErrorInterface {
  static from(error: VendorError): FailedPreconditionError {
    return new FailedPreconditionError().fill(error);
  }
}

@ObjectType({ simpleResolvers: true, implements: ErrorInterface })
export class PermissionDeniedError extends ErrorInterface {
  static from(error: VendorError): PermissionDeniedError {
    return new PermissionDeniedError().fill(error);
  }
}

@ObjectType({ simpleResolvers: true, implements: ErrorInterface })
export class QuotaExceededError extends ErrorInterface {
  static from(error: VendorError): QuotaExceededError {
    return new QuotaExceededError().fill(error);
  }
}

@ObjectType({ simpleResolvers: true, implements: ErrorInterface })
export class RateLimitedError extends ErrorInterface {
  @Field(() => Int, { nullable: true, description: 'Wait at least this long before trying again.' })
  retryAfterSeconds!: number | null;

  static from(error: VendorError): RateLimitedError {
    const result = new RateLimitedError().fill(error);
    result.retryAfterSeconds = error.retryAfterSeconds ?? null;
    return result;
  }
}

@ObjectType({
  simpleResolvers: true,
  implements: ErrorInterface,
  description: "This service's vendor credentials were refused: an operator problem.",
})
export class VendorAuthError extends ErrorInterface {
  static from(error: VendorError): VendorAuthError {
    return new VendorAuthError().fill(error);
  }
}

@ObjectType({ simpleResolvers: true, implements: ErrorInterface })
export class VendorUnavailableError extends ErrorInterface {
  static from(error: VendorError): VendorUnavailableError {
    return new VendorUnavailableError().fill(error);
  }
}

@ObjectType({ simpleResolvers: true, implements: ErrorInterface })
export class DeadlineExceededError extends ErrorInterface {
  static from(error: VendorError): DeadlineExceededError {
    return new DeadlineExceededError().fill(error);
  }
}

@ObjectType({
  simpleResolvers: true,
  implements: ErrorInterface,
  description:
    'The idempotency key was used with other input (not retryable), or the first request with it was still running when this one stopped waiting (retryable: send it again to get the first outcome).',
})
export class IdempotencyConflictError extends ErrorInterface {
  static from(error: VendorError): IdempotencyConflictError {
    return new IdempotencyConflictError().fill(error);
  }
}

@ObjectType('VendorError', {
  simpleResolvers: true,
  implements: ErrorInterface,
  description: 'A vendor error with no more specific family; `vendorCode` keeps the original code.',
})
export class UnclassifiedVendorError extends ErrorInterface {
  static from(error: VendorError): UnclassifiedVendorError {
    return new UnclassifiedVendorError().fill(error);
  }
}
