import { createUnionType, type ClassType } from 'type-graphql';
import { ErrorCode } from '../../../src/errors/error-code';
import { VendorError } from '../../../src/errors/vendor-error';
import { IDEMPOTENCY_KEY_FIELD } from '../../../src/idempotency/idempotency-service';
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

/**
 * Lower layers name the field at fault as they know it (the idempotency service `idempotencyKey`, a
 * datasource the vendor's `MajorAccountID`); a mutation maps those names to its GraphQL input paths.
 */
export type InputPaths = Readonly<Record<string, string>>;

/** Every keyed mutation takes its key as `input.idempotencyKey`. */
const COMMON_INPUT_PATHS: InputPaths = { [IDEMPOTENCY_KEY_FIELD]: 'input.idempotencyKey' };

/** `error` with its `field` as the GraphQL input path, when `paths` knows the lower layer's name for it. */
function withInputPath(error: VendorError, paths: InputPaths): VendorError {
  // Stryker disable next-line ConditionalExpression: equivalent: an undefined field finds no entry in either map
  const path = error.field === undefined ? undefined : (paths[error.field] ?? COMMON_INPUT_PATHS[error.field]);
  return path === undefined ? error : error.withField(path);
}

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
 * `inputPaths` renders the field names lower layers blame as this mutation's input paths.
 */
export function defineMutationResult<S extends object>(
  name: string,
  success: ClassType<S>,
  errors: readonly ErrorObjectClass[],
  inputPaths: InputPaths = {},
): MutationResult<S> {
  const members: readonly ErrorObjectClass[] = [...new Set([...errors, UnclassifiedVendorError])];
  // Stryker disable next-line ObjectLiteral: guarded by the SDL drift test (schema/schema.graphql), which the mutation run leaves out
  const union = createUnionType({
    name,
    // Stryker disable next-line StringLiteral,Regex: guarded by the SDL drift test (schema/schema.graphql), which the mutation run leaves out
    description: `The outcome of ${name.replace(/Result$/, '')}: the success type or one of the errors that can happen to it.`,
    // Stryker disable next-line ArrowFunction: guarded by the SDL drift test (schema/schema.graphql), which the mutation run leaves out
    types: () => [success, ...members] as const,
  });
  const fail = (error: unknown): ErrorInterface => {
    if (!(error instanceof VendorError)) throw error;
    const errorClass = ERROR_CLASS_BY_CODE[error.code];
    if (!errorClass) throw error;
    return (members.includes(errorClass) ? errorClass : UnclassifiedVendorError).from(withInputPath(error, inputPaths));
  };
  return { union, fail, success };
}
