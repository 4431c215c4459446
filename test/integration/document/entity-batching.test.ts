import { gql } from 'graphql-tag';
import { startTestApp, type TestApp } from '../../support/test-app';
import { vnptCalls } from './vnpt-wire';

/** What a router sends to resolve Document references (not in the committed SDL, so not code-generated). */
const DOCUMENT_ENTITIES = gql`
  query DocumentEntities($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Document {
        id
        status
        type {
          code
        }
      }
    }
  }
`;

interface EntitiesData {
  readonly _entities: readonly ({ readonly id: string; readonly status: string } | null)[];
}

describe('Document references through the per-request DataLoader', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  beforeEach(() => {
    t.vnpt.clearRecords();
    t.vnpt.faults.clear();
  });
  afterAll(() => t.close());

  const resolve = (ids: readonly string[]) =>
    t.graphql<EntitiesData, { representations: unknown[] }>(DOCUMENT_ENTITIES, {
      representations: ids.map((id) => ({ __typename: 'Document', id })),
    });

  it('reads each distinct id once, keeps the order, and answers null for unknown ids', async () => {
    const { READY, PROCESSING } = t.vnpt.seeded.byStatus;
    const unknown = '99999999-9999-9999-9999-999999999999';
    const result = await resolve([READY, PROCESSING, READY, unknown, READY, PROCESSING]);
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      { id: READY, status: 'READY', type: { code: 'CKDS' } },
      { id: PROCESSING, status: 'PROCESSING', type: { code: 'CKDS' } },
      { id: READY, status: 'READY', type: { code: 'CKDS' } },
      null,
      { id: READY, status: 'READY', type: { code: 'CKDS' } },
      { id: PROCESSING, status: 'PROCESSING', type: { code: 'CKDS' } },
    ]);
    expect(
      vnptCalls(t.vnpt)
        .gets.map((request) => request.url)
        .sort(),
    ).toEqual([READY, PROCESSING, unknown].map((id) => `/api/documents/${id}`).sort());
  });

  it('fails only the reference whose read failed; the others keep their data', async () => {
    const { READY, COMPLETED } = t.vnpt.seeded.byStatus;
    const { ownedByOther } = t.vnpt.seeded;
    // One permanent refusal for the first read; the loader keeps each key's outcome apart.
    t.vnpt.faults.inject('get-document', { kind: 'error', code: '403', httpStatus: 403, message: 'Forbidden' });
    const result = await resolve([READY, COMPLETED, ownedByOther]);
    const entities = result.data?._entities ?? [];
    expect(entities.filter((entity) => entity === null)).toHaveLength(1);
    expect(entities.filter((entity) => entity !== null)).toHaveLength(2);
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'PERMISSION_DENIED', vendor: 'VNPT_ECONTRACT', vendorCode: 'HTTP_403' });
  });
});
