import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { DESIGN_DEFAULTS, ROOT, SUBGRAPH_NAME, at, readText, readYaml, supergraphRoutingUrl } from './deploy-files';

/** Static checks of deploy/supergraph.yaml (rover's supergraph config); rover does not run here. */

const FILE = 'deploy/supergraph.yaml';
const [config] = readYaml(FILE);

/** A `major.minor` version as one comparable number (2.9 → 2009). */
function versionKey(major: string, minor: string): number {
  return Number(major) * 1000 + Number(minor);
}

describe('deploy/supergraph.yaml', () => {
  it('composes with Federation 2.7 or later, and at least the federation version the SDL links', () => {
    const version = /^=?(\d+)\.(\d+)(?:\.\d+)?$/.exec(String(at(config, 'federation_version')));
    expect(version).not.toBeNull();
    const [, major = '', minor = ''] = version ?? [];
    expect(major).toBe('2');
    expect(versionKey(major, minor)).toBeGreaterThanOrEqual(versionKey('2', '7'));
    const linked = /specs\.apollo\.dev\/federation\/v(\d+)\.(\d+)/.exec(readText('schema/schema.graphql'));
    expect(linked).not.toBeNull();
    expect(versionKey(major, minor)).toBeGreaterThanOrEqual(versionKey(linked?.[1] ?? '', linked?.[2] ?? ''));
  });

  it('reads the committed SDL from a path that exists', () => {
    const file = at(config, 'subgraphs', SUBGRAPH_NAME, 'schema', 'file');
    expect(file).toBe('../schema/schema.graphql');
    const resolved = join(ROOT, dirname(FILE), String(file));
    expect(existsSync(resolved)).toBe(true);
    expect(relative(ROOT, resolved)).toBe(join('schema', 'schema.graphql'));
  });

  it('routes to the subgraph’s GraphQL endpoint on PORT (default 4001)', () => {
    const url = new URL(supergraphRoutingUrl());
    expect(['http:', 'https:']).toContain(url.protocol);
    expect(url.pathname).toBe('/graphql');
    expect(Number(url.port)).toBe(DESIGN_DEFAULTS.PORT);
  });

  it('names the subgraph `agreements`, as the composition test does', () => {
    expect(Object.keys(at(config, 'subgraphs') as object)).toContain(SUBGRAPH_NAME);
  });
});
