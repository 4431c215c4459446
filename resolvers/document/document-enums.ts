import { registerEnumType } from 'type-graphql';
import { ContractStatus, DocumentStatus } from '../../datasources/vnpt-econtract/model';

/*
 * Registers the VNPT eContract enums with type-graphql once, when this module is first imported (type-graphql's
 * own idiom); the domain enums' names are the GraphQL values. The datasource maps the vendor's numbers by value.
 */
registerEnumType(DocumentStatus, {
  name: 'DocumentStatus',
  description:
    'VNPT eContract document status by value (1 NEW, 2 READY, 3 PROCESSING, 4 COMPLETED, 5 CORRECTING, -1 REJECTED, ' +
    '-2 DELETED, -3 CANCELED); UNKNOWN for values added later.',
  valuesConfig: {
    READY: { description: 'Can be canceled by its creator.' },
    PROCESSING: { description: 'Can be canceled by its creator.' },
    COMPLETED: { description: 'Can be canceled by its creator.' },
    UNKNOWN: { description: 'A status value this service does not know yet; see `statusDescription`.' },
  },
});
registerEnumType(ContractStatus, {
  name: 'ContractStatus',
  description:
    'VNPT eContract contract validity by value (0 UNDEFINED, 1 ACTIVE, 2 NEARLY_EXPIRED, -1 EXPIRED, -2 NOT_YET_EFFECTIVE); ' +
    'UNKNOWN for values added later.',
});
