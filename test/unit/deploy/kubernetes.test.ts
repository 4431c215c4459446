import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../../src/config/config';
import {
  DESIGN_DEFAULTS,
  KNOWN_VARIABLES,
  ROOT,
  at,
  isMap,
  listAt,
  mapAt,
  readYaml,
  supergraphRoutingUrl,
  yamlFilesIn,
  type YamlMap,
} from './deploy-files';

/** Static checks of deploy/kubernetes/*.yaml (nothing is applied; there is no cluster in CI). */

const DIR = 'deploy/kubernetes';
const documents = yamlFilesIn(DIR).flatMap((file) => readYaml(file).map((document) => ({ file, document })));

function named(kind: string, name: string): YamlMap {
  const found = documents.filter(({ document }) => document.kind === kind && at(document, 'metadata', 'name') === name);
  if (found.length !== 1) throw new Error(`expected one ${kind} ${name}, found ${found.length}`);
  return (found[0] as { document: YamlMap }).document;
}

function stringMap(value: YamlMap): Partial<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== 'string') throw new Error(`${key} must be a string (quote numbers and booleans in YAML)`);
    result[key] = entry;
  }
  return result;
}

const deployment = named('Deployment', 'agreements-subgraph');
const podSpec = mapAt(deployment, 'spec', 'template', 'spec');
const podLabels = mapAt(deployment, 'spec', 'template', 'metadata', 'labels');
const container = mapAt(podSpec, 'containers', 0);
const configMap = stringMap(mapAt(named('ConfigMap', 'agreements-subgraph-config'), 'data'));
const secretTemplate = named('Secret', 'agreements-subgraph-secrets');
const secretKeys = Object.keys(mapAt(secretTemplate, 'stringData'));

/** A ConfigMap number, else the DESIGN.md default: what the replicas will actually run with. */
function effectiveMs(name: keyof typeof DESIGN_DEFAULTS): number {
  const raw = configMap[name];
  return raw === undefined || raw === '' ? DESIGN_DEFAULTS[name] : Number(raw);
}

/** The container port a probe or Service names (by name or number). */
function containerPort(port: unknown): number | undefined {
  if (typeof port === 'number') return port;
  const entry = listAt(container, 'ports').find((candidate) => at(candidate, 'name') === port);
  const number = at(entry, 'containerPort');
  return typeof number === 'number' ? number : undefined;
}

function selectsPods(selector: unknown): boolean {
  return isMap(selector) && Object.keys(selector).length > 0 && Object.entries(selector).every(([key, value]) => podLabels[key] === value);
}

describe('deploy/kubernetes: the subgraph Deployment', () => {
  it('runs several replicas (they share state through Redis)', () => {
    expect(at(deployment, 'spec', 'replicas')).toEqual(expect.any(Number));
    expect(at(deployment, 'spec', 'replicas') as number).toBeGreaterThanOrEqual(2);
    expect(selectsPods(at(deployment, 'spec', 'selector', 'matchLabels'))).toBe(true);
  });

  it('listens on PORT (default 4001) and the probes reach that port', () => {
    expect(configMap.PORT ?? String(DESIGN_DEFAULTS.PORT)).toBe(String(DESIGN_DEFAULTS.PORT));
    for (const probe of ['readinessProbe', 'livenessProbe']) {
      expect(containerPort(at(container, probe, 'httpGet', 'port'))).toBe(DESIGN_DEFAULTS.PORT);
    }
  });

  it('is ready on GET /ready and alive on GET /health', () => {
    expect(at(container, 'readinessProbe', 'httpGet', 'path')).toBe('/ready');
    expect(at(container, 'livenessProbe', 'httpGet', 'path')).toBe('/health');
    const startup = at(container, 'startupProbe', 'httpGet', 'path');
    if (startup !== undefined) expect(startup).toBe('/health');
  });

  it('notices a draining replica (503 on /ready) within SHUTDOWN_DELAY_MS, while it still serves', () => {
    const period = (at(container, 'readinessProbe', 'periodSeconds') as number | undefined) ?? 10;
    const failures = (at(container, 'readinessProbe', 'failureThreshold') as number | undefined) ?? 3;
    expect(period * failures * 1000).toBeLessThan(effectiveMs('SHUTDOWN_DELAY_MS'));
  });

  it('gives shutdown longer than SHUTDOWN_DELAY_MS plus the drain (a request may take REQUEST_TIMEOUT_MS)', () => {
    const grace = at(podSpec, 'terminationGracePeriodSeconds');
    expect(grace).toEqual(expect.any(Number));
    const graceMs = (grace as number) * 1000;
    expect(graceMs).toBeGreaterThan(DESIGN_DEFAULTS.SHUTDOWN_DELAY_MS + DESIGN_DEFAULTS.REQUEST_TIMEOUT_MS);
    expect(graceMs).toBeGreaterThan(effectiveMs('SHUTDOWN_DELAY_MS') + effectiveMs('REQUEST_TIMEOUT_MS'));
  });

  it('does not let liveness restart a replica during its own shutdown delay', () => {
    const period = (at(container, 'livenessProbe', 'periodSeconds') as number | undefined) ?? 10;
    const failures = (at(container, 'livenessProbe', 'failureThreshold') as number | undefined) ?? 3;
    expect(period * failures * 1000).toBeGreaterThan(effectiveMs('SHUTDOWN_DELAY_MS'));
  });

  it('has resource requests and limits', () => {
    for (const bound of ['requests', 'limits']) {
      for (const resource of ['cpu', 'memory']) expect(at(container, 'resources', bound, resource)).toBeDefined();
    }
  });

  it('reads its environment from the ConfigMap and the Secret', () => {
    const sources = listAt(container, 'envFrom');
    expect(sources).toContainEqual({ configMapRef: { name: 'agreements-subgraph-config' } });
    expect(sources).toContainEqual({ secretRef: { name: 'agreements-subgraph-secrets' } });
  });
});

describe('deploy/kubernetes: every workload is locked down', () => {
  const workloads = documents.filter(({ document }) => document.kind === 'Deployment');

  it.each(workloads.map(({ file, document }) => [`${file} ${String(at(document, 'metadata', 'name'))}`, document]))(
    '%s: non-root, read-only root filesystem, no capabilities, no privilege escalation',
    (_label, workload) => {
      const spec = mapAt(workload, 'spec', 'template', 'spec');
      for (const each of listAt(spec, 'containers')) {
        const runAsNonRoot = at(each, 'securityContext', 'runAsNonRoot') ?? at(spec, 'securityContext', 'runAsNonRoot');
        const runAsUser = at(each, 'securityContext', 'runAsUser') ?? at(spec, 'securityContext', 'runAsUser');
        expect(runAsNonRoot).toBe(true);
        // The image's USER is a name (`node`): the kubelet can only verify runAsNonRoot with a number.
        expect(runAsUser).toEqual(expect.any(Number));
        expect(runAsUser).not.toBe(0);
        expect(at(each, 'securityContext', 'readOnlyRootFilesystem')).toBe(true);
        expect(at(each, 'securityContext', 'allowPrivilegeEscalation')).toBe(false);
        expect(at(each, 'securityContext', 'capabilities', 'drop')).toContain('ALL');
        expect(at(each, 'resources', 'limits', 'memory')).toBeDefined();
      }
    },
  );
});

describe('deploy/kubernetes: configuration', () => {
  it('runs the vendors live, with JWT auth and the federation auth directives a router enforces', () => {
    expect(configMap.VENDORS).toBe('live');
    expect(configMap.AUTH_MODE).toBe('jwt');
    expect(configMap.FEDERATION_AUTH_DIRECTIVES).toBe('true');
  });

  it('states the time budget, and the vendor deadline fits inside one request', () => {
    for (const name of ['VENDOR_TIMEOUT_MS', 'SHUTDOWN_DELAY_MS', 'REQUEST_TIMEOUT_MS'] as const) {
      expect(configMap[name]).toMatch(/^\d+$/);
    }
    expect(effectiveMs('VENDOR_TIMEOUT_MS')).toBeLessThan(effectiveMs('REQUEST_TIMEOUT_MS'));
  });

  it('names every credential of the three vendors and REDIS_URL in the Secret, not the ConfigMap', () => {
    const credentials = [
      'TENCENT_SECRET_ID',
      'TENCENT_SECRET_KEY',
      'VNPT_USERNAME',
      'VNPT_PASSWORD',
      'VOLC_ACCESS_KEY_ID',
      'VOLC_SECRET_ACCESS_KEY',
      'REDIS_URL',
    ];
    expect(secretKeys).toEqual(expect.arrayContaining(credentials));
    for (const name of credentials) expect(Object.keys(configMap)).not.toContain(name);
    for (const prefix of ['TENCENT_', 'VNPT_', 'VOLC_']) {
      expect([...Object.keys(configMap), ...secretKeys].filter((name) => name.startsWith(prefix)).length).toBeGreaterThan(1);
    }
  });

  it('uses only variable names that DESIGN.md and README define (a typo would be silently ignored)', () => {
    const unknown = [...Object.keys(configMap), ...secretKeys].filter((name) => !KNOWN_VARIABLES.has(name));
    expect(unknown).toEqual([]);
    const overlap = Object.keys(configMap).filter((name) => secretKeys.includes(name));
    expect(overlap).toEqual([]);
  });

  it('ships Secret templates without values', () => {
    for (const { document } of documents.filter(({ document }) => document.kind === 'Secret')) {
      expect(document.data).toBeUndefined();
      expect(Object.values(mapAt(document, 'stringData')).every((value) => value === '')).toBe(true);
    }
  });

  it('is accepted by the subgraph once the blanks are filled in, and names each blank while they are not', () => {
    const blanks = [...Object.entries(configMap), ...secretKeys.map((key) => [key, ''] as const)]
      .filter(([, value]) => value === '')
      .map(([key]) => key);
    const filled = (name: string): string => {
      if (name === 'REDIS_URL') return 'redis://:password@agreements-redis:6379/0';
      if (name.endsWith('_ENDPOINT') || name.endsWith('_URL') || name === 'AUTH_ISSUER') return 'https://deploy-check.example';
      // 32 characters: long enough for any secret, and the length of an AES-256 callback key.
      return 'k'.repeat(32);
    };
    const env = { ...configMap, ...Object.fromEntries(blanks.map((name) => [name, filled(name)])) };
    const config = loadConfig(env);
    expect(config.port).toBe(DESIGN_DEFAULTS.PORT);
    expect(config.vendorTimeoutMs).toBe(Number(configMap.VENDOR_TIMEOUT_MS));
    expect(config.redisUrl).toBeDefined();
    expect(config.auth.mode).toBe('jwt');
    expect(Object.values(config.vendors)).toEqual(['live', 'live', 'live']);

    const asShipped = { ...configMap, ...Object.fromEntries(secretKeys.map((key) => [key, ''])) };
    let problems: readonly string[] = [];
    try {
      loadConfig(asShipped);
    } catch (error: unknown) {
      if (!(error instanceof ConfigError)) throw error;
      problems = error.problems;
    }
    expect(problems.length).toBeGreaterThan(0);
    for (const credential of ['TENCENT_SECRET_ID', 'VNPT_PASSWORD', 'VOLC_SECRET_ACCESS_KEY']) {
      expect(problems.join('\n')).toContain(credential);
    }
  });
});

describe('deploy/kubernetes: Service, PodDisruptionBudget, Redis, kustomization', () => {
  it('has a Service on 4001 that selects the pods and is the routing_url of deploy/supergraph.yaml', () => {
    const service = named('Service', 'agreements-subgraph');
    expect(selectsPods(at(service, 'spec', 'selector'))).toBe(true);
    const port = mapAt(service, 'spec', 'ports', 0);
    expect(port.port).toBe(DESIGN_DEFAULTS.PORT);
    expect(containerPort(port.targetPort ?? port.port)).toBe(DESIGN_DEFAULTS.PORT);
    const url = new URL(supergraphRoutingUrl());
    expect(url.hostname.split('.')[0]).toBe('agreements-subgraph');
    expect(Number(url.port)).toBe(DESIGN_DEFAULTS.PORT);
  });

  it('has a PodDisruptionBudget that lets a node drain proceed but keeps replicas serving', () => {
    const budget = named('PodDisruptionBudget', 'agreements-subgraph');
    expect(selectsPods(at(budget, 'spec', 'selector', 'matchLabels'))).toBe(true);
    const replicas = at(deployment, 'spec', 'replicas') as number;
    const maxUnavailable = at(budget, 'spec', 'maxUnavailable');
    const minAvailable = at(budget, 'spec', 'minAvailable');
    const allowed = typeof maxUnavailable === 'number' ? maxUnavailable : replicas - (minAvailable as number);
    expect(allowed).toBeGreaterThanOrEqual(1);
    expect(allowed).toBeLessThan(replicas);
  });

  it('has a Redis Deployment and Service for the shared state, with its password from a Secret', () => {
    const redis = named('Deployment', 'agreements-redis');
    const service = named('Service', 'agreements-redis');
    expect(at(service, 'spec', 'ports', 0, 'port')).toBe(6379);
    const passwordRef = at(redis, 'spec', 'template', 'spec', 'containers', 0, 'env', 0, 'valueFrom', 'secretKeyRef');
    expect(passwordRef).toEqual({ name: 'agreements-redis', key: 'REDIS_PASSWORD' });
    expect(Object.keys(mapAt(named('Secret', 'agreements-redis'), 'stringData'))).toContain('REDIS_PASSWORD');
  });

  it('lists existing files in kustomization.yaml, and never the Secret template', () => {
    const [kustomization] = readYaml(`${DIR}/kustomization.yaml`);
    const resources = listAt(kustomization, 'resources');
    for (const resource of resources) expect(existsSync(join(ROOT, DIR, String(resource)))).toBe(true);
    expect(resources).toEqual(expect.arrayContaining(['deployment.yaml', 'service.yaml', 'poddisruptionbudget.yaml', 'configmap.yaml']));
    expect(resources).not.toContain('secret.template.yaml');
  });
});
