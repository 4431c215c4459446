import { request } from 'undici';
import { startTestApp, type TestApp } from '../../support/test-app';

/** DESIGN.md: CORS_ORIGINS, default `https://studio.apollographql.com` in sandbox mode, none otherwise. */
const STUDIO = 'https://studio.apollographql.com';

async function preflight(t: TestApp, origin: string): Promise<{ status: number; headers: Record<string, unknown> }> {
  const response = await request(`${t.url}/graphql`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
  });
  await response.body.dump();
  return { status: response.statusCode, headers: response.headers };
}

describe('CORS', () => {
  describe('in sandbox mode with CORS_ORIGINS unset', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp();
    });
    afterAll(() => t.close());

    it('answers the hosted Studio Explorer preflight before the GraphQL handler', async () => {
      const { status, headers } = await preflight(t, STUDIO);
      expect(status).toBe(204);
      expect(headers['access-control-allow-origin']).toBe(STUDIO);
      expect(String(headers['access-control-allow-methods'])).toContain('POST');
      expect(String(headers['access-control-allow-headers'])).toMatch(/content-type/);
      expect(String(headers['access-control-allow-headers'])).toMatch(/authorization/);
    });

    it('grants no other origin', async () => {
      const { headers } = await preflight(t, 'https://evil.example');
      expect(headers['access-control-allow-origin']).toBeUndefined();
    });

    it('marks the response of an allowed cross-origin POST', async () => {
      const response = await request(`${t.url}/graphql`, {
        method: 'POST',
        headers: { origin: STUDIO, 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(await response.body.json()).toEqual({ data: { __typename: 'Query' } });
      expect(response.headers['access-control-allow-origin']).toBe(STUDIO);
    });

    it("keeps Apollo's CSRF prevention for requests a browser would send without a preflight", async () => {
      const response = await request(`${t.url}/graphql?query=%7B__typename%7D`, { method: 'GET', headers: { origin: STUDIO } });
      const body = await response.body.text();
      expect(response.statusCode).toBe(400);
      expect(body).toMatch(/Cross-Site Request Forgery/);
    });
  });

  describe('with CORS_ORIGINS set', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ env: { CORS_ORIGINS: 'https://app.example.com, https://admin.example.com' } });
    });
    afterAll(() => t.close());

    it('allows exactly the listed origins', async () => {
      expect((await preflight(t, 'https://admin.example.com')).headers['access-control-allow-origin']).toBe('https://admin.example.com');
      expect((await preflight(t, STUDIO)).headers['access-control-allow-origin']).toBeUndefined();
    });
  });
});
