import 'reflect-metadata';
import { ErrorCode } from '../../../src/errors/error-code';
import { VendorError } from '../../../src/errors/vendor-error';
import { RespondToInvitationResult } from '../../../resolvers/invitation/respond-to-invitation.result';
import { CancelDocumentResult } from '../../../resolvers/document/cancel-document.result';
import { InvalidInputError, IdempotencyConflictError, UnclassifiedVendorError } from '../../../resolvers/shared/errors/error.types';

/**
 * Lower layers blame a field by the name they know (the vendor's body field, the idempotency service's
 * `idempotencyKey`); a client must see the GraphQL input path of the mutation it sent (DESIGN.md:
 * `InvalidInputError { field }` names the culprit). Expected paths are the input fields of the SDL.
 */
describe('defineMutationResult: fields blamed below the resolver layer', () => {
  it.each([
    ['MajorAccountID', 'input.majorAccountId'],
    ['RelationID', 'input.relationId'],
    ['AuthID', 'input.authId'],
    ['Relation', 'input.relation'],
    ['InvitationType', 'input.invitationType'],
  ])('renders the Volcengine body field %s as %s for respondToInvitation', (vendorField, inputPath) => {
    const rendered = RespondToInvitationResult.fail(VendorError.invalidInput(vendorField, 'bad'));

    expect(rendered).toBeInstanceOf(InvalidInputError);
    expect(rendered).toMatchObject({ code: ErrorCode.INVALID_INPUT, field: inputPath, message: 'bad' });
  });

  it('renders the idempotency service field as input.idempotencyKey for every keyed mutation', () => {
    const conflict = new VendorError({ code: ErrorCode.IDEMPOTENCY_CONFLICT, message: 'reused', field: 'idempotencyKey' });

    expect(CancelDocumentResult.fail(conflict)).toBeInstanceOf(IdempotencyConflictError);
    expect(CancelDocumentResult.fail(VendorError.invalidInput('idempotencyKey', 'empty'))).toMatchObject({ field: 'input.idempotencyKey' });
    expect(RespondToInvitationResult.fail(VendorError.invalidInput('idempotencyKey', 'empty'))).toMatchObject({
      field: 'input.idempotencyKey',
    });
  });

  it('keeps a field that is already an input path, and keeps every other property of the error', () => {
    const original = new VendorError({
      code: ErrorCode.INVALID_INPUT,
      message: 'reason too long',
      field: 'input.reason',
      vendorCode: 'InvalidParameter',
      vendorRequestId: 'req-1',
    });

    expect(CancelDocumentResult.fail(original)).toMatchObject({
      field: 'input.reason',
      vendorCode: 'InvalidParameter',
      vendorRequestId: 'req-1',
    });
  });
});

describe('defineMutationResult: what is not an error object', () => {
  it('re-throws anything that is not a VendorError, to become a top-level error', () => {
    const bug = new TypeError('a bug of ours');
    expect(() => CancelDocumentResult.fail(bug)).toThrow(bug);
  });

  it('re-throws a foreign error that happens to carry one of our codes, rather than render it as ours', () => {
    // A library error (ioredis, undici, Node) carries a `code` too; only a VendorError says what the vendor did.
    const foreign = Object.assign(new Error('not from a vendor'), { code: 'NOT_FOUND' });
    expect(() => CancelDocumentResult.fail(foreign)).toThrow(foreign);
  });

  it.each([ErrorCode.UNAUTHENTICATED, ErrorCode.FORBIDDEN, ErrorCode.INTERNAL])('re-throws %s, which is always top-level', (code) => {
    const error = new VendorError({ code, message: 'top-level' });
    expect(() => CancelDocumentResult.fail(error)).toThrow(error);
  });

  it('renders a code outside the union as the catch-all VendorError object, keeping the code', () => {
    const rendered = CancelDocumentResult.fail(new VendorError({ code: ErrorCode.ALREADY_EXISTS, message: 'exists' }));
    expect(rendered).toBeInstanceOf(UnclassifiedVendorError);
    expect(rendered).toMatchObject({ code: ErrorCode.ALREADY_EXISTS, message: 'exists' });
  });

  it('leaves an error without a field unblamed', () => {
    const rendered = RespondToInvitationResult.fail(new VendorError({ code: ErrorCode.VENDOR_UNAVAILABLE, message: 'down' }));
    expect(rendered).toMatchObject({ code: ErrorCode.VENDOR_UNAVAILABLE });
    expect('field' in rendered ? rendered.field : undefined).toBeUndefined();
  });
});
