import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import { VnptTokenProvider } from '../../../datasources/vnpt-econtract/token-provider';
import { ErrorCode } from '../../../src/errors/error-code';
import { VendorError } from '../../../src/errors/vendor-error';
import { InMemoryKeyValueStore } from '../../../src/stores/in-memory-key-value-store';
import type { KeyValueStore } from '../../../src/stores/key-value-store';

const KEY = 'vnpt-econtract:token:test';
const TTL_MS = 60_000;

interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A pino logger whose output the test can read. */
function capturingLogger(): { logger: Logger; lines: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: pino({ level: 'trace' }, stream), lines: () => chunks.join('') };
}

function provider(login: () => Promise<string>, store: KeyValueStore, logger: Logger = pino({ level: 'silent' })): VnptTokenProvider {
  return new VnptTokenProvider({ login, store, storeKey: KEY, ttlMs: TTL_MS, logger });
}

/** A silent provider on the test's clock, with the default TTL unless told otherwise. */
function clockedProvider(
  login: () => Promise<string>,
  store: KeyValueStore,
  now: () => number,
  options: { readonly ttlMs?: number; readonly refusalCooldownMs?: number } = {},
): VnptTokenProvider {
  return new VnptTokenProvider({
    login,
    store,
    storeKey: KEY,
    ttlMs: options.ttlMs ?? TTL_MS,
    logger: pino({ level: 'silent' }),
    refusalCooldownMs: options.refusalCooldownMs,
    now,
  });
}

/**
 * A store whose reads numbered in `gates` (counting from 1) are held until their gate resolves, as a slow
 * Redis could; with `heldReadsEmpty` a held read answers empty whatever the store holds by then.
 * `reads()` counts reads.
 */
function storeHoldingReads(
  gates: ReadonlyMap<number, Deferred<undefined>>,
  heldReadsEmpty: boolean,
): { inner: InMemoryKeyValueStore; store: KeyValueStore; reads: () => number } {
  const inner = new InMemoryKeyValueStore();
  let count = 0;
  const store: KeyValueStore = {
    get: async (key) => {
      count += 1;
      const gate = gates.get(count);
      const value = await inner.get(key);
      if (gate === undefined) return value;
      await gate.promise;
      return heldReadsEmpty ? undefined : value;
    },
    set: (key, value, ttl) => inner.set(key, value, ttl),
    setIfAbsent: (key, value, ttl) => inner.setIfAbsent(key, value, ttl),
    delete: (key) => inner.delete(key),
    close: () => inner.close(),
  };
  return { inner, store, reads: () => count };
}

/** A store whose second read is held until `heldRead` resolves (see `storeHoldingReads`). */
function slowSecondRead(options: { readonly secondReadEmpty?: boolean } = {}): {
  inner: InMemoryKeyValueStore;
  store: KeyValueStore;
  heldRead: Deferred<undefined>;
  reads: () => number;
} {
  const heldRead = deferred<undefined>();
  return { ...storeHoldingReads(new Map([[2, heldRead]]), options.secondReadEmpty === true), heldRead };
}

/**
 * Two callers of `tokens`, started together: both read the store before any login starts (the first
 * read answers, the second, the straggler's, is the one `slowSecondRead` holds).
 */
async function firstAndStraggler(tokens: VnptTokenProvider): Promise<{ first: Promise<string>; straggler: Promise<string> }> {
  const first = tokens.getToken();
  const straggler = tokens.getToken();
  await new Promise((resolve) => setImmediate(resolve));
  return { first, straggler };
}

describe('VnptTokenProvider', () => {
  it('logs in exactly once when 50 callers ask concurrently with an empty store', async () => {
    const store = new InMemoryKeyValueStore();
    const gate = deferred<string>();
    const login = jest.fn(() => gate.promise);
    const tokens = provider(login, store);

    const waiting = Array.from({ length: 50 }, () => tokens.getToken());
    await new Promise((resolve) => setImmediate(resolve));
    gate.resolve('token-1');

    expect(await Promise.all(waiting)).toEqual(Array.from({ length: 50 }, () => 'token-1'));
    expect(login).toHaveBeenCalledTimes(1);
    expect(await store.get(KEY)).toBe('token-1');
  });

  it('uses the stored token without logging in when another replica already stored one', async () => {
    const store = new InMemoryKeyValueStore();
    await store.set(KEY, 'shared-token', TTL_MS);
    const login = jest.fn(() => Promise.resolve('never'));

    expect(await provider(login, store).getToken()).toBe('shared-token');
    expect(login).not.toHaveBeenCalled();
  });

  it('stores the token with the TTL, and renews it once the TTL and the 30 s it is held for have passed', async () => {
    let clock = 1_000;
    const store = new InMemoryKeyValueStore(() => clock);
    const login = jest.fn<Promise<string>, []>().mockResolvedValueOnce('token-1').mockResolvedValueOnce('token-2');
    const tokens = clockedProvider(login, store, () => clock);

    expect(await tokens.getToken()).toBe('token-1');
    clock += TTL_MS - 1;
    // Read from the store again (the login's 30 s are over) and held for another 30 s from now.
    expect(await tokens.getToken()).toBe('token-1');
    clock += 1;
    expect(await store.get(KEY)).toBeUndefined();
    expect(await tokens.getToken()).toBe('token-1');
    clock += 29_998;
    expect(await tokens.getToken()).toBe('token-1');
    clock += 1;
    expect(await tokens.getToken()).toBe('token-2');
    expect(login).toHaveBeenCalledTimes(2);
  });

  it('reads the store once per 30 s, not once per call', async () => {
    let clock = 1_000;
    const store = new InMemoryKeyValueStore(() => clock);
    await store.set(KEY, 'shared-token', 600_000);
    const reads = jest.spyOn(store, 'get');
    const tokens = clockedProvider(
      () => Promise.reject(new Error('no login expected')),
      store,
      () => clock,
      { ttlMs: 600_000 },
    );

    for (let call = 0; call < 10; call += 1) expect(await tokens.getToken()).toBe('shared-token');
    expect(reads).toHaveBeenCalledTimes(1);
    clock += 29_999;
    await store.set(KEY, 'token-from-replica-b', 600_000);
    expect(await tokens.getToken()).toBe('shared-token');
    expect(reads).toHaveBeenCalledTimes(1);
    clock += 1;
    expect(await tokens.getToken()).toBe('token-from-replica-b');
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('holds a token no longer than the TTL when the TTL is shorter than 30 s', async () => {
    let clock = 1_000;
    const store = new InMemoryKeyValueStore(() => clock);
    const login = jest.fn<Promise<string>, []>().mockResolvedValueOnce('token-1').mockResolvedValueOnce('token-2');
    const tokens = clockedProvider(login, store, () => clock, { ttlMs: 10_000 });

    expect(await tokens.getToken()).toBe('token-1');
    clock += 9_999;
    expect(await tokens.getToken()).toBe('token-1');
    clock += 1;
    expect(await tokens.getToken()).toBe('token-2');
  });

  it('logs in again when the current token was invalidated', async () => {
    const store = new InMemoryKeyValueStore();
    const login = jest.fn<Promise<string>, []>().mockResolvedValueOnce('token-1').mockResolvedValueOnce('token-2');
    const tokens = provider(login, store);

    const first = await tokens.getToken();
    await tokens.invalidate(first);

    expect(await tokens.getToken()).toBe('token-2');
    expect(login).toHaveBeenCalledTimes(2);
  });

  it('keeps a fresher token when the rejected one was already replaced by another replica', async () => {
    const store = new InMemoryKeyValueStore();
    const login = jest.fn(() => Promise.resolve('token-1'));
    const tokens = provider(login, store);
    await tokens.getToken();
    await store.set(KEY, 'token-from-replica-b', TTL_MS);

    await tokens.invalidate('token-1');

    expect(await tokens.getToken()).toBe('token-from-replica-b');
    expect(login).toHaveBeenCalledTimes(1);
  });

  it('rejects every waiter with the login error and tries again on the next call when login fails', async () => {
    const store = new InMemoryKeyValueStore();
    const failure = new VendorError({ code: ErrorCode.VENDOR_UNAVAILABLE, message: 'login endpoint down' });
    const gate = deferred<string>();
    const login = jest.fn<Promise<string>, []>().mockReturnValueOnce(gate.promise).mockResolvedValueOnce('token-2');
    const tokens = provider(login, store);

    const waiting = Array.from({ length: 10 }, () => tokens.getToken());
    await new Promise((resolve) => setImmediate(resolve));
    gate.reject(failure);
    const results = await Promise.allSettled(waiting);

    expect(results.every((result) => result.status === 'rejected' && result.reason === failure)).toBe(true);
    expect(await store.get(KEY)).toBeUndefined();
    expect(await tokens.getToken()).toBe('token-2');
    expect(login).toHaveBeenCalledTimes(2);
  });

  it('replays a credential refusal without logging in again until the cooldown has passed', async () => {
    let now = 1_000_000;
    const refused = new VendorError({ code: ErrorCode.VENDOR_AUTH_FAILED, message: 'wrong password' });
    const login = jest.fn<Promise<string>, []>().mockRejectedValueOnce(refused).mockResolvedValueOnce('token-after-fix');
    const tokens = clockedProvider(login, new InMemoryKeyValueStore(() => now), () => now, { refusalCooldownMs: 30_000 });

    await expect(tokens.getToken()).rejects.toBe(refused);
    await expect(tokens.getToken()).rejects.toBe(refused);
    now += 29_999;
    await expect(tokens.getToken()).rejects.toBe(refused);
    expect(login).toHaveBeenCalledTimes(1);
    now += 1;
    expect(await tokens.getToken()).toBe('token-after-fix');
    expect(login).toHaveBeenCalledTimes(2);
  });

  it('does not start a second login when a slow store read returns empty after a login finished', async () => {
    const { store, heldRead, reads } = slowSecondRead();
    const gate = deferred<string>();
    const login = jest.fn<Promise<string>, []>().mockReturnValueOnce(gate.promise).mockResolvedValueOnce('token-2');
    const tokens = provider(login, store);

    const { first, straggler } = await firstAndStraggler(tokens);
    gate.resolve('token-1');
    await first;
    heldRead.resolve(undefined);

    expect(await straggler).toBe('token-1');
    expect(login).toHaveBeenCalledTimes(1);
    // The straggler took the token the login left in this process: no third read.
    expect(reads()).toBe(2);
  });

  it('never writes the token or the login error details to the log when logging in and invalidating', async () => {
    const { logger, lines } = capturingLogger();
    const store = new InMemoryKeyValueStore();
    const secretToken = 'eyJhbGciOiJIUzI1NiJ9.c2VjcmV0.super-secret-signature';
    const failure = new VendorError({ code: ErrorCode.VENDOR_AUTH_FAILED, message: 'refused', vendorMessage: 'password hunter2 wrong' });
    const login = jest.fn<Promise<string>, []>().mockResolvedValueOnce(secretToken).mockRejectedValueOnce(failure);
    const tokens = provider(login, store, logger);

    await tokens.getToken();
    await tokens.invalidate(secretToken);
    await expect(tokens.getToken()).rejects.toBe(failure);

    const output = lines();
    expect(output).toContain('vnpt password login succeeded');
    expect(output).toContain('VENDOR_AUTH_FAILED');
    expect(output).not.toContain('super-secret-signature');
    expect(output).not.toContain('hunter2');
  });

  it('refuses for 30 s by default after a credential refusal, and not at all after an outage', async () => {
    let now = 5_000_000;
    const refused = new VendorError({ code: ErrorCode.VENDOR_AUTH_FAILED, message: 'wrong password' });
    const outage = new VendorError({ code: ErrorCode.VENDOR_UNAVAILABLE, message: 'down' });
    const login = jest
      .fn<Promise<string>, []>()
      .mockRejectedValueOnce(outage)
      .mockRejectedValueOnce(refused)
      .mockResolvedValueOnce('token-after-fix');
    const tokens = clockedProvider(login, new InMemoryKeyValueStore(() => now), () => now);

    await expect(tokens.getToken()).rejects.toBe(outage);
    await expect(tokens.getToken()).rejects.toBe(refused);
    now += 29_999;
    await expect(tokens.getToken()).rejects.toBe(refused);
    now += 1;
    expect(await tokens.getToken()).toBe('token-after-fix');
    expect(login).toHaveBeenCalledTimes(3);
  });

  it('treats an empty stored token as none and logs in after one store read', async () => {
    const store = new InMemoryKeyValueStore();
    await store.set(KEY, '', TTL_MS);
    const reads = jest.spyOn(store, 'get');
    const login = jest.fn(() => Promise.resolve('token-1'));
    expect(await provider(login, store).getToken()).toBe('token-1');
    expect(login).toHaveBeenCalledTimes(1);
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('does not read the store while its own login is running: callers wait for that login', async () => {
    const store = new InMemoryKeyValueStore();
    const gate = deferred<string>();
    const login = jest.fn(() => gate.promise);
    const tokens = provider(login, store);
    const first = tokens.getToken();
    await new Promise((resolve) => setImmediate(resolve));
    expect(login).toHaveBeenCalledTimes(1);
    const reads = jest.spyOn(store, 'get');

    const late = tokens.getToken();
    gate.resolve('token-1');

    expect(await Promise.all([first, late])).toEqual(['token-1', 'token-1']);
    expect(reads).not.toHaveBeenCalled();
  });

  it('keeps its held token, without a store read, when the vendor rejects an older one', async () => {
    const store = new InMemoryKeyValueStore();
    await store.set(KEY, 'token-current', TTL_MS);
    const tokens = provider(() => Promise.reject(new Error('no login expected')), store);
    expect(await tokens.getToken()).toBe('token-current');

    await tokens.invalidate('token-old');
    const reads = jest.spyOn(store, 'get');

    expect(await tokens.getToken()).toBe('token-current');
    expect(reads).not.toHaveBeenCalled();
  });

  it.each([
    ['a string', 'socket hang up'],
    ['null', null],
  ])('hands a login rejected with %s on as it is, logged with code UNKNOWN', async (_label, reason) => {
    const { logger, lines } = capturingLogger();
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the case under test: a login that rejects with no Error
    const tokens = provider(() => Promise.reject(reason), new InMemoryKeyValueStore(), logger);
    await expect(tokens.getToken()).rejects.toBe(reason);
    expect(JSON.parse(lines().trim()) as unknown).toMatchObject({ level: 50, code: 'UNKNOWN', msg: 'vnpt password login failed' });
  });

  it('logs in itself when its store read came back empty and the login that finished meanwhile failed', async () => {
    const { store, heldRead, reads } = slowSecondRead();
    const outage = new VendorError({ code: ErrorCode.VENDOR_UNAVAILABLE, message: 'login endpoint down' });
    const gate = deferred<string>();
    const login = jest.fn<Promise<string>, []>().mockReturnValueOnce(gate.promise).mockResolvedValueOnce('token-2');
    const tokens = provider(login, store);

    const { first, straggler } = await firstAndStraggler(tokens);
    gate.reject(outage);
    await expect(first).rejects.toBe(outage);
    heldRead.resolve(undefined);

    expect(await straggler).toBe('token-2');
    expect(login).toHaveBeenCalledTimes(2);
    // Its own read, held back, then one more after the failed login, then none: the new login's token is used.
    expect(reads()).toBe(3);
  });

  it('takes the token another replica stored while its read was slow and the login of this process failed', async () => {
    const { inner, store, heldRead } = slowSecondRead({ secondReadEmpty: true });
    const outage = new VendorError({ code: ErrorCode.VENDOR_UNAVAILABLE, message: 'login endpoint down' });
    const gate = deferred<string>();
    const login = jest.fn<Promise<string>, []>().mockReturnValueOnce(gate.promise);
    const tokens = provider(login, store);

    const { first, straggler } = await firstAndStraggler(tokens);
    gate.reject(outage);
    await expect(first).rejects.toBe(outage);
    await inner.set(KEY, 'token-from-replica-b', TTL_MS);
    heldRead.resolve(undefined);

    expect(await straggler).toBe('token-from-replica-b');
    expect(login).toHaveBeenCalledTimes(1);
  });

  it('joins a login another caller started while its re-read of the store was slow, rather than start a third', async () => {
    // Reads 2 and 3 (the straggler's first read and its re-read after the failed login) are held and answer empty.
    const heldReads = new Map([
      [2, deferred<undefined>()],
      [3, deferred<undefined>()],
    ]);
    const { store, reads } = storeHoldingReads(heldReads, true);
    const outage = new VendorError({ code: ErrorCode.VENDOR_UNAVAILABLE, message: 'login endpoint down' });
    const firstLogin = deferred<string>();
    const secondLogin = deferred<string>();
    const login = jest
      .fn<Promise<string>, []>()
      .mockReturnValueOnce(firstLogin.promise)
      .mockReturnValueOnce(secondLogin.promise)
      .mockResolvedValue('token-3');
    const tokens = provider(login, store);
    const settle = () => new Promise((resolve) => setImmediate(resolve));

    const { first, straggler } = await firstAndStraggler(tokens);
    firstLogin.reject(outage);
    await expect(first).rejects.toBe(outage);
    heldReads.get(2)?.resolve(undefined);
    await settle();
    expect(reads()).toBe(3);

    // A third caller, finding nothing held, stored or running, starts the second login meanwhile.
    const third = tokens.getToken();
    await settle();
    expect(login).toHaveBeenCalledTimes(2);
    heldReads.get(3)?.resolve(undefined);
    secondLogin.resolve('token-2');

    expect(await Promise.all([straggler, third])).toEqual(['token-2', 'token-2']);
    expect(login).toHaveBeenCalledTimes(2);
  });

  it('logs a failed login at error with only its classified code, and a success at info with the TTL', async () => {
    const { logger, lines } = capturingLogger();
    const refused = new VendorError({ code: ErrorCode.VENDOR_AUTH_FAILED, message: 'wrong password' });
    const failing = provider(() => Promise.reject(refused), new InMemoryKeyValueStore(), logger);
    await expect(failing.getToken()).rejects.toBe(refused);
    const thrownText = provider(() => Promise.reject(new Error('socket')), new InMemoryKeyValueStore(), logger);
    await expect(thrownText.getToken()).rejects.toThrow('socket');
    await provider(() => Promise.resolve('token-1'), new InMemoryKeyValueStore(), logger).getToken();

    const logged = lines()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged.map(({ level, vendor, code, ttlMs, msg }) => ({ level, vendor, code, ttlMs, msg }))).toEqual([
      { level: 50, vendor: 'VNPT_ECONTRACT', code: 'VENDOR_AUTH_FAILED', ttlMs: undefined, msg: 'vnpt password login failed' },
      { level: 50, vendor: 'VNPT_ECONTRACT', code: 'UNKNOWN', ttlMs: undefined, msg: 'vnpt password login failed' },
      { level: 30, vendor: 'VNPT_ECONTRACT', code: undefined, ttlMs: TTL_MS, msg: 'vnpt password login succeeded' },
    ]);
  });

  it('logs at info when it forgets a rejected token, and nothing when the store holds another', async () => {
    const { logger, lines } = capturingLogger();
    const store = new InMemoryKeyValueStore();
    await store.set(KEY, 'token-current', TTL_MS);
    const tokens = provider(() => Promise.resolve('unused'), store, logger);

    await tokens.invalidate('token-old');
    expect(lines()).toBe('');
    await tokens.invalidate('token-current');
    expect(JSON.parse(lines()) as unknown).toMatchObject({
      level: 30,
      vendor: 'VNPT_ECONTRACT',
      msg: 'vnpt token rejected by the vendor; it will be renewed',
    });
    expect(await store.get(KEY)).toBeUndefined();
  });

  it('still hands out the token, with a warning, when the store cannot keep it', async () => {
    const { logger, lines } = capturingLogger();
    const store = new InMemoryKeyValueStore();
    jest.spyOn(store, 'set').mockRejectedValue(new Error('redis down'));
    const login = jest.fn(() => Promise.resolve('token-1'));
    const tokens = provider(login, store, logger);
    expect(await tokens.getToken()).toBe('token-1');
    const warning = JSON.parse(lines().trim().split('\n')[0] ?? '') as Record<string, unknown>;
    expect(warning).toMatchObject({ level: 40, vendor: 'VNPT_ECONTRACT', msg: 'vnpt token could not be stored; it will not be shared' });
    // Held here all the same: the next calls do not log in again while the store is out.
    expect(await tokens.getToken()).toBe('token-1');
    expect(login).toHaveBeenCalledTimes(1);
  });
});
