import { registerEnumType } from 'type-graphql';
import { FinancialRelation, InvitationDecision, InvitationType } from '../../datasources/volcengine-billing/model';

/*
 * Registers the Volcengine Billing enums with type-graphql once, when this module is first imported
 * (type-graphql's own idiom); the domain enums' names are the GraphQL values. The datasource maps the
 * vendor's numbers by value (`datasources/volcengine-billing/wire-codes.ts`).
 */
const READ_ONLY_UNKNOWN = {
  description: 'A value the vendor added after this service was written. Read only: refused as input.',
};

registerEnumType(InvitationType, {
  name: 'InvitationType',
  description: 'Volcengine invitation type by value (1 RELATION, 2 AUTHORIZATION); UNKNOWN for values added later.',
  valuesConfig: {
    RELATION: { description: 'Vendor InvitationType 1: an invitation to a financial relation (custody or management).' },
    AUTHORIZATION: { description: 'Vendor InvitationType 2: an authorization offered on an established relation.' },
    UNKNOWN: READ_ONLY_UNKNOWN,
  },
});

registerEnumType(FinancialRelation, {
  name: 'FinancialRelation',
  description: 'Volcengine financial relation by value (1 FINANCIAL_CUSTODY, 4 FINANCIAL_MANAGEMENT); UNKNOWN for values added later.',
  valuesConfig: {
    FINANCIAL_CUSTODY: { description: 'Vendor Relation 1 (财务托管).' },
    FINANCIAL_MANAGEMENT: { description: 'Vendor Relation 4 (财务管理).' },
    UNKNOWN: READ_ONLY_UNKNOWN,
  },
});

registerEnumType(InvitationDecision, {
  name: 'InvitationDecision',
  description: 'How to answer an invitation: the HandleInvitation body `Action` (2 ACCEPT, 3 REJECT).',
  valuesConfig: {
    ACCEPT: { description: 'Vendor Action 2.' },
    REJECT: { description: 'Vendor Action 3.' },
  },
});
