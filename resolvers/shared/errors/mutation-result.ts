import { createUnionType, type ClassType } from 'type-graphql';
import { ErrorCode } from '../../../src/errors/error-code';
import { VendorError } from '../../../src/errors/vendor-error';
import type { ErrorInterface } from './error.interface';
import {
  AlreadyExistsError,
  DeadlineExceededError,
  FailedPreconditionError,
  IdempotencyConflictError,
  InvalidInputError,
  NotFoundError,
  PermissionDeniedError,
  QuotaExceededError,
  RateLimitedError,
  UnclassifiedVendorError,
  VendorAuthError,
  VendorUnavailableError,
} from './error.types';

/** An error object type together with its factory from the domain error. */
export type ErrorObjectClass = ClassType<ErrorInterface> & { from(error: VendorError): ErrorInterface };

/** Which object type renders which code (codes absent here are always top-level errors). */
const ERROR_CLASS_BY_CODE: Readonly<Partial<Record<ErrorCode, ErrorObjectClass>>> = {
  [ErrorCode.INVALID_INPUT]: InvalidInputError,
  [ErrorCode.NOT_FOUND]: NotFoundError,
  [ErrorCode.ALREADY_EXISTS]: AlreadyExistsError,
  [ErrorCode.FAILED_PRECONDITION]: FailedPreconditionError,
  [ErrorCode.PERMISSION_DENIED]: PermissionDeniedError,
  [ErrorCode.QUOTA_EXCEEDED]: QuotaExceededError,
  [ErrorCode.RATE_LIMITED]: RateLimitedError,
  [ErrorCode.VENDOR_AUTH_FAILED]: VendorAuthError,
  [ErrorCode.VENDOR_UNAVAILABLE]: VendorUnavailableError,
  [ErrorCode.DEADLINE_EXCEEDED]: DeadlineExceededError,
  [ErrorCode.IDEMPOTENCY_CONFLICT]: IdempotencyConflictError,
  [ErrorCode.VENDOR_ERROR]: UnclassifiedVendorError,
};

/** Failures every vendor mutation can meet, whatever it does. */
export const COMMON_MUTATION_ERRORS: readonly ErrorObjectClass[] = [
  InvalidInputError,
  NotFoundError,
  FailedPreconditionError,
  PermissionDeniedError,
  QuotaExceededError,
  RateLimitedError,
  VendorAuthError,
  VendorUnavailableError,
  DeadlineExceededError,
];

export interface MutationResult<S extends object> {
  /** The GraphQL union `Success | …errors`; `VendorError` is always a member as the catch-all. */
  readonly union: ReturnType<typeof createUnionType>;
  /**
   * Renders a failure as one of the union's error objects. Anything that is not a `VendorError`, and
   * our own auth and internal failures, are re-thrown to become top-level errors.
   */
  readonly fail: (error: unknown) => ErrorInterface;
  readonly success: ClassType<S>;
}

/**
 * Declares a mutation's result union ("errors as data", DESIGN.md). `errors` lists the families that can
 * happen to this mutation; a code outside that list is rendered as the catch-all `VendorError` object
 * (its `code` still says what happened), so a client's exhaustive switch never meets an unknown type.
 */
export function defineMutationResult<S extends object>(
  name: string,
  success: ClassType<S>,
  errors: readonly ErrorObjectClass[],
): MutationResult<S> {
  const members: readonly ErrorObjectClass[] = [...new Set([...errors, UnclassifiedVendorError])];
  const union = createUnionType({
    name,
    description: `The outcome of ${name.replace(/Result$/, '')}: the success type or one of the errors that can happen to it.`,
    types: () => [success, ...members] as const,
  });
  const fail = (error: unknown): ErrorInterface => {
    if (!(error instanceof VendorError)) throw error;
    const errorClass = ERROR_CLASS_BY_CODE[error.code];
    if (!errorClass) throw error;
    return (members.includes(errorClass) ? errorClass : UnclassifiedVendorError).from(error);
  };
  return { union, fail, success };
}
