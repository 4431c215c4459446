import { request } from 'undici';
import { startTestApp, type TestApp } from '../../support/test-app';

/**
 * DESIGN.md "Security contract": logs redact personal data also inside GET query strings, and client
 * mistakes are logged below `error`. A GraphQL GET carries the operation and its variables in the URL,
 * which fastify logs with every request.
 */
describe('request logs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const MOBILE = '13800138000';

  it('logs a GraphQL GET with its path but none of its query-string values (no phone number, no query)', async () => {
    const query = 'query LeakCheckOperation { __typename }';
    const variables = JSON.stringify({ mobile: MOBILE, name: '张三' });
    const target = `/graphql?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(variables)}&${MOBILE}=x`;
    const linesBefore = t.logs().length;

    const response = await request(`${t.url}${target}`, { headers: { 'apollo-require-preflight': 'true' } });

    expect(response.statusCode).toBe(200);
    expect(await response.body.json()).toEqual({ data: { __typename: 'Query' } });
    const records = t.logs().slice(linesBefore);
    const text = JSON.stringify(records);
    expect(text).not.toContain(MOBILE);
    expect(text).not.toContain(encodeURIComponent('张三'));
    expect(text).not.toContain('张三');
    expect(text).not.toContain('LeakCheckOperation');
    expect(text).not.toContain('__typename');
    expect(records).toContainEqual(
      expect.objectContaining({
        msg: 'incoming request',
        req: expect.objectContaining({ method: 'GET', url: '/graphql?query=[REDACTED]&variables=[REDACTED]&[REDACTED]' }) as unknown,
      }),
    );
  });

  it('writes one access line per request at info, its target redacted the same way', async () => {
    const target = `/graphql?query=${encodeURIComponent('{ __typename }')}&${MOBILE}=x`;
    const linesBefore = t.logs().length;
    const response = await request(`${t.url}${target}`, { headers: { 'apollo-require-preflight': 'true' } });
    await response.body.dump();
    const completed = t
      .logs()
      .slice(linesBefore)
      .filter((record) => record.msg === 'request completed');
    expect(completed).toEqual([
      expect.objectContaining({
        level: 30,
        service: 'agreements-subgraph',
        reqId: expect.any(String) as unknown,
        req: expect.objectContaining({ method: 'GET', url: '/graphql?query=[REDACTED]&[REDACTED]' }) as unknown,
        res: { statusCode: 200 },
      }),
    ]);
    expect(JSON.stringify(completed)).not.toContain(MOBILE);
  });

  async function errorLogsOf(body: unknown): Promise<{ readonly status: number; readonly errors: readonly unknown[] }> {
    const linesBefore = t.logs().length;
    const response = await request(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    await response.body.dump();
    const errors = t
      .logs()
      .slice(linesBefore)
      .filter((record) => typeof record.level === 'number' && record.level >= 50);
    return { status: response.statusCode, errors };
  }

  it.each<readonly [string, unknown]>([
    ['a validation error', { query: '{ noSuchField }' }],
    ['a parse error', { query: '{ flow(' }],
    ['an unknown persisted-query hash', { extensions: { persistedQuery: { version: 1, sha256Hash: 'cd'.repeat(32) } } }],
    [
      'a persisted-query hash that does not match the query',
      { query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } } },
    ],
    ['an unknown _entities typename', { query: 'query { _entities(representations: [{ __typename: "Nope", id: "1" }]) { __typename } }' }],
  ])('logs %s below error', async (_label, body) => {
    const { status, errors } = await errorLogsOf(body);

    expect(status).toBeGreaterThanOrEqual(200);
    expect(status).toBeLessThan(500);
    expect(errors).toEqual([]);
  });
});
