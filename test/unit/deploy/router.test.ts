import { DESIGN_DEFAULTS, SUBGRAPH_NAME, at, durationMs, listAt, readYaml, supergraphRoutingUrl } from './deploy-files';

/** Static checks of deploy/router.yaml (Apollo Router); no router runs here. */

const [router] = readYaml('deploy/router.yaml');

function listOrEmpty(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

/** The header rules that apply to this subgraph: its own, then those for all subgraphs. */
function requestHeaderRules(): unknown[] {
  return [
    ...listOrEmpty(at(router, 'headers', 'subgraphs', SUBGRAPH_NAME, 'request')),
    ...listOrEmpty(at(router, 'headers', 'all', 'request')),
  ];
}

function propagates(header: string): boolean {
  return requestHeaderRules().some((rule) => {
    const named = at(rule, 'propagate', 'named');
    return typeof named === 'string' && named.toLowerCase() === header;
  });
}

/** The subgraph request timeout the router applies to this subgraph (its own, else `all`, else 30 s). */
function subgraphTimeoutMs(): number {
  const raw = at(router, 'traffic_shaping', 'subgraphs', SUBGRAPH_NAME, 'timeout') ?? at(router, 'traffic_shaping', 'all', 'timeout');
  return raw === undefined ? 30_000 : durationMs(raw);
}

describe('deploy/router.yaml', () => {
  it('propagates the caller’s Authorization header to the subgraph (it verifies the JWT itself)', () => {
    expect(propagates('authorization')).toBe(true);
  });

  it('passes the subgraph’s errors and their extensions through', () => {
    const all = at(router, 'include_subgraph_errors', 'all');
    const own = at(router, 'include_subgraph_errors', 'subgraphs', SUBGRAPH_NAME);
    expect(own === true || (all === true && own !== false)).toBe(true);
  });

  it('waits longer than VENDOR_TIMEOUT_MS, so the subgraph’s typed DEADLINE_EXCEEDED arrives first', () => {
    expect(subgraphTimeoutMs()).toBeGreaterThan(DESIGN_DEFAULTS.VENDOR_TIMEOUT_MS);
    const routerTimeout = at(router, 'traffic_shaping', 'router', 'timeout');
    const routerMs = routerTimeout === undefined ? 30_000 : durationMs(routerTimeout);
    expect(subgraphTimeoutMs()).toBeLessThan(routerMs);
  });

  it('takes the subgraph URL from an environment variable, defaulting to the routing_url of the supergraph', () => {
    const override = at(router, 'override_subgraph_url', SUBGRAPH_NAME);
    expect(override).toEqual(expect.any(String));
    const match = /^\$\{env\.([A-Z0-9_]+)(?::-(.+))?\}$/.exec(String(override));
    expect(match?.[1]).toBe('AGREEMENTS_SUBGRAPH_URL');
    expect(match?.[2]).toBe(supergraphRoutingUrl());
  });

  it('passes subscriptions through to the subgraph’s graphql-transport-ws endpoint on /graphql', () => {
    expect(at(router, 'subscription', 'enabled')).toBe(true);
    // Apollo Router names the graphql-transport-ws protocol (of the graphql-ws library) `graphql_ws`.
    expect(at(router, 'subscription', 'mode', 'passthrough', 'subgraphs', SUBGRAPH_NAME)).toEqual({
      path: '/graphql',
      protocol: 'graphql_ws',
    });
  });

  it('verifies JWTs itself, so @authenticated / @requiresScopes (FEDERATION_AUTH_DIRECTIVES=true) see claims', () => {
    const jwks = listAt(router, 'authentication', 'router', 'jwt', 'jwks');
    expect(jwks.length).toBeGreaterThan(0);
    expect(at(jwks[0], 'url')).toBe('${env.AUTH_JWKS_URL}');
  });
});
