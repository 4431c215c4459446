import { getIntrospectionQuery, parse } from 'graphql';
import { gql } from 'graphql-tag';
import { startTestApp, type TestApp } from '../../support/test-app';

describe('query limits (development settings)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('refuses more aliases than allowed before any vendor call', async () => {
    const aliases = Array.from({ length: 16 }, (_, index) => `a${index}: flow(id: "f${index}") { id }`).join('\n');
    const result = await t.graphql(parse(`query { ${aliases} }`));
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.message).toMatch(/alias/i);
    expect(t.ess.requests()).toHaveLength(0);
  });

  it('refuses documents with too many tokens', async () => {
    const fields = Array.from({ length: 2_100 }, () => '__typename').join(' ');
    const result = await t.graphql(parse(`query { ${fields} }`));
    expect(result.errors?.[0]?.message).toMatch(/token/i);
  });

  it('still answers the full introspection query Apollo Sandbox sends', async () => {
    const result = await t.graphql<{ __schema: { queryType: { name: string } } }, Record<string, never>>(parse(getIntrospectionQuery()));
    expect(result.errors).toBeUndefined();
    expect(result.data?.__schema.queryType.name).toBe('Query');
  });

  it('suggests field names outside production', async () => {
    const result = await t.graphql(gql`
      query {
        flow(id: "x") {
          nam
        }
      }
    `);
    expect(result.errors?.[0]?.message).toMatch(/Did you mean/);
  });
});

describe('production settings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { NODE_ENV: 'production' } });
  });
  afterAll(() => t.close());

  it('turns introspection off and hides field suggestions', async () => {
    const introspection = await t.graphql(parse(getIntrospectionQuery()));
    expect(introspection.errors?.[0]?.message).toMatch(/introspection/i);
    const typo = await t.graphql(gql`
      query {
        flow(id: "x") {
          nam
        }
      }
    `);
    expect(typo.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });
});
