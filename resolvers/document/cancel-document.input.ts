import { Field, ID, InputType } from 'type-graphql';
import { CANCEL_REASON_MAX_LENGTH } from './cancel-document.validation';

@InputType('CancelDocumentInput', {
  description: "Cancel a Ready, Processing or Completed VNPT document. Only its creator (this service's VNPT user) may.",
})
export class CancelDocumentInput {
  @Field(() => ID, { description: 'The VNPT document id.' })
  documentId!: string;

  @Field(() => String, { description: `Why the document is canceled; 1–${CANCEL_REASON_MAX_LENGTH} characters.` })
  reason!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Makes retries safe: the first outcome is replayed for 24 h for the same key and input.',
  })
  idempotencyKey?: string | null;
}
