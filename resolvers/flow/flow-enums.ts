import { registerEnumType } from 'type-graphql';
import { ApproverStatus, FlowStatus, ReleasedApproverType, RemindType, SignComponentType } from '../../datasources/tencent-ess/model';
import { FlowOperation } from '../../src/events/agreement-event';

/*
 * Registers the ESS enums with type-graphql once, when this module is first imported (type-graphql's own
 * idiom); the domain enums' names are the GraphQL values.
 */
registerEnumType(FlowStatus, {
  name: 'FlowStatus',
  description: 'ESS FlowStatus by value (0 NOT_STARTED … 21 RELEASED); UNKNOWN for values added later.',
});
registerEnumType(ApproverStatus, {
  name: 'ApproverStatus',
  description: 'ESS ApproveStatus by value; UNKNOWN for values added later.',
});
registerEnumType(RemindType, { name: 'RemindType' });
registerEnumType(ReleasedApproverType, { name: 'ReleasedApproverType' });
registerEnumType(SignComponentType, { name: 'SignComponentType' });
registerEnumType(FlowOperation, {
  name: 'FlowOperation',
  description: 'What happened to a flow, from the ESS callback `Operate`; UNKNOWN for an operation added later.',
});
