import { parse } from 'graphql';
import { startTestApp, type TestApp } from '../../support/test-app';

/**
 * Every way an operation reaches a vendor counts against its VENDOR_CALLS_PER_OPERATION budget (DESIGN.md
 * "Reliability contract"): with a budget of one call, a document whose two fields each need a call gets
 * one answer and one QUOTA_EXCEEDED. The scope that carries the budget is passed from the request's
 * context to each vendor client, so a path that forgot to pass it would answer both fields; this test
 * covers each such path: the three loaders, the `invitations` list and the four mutations.
 */

interface GraphQLErrorShape {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions?: Readonly<Record<string, unknown>>;
}

/** The aliases of `data` whose field failed with QUOTA_EXCEEDED (as a GraphQL error or as a typed result). */
function refusedAliases(
  data: Readonly<Record<string, unknown>> | null | undefined,
  errors: readonly GraphQLErrorShape[] | undefined,
): string[] {
  const asErrors = (errors ?? []).filter((error) => error.extensions?.code === 'QUOTA_EXCEEDED').map((error) => String(error.path?.[0]));
  const asResults = Object.entries(data ?? {})
    .filter(([, value]) => typeof value === 'object' && value !== null && (value as { code?: unknown }).code === 'QUOTA_EXCEEDED')
    .map(([alias]) => alias);
  return [...asErrors, ...asResults].sort();
}

describe('the operation budget on every path to a vendor (VENDOR_CALLS_PER_OPERATION=1)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { VENDOR_CALLS_PER_OPERATION: '1' } });
  });
  afterAll(() => t.close());

  async function run(query: string): Promise<{ answered: string[]; refused: string[] }> {
    const result = await t.graphql<Record<string, unknown>, Record<string, never>>(parse(query));
    const refused = refusedAliases(result.data, result.errors);
    const answered = Object.entries(result.data ?? {})
      .filter(([alias, value]) => value !== null && !refused.includes(alias))
      .map(([alias]) => alias);
    return { answered, refused };
  }

  it('refuses the second flow batch (flow loader, DescribeFlowInfo takes 100 ids a call)', async () => {
    // 101 distinct ids: two batches. The loader's first batch is answered, the 101st id is refused.
    const ids = Array.from(
      { length: 101 },
      (_, index) => t.ess.seeded.signed[index] ?? `yDunknownBudgetFlow${String(index).padStart(13, '0')}`,
    );
    const result = await t.graphql<Record<string, unknown>, Record<string, never>>(
      parse(`{ a: flows(ids: [${ids.map((id) => `"${id}"`).join(', ')}]) { id } }`),
    );
    const errors = (result.errors ?? []) as readonly GraphQLErrorShape[];
    expect(errors.map((error) => [error.extensions?.code, error.path])).toEqual([['QUOTA_EXCEEDED', ['a', 100]]]);
  });

  it('refuses the second document read (document loader, GET /api/documents/{id})', async () => {
    const { READY, PROCESSING } = t.vnpt.seeded.byStatus;
    const outcome = await run(`{ a: document(id: "${READY}") { id status } b: document(id: "${PROCESSING}") { id status } }`);
    expect(outcome.refused).toHaveLength(1);
    expect(outcome.answered).toHaveLength(1);
  });

  it('refuses the second invitations list (the list field, ListInvitation)', async () => {
    const outcome = await run('{ a: invitations { id } b: invitations { id } }');
    expect(outcome).toEqual({ answered: ['a'], refused: ['b'] });
  });

  it('refuses the second createReleaseFlow (CreateReleaseFlow)', async () => {
    const [first, second] = t.ess.seeded.signed;
    const release = (alias: string, flowId: string): string =>
      `${alias}: createReleaseFlow(input: { flowId: "${flowId}", reason: "Both parties agree." }) { __typename ... on Error { code } }`;
    const outcome = await run(`mutation { ${release('a', first)} ${release('b', second)} }`);
    expect(outcome).toEqual({ answered: ['a'], refused: ['b'] });
  });

  it('refuses the second remindFlows (CreateFlowReminds)', async () => {
    const [first, second] = t.ess.seeded.pending;
    const remind = (alias: string, flowId: string): string =>
      `${alias}: remindFlows(input: { flowIds: ["${flowId}"] }) { __typename ... on Error { code } }`;
    const outcome = await run(`mutation { ${remind('a', first)} ${remind('b', second)} }`);
    expect(outcome).toEqual({ answered: ['a'], refused: ['b'] });
  });

  it('refuses the second cancelDocument (POST /api/documents/cancel)', async () => {
    const { READY, COMPLETED } = t.vnpt.seeded.byStatus;
    const cancel = (alias: string, documentId: string): string =>
      `${alias}: cancelDocument(input: { documentId: "${documentId}", reason: "Issued by mistake." }) { __typename ... on Error { code } }`;
    const outcome = await run(`mutation { ${cancel('a', READY)} ${cancel('b', COMPLETED)} }`);
    expect(outcome).toEqual({ answered: ['a'], refused: ['b'] });
  });

  it('refuses the second respondToInvitation (HandleInvitation)', async () => {
    const { pendingRelation, pendingManagement } = t.volc.seeded;
    const respond = (alias: string, relationId: string, majorAccountId: string, relation: string): string =>
      `${alias}: respondToInvitation(input: { decision: ACCEPT, invitationType: RELATION, relationId: "${relationId}", ` +
      `majorAccountId: "${majorAccountId}", relation: ${relation} }) { __typename ... on Error { code } }`;
    const outcome = await run(
      `mutation { ${respond('a', pendingRelation.relationId, pendingRelation.majorAccountId, 'FINANCIAL_CUSTODY')} ` +
        `${respond('b', pendingManagement.relationId, pendingManagement.majorAccountId, 'FINANCIAL_MANAGEMENT')} }`,
    );
    expect(outcome).toEqual({ answered: ['a'], refused: ['b'] });
  });
});
