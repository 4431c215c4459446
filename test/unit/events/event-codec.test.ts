import { FlowStatus } from '../../../datasources/tencent-ess/model';
import { DocumentStatus } from '../../../datasources/vnpt-econtract/model';
import { FlowOperation, type AgreementEvent } from '../../../src/events/agreement-event';
import { decodeEvent, entityIdOf, entityTypeOf } from '../../../src/events/event-codec';

/** One event of each kind, as a replica publishes them (JSON of the event itself, DESIGN.md "Events"). */
const FLOW = {
  kind: 'flow',
  eventId: 'ess-msg-1',
  flowId: 'yDwFmUUckpstqfvzUE1h3jo1f3cqjkGm',
  status: 'SIGNED',
  operation: 'FINISH',
  occurredAt: '2026-03-02T09:00:00.000Z',
} as const;
const DOCUMENT = {
  kind: 'document',
  eventId: 'vnpt-1',
  documentId: '8f5e8c9e-3b0a-4c55-9d43-6b7f0e0a1c11',
  status: 'CANCELED',
  occurredAt: '2026-03-02T09:00:00.000Z',
} as const;
const INVITATION = {
  kind: 'invitation',
  eventId: 'volc-1',
  invitationId: 'inv-1',
  status: '关系已建立',
  occurredAt: '2026-03-02T09:00:00.000Z',
} as const;

describe('decodeEvent', () => {
  it.each([
    ['flow', FLOW],
    ['document', DOCUMENT],
    ['invitation', INVITATION],
  ])('reads back a %s event exactly as it was published', (_kind, event) => {
    expect(decodeEvent(JSON.stringify(event))).toEqual(event);
  });

  it('keeps only the fields of the event, not what else the message carries', () => {
    expect(decodeEvent(JSON.stringify({ ...FLOW, secret: 'x', approvers: [] }))).toEqual(FLOW);
  });

  it.each<readonly [string, string]>([
    ['text that is not JSON', '{"kind":"flow",'],
    ['a JSON array', JSON.stringify([FLOW])],
    ['JSON null', 'null'],
    ['an unknown kind', JSON.stringify({ ...FLOW, kind: 'contract' })],
    ['no kind', JSON.stringify({ ...FLOW, kind: undefined })],
    ['no eventId', JSON.stringify({ ...FLOW, eventId: undefined })],
    ['an empty eventId', JSON.stringify({ ...FLOW, eventId: '' })],
    ['a numeric eventId', JSON.stringify({ ...FLOW, eventId: 7 })],
    ['no occurredAt', JSON.stringify({ ...DOCUMENT, occurredAt: undefined })],
    ['an empty occurredAt', JSON.stringify({ ...INVITATION, occurredAt: '' })],
    ['a flow without flowId', JSON.stringify({ ...FLOW, flowId: '' })],
    ['a flow status that is no FlowStatus', JSON.stringify({ ...FLOW, status: 'signed' })],
    ['a flow operation that is no FlowOperation', JSON.stringify({ ...FLOW, operation: 'finish' })],
    ['a document without documentId', JSON.stringify({ ...DOCUMENT, documentId: undefined })],
    ['a document status that is no DocumentStatus', JSON.stringify({ ...DOCUMENT, status: 'SIGNED' })],
    ['an invitation without invitationId', JSON.stringify({ ...INVITATION, invitationId: '' })],
    ['an invitation without status', JSON.stringify({ ...INVITATION, status: '' })],
  ])('drops %s', (_label, message) => {
    expect(decodeEvent(message)).toBeUndefined();
  });

  it('accepts every FlowStatus, FlowOperation and DocumentStatus by its exact name', () => {
    for (const status of Object.values(FlowStatus)) expect(decodeEvent(JSON.stringify({ ...FLOW, status }))).toMatchObject({ status });
    for (const operation of Object.values(FlowOperation)) {
      expect(decodeEvent(JSON.stringify({ ...FLOW, operation }))).toMatchObject({ operation });
    }
    for (const status of Object.values(DocumentStatus)) {
      expect(decodeEvent(JSON.stringify({ ...DOCUMENT, status }))).toMatchObject({ status });
    }
  });
});

describe('entityIdOf and entityTypeOf', () => {
  it.each<readonly [string, AgreementEvent, string, string]>([
    ['flow', { ...FLOW, status: FlowStatus.SIGNED, operation: FlowOperation.FINISH }, FLOW.flowId, 'Flow'],
    ['document', { ...DOCUMENT, status: DocumentStatus.CANCELED }, DOCUMENT.documentId, 'Document'],
    ['invitation', INVITATION, INVITATION.invitationId, 'Invitation'],
  ])('name the entity a %s event is about and its federation type', (_kind, event, id, type) => {
    expect(entityIdOf(event)).toBe(id);
    expect(entityTypeOf(event)).toBe(type);
  });
});
