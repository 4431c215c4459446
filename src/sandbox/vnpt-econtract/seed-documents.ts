import { buildWireDocument, type VnptStatusName } from './wire-document-factory';
import type { VnptWireDocument } from './wire-document';

/** Ids of the seeded documents, for tests and the sandbox start-up log. */
export interface VnptSeededIds {
  /** One document per status, all created by the simulator's first user (so status rules are reachable). */
  readonly byStatus: Readonly<Record<VnptStatusName, string>>;
  /** A READY document created by another user: cancelling it is refused as "not the creator". */
  readonly ownedByOther: string;
}

/** Builds one value per status; spelled out so the compiler checks that no status is missing. */
function perStatus<T>(make: (status: VnptStatusName, index: number) => T): Record<VnptStatusName, T> {
  return {
    NEW: make('NEW', 0),
    READY: make('READY', 1),
    PROCESSING: make('PROCESSING', 2),
    COMPLETED: make('COMPLETED', 3),
    CORRECTING: make('CORRECTING', 4),
    REJECTED: make('REJECTED', 5),
    DELETED: make('DELETED', 6),
    CANCELED: make('CANCELED', 7),
  };
}

/**
 * The sandbox's starting documents: every status for `ownerUserId`, plus documents of `otherUserId`
 * (a READY one to exercise the creator rule, a COMPLETED one so listings show mixed creators).
 */
export function buildSeedDocuments(input: {
  readonly baseUrl: string;
  readonly ownerUserId: number;
  readonly otherUserId: number;
  readonly now: Date;
}): { readonly documents: readonly VnptWireDocument[]; readonly seeded: VnptSeededIds } {
  const { baseUrl, now } = input;
  const owned = perStatus((status, index) =>
    buildWireDocument({ baseUrl, now, status, createdByUserId: input.ownerUserId, ageDays: 40 - index }),
  );
  const ownedByOther = buildWireDocument({ baseUrl, now, status: 'READY', createdByUserId: input.otherUserId, ageDays: 10 });
  const completedByOther = buildWireDocument({ baseUrl, now, status: 'COMPLETED', createdByUserId: input.otherUserId, ageDays: 20 });
  const byStatus = perStatus((status) => owned[status].id);
  return {
    documents: [...Object.values(owned), ownedByOther, completedByOther],
    seeded: Object.freeze({ byStatus: Object.freeze(byStatus), ownedByOther: ownedByOther.id }),
  };
}
