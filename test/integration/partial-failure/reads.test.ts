import { gql } from 'graphql-tag';
import { makeFlows } from '../../../src/sandbox/tencent-ess/simulator';
import { FlowsByIdsDocument } from '../../generated/graphql';
import { vnptCalls } from '../document/vnpt-wire';
import { startTestApp, type TestApp } from '../../support/test-app';

/**
 * DESIGN.md "Nullability is a blast-radius decision": every root field is nullable, so one failing field
 * or one bad id nulls that field (or that list slot) alone and its siblings survive.
 */
const FLOW_AND_DOCUMENT = gql`
  query FlowAndDocument($flowId: ID!, $documentId: ID!) {
    flow(id: $flowId) {
      id
      status
    }
    document(id: $documentId) {
      id
      status
    }
  }
`;

const ENTITIES = gql`
  query Entities($representations: [_Any!]!) {
    _entities(representations: $representations) {
      __typename
      ... on Flow {
        id
        flowStatus: status
      }
      ... on Document {
        id
        documentStatus: status
      }
    }
  }
`;

interface FlowAndDocumentData {
  readonly flow: { readonly id: string; readonly status: string } | null;
  readonly document: { readonly id: string; readonly status: string } | null;
}

interface EntitiesData {
  readonly _entities: readonly ({ readonly __typename: string; readonly id: string } | null)[];
}

describe('partial failure of reads', () => {
  let t: TestApp;
  const flows = makeFlows(2, 'partial-reads');
  const flowId = (index: number): string => flows.at(index)?.FlowId ?? '';

  beforeAll(async () => {
    t = await startTestApp();
    for (const flow of flows) t.ess.putFlow(flow);
  });
  beforeEach(() => {
    t.ess.clearRecords();
    t.ess.faults.clear();
    t.vnpt.clearRecords();
    t.vnpt.faults.clear();
  });
  afterAll(() => t.close());

  const describedIds = (): unknown[] => t.ess.accepted('DescribeFlowInfo').map((request) => request.body.FlowIds);

  describe('sibling root fields', () => {
    it('keeps the document when the flow read fails at the vendor', async () => {
      t.ess.faults.inject('DescribeFlowInfo', { kind: 'error', code: 'InternalError' }, 100);
      const documentId = t.vnpt.seeded.byStatus.READY;

      const result = await t.graphql<FlowAndDocumentData, unknown>(FLOW_AND_DOCUMENT, { flowId: flowId(0), documentId });

      expect(result.data).toEqual({ flow: null, document: { id: documentId, status: 'READY' } });
      expect(result.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[['flow'], 'VENDOR_UNAVAILABLE']]);
    });

    it('keeps the flow when the document read fails at the vendor', async () => {
      t.vnpt.faults.inject('get-document', { kind: 'raw', status: 503, body: 'unavailable' }, 100);

      const result = await t.graphql<FlowAndDocumentData, unknown>(FLOW_AND_DOCUMENT, {
        flowId: flowId(0),
        documentId: t.vnpt.seeded.byStatus.READY,
      });

      expect(result.data?.flow).toMatchObject({ id: flowId(0) });
      expect(result.data?.document).toBeNull();
      expect(result.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[['document'], 'VENDOR_UNAVAILABLE']]);
    });

    it('keeps the document when the flow id is invalid, and asks the vendor nothing for it', async () => {
      const documentId = t.vnpt.seeded.byStatus.PROCESSING;

      const result = await t.graphql<FlowAndDocumentData, unknown>(FLOW_AND_DOCUMENT, { flowId: '   ', documentId });

      expect(result.data).toEqual({ flow: null, document: { id: documentId, status: 'PROCESSING' } });
      expect(result.errors?.map((error) => [error.path, error.extensions?.code, error.extensions?.field])).toEqual([
        [['flow'], 'INVALID_INPUT', 'id'],
      ]);
      expect(t.ess.requests()).toEqual([]);
    });
  });

  describe('flows(ids:)', () => {
    it('answers ordered slots: an error at the empty id, null without one for the unknown id, no vendor call for the empty id', async () => {
      const ids = [flowId(0), '', 'yDwFmUnknown000000000000000000', flowId(0)];

      const result = await t.graphql(FlowsByIdsDocument, { ids });

      expect(result.data?.flows?.map((flow) => flow?.id ?? null)).toEqual([flowId(0), null, null, flowId(0)]);
      expect(result.errors?.map((error) => [error.path, error.extensions?.code, error.extensions?.field])).toEqual([
        [['flows', 1], 'INVALID_INPUT', 'ids[1]'],
      ]);
      expect(describedIds()).toEqual([[flowId(0), 'yDwFmUnknown000000000000000000']]);
    });

    it('nulls only the list when it is refused as a whole, keeping a sibling', async () => {
      const tooMany = Array.from({ length: 1001 }, (_unused, index) => `id-${String(index)}`);
      const query = gql`
        query TooMany($ids: [ID!]!, $documentId: ID!) {
          flows(ids: $ids) {
            id
          }
          document(id: $documentId) {
            id
          }
        }
      `;

      const result = await t.graphql<{ flows: unknown; document: { id: string } | null }, unknown>(query, {
        ids: tooMany,
        documentId: t.vnpt.seeded.byStatus.READY,
      });

      expect(result.data).toEqual({ flows: null, document: { id: t.vnpt.seeded.byStatus.READY } });
      expect(result.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[['flows'], 'INVALID_INPUT']]);
      expect(t.ess.requests()).toEqual([]);
    });
  });

  describe('_entities', () => {
    it('refuses invalid reference ids entity by entity before any vendor call, and answers null for unknown ones', async () => {
      const representations = [
        { __typename: 'Flow', id: flowId(1) },
        { __typename: 'Flow', id: '' },
        { __typename: 'Flow', id: 'x'.repeat(10_000) },
        { __typename: 'Flow', id: 'yDwFmUnknown000000000000000000' },
        { __typename: 'Document', id: 42 },
        { __typename: 'Document', id: t.vnpt.seeded.byStatus.READY },
      ];

      const result = await t.graphql<EntitiesData, unknown>(ENTITIES, { representations });

      expect(result.data?._entities.map((entity) => entity?.id ?? null)).toEqual([
        flowId(1),
        null,
        null,
        null,
        null,
        t.vnpt.seeded.byStatus.READY,
      ]);
      expect(result.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([
        [['_entities', 1], 'INVALID_INPUT'],
        [['_entities', 2], 'INVALID_INPUT'],
        [['_entities', 4], 'INVALID_INPUT'],
      ]);
      expect(describedIds()).toEqual([[flowId(1), 'yDwFmUnknown000000000000000000']]);
      expect(vnptCalls(t.vnpt).gets).toHaveLength(1);
    });

    it('nulls only the entities of the batch whose vendor failed', async () => {
      t.ess.faults.inject('DescribeFlowInfo', { kind: 'error', code: 'InternalError' }, 100);
      const documentId = t.vnpt.seeded.byStatus.COMPLETED;
      const representations = [
        { __typename: 'Flow', id: flowId(0) },
        { __typename: 'Document', id: documentId },
        { __typename: 'Flow', id: flowId(1) },
      ];

      const result = await t.graphql<EntitiesData, unknown>(ENTITIES, { representations });

      expect(result.data?._entities).toEqual([null, { __typename: 'Document', id: documentId, documentStatus: 'COMPLETED' }, null]);
      expect(result.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([
        [['_entities', 0], 'VENDOR_UNAVAILABLE'],
        [['_entities', 2], 'VENDOR_UNAVAILABLE'],
      ]);
    });
  });
});
