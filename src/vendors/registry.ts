import type { CallScope } from '../../datasources/http/vendor-call';
import type { Principal } from '../auth/principal';
import { NO_ENTITY_CACHE, type EntityCache } from '../cache/entity-cache';
import type { Vendor } from '../errors/vendor';
import type { VendorCodeTable } from '../errors/vendor-code-table';
import type { VendorMode } from '../config/vendor-modes';
import { cleanEnv, parseEnv } from '../config/env-variables';
import { tencentEssModule } from './tencent-ess';
import type { CallbackReceiver } from '../events/callback-receiver';
import type { EventPoller } from '../events/event-poller';
import type {
  ClientDependencies,
  EventDependencies,
  ReferenceResolverMap,
  ResolverClass,
  SandboxOptions,
  SandboxVendor,
  VendorModule,
} from './vendor-module';
import { vnptEcontractModule } from './vnpt-econtract';
import { volcengineBillingModule } from './volcengine-billing';

/**
 * Every vendor this subgraph serves, by its `VENDORS` name. This is the one shared file a new vendor
 * touches: one entry here and one line in each of the four builders below (which keep every vendor's
 * own types, so resolvers get a typed `ctx.services.<key>` and typed loaders), and a getter per loader in
 * `LazyRequestLoaders`.
 */
export const VENDOR_MODULES = {
  ess: tencentEssModule,
  vnpt: vnptEcontractModule,
  volc: volcengineBillingModule,
} as const;

type Modules = typeof VENDOR_MODULES;
export type VendorKey = keyof Modules;

/** The vendors' names in `VENDORS`, in registry order. */
export const VENDOR_KEYS: readonly VendorKey[] = Object.freeze(['ess', 'vnpt', 'volc']);

/** Every module, for steps that treat them alike (schema, banner, shutdown). */
type AnyVendorModule = VendorModule<string, unknown, unknown, unknown, object, unknown>;
const ALL_MODULES: readonly AnyVendorModule[] = VENDOR_KEYS.map((key) => VENDOR_MODULES[key]);

/** Each vendor's variables as read. */
export type VendorConfigs = { readonly [K in VendorKey]: Parameters<Modules[K]['config']['liveSettings']>[0] };
/** Settings of the vendors that are on (live or sandbox); a vendor that is `off` has none. */
export type VendorSettings = { readonly [K in VendorKey]?: Parameters<Modules[K]['createClient']>[0] };
/** The clients resolvers reach through `ctx.services`; undefined for a vendor that is `off`. */
export type VendorClients = { readonly [K in VendorKey]: ReturnType<Modules[K]['createClient']> | undefined };
/** The running simulators of a sandbox start. */
export type VendorSimulators = { readonly [K in VendorKey]?: Awaited<ReturnType<Modules[K]['startSandbox']>>['simulator'] };

type UnionToIntersection<U> = (U extends unknown ? (value: U) => void : never) extends (value: infer I) => void ? I : never;
/** Every vendor's per-request loaders, side by side (`ctx.loaders.flow`, `ctx.loaders.document`, …). */
export type RequestLoaders = UnionToIntersection<ReturnType<Modules[VendorKey]['createLoaders']>>;

/** `settings` without the keys whose value is undefined, so that spreading one set over another never erases. */
function definedSettings(settings: VendorSettings): VendorSettings {
  return Object.fromEntries(VENDOR_KEYS.filter((key) => settings[key] !== undefined).map((key) => [key, settings[key]]));
}

interface SliceResult<Config, Settings> {
  readonly config: Config | undefined;
  readonly settings: Settings | undefined;
  readonly problems: readonly string[];
}

function readSlice<Config, Settings>(
  module: VendorModule<string, Config, Settings, unknown, object, unknown>,
  env: Readonly<Partial<Record<string, string>>>,
  mode: VendorMode,
): SliceResult<Config, Settings> {
  const { value, problems } = parseEnv(module.config.schema, env);
  if (mode !== 'live') return { config: value, settings: undefined, problems };
  const missing = module.config.requiredForLive.filter((name) => env[name] === undefined);
  const missingProblem =
    missing.length === 0 ? [] : [`VENDORS: ${module.key} is live but ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not set`];
  return {
    config: value,
    settings: value === undefined ? undefined : module.config.liveSettings(value),
    problems: [...problems, ...missingProblem],
  };
}

/**
 * Reads every vendor's variables (DESIGN.md "Configuration"). Problems name their variable; `configs` is
 * undefined when any vendor's variables are malformed, `liveSettings` holds the `live` vendors' settings.
 */
export function readVendorConfigs(
  env: Readonly<Record<string, string | undefined>>,
  modes: Readonly<Record<VendorKey, VendorMode>>,
): { readonly configs: VendorConfigs | undefined; readonly liveSettings: VendorSettings; readonly problems: readonly string[] } {
  const cleaned = cleanEnv(env);
  const ess = readSlice(VENDOR_MODULES.ess, cleaned, modes.ess);
  const vnpt = readSlice(VENDOR_MODULES.vnpt, cleaned, modes.vnpt);
  const volc = readSlice(VENDOR_MODULES.volc, cleaned, modes.volc);
  const configs =
    ess.config !== undefined && vnpt.config !== undefined && volc.config !== undefined
      ? { ess: ess.config, vnpt: vnpt.config, volc: volc.config }
      : undefined;
  return {
    configs,
    liveSettings: definedSettings({ ess: ess.settings, vnpt: vnpt.settings, volc: volc.settings }),
    problems: [...ess.problems, ...vnpt.problems, ...volc.problems],
  };
}

/** `settings` less those of the vendors that `modes` turns off. */
export function settingsOfVendorsOn(settings: VendorSettings, modes: Readonly<Record<VendorKey, VendorMode>>): VendorSettings {
  return definedSettings(Object.fromEntries(VENDOR_KEYS.filter((key) => modes[key] !== 'off').map((key) => [key, settings[key]])));
}

/** The simulators started for the vendors in `sandbox` mode, their settings and seeded ids. */
export interface SandboxVendors {
  readonly settings: VendorSettings;
  readonly simulators: VendorSimulators;
  /** Start-up banner lines: a label and seeded ids a newcomer can query. */
  readonly seededIds: Readonly<Record<string, readonly string[]>>;
  /** Points every simulator that posts callbacks at the subgraph listening on `subgraphUrl`. */
  deliverEventsTo(subgraphUrl: string): void;
  close(): Promise<void>;
}

async function startIf<Config, Settings, Simulator>(
  module: VendorModule<string, Config, Settings, unknown, object, Simulator>,
  mode: VendorMode,
  options: SandboxOptions,
  config: Config | undefined,
): Promise<SandboxVendor<Settings, Simulator> | undefined> {
  return mode === 'sandbox' ? module.startSandbox(options, config) : undefined;
}

/**
 * Starts an in-process simulator (loopback, ephemeral port) for each vendor in `sandbox` mode. The
 * subgraph reaches them through the same datasource code as the real vendors: real HTTP, real signing.
 * `configs` (the variables as read) let a vendor's sandbox honour settings a newcomer may set (e.g.
 * `VOLC_POLL_INTERVAL_MS`); without them each sandbox uses its own defaults.
 */
export async function startSandboxVendors(
  modes: Readonly<Record<VendorKey, VendorMode>>,
  options: SandboxOptions,
  configs?: VendorConfigs,
): Promise<SandboxVendors> {
  const [ess, vnpt, volc] = await Promise.all([
    startIf(VENDOR_MODULES.ess, modes.ess, options, configs?.ess),
    startIf(VENDOR_MODULES.vnpt, modes.vnpt, options, configs?.vnpt),
    startIf(VENDOR_MODULES.volc, modes.volc, options, configs?.volc),
  ]);
  const running = [ess, vnpt, volc].filter((sandbox) => sandbox !== undefined);
  return {
    settings: definedSettings({ ess: ess?.settings, vnpt: vnpt?.settings, volc: volc?.settings }),
    simulators: { ess: ess?.simulator, vnpt: vnpt?.simulator, volc: volc?.simulator },
    seededIds: running.reduce<Readonly<Record<string, readonly string[]>>>((all, sandbox) => ({ ...all, ...sandbox.seededIds }), {}),
    deliverEventsTo: (subgraphUrl) => {
      for (const sandbox of running) sandbox.deliverEventsTo?.(subgraphUrl);
    },
    close: async () => {
      await Promise.all(running.map((sandbox) => sandbox.close()));
    },
  };
}

function createIf<Settings, Client>(
  module: VendorModule<string, unknown, Settings, Client, object, unknown>,
  settings: Settings | undefined,
  dependencies: (module: AnyVendorModule, endpoint: string) => ClientDependencies,
): Client | undefined {
  return settings === undefined ? undefined : module.createClient(settings, dependencies(module, module.endpointOf(settings)));
}

/** Builds the client of every vendor that has settings; `dependencies` supplies each one's transport. */
export function createVendorClients(
  settings: VendorSettings,
  dependencies: (module: AnyVendorModule, endpoint: string) => ClientDependencies,
): VendorClients {
  return {
    ess: createIf(VENDOR_MODULES.ess, settings.ess, dependencies),
    vnpt: createIf(VENDOR_MODULES.vnpt, settings.vnpt, dependencies),
    volc: createIf(VENDOR_MODULES.volc, settings.volc, dependencies),
  };
}

/** The callback endpoints and pollers the vendors' settings enable. */
export interface VendorEventSources {
  readonly receivers: readonly CallbackReceiver[];
  readonly pollers: readonly EventPoller[];
}

function eventSourcesOf<Settings, Client>(
  module: VendorModule<string, unknown, Settings, Client, object, unknown>,
  settings: Settings | undefined,
  client: Client | undefined,
  dependencies: EventDependencies,
): VendorEventSources {
  if (settings === undefined || client === undefined || module.events === undefined) return { receivers: [], pollers: [] };
  const receiver = module.events.receiver?.(settings, client, dependencies);
  const poller = module.events.poller?.(settings, client, dependencies);
  return { receivers: receiver ? [receiver] : [], pollers: poller ? [poller] : [] };
}

/** Every vendor's event sources (DESIGN.md "Events"), for the vendors that are on. */
export function createEventSources(settings: VendorSettings, clients: VendorClients, dependencies: EventDependencies): VendorEventSources {
  const all = [
    eventSourcesOf(VENDOR_MODULES.ess, settings.ess, clients.ess, dependencies),
    eventSourcesOf(VENDOR_MODULES.vnpt, settings.vnpt, clients.vnpt, dependencies),
    eventSourcesOf(VENDOR_MODULES.volc, settings.volc, clients.volc, dependencies),
  ];
  return { receivers: all.flatMap((sources) => sources.receivers), pollers: all.flatMap((sources) => sources.pollers) };
}

/**
 * One request's loaders: made fresh for every request so their caches never leak between callers; the
 * long-lived `entityCache` (ENTITY_CACHE_TTL_MS) is what they share. A vendor's loaders are made when
 * the request first uses one of them: most operations use one vendor's loaders or none, and three
 * DataLoaders made for every request cost about 4 us of an empty mutation's 70.
 */
export function createRequestLoaders(
  clients: VendorClients,
  principal: Principal,
  entityCache: EntityCache = NO_ENTITY_CACHE,
  scope?: CallScope,
): RequestLoaders {
  return new LazyRequestLoaders(clients, principal, entityCache, scope);
}

type LoadersOf<K extends VendorKey> = ReturnType<Modules[K]['createLoaders']>;

/** `RequestLoaders` whose getters (on the prototype: nothing is made per request but this object) make each vendor's loaders once. */
class LazyRequestLoaders implements RequestLoaders {
  private ess: LoadersOf<'ess'> | undefined;
  private vnpt: LoadersOf<'vnpt'> | undefined;
  private volc: LoadersOf<'volc'> | undefined;

  constructor(
    private readonly clients: VendorClients,
    private readonly principal: Principal,
    private readonly entityCache: EntityCache,
    private readonly scope: CallScope | undefined,
  ) {}

  get flow(): RequestLoaders['flow'] {
    this.ess ??= VENDOR_MODULES.ess.createLoaders(this.clients.ess, this.principal, this.entityCache, this.scope);
    return this.ess.flow;
  }

  get document(): RequestLoaders['document'] {
    this.vnpt ??= VENDOR_MODULES.vnpt.createLoaders(this.clients.vnpt, this.principal, this.entityCache, this.scope);
    return this.vnpt.document;
  }

  get invitation(): RequestLoaders['invitation'] {
    this.volc ??= VENDOR_MODULES.volc.createLoaders(this.clients.volc, this.principal, this.entityCache, this.scope);
    return this.volc.invitation;
  }
}

/** Every vendor's type-graphql resolver classes and orphaned types, for the schema build. */
export function vendorResolverClasses(): {
  readonly resolvers: readonly ResolverClass[];
  readonly orphanedTypes: readonly ResolverClass[];
} {
  return {
    resolvers: ALL_MODULES.flatMap((module) => module.resolvers),
    orphanedTypes: ALL_MODULES.flatMap((module) => module.orphanedTypes ?? []),
  };
}

/** Every vendor's error-code table by vendor (documentation of the codes a client can meet). */
export function vendorErrorTables(): readonly { readonly vendor: Vendor; readonly table: VendorCodeTable }[] {
  return ALL_MODULES.map((module) => ({ vendor: module.vendor, table: module.errorTable }));
}

/** Every vendor's federation reference resolvers. */
export function vendorReferenceResolvers(): readonly ReferenceResolverMap[] {
  return ALL_MODULES.map((module) => module.referenceResolvers);
}

export type { AnyVendorModule };
