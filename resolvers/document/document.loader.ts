import DataLoader from 'dataloader';
import pLimit from 'p-limit';
import type { CallScope } from '../../datasources/http/vendor-call';
import type { VnptEcontractClient } from '../../datasources/vnpt-econtract/client';
import type { DocumentRecord } from '../../datasources/vnpt-econtract/model';
import type { Principal } from '../../src/auth/principal';
import { scopeFailure } from '../../src/auth/require-scope';
import { Scope } from '../../src/auth/scopes';
import { Vendor } from '../../src/errors/vendor';
import { vendorNotConfigured } from '../../src/errors/vendor-not-configured';
import { NO_ENTITY_CACHE, type EntityCache } from '../../src/cache/entity-cache';
import { readThroughCache } from '../shared/cached-read';
import { asError } from '../../src/errors/as-error';

export type DocumentLoader = DataLoader<string, DocumentRecord | null>;

/** VNPT has no batch read: at most this many document reads run at once per request. */
export const DOCUMENT_READ_CONCURRENCY = 8;

/**
 * Per-request loader over `GET /api/documents/{id}`: duplicates are free (the loader's cache), reads run
 * with bounded concurrency, `null` for unknown ids, and a failed read fails only its own key. Every
 * read path to a document goes through here, so this is where `documents:read` is enforced. With the
 * entity cache on, documents it holds cost no call.
 */
export function createDocumentLoader(
  vnpt: Pick<VnptEcontractClient, 'getDocument'> | undefined,
  principal: Principal,
  cache: EntityCache = NO_ENTITY_CACHE,
  scope?: CallScope,
): DocumentLoader {
  return new DataLoader<string, DocumentRecord | null>(async (ids) => {
    const refused = scopeFailure(principal, Scope.DOCUMENTS_READ);
    if (refused) return ids.map(() => refused);
    if (!vnpt) return ids.map(() => vendorNotConfigured(Vendor.VNPT_ECONTRACT));
    return readThroughCache(cache, 'Document', ids, (missing) => {
      const limit = pLimit(DOCUMENT_READ_CONCURRENCY);
      return Promise.all(
        missing.map((id) =>
          limit(async (): Promise<DocumentRecord | null | Error> => {
            try {
              return await vnpt.getDocument(id, scope);
            } catch (error: unknown) {
              return asError(error);
            }
          }),
        ),
      );
    });
  });
}
