import { request } from 'undici';
import { startTestApp } from '../../support/test-app';

/** Asks for a federated trace as a router does, and returns the response's `extensions`. */
async function tracedRequestExtensions(url: string): Promise<Record<string, unknown> | undefined> {
  const response = await request(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-federation-include-trace': 'ftv1' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  const body = (await response.body.json()) as { extensions?: Record<string, unknown> };
  return body.extensions;
}

describe('federated inline traces (ftv1)', () => {
  it('are off by default: a router asking for them gets none', async () => {
    const t = await startTestApp();
    try {
      expect((await tracedRequestExtensions(t.url))?.ftv1).toBeUndefined();
    } finally {
      await t.close();
    }
  });

  it('are answered when APOLLO_INLINE_TRACES=true', async () => {
    const t = await startTestApp({ env: { APOLLO_INLINE_TRACES: 'true' } });
    try {
      expect(typeof (await tracedRequestExtensions(t.url))?.ftv1).toBe('string');
    } finally {
      await t.close();
    }
  });
});
