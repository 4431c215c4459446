import { encodeInvitationId } from '../../../datasources/volcengine-billing/invitation-id';
import { InvitationType } from '../../../datasources/volcengine-billing/model';
import { startLoopbackServer, type LoopbackServer, type RecordedRequest } from '../loopback-server';
import { InvitationStore, type SimulatedInvitation, type SimulatedInvitationRef } from './invitation-store';
import { VolcBillingEndpoint, type AcceptedVolcRequest } from './request-handler';
import { SEEDED_INVITATIONS, seedInvitationRecords, type SeededInvitations } from './seed-invitations';
import { VolcFaultPlan } from './volc-fault-plan';

export interface VolcengineBillingSimulatorOptions {
  /** The one AccessKeyId the simulator accepts; any other is `InvalidAccessKey`. */
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** Region the credential scope must name. Default `cn-north-1`. */
  readonly region?: string;
  /** The simulator's clock, for the X-Date window, RequestIds and state-change times. Default: real time. */
  readonly now?: () => Date;
  /** Load the fixtures in `seed-invitations.ts`. Default `true`. */
  readonly seed?: boolean;
}

/**
 * An in-process Volcengine Billing (`2022-01-01`) on a loopback port, speaking the real protocol:
 * HMAC-SHA256 signatures are verified (AK, X-Date within 15 minutes, signed headers, query and exact
 * body), errors come in the vendor's envelope and HTTP statuses, and `HandleInvitation` / `ListInvitation`
 * act on an in-memory store. Used by sandbox mode and by tests; each instance is independent.
 */
export class VolcengineBillingSimulator {
  /**
   * Faults keyed by query `Action` (or `*`), consumed by the next matching requests; `injectAfter` arms
   * one that starts once another action succeeded.
   */
  readonly faults: VolcFaultPlan;
  /**
   * The fixture invitations. They are in the store only when started with `seed` left on; their state
   * changes as requests act on them (use `getInvitation` for the current state).
   */
  readonly seeded: SeededInvitations = SEEDED_INVITATIONS;

  private constructor(
    private readonly server: LoopbackServer,
    private readonly endpoint: VolcBillingEndpoint,
    private readonly store: InvitationStore,
    private readonly closing: AbortController,
    faults: VolcFaultPlan,
  ) {
    this.faults = faults;
  }

  /** Starts a simulator on 127.0.0.1 and an ephemeral port. Always `close()` it. */
  static async start(options: VolcengineBillingSimulatorOptions): Promise<VolcengineBillingSimulator> {
    const store = new InvitationStore();
    if (options.seed ?? true) for (const invitation of seedInvitationRecords()) store.put(invitation);
    const faults = new VolcFaultPlan();
    const closing = new AbortController();
    const endpoint = new VolcBillingEndpoint({
      store,
      faults,
      secrets: new Map([[options.accessKeyId, options.secretAccessKey]]),
      region: options.region ?? 'cn-north-1',
      now: options.now ?? (() => new Date()),
      closing: closing.signal,
    });
    const server = await startLoopbackServer(endpoint.handle);
    return new VolcengineBillingSimulator(server, endpoint, store, closing, faults);
  }

  /** Base URL, e.g. `http://127.0.0.1:41234` (use as `VOLC_BILLING_ENDPOINT`). */
  get url(): string {
    return this.server.url;
  }

  /** Every request received, in order, as it came over the wire. */
  requests(): readonly RecordedRequest[] {
    return this.endpoint.requests();
  }

  /** Requests for `action` that passed routing and signature checks and reached the action itself. */
  accepted(action: string): readonly AcceptedVolcRequest[] {
    return this.endpoint.accepted(action);
  }

  clearRecords(): void {
    this.endpoint.clearRecords();
  }

  /** Adds or replaces an invitation (see `InvitationStore.put` for what is refused). */
  putInvitation(invitation: SimulatedInvitation): void {
    this.store.put(invitation);
  }

  /** The current record: by `authId` for an authorization invitation, else by `relationId`. */
  getInvitation(ref: SimulatedInvitationRef): SimulatedInvitation | undefined {
    return this.store.get(ref);
  }

  /** All invitations in the store. */
  invitations(): readonly SimulatedInvitation[] {
    return this.store.list();
  }

  /** The subgraph's opaque `Invitation.id`s of the seeded invitations, for the sandbox start-up log. */
  seededInvitationIds(): string[] {
    return this.seeded.all.map((seed) =>
      seed.invitationType === 2
        ? encodeInvitationId({ type: InvitationType.AUTHORIZATION, relationId: seed.relationId, authId: seed.authId })
        : encodeInvitationId({ type: InvitationType.RELATION, relationId: seed.relationId }),
    );
  }

  /** Stops listening, ends open sockets and abandons delayed answers. */
  async close(): Promise<void> {
    this.closing.abort();
    await this.server.close();
  }
}
