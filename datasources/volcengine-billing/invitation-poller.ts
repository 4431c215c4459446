import type { Logger } from 'pino';
import type { EventSink } from '../../src/events/agreement-event';
import type { EventPoller } from '../../src/events/event-poller';
import { VendorError } from '../../src/errors/vendor-error';
import type { KeyValueStore } from '../../src/stores/key-value-store';
import { StoreLease } from '../../src/stores/store-lease';
import { invitationChanges, parseSnapshot, serializeSnapshot, snapshotOf, type InvitationSnapshot } from './invitation-snapshot';
import type { InvitationRecord } from './model';

/** What the poller needs of the Volcengine client. */
export interface InvitationLister {
  listInvitations(): Promise<InvitationRecord[]>;
}

/** The timer functions the poller schedules with; tests may hand in their own. */
export interface PollerTimers {
  setTimeout(callback: () => void, ms: number): NodeJS.Timeout;
  clearTimeout(timer: NodeJS.Timeout): void;
}

export interface InvitationPollerOptions {
  readonly invitations: InvitationLister;
  readonly sink: EventSink;
  /** Holds the lease and the snapshot; shared by every replica (Redis) or this process's own. */
  readonly store: KeyValueStore;
  readonly logger: Logger;
  /** `VOLC_POLL_INTERVAL_MS`: the pause between the end of one poll and the start of the next. Positive. */
  readonly intervalMs: number;
  /**
   * Separates the lease and snapshot of different Volcengine accounts that share one store (e.g. a hash
   * of endpoint and AccessKeyId); the same for every replica of one deployment.
   */
  readonly scope: string;
  /** How long the lease holds without renewal; default three intervals, at least 15 s. */
  readonly leaseTtlMs?: number;
  /** How long the snapshot outlives the last poll; default 7 days. After that the next poll is a baseline again. */
  readonly snapshotTtlMs?: number;
  /** This replica's name in the lease; default a random UUID. */
  readonly holderId?: string;
  /** Millisecond clock; default `Date.now` (jest's fake timers move it). */
  readonly now?: () => number;
  /** Default: the global `setTimeout` / `clearTimeout`, looked up at each call (so jest's fake timers apply). */
  readonly timers?: PollerTimers;
}

/** What one tick did. */
export type PollOutcome =
  /** Another replica holds the lease: nothing was polled. */
  | 'standby'
  /** No snapshot in the store yet: this poll's statuses were recorded and nothing was emitted. */
  | 'baseline'
  /** Polled and compared; changes (possibly none) were handed to the sink and the snapshot moved on. */
  | 'polled'
  /** The store, the vendor or the sink failed: logged; the snapshot is unchanged, so the next tick retries. */
  | 'failed';

const MIN_LEASE_TTL_MS = 15_000;
const DEFAULT_SNAPSHOT_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const GLOBAL_TIMERS: PollerTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (timer) => {
    clearTimeout(timer);
  },
};

/**
 * Turns Volcengine finance-invitation changes into `InvitationChangeEvent`s by polling `ListInvitation`
 * (Volcengine has no invitation webhook; DESIGN.md "Events").
 *
 * Every `intervalMs` (first tick at `start()`), each replica claims a lease in the store; only the holder
 * polls. It compares each invitation's status with the snapshot kept **in the store** and hands one event
 * per change to the sink, then stores the new snapshot — so when another replica takes the lease over it
 * continues from there instead of re-announcing everything. A brief double holding (see `StoreLease`) at
 * worst hands the same changes to the sink twice, with the same `eventId`s, and the sink emits them once.
 *
 * - The first poll without a snapshot (a new deployment, or one idle longer than `snapshotTtlMs`) records
 *   a baseline and emits nothing: those statuses are history, not news.
 * - An invitation that appears later is announced with its current status; one that leaves the list is
 *   not (its new status is unknown) and is forgotten.
 * - A failing tick (store, vendor or sink) is logged and leaves the snapshot as it was, so the next tick
 *   finds the same changes again (same ids: nothing is lost or doubled).
 * - Ticks never overlap: the next is scheduled when one ends. `stop()` resolves once no tick runs, then
 *   gives the lease up so another replica takes over at its next tick rather than after the TTL.
 */
export class InvitationPoller implements EventPoller {
  private readonly options: InvitationPollerOptions;
  private readonly lease: StoreLease;
  private readonly snapshotKey: string;
  private readonly snapshotTtlMs: number;
  private readonly now: () => number;
  private readonly timers: PollerTimers;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<PollOutcome> | undefined;
  /** Bumped by start and stop, so a tick that ends after a stop (or a restart) schedules nothing. */
  private generation = 0;
  private started = false;
  /** Whether the previous tick held the lease, so hand-overs are logged once. */
  private wasHolding = false;

  /** @throws RangeError when `intervalMs` is not a positive whole number of milliseconds. */
  constructor(options: InvitationPollerOptions) {
    if (!Number.isSafeInteger(options.intervalMs) || options.intervalMs <= 0) {
      throw new RangeError('InvitationPoller: intervalMs must be a positive whole number');
    }
    this.options = options;
    this.now = options.now ?? Date.now;
    this.timers = options.timers ?? GLOBAL_TIMERS;
    this.snapshotTtlMs = options.snapshotTtlMs ?? DEFAULT_SNAPSHOT_TTL_MS;
    this.snapshotKey = `volc-invitation-poll:${options.scope}:snapshot`;
    this.lease = new StoreLease({
      store: options.store,
      key: `volc-invitation-poll:${options.scope}:lease`,
      ttlMs: options.leaseTtlMs ?? Math.max(3 * options.intervalMs, MIN_LEASE_TTL_MS),
      holderId: options.holderId,
      now: this.now,
    });
  }

  /** Whether this replica held the lease at its last tick (and its TTL has not run out since). */
  get holdsLease(): boolean {
    return this.lease.held;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.generation += 1;
    this.schedule(0, this.generation);
  }

  async stop(): Promise<void> {
    this.started = false;
    this.generation += 1;
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
    try {
      await this.lease.release();
    } catch (error: unknown) {
      this.logger.warn(
        { ...errorFields(error) },
        'volc invitation poller could not release its lease; another replica takes over after its TTL',
      );
    }
  }

  /** Resolves once no tick is running (at once when none is). */
  async whenIdle(): Promise<void> {
    await this.running;
  }

  /**
   * One tick now: claim or renew the lease, and poll if held. While a tick runs, another call joins it
   * rather than starting a second one. Never rejects.
   */
  tick(): Promise<PollOutcome> {
    this.running ??= this.runTick()
      .catch((error: unknown): PollOutcome => {
        this.logger.error({ ...errorFields(error) }, 'volc invitation poller tick failed unexpectedly');
        return 'failed';
      })
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  private get logger(): Logger {
    return this.options.logger;
  }

  private schedule(delayMs: number, generation: number): void {
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      void this.tick().then(() => {
        if (this.started && generation === this.generation) this.schedule(this.options.intervalMs, generation);
      });
    }, delayMs);
  }

  private async runTick(): Promise<PollOutcome> {
    const holds = await this.claimLease();
    if (holds === undefined) return 'failed';
    if (!holds) return 'standby';

    let previous: InvitationSnapshot | undefined;
    let records: InvitationRecord[];
    try {
      previous = await this.readSnapshot();
      records = await this.options.invitations.listInvitations();
    } catch (error: unknown) {
      this.logger.warn({ ...errorFields(error) }, 'volc invitation poll failed; retrying at the next tick');
      return 'failed';
    }

    if (previous === undefined) {
      return (await this.writeSnapshot(records)) ? 'baseline' : 'failed';
    }

    const changes = invitationChanges(previous, records, new Date(this.now()));
    let emitted = 0;
    try {
      for (const event of changes) if ((await this.options.sink(event)) === 'emitted') emitted += 1;
    } catch (error: unknown) {
      this.logger.warn(
        { ...errorFields(error), changes: changes.length, emitted },
        'volc invitation changes could not all be handed on; the next tick retries them',
      );
      return 'failed';
    }
    if (changes.length > 0) this.logger.info({ changes: changes.length, emitted }, 'volc invitation changes found');
    return (await this.writeSnapshot(records)) ? 'polled' : 'failed';
  }

  /** Claims or renews the lease; `undefined` when the store failed (logged). Logs each hand-over once. */
  private async claimLease(): Promise<boolean | undefined> {
    let holds: boolean;
    try {
      holds = await this.lease.claim();
    } catch (error: unknown) {
      this.logger.warn({ ...errorFields(error) }, 'volc invitation poller could not claim its lease; skipping this tick');
      return undefined;
    }
    if (holds !== this.wasHolding) {
      this.wasHolding = holds;
      this.logger.info(
        { holderId: this.lease.holderId },
        holds ? 'volc invitation poller holds the lease: this replica polls' : 'volc invitation poller lease held elsewhere: standing by',
      );
    }
    return holds;
  }

  private async readSnapshot(): Promise<InvitationSnapshot | undefined> {
    const text = await this.options.store.get(this.snapshotKey);
    if (text === undefined) return undefined;
    const snapshot = parseSnapshot(text);
    if (snapshot === undefined) this.logger.warn('volc invitation snapshot unreadable; recording a new baseline');
    return snapshot;
  }

  /** Stores the snapshot unless the lease ran out meanwhile (the new holder's snapshot must not be rolled back). */
  private async writeSnapshot(records: readonly InvitationRecord[]): Promise<boolean> {
    if (!this.lease.held) {
      this.logger.warn('volc invitation poll outlived its lease; its snapshot is not stored');
      return false;
    }
    try {
      await this.options.store.set(this.snapshotKey, serializeSnapshot(snapshotOf(records)), this.snapshotTtlMs);
      return true;
    } catch (error: unknown) {
      this.logger.warn({ ...errorFields(error) }, 'volc invitation snapshot could not be stored; the next tick retries');
      return false;
    }
  }
}

/** Loggable fields of a failure: its code and the vendor's request id, never a vendor body. */
function errorFields(error: unknown): { readonly code: string; readonly vendorRequestId?: string } {
  if (VendorError.is(error)) return { code: error.code, vendorRequestId: error.vendorRequestId };
  return { code: error instanceof Error ? error.name : 'UNEXPECTED' };
}
