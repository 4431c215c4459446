import { registerEnumType } from 'type-graphql';
import { ErrorCode } from '../../src/errors/error-code';
import { Vendor } from '../../src/errors/vendor';

/* Registers the cross-domain enums with type-graphql once, when this module is first imported. */
registerEnumType(ErrorCode, {
  name: 'ErrorCode',
  description: 'Stable failure codes: switch on these, never on message text.',
});
registerEnumType(Vendor, { name: 'Vendor', description: 'The vendor an error came from.' });
