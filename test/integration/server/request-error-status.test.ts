import { request } from 'undici';
import { startTestApp, type TestApp } from '../../support/test-app';

/**
 * DESIGN.md, security contract: parse errors, validation errors and query-limit refusals are HTTP 400
 * with `GRAPHQL_PARSE_FAILED` / `GRAPHQL_VALIDATION_FAILED`, never 500, and stack traces never leave.
 * Documents are sent as raw text (not through `parse`/`print`) so that broken ones reach the server as is.
 */

interface RawResponse {
  readonly status: number;
  readonly text: string;
  readonly body: {
    readonly data?: unknown;
    readonly errors?: readonly {
      readonly message: string;
      readonly locations?: readonly { readonly line: number; readonly column: number }[];
      readonly extensions?: Readonly<Record<string, unknown>>;
    }[];
  };
}

async function post(t: TestApp, query: string): Promise<RawResponse> {
  const response = await request(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const text = await response.body.text();
  return { status: response.statusCode, text, body: JSON.parse(text) as RawResponse['body'] };
}

const repeat = (times: number, text: string): string => Array.from({ length: times }, () => text).join(' ');

/** `{ ... on Query { … __typename … } }`: each inline fragment is one level of depth. */
const nestedInlineFragments = (levels: number): string => `{ ${repeat(levels, '... on Query {')} __typename ${repeat(levels, '}')} }`;

/**
 * A valid document of exactly `tokens` lexical tokens: 20 of syntax around a list of `tokens - 20` ids, in
 * a field that is skipped (no vendor call). Repeating one field instead would trip graphql-js's own budget
 * for comparing overlapping fields long before the token limit.
 */
const documentOfTokens = (tokens: number): string => `{ __typename flows(ids: [${repeat(tokens - 20, '"f"')}]) @skip(if: true) { id } }`;

const aliasedFlows = (count: number): string =>
  `query { ${Array.from({ length: count }, (_, index) => `a${index}: flow(id: "f${index}") { id }`).join(' ')} }`;

function expectClientError(response: RawResponse, code: string): void {
  expect(response.status).toBe(400);
  expect(response.body.data ?? null).toBeNull();
  expect(response.body.errors?.length).toBeGreaterThan(0);
  for (const error of response.body.errors ?? []) {
    expect(error.extensions?.code).toBe(code);
  }
  expect(response.text).not.toMatch(/stacktrace/i);
  expect(response.text).not.toMatch(/\n\s+at /);
}

function describeClientErrors(settings: string, env: Readonly<Record<string, string>>): void {
  describe(`client errors answer HTTP 400 (${settings})`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ env });
    });
    afterAll(() => t.close());

    it('answers a syntax error with GRAPHQL_PARSE_FAILED at its location', async () => {
      // The closing brace of the operation is missing: the parser meets <EOF> just past column 28.
      const response = await post(t, 'query { flow(id: "x") { id }');
      expectClientError(response, 'GRAPHQL_PARSE_FAILED');
      expect(response.body.errors).toHaveLength(1);
      expect(response.body.errors?.[0]?.message).toMatch(/^Syntax Error: /);
      expect(response.body.errors?.[0]?.locations).toEqual([{ line: 1, column: 29 }]);
      expect(t.ess.requests()).toHaveLength(0);
    });

    it('answers an unknown field with GRAPHQL_VALIDATION_FAILED', async () => {
      const response = await post(t, 'query { flow(id: "x") { nam } }');
      expectClientError(response, 'GRAPHQL_VALIDATION_FAILED');
      expect(response.body.errors?.[0]?.message).toMatch(/Cannot query field "nam" on type "Flow"/);
      expect(response.body.errors?.[0]?.locations).toEqual([{ line: 1, column: 25 }]);
    });

    it('refuses a document over the token limit with GRAPHQL_VALIDATION_FAILED', async () => {
      const response = await post(t, documentOfTokens(2_001));
      expectClientError(response, 'GRAPHQL_VALIDATION_FAILED');
      expect(response.body.errors).toHaveLength(1);
      expect(response.body.errors?.[0]?.message).toMatch(/2001 tokens; at most 2000/);
      expect(t.ess.requests()).toHaveLength(0);
    });

    it('stops parsing a hostile document at the parser cap with GRAPHQL_PARSE_FAILED', async () => {
      const response = await post(t, documentOfTokens(20_001));
      expectClientError(response, 'GRAPHQL_PARSE_FAILED');
      expect(response.body.errors?.[0]?.message).toMatch(/20000 tokens/);
      expect(response.body.errors?.[0]?.locations).toHaveLength(1);
    });

    it('answers a document of exactly 2000 tokens', async () => {
      const response = await post(t, documentOfTokens(2_000));
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ data: { __typename: 'Query' } });
      expect(t.ess.requests()).toHaveLength(0);
    });

    it('refuses a document deeper than 10 levels with GRAPHQL_VALIDATION_FAILED', async () => {
      const response = await post(t, nestedInlineFragments(10));
      expectClientError(response, 'GRAPHQL_VALIDATION_FAILED');
      expect(response.body.errors?.[0]?.message).toMatch(/depth limit of 10 exceeded, found 11/);
    });

    it('answers a document 10 levels deep', async () => {
      const response = await post(t, nestedInlineFragments(9));
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ data: { __typename: 'Query' } });
    });

    it('refuses more than 15 aliases with GRAPHQL_VALIDATION_FAILED before any vendor call', async () => {
      const response = await post(t, aliasedFlows(16));
      expectClientError(response, 'GRAPHQL_VALIDATION_FAILED');
      expect(response.body.errors?.[0]?.message).toMatch(/Aliases limit of 15 exceeded, found 16/);
      expect(t.ess.requests()).toHaveLength(0);
    });

    it('refuses a document over the cost limit with GRAPHQL_VALIDATION_FAILED', async () => {
      // Few tokens, little depth, no aliases: the cost comes from one fragment spread many times.
      const query = `query { flow(id: "x") { approvers { ${repeat(30, '...F')} } } } fragment F on FlowApprover { ${repeat(100, 'name')} }`;
      const response = await post(t, query);
      expectClientError(response, 'GRAPHQL_VALIDATION_FAILED');
      expect(response.body.errors?.[0]?.message).toMatch(/Cost limit of 5000 exceeded/);
      expect(t.ess.requests()).toHaveLength(0);
    });

    it('refuses more than 50 directives with GRAPHQL_VALIDATION_FAILED', async () => {
      const response = await post(t, `{ __typename ${repeat(51, '@include(if: true)')} }`);
      expectClientError(response, 'GRAPHQL_VALIDATION_FAILED');
      expect(response.body.errors?.[0]?.message).toMatch(/Directives limit of 50 exceeded, found 51/);
    });
  });
}

describeClientErrors('development settings', {});
describeClientErrors('production settings', { NODE_ENV: 'production' });
