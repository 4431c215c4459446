import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

/** The project root (these tests read the deployment files as committed, nothing runs). */
export const ROOT = join(__dirname, '..', '..', '..');

/**
 * The defaults the deployment files must agree with, from DESIGN.md "Configuration" and README
 * "Configuration" (not from the files under test).
 */
export const DESIGN_DEFAULTS = {
  PORT: 4001,
  VENDOR_TIMEOUT_MS: 10_000,
  SHUTDOWN_DELAY_MS: 5_000,
  REQUEST_TIMEOUT_MS: 30_000,
} as const;

/** Every variable DESIGN.md and README name; a deployment that sets another one has a typo. */
export const KNOWN_VARIABLES: ReadonlySet<string> = new Set([
  'PORT',
  'HOST',
  'VENDORS',
  'TENCENT_ESS_ENDPOINT',
  'TENCENT_SECRET_ID',
  'TENCENT_SECRET_KEY',
  'TENCENT_ESS_OPERATOR_ID',
  'VNPT_ECONTRACT_ENDPOINT',
  'VNPT_USERNAME',
  'VNPT_PASSWORD',
  'VNPT_COMPANY_ID',
  'VOLC_BILLING_ENDPOINT',
  'VOLC_ACCESS_KEY_ID',
  'VOLC_SECRET_ACCESS_KEY',
  'VOLC_REGION',
  'VENDOR_TIMEOUT_MS',
  'REDIS_URL',
  'REDIS_KEY_PREFIX',
  'AUTH_MODE',
  'ALLOW_UNAUTHENTICATED',
  'AUTH_JWKS_URL',
  'AUTH_JWT_SECRET',
  'AUTH_ISSUER',
  'AUTH_AUDIENCE',
  'LOG_LEVEL',
  'VENDOR_RATE_LIMITS',
  'VENDOR_CALLS_PER_OPERATION',
  'CALLER_RATE_SHARE',
  'FEDERATION_AUTH_DIRECTIVES',
  'CORS_ORIGINS',
  'REQUEST_TIMEOUT_MS',
  'SHUTDOWN_DELAY_MS',
  'ENTITY_CACHE_TTL_MS',
  'TENCENT_ESS_CALLBACK_KEY',
  'TENCENT_ESS_CALLBACK_TOKEN',
  'VNPT_WEBHOOK_TOKEN',
  'VOLC_POLL_INTERVAL_MS',
  'APOLLO_INLINE_TRACES',
  'NODE_ENV',
  'GRAPHQL_INTROSPECTION',
]);

/** The subgraph's name in the supergraph (test/e2e/composition.test.ts composes it under this name). */
export const SUBGRAPH_NAME = 'agreements';

export function readText(relativePath: string): string {
  return readFileSync(join(ROOT, relativePath), 'utf8');
}

export type YamlMap = Readonly<Record<string, unknown>>;

export function isMap(value: unknown): value is YamlMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every document of a YAML file; a syntax error or warning fails the test that reads it. */
export function readYaml(relativePath: string): YamlMap[] {
  return parseAllDocuments(readText(relativePath)).map((document, index) => {
    const problems = [...document.errors, ...document.warnings].map((problem) => problem.message);
    if (problems.length > 0) throw new Error(`${relativePath} document ${index}: ${problems.join('; ')}`);
    const value: unknown = document.toJS();
    if (!isMap(value)) throw new Error(`${relativePath} document ${index} is not a mapping`);
    return value;
  });
}

/** The value at `path` (map keys or array indexes), or undefined where the path does not exist. */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof key === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[key];
    } else {
      if (!isMap(current)) return undefined;
      current = current[key];
    }
  }
  return current;
}

export function mapAt(value: unknown, ...path: (string | number)[]): YamlMap {
  const found = at(value, ...path);
  if (!isMap(found)) throw new Error(`expected a mapping at ${path.join('.')}`);
  return found;
}

export function listAt(value: unknown, ...path: (string | number)[]): readonly unknown[] {
  const found = at(value, ...path);
  if (!Array.isArray(found)) throw new Error(`expected a list at ${path.join('.')}`);
  return found;
}

/** The YAML files of a folder, relative to the root. */
export function yamlFilesIn(relativeDir: string): string[] {
  return readdirSync(join(ROOT, relativeDir))
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => `${relativeDir}/${name}`);
}

/** A router duration (`15s`, `500ms`, `1m`) in milliseconds. */
export function durationMs(raw: unknown): number {
  const match = typeof raw === 'string' ? /^(\d+(?:\.\d+)?)(ms|s|m)$/.exec(raw.trim()) : null;
  if (match === null) throw new Error(`not a duration: ${JSON.stringify(raw)}`);
  const factor = { ms: 1, s: 1000, m: 60_000 }[match[2] as 'ms' | 's' | 'm'];
  return Number(match[1]) * factor;
}

/** The routing_url of this subgraph in deploy/supergraph.yaml. */
export function supergraphRoutingUrl(): string {
  const [config] = readYaml('deploy/supergraph.yaml');
  const url = at(config, 'subgraphs', SUBGRAPH_NAME, 'routing_url');
  if (typeof url !== 'string') throw new Error('deploy/supergraph.yaml has no routing_url for the subgraph');
  return url;
}
