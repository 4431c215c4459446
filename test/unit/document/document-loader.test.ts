import type { DocumentRecord } from '../../../datasources/vnpt-econtract/model';
import { DOCUMENT_READ_CONCURRENCY, createDocumentLoader } from '../../../resolvers/document/document.loader';
import { anonymousPrincipal, unrestrictedPrincipal, type Principal } from '../../../src/auth/principal';
import { ErrorCode } from '../../../src/errors/error-code';
import { VendorError } from '../../../src/errors/vendor-error';

/** A fake VNPT client that records calls and the most reads it ever had in flight at once. */
function recordingClient(answer: (id: string) => DocumentRecord | null | VendorError) {
  const calls: string[] = [];
  const releases: (() => void)[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  return {
    calls,
    maxInFlight: () => maxInFlight,
    /** Lets every read that is waiting finish. */
    releaseAll: () => {
      releases.splice(0).forEach((release) => {
        release();
      });
    },
    client: {
      getDocument: async (id: string): Promise<DocumentRecord | null> => {
        calls.push(id);
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise<void>((resolve) => releases.push(resolve));
        inFlight -= 1;
        const result = answer(id);
        if (result instanceof VendorError) throw result;
        return result;
      },
    },
  };
}

const doc = (id: string): DocumentRecord => ({ id }) as unknown as DocumentRecord;

describe('createDocumentLoader', () => {
  it(`keeps at most ${DOCUMENT_READ_CONCURRENCY} reads in flight and answers every key in order`, async () => {
    const fake = recordingClient((id) => (id === 'missing' ? null : doc(id)));
    const loader = createDocumentLoader(fake.client, unrestrictedPrincipal());
    const ids = [...Array.from({ length: 20 }, (_, index) => `d${index}`), 'missing'];
    const pending = loader.loadMany(ids);
    while (fake.calls.length < ids.length) {
      await new Promise((resolve) => setImmediate(resolve));
      fake.releaseAll();
    }
    fake.releaseAll();
    const results = await pending;
    expect(fake.maxInFlight()).toBe(DOCUMENT_READ_CONCURRENCY);
    expect(results.map((result) => (result instanceof Error ? 'error' : (result?.id ?? null)))).toEqual([...ids.slice(0, 20), null]);
  });

  it('reads a duplicated id once and fails only the key whose read failed', async () => {
    const refused = new VendorError({ code: ErrorCode.PERMISSION_DENIED, message: 'no' });
    const fake = recordingClient((id) => (id === 'bad' ? refused : doc(id)));
    const loader = createDocumentLoader(fake.client, unrestrictedPrincipal());
    const pending = loader.loadMany(['a', 'bad', 'a']);
    while (fake.calls.length < 2) await new Promise((resolve) => setImmediate(resolve));
    fake.releaseAll();
    const [first, second, third] = await pending;
    expect(fake.calls).toEqual(['a', 'bad']);
    expect(first).toEqual(doc('a'));
    expect(second).toBe(refused);
    expect(third).toEqual(doc('a'));
  });

  it('refuses every key without calling VNPT when the caller lacks documents:read or a token', async () => {
    const calls: string[] = [];
    const fake = {
      calls,
      client: {
        getDocument: (id: string): Promise<DocumentRecord | null> => {
          calls.push(id);
          return Promise.resolve(doc(id));
        },
      },
    };
    const withoutScopes: Principal = { ...unrestrictedPrincipal(), authentication: 'token', scopes: new Set() };
    expect(await createDocumentLoader(fake.client, withoutScopes).loadMany(['a', 'b'])).toMatchObject([
      { code: ErrorCode.FORBIDDEN },
      { code: ErrorCode.FORBIDDEN },
    ]);
    expect(await createDocumentLoader(fake.client, anonymousPrincipal()).loadMany(['a'])).toMatchObject([
      { code: ErrorCode.UNAUTHENTICATED },
    ]);
    expect(fake.calls).toEqual([]);
  });

  it('answers VENDOR_UNAVAILABLE for every key when VNPT is off', async () => {
    const loader = createDocumentLoader(undefined, unrestrictedPrincipal());
    const [result] = await loader.loadMany(['x']);
    expect(result).toBeInstanceOf(VendorError);
    expect((result as VendorError).code).toBe(ErrorCode.VENDOR_UNAVAILABLE);
  });
});
