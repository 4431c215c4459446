import type { Logger } from 'pino';
import type { ZodType } from 'zod';
import type { CallScope, VendorTransport } from '../../datasources/http/vendor-call';
import type { Principal } from '../auth/principal';
import type { RequestContext } from '../graphql/context';
import type { Vendor } from '../errors/vendor';
import type { VendorCodeTable } from '../errors/vendor-code-table';
import type { EntityCache } from '../cache/entity-cache';
import type { KeyValueStore } from '../stores/key-value-store';
import type { EventSink } from '../events/agreement-event';
import type { CallbackReceiver } from '../events/callback-receiver';
import type { EventPoller } from '../events/event-poller';

/**
 * A vendor's own configuration. `schema` reads its variables in every mode (a malformed endpoint is an
 * error even in sandbox mode); its issues are keyed by variable name, so the config loader can report
 * them all at once, each naming its variable. Credentials are checked only when the vendor is `live`.
 */
export interface VendorConfigSlice<Config, Settings> {
  /** Parses the vendor's variables (already trimmed, blank ones removed). */
  readonly schema: ZodType<Config>;
  /** The variables a `live` vendor cannot start without; missing ones are reported as "VENDORS: x is live but …". */
  readonly requiredForLive: readonly string[];
  /** The live settings, once every `requiredForLive` variable is present; undefined otherwise. */
  liveSettings(config: Config): Settings | undefined;
}

/** Long-lived collaborators a vendor client is built with; made once at start by the app. */
export interface ClientDependencies {
  /** The shared HTTP layer bound to this vendor's endpoint (pool, deadline, retries, breaker, rate limit). */
  readonly transport: VendorTransport;
  /** Idempotency records and tokens: Redis when `REDIS_URL` is set, in-process otherwise. */
  readonly store: KeyValueStore;
  readonly logger: Logger;
  /** How long a refused vendor login is replayed before logging in again (tests set 0). */
  readonly loginRefusalCooldownMs: number | undefined;
}

/** What a sandbox start hands back: the settings that reach the simulator and ids worth trying. */
export interface SandboxVendor<Settings, Simulator> {
  readonly settings: Settings;
  readonly simulator: Simulator;
  /** Start-up banner lines: a label and seeded ids a newcomer can query. */
  readonly seededIds: Readonly<Record<string, readonly string[]>>;
  /**
   * Tells the simulator where the subgraph listens, so it posts its callbacks (encrypted and signed as
   * the vendor does) to `<subgraphUrl>/callbacks/…` when its state changes. Absent for a vendor without callbacks.
   */
  deliverEventsTo?(subgraphUrl: string): void;
  close(): Promise<void>;
}

/** Long-lived collaborators a vendor's event source is built with. */
export interface EventDependencies {
  /** Deduplicates by `eventId` across replicas and fans out to subscribers. */
  readonly sink: EventSink;
  /** Shared state that must hold across replicas or be refused (leases, poll snapshots). */
  readonly store: KeyValueStore;
  readonly logger: Logger;
}

/**
 * How a vendor's events reach the subgraph (DESIGN.md "Events"): a callback endpoint, a poller, or both.
 * Each returns undefined when the vendor's settings do not enable it (no callback key, poll interval 0).
 */
export interface VendorEventSource<Settings, Client> {
  receiver?(settings: Settings, client: Client, dependencies: EventDependencies): CallbackReceiver | undefined;
  poller?(settings: Settings, client: Client, dependencies: EventDependencies): EventPoller | undefined;
}

export interface SandboxOptions {
  /** Seed the simulator with its demo data (tests turn it off for an empty vendor). */
  readonly seed: boolean;
  /**
   * Where the simulators report what they could not deliver (dropped callbacks and webhooks, retries);
   * `npm start` hands them the app's logger, so those lines share its format, redaction and level.
   * Default: each simulator's own logger at `warn`.
   */
  readonly logger?: Logger;
}

/** A type-graphql resolver class; type-graphql takes them as constructors. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's own `resolvers` option is typed `Function[]`.
export type ResolverClass = Function;

/** Federation entity resolution for one `@key(fields: "id")` type; type-graphql does not make these. */
// A type alias (not an interface) so it fits type-graphql's resolver map, which is indexed by field name.
// eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- see above
export type ReferenceResolver = {
  __resolveReference(reference: { readonly id: string }, context: RequestContext): unknown;
};

/** Reference resolvers by entity type name (`{ Flow: { __resolveReference } }`). */
export type ReferenceResolverMap = Readonly<Record<string, ReferenceResolver>>;

/**
 * One vendor, end to end: its configuration slice, how its client and simulator are made, and the
 * resolvers and per-request loaders that put it into the schema. Module definitions live in
 * `src/vendors/` above the three layers, so `datasources/` still knows no GraphQL and `src/` names no
 * vendor outside this folder and the sandbox. The registry lists them.
 *
 * @typeParam Key - the vendor's name in `VENDORS` and `VENDOR_RATE_LIMITS` (`ess`)
 * @typeParam Config - its variables as read; Settings - what its client and simulator run with
 * @typeParam Client - what resolvers find in `ctx.services[key]` (undefined when the vendor is `off`)
 * @typeParam Loaders - the per-request DataLoaders the vendor adds to `ctx.loaders`
 */
export interface VendorModule<Key extends string, Config, Settings, Client, Loaders extends object, Simulator> {
  readonly key: Key;
  readonly vendor: Vendor;
  /** The vendor's error-code table (documentation reads it; the datasource applies it). */
  readonly errorTable: VendorCodeTable;
  readonly config: VendorConfigSlice<Config, Settings>;
  /** Starts the in-process simulator on a loopback port, with secrets generated for this process. */
  startSandbox(options: SandboxOptions, config?: Config): Promise<SandboxVendor<Settings, Simulator>>;
  /** The vendor's HTTP endpoint, for the shared transport. */
  endpointOf(settings: Settings): string;
  createClient(settings: Settings, dependencies: ClientDependencies): Client;
  /**
   * Fresh for every request, so loader caches never leak between callers; `cache` is the long-lived entity
   * cache, `scope` the request's call budget and caller, for the vendor calls the loaders make.
   */
  createLoaders(client: Client | undefined, principal: Principal, cache: EntityCache, scope: CallScope | undefined): Loaders;
  readonly resolvers: readonly ResolverClass[];
  readonly referenceResolvers: ReferenceResolverMap;
  /** Types no resolver returns directly but the schema must hold (none for most vendors). */
  readonly orphanedTypes?: readonly ResolverClass[];
  /** The vendor's events; absent for a vendor that has none. */
  readonly events?: VendorEventSource<Settings, Client>;
}

/** The banner lines of a simulator started without its demo data. */
export const NO_SEEDED_IDS: Readonly<Record<string, readonly string[]>> = Object.freeze({});
