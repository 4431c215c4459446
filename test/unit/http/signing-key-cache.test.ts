import { SigningKeyCache } from '../../../datasources/http/signing-key-cache';

/** A derivation that says which call made it, so a test sees whether the cache derived or reused. */
function counter(): { readonly derive: () => Buffer; readonly calls: () => number } {
  let calls = 0;
  return {
    derive: () => {
      calls += 1;
      return Buffer.from(`key-${calls}`);
    },
    calls: () => calls,
  };
}

describe('SigningKeyCache', () => {
  it('derives once and then serves the same key while the secret and scope stay the same', () => {
    const cache = new SigningKeyCache();
    const { derive, calls } = counter();
    const first = cache.keyFor('secret', '2024-03-11/ess/tc3_request', derive);
    const second = cache.keyFor('secret', '2024-03-11/ess/tc3_request', derive);
    expect(first.toString()).toBe('key-1');
    expect(second).toBe(first);
    expect(calls()).toBe(1);
  });

  it('derives afresh when the scope changes (the next UTC day, another service)', () => {
    const cache = new SigningKeyCache();
    const { derive, calls } = counter();
    cache.keyFor('secret', '2024-03-11/ess/tc3_request', derive);
    expect(cache.keyFor('secret', '2024-03-12/ess/tc3_request', derive).toString()).toBe('key-2');
    expect(cache.keyFor('secret', '2024-03-12/cvm/tc3_request', derive).toString()).toBe('key-3');
    expect(calls()).toBe(3);
  });

  it('derives afresh when another secret asks for the same scope, and keeps only the latest key', () => {
    const cache = new SigningKeyCache();
    const { derive, calls } = counter();
    cache.keyFor('secret-a', '20240101/cn-north-1/billing/request', derive);
    expect(cache.keyFor('secret-b', '20240101/cn-north-1/billing/request', derive).toString()).toBe('key-2');
    // Only one entry: going back to the first secret derives again.
    expect(cache.keyFor('secret-a', '20240101/cn-north-1/billing/request', derive).toString()).toBe('key-3');
    expect(calls()).toBe(3);
  });
});
