import 'reflect-metadata';
import { ErrorCode } from '../../../src/errors/error-code';
import { VendorError } from '../../../src/errors/vendor-error';
import { RespondToInvitationResult } from '../../../resolvers/invitation/respond-to-invitation.result';
import { CancelDocumentResult } from '../../../resolvers/document/cancel-document.result';
import { InvalidInputError, IdempotencyConflictError } from '../../../resolvers/shared/errors/error.types';

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
