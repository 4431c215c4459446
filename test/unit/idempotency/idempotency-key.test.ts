import { createHash } from 'node:crypto';
import { idempotencyStoreKey, inputFingerprint } from '../../../src/idempotency/idempotency-key';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('idempotencyStoreKey', () => {
  it('is "idempotency:" + sha256 of the JSON array of mutation, caller parts and key', () => {
    expect(idempotencyStoreKey(['createReleaseFlow', 'alice', 'operator-1'], 'key-1')).toBe(
      `idempotency:${sha256('["createReleaseFlow","alice","operator-1","key-1"]')}`,
    );
  });

  it('gives "alice:op" + "x" and "alice" + "op:x" different keys', () => {
    expect(idempotencyStoreKey(['createReleaseFlow', 'alice:op', 'x'], 'k')).not.toBe(
      idempotencyStoreKey(['createReleaseFlow', 'alice', 'op:x'], 'k'),
    );
  });

  it('keeps caller text out of the key', () => {
    expect(idempotencyStoreKey(['cancelDocument', 'alice@example.com'], 'order-42')).toMatch(/^idempotency:[0-9a-f]{64}$/);
  });
});

describe('inputFingerprint', () => {
  it('ignores object key order and tells different values apart', () => {
    expect(inputFingerprint({ a: 1, b: { c: 2, d: 3 } })).toBe(inputFingerprint({ b: { d: 3, c: 2 }, a: 1 }));
    expect(inputFingerprint({ a: 1 })).not.toBe(inputFingerprint({ a: 2 }));
  });
});
