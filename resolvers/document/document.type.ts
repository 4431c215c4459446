import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import {
  ContractStatus,
  DocumentStatus,
  type CodedValue,
  type DocumentHistoryRecord,
  type DocumentProcessRecord,
  type DocumentRecord,
  type DocumentTypeRecord,
  type DocumentUserRecord,
} from '../../datasources/vnpt-econtract/model';
import { Scope, requiresScopesDirective } from '../../src/auth/scopes';
import { VENDOR_CALL_COST } from '../shared/demand-control';

/*
 * The GraphQL shape of a VNPT eContract document. Resolvers return the datasource's records as they are:
 * GraphQL exposes only the fields declared here, which is how personal data the vendor sends stays inside
 * (a processing user's email and phone, the IP address of each history entry) and how download URLs,
 * which embed a token, never appear (the datasource does not even map them).
 */

@ObjectType('DocumentCodedValue', {
  simpleResolvers: true,
  description:
    "One of VNPT's `{value, description}` pairs whose values are only partly documented (process status, access " +
    "permission, display type, activity...). Switch on `value`; `description` is the vendor's wording and varies.",
})
export class DocumentCodedValue implements CodedValue {
  @Field(() => Int)
  value!: number;

  @Field(() => String, { nullable: true, description: "The vendor's wording; it varies, so switch on `value`." })
  description?: string;
}

@ObjectType('DocumentUser', {
  simpleResolvers: true,
  description:
    'A VNPT user who processed a step. Only the vendor id, user code and display name are exposed: email and ' +
    'phone are personal data this API does not pass on.',
})
export class DocumentUser implements Pick<DocumentUserRecord, 'id' | 'code' | 'name'> {
  @Field(() => Int, { description: 'VNPT user id.' })
  id!: number;

  @Field(() => String, { nullable: true, description: 'VNPT user code (login name), e.g. `trinhttv`.' })
  code?: string;

  @Field(() => String, { nullable: true })
  name?: string;
}

@ObjectType('DocumentProcess', { simpleResolvers: true, description: "One step of the document's signing or filling process." })
export class DocumentProcess implements Omit<DocumentProcessRecord, 'processedBy'> {
  @Field(() => ID, { nullable: true })
  id?: string;

  @Field(() => Int, { nullable: true, description: 'Position of the step (1-based).' })
  orderNo?: number;

  @Field(() => Boolean, { nullable: true, description: 'Whether the step waits for the steps before it.' })
  isOrder?: boolean;

  @Field(() => DocumentCodedValue, { nullable: true, description: 'e.g. 1 Waiting, 5 Filled.' })
  status?: DocumentCodedValue;

  @Field(() => DocumentCodedValue, { nullable: true, description: 'e.g. 1 View only, 2 Sign draw, 5 Fill data.' })
  accessPermission?: DocumentCodedValue;

  @Field(() => DocumentCodedValue, { nullable: true, description: 'e.g. 2 Text and image.' })
  displayType?: DocumentCodedValue;

  @Field(() => Date, { nullable: true })
  processedAt?: Date;

  @Field(() => DocumentUser, { nullable: true })
  processedBy?: DocumentUser;
}

@ObjectType('DocumentHistory', {
  simpleResolvers: true,
  description: "One entry of the document's audit trail. The client's IP address, which the vendor records, is not exposed.",
})
export class DocumentHistory implements Omit<DocumentHistoryRecord, 'ipAddress'> {
  @Field(() => Date, { nullable: true, description: 'Null when the vendor sent no readable date.' })
  createdAt?: Date;

  @Field(() => DocumentCodedValue, { nullable: true, description: 'How the action was requested, e.g. 0 Web.' })
  requestType?: DocumentCodedValue;

  @Field(() => DocumentCodedValue, { nullable: true, description: 'What happened, e.g. -3 Cancel document.' })
  activity?: DocumentCodedValue;
}

@ObjectType('DocumentType', { simpleResolvers: true, description: 'The kind of document, e.g. code `CKDS`.' })
export class DocumentType implements DocumentTypeRecord {
  @Field(() => Int)
  id!: number;

  @Field(() => String, { nullable: true })
  code?: string;

  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => String, { nullable: true })
  description?: string;
}

@Directive('@key(fields: "id")')
@Directive(requiresScopesDirective(Scope.DOCUMENTS_READ))
// VNPT has no batch read: every Document a router resolves by reference costs one GET.
@Directive(VENDOR_CALL_COST)
@ObjectType('Document', { simpleResolvers: true, description: 'A VNPT eContract document (chứng từ). Download URLs are not exposed.' })
export class Document implements DocumentRecord {
  @Field(() => ID, { description: 'The VNPT document id.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'Document number, e.g. `TEST.20231026.2XFNKLYO`; null when the vendor sent none.' })
  no?: string;

  @Field(() => String, { nullable: true, description: 'Null when the vendor sent none.' })
  subject?: string;

  @Field(() => DocumentStatus)
  status!: DocumentStatus;

  @Field(() => String, { nullable: true, description: "The vendor's wording of the status (varies; switch on `status`)." })
  statusDescription?: string;

  @Field(() => ContractStatus)
  contractStatus!: ContractStatus;

  @Field(() => String, { nullable: true, description: 'Why the document was canceled or rejected.' })
  reason?: string;

  @Field(() => String, { nullable: true })
  description?: string;

  @Field(() => Date, { nullable: true })
  createdAt?: Date;

  @Field(() => Date, { nullable: true })
  lastModifiedAt?: Date;

  @Field(() => Date, { nullable: true })
  completedAt?: Date;

  @Field(() => Int, { nullable: true, description: 'VNPT user id of the creator; only the creator may cancel.' })
  createdByUserId?: number;

  @Field(() => Int, { nullable: true })
  processRecipientCount?: number;

  @Field(() => Boolean, { nullable: true, description: 'Whether the steps run in order.' })
  processInOrder?: boolean;

  @Field(() => DocumentType, { nullable: true })
  type?: DocumentType;

  @Field(() => [DocumentProcess])
  processes!: DocumentProcess[];

  @Field(() => [DocumentHistory])
  histories!: DocumentHistory[];
}
