import pino from 'pino';
import type { TencentEssClient } from '../../../datasources/tencent-ess/client';
import type { FlowRecord } from '../../../datasources/tencent-ess/model';
import type { DocumentRecord } from '../../../datasources/vnpt-econtract/model';
import type { VolcengineBillingClient } from '../../../datasources/volcengine-billing/client';
import type { InvitationRecord } from '../../../datasources/volcengine-billing/model';
import { createDocumentLoader } from '../../../resolvers/document/document.loader';
import { createFlowLoader } from '../../../resolvers/flow/flow.loader';
import { createInvitationLoader } from '../../../resolvers/invitation/invitation.loader';
import { unrestrictedPrincipal } from '../../../src/auth/principal';
import { createEntityCache, type EntityCache } from '../../../src/cache/entity-cache';
import { InMemoryKeyValueStore } from '../../../src/stores/in-memory-key-value-store';

/**
 * The request loaders read through the entity cache under the names a write drops afterwards: the
 * mutations call `droppingAfter(cache, 'Flow' | 'Document' | 'Invitation', ids, …)` (the "Flow,
 * Document and Invitation records"). A loader that cached under any other name would go on serving the
 * record from before a write for the whole TTL, so each case reads, drops by that literal name, and reads
 * again through a fresh loader (a new request).
 */
interface LoaderCase {
  readonly entity: 'Flow' | 'Document' | 'Invitation';
  readonly id: string;
  /** Loads `id` through a new request's loader on `cache`. */
  readonly load: (cache: EntityCache, id: string) => Promise<unknown>;
  /** Vendor reads so far. */
  readonly reads: () => number;
}

function flowCase(): LoaderCase {
  let reads = 0;
  const client = {
    describeFlows: (_operator: string, ids: readonly string[]): Promise<Map<string, FlowRecord>> => {
      reads += 1;
      return Promise.resolve(new Map(ids.map((id) => [id, { id } as unknown as FlowRecord])));
    },
  } as unknown as TencentEssClient;
  return {
    entity: 'Flow',
    id: 'yDflow01',
    load: (cache, id) => createFlowLoader({ client, defaultOperatorId: 'op' }, unrestrictedPrincipal(), cache).load(id),
    reads: () => reads,
  };
}

function documentCase(): LoaderCase {
  let reads = 0;
  const client = {
    getDocument: (id: string): Promise<DocumentRecord | null> => {
      reads += 1;
      return Promise.resolve({ id } as unknown as DocumentRecord);
    },
  };
  return {
    entity: 'Document',
    id: '8f5e8c9e-3b0a-4c55-9d43-6b7f0e0a1c11',
    load: (cache, id) => createDocumentLoader(client, unrestrictedPrincipal(), cache).load(id),
    reads: () => reads,
  };
}

function invitationCase(): LoaderCase {
  let reads = 0;
  const client = {
    listInvitations: (): Promise<InvitationRecord[]> => {
      reads += 1;
      return Promise.resolve([{ id: 'inv-1' } as unknown as InvitationRecord]);
    },
  } as unknown as VolcengineBillingClient;
  return {
    entity: 'Invitation',
    id: 'inv-1',
    load: (cache, id) => createInvitationLoader(client, unrestrictedPrincipal(), cache).load(id),
    reads: () => reads,
  };
}

describe.each([
  ['createFlowLoader', flowCase],
  ['createDocumentLoader', documentCase],
  ['createInvitationLoader', invitationCase],
])('%s and the entity cache', (_name, makeCase) => {
  it('caches what it reads under the entity name a write drops', async () => {
    const subject = makeCase();
    const cache = createEntityCache({ ttlMs: 60_000, store: new InMemoryKeyValueStore(), logger: pino({ level: 'silent' }) });

    await expect(subject.load(cache, subject.id)).resolves.toMatchObject({ id: subject.id });
    await subject.load(cache, subject.id);
    expect(subject.reads()).toBe(1);

    await cache.drop(subject.entity, subject.id);
    await expect(subject.load(cache, subject.id)).resolves.toMatchObject({ id: subject.id });
    expect(subject.reads()).toBe(2);
  });
});
