import DataLoader from 'dataloader';
import { BudgetedTransport } from '../../../datasources/http/budgeted-transport';
import type { VendorCall, VendorTransport } from '../../../datasources/http/vendor-call';
import { anonymousPrincipal, unrestrictedPrincipal, type Principal } from '../../../src/auth/principal';
import { ErrorCode } from '../../../src/errors/error-code';
import { Vendor } from '../../../src/errors/vendor';
import { VendorError } from '../../../src/errors/vendor-error';
import { OperationBudget, RequestScopes } from '../../../src/http/request-scope';

const tokenPrincipal = (subject: string): Principal => ({ authentication: 'token', subject, scopes: new Set(), claims: {} });

const CALL: VendorCall<string> = {
  operation: 'DescribeFlowInfo',
  kind: 'read',
  build: () => ({ method: 'POST', path: '/', headers: {} }),
  parse: () => 'parsed',
};

/** A transport that, like VendorHttpClient, may make several attempts per call; counts both. */
class RetryingTransport implements VendorTransport {
  calls = 0;
  attempts = 0;
  constructor(private readonly attemptsPerCall: number) {}
  execute<T>(call: VendorCall<T>): Promise<T> {
    this.calls += 1;
    this.attempts += this.attemptsPerCall;
    return Promise.resolve(call.parse({ status: 200, headers: {}, body: '' }));
  }
}

describe('RequestScopes', () => {
  it('has no scope outside a request', () => {
    expect(new RequestScopes(20).current()).toBeUndefined();
  });

  it('names the token subject as the caller with AUTH_MODE=jwt, and no caller with AUTH_MODE=none', () => {
    const scopes = new RequestScopes(20);
    const callers = [tokenPrincipal('user-1'), anonymousPrincipal(), unrestrictedPrincipal()].map((principal) =>
      scopes.run(() => {
        scopes.current()?.identify(principal);
        return scopes.current()?.caller;
      }),
    );
    expect(callers).toEqual(['user-1', 'anonymous', undefined]);
  });

  it('runs DataLoader batches inside the scope of the request whose loader they belong to', async () => {
    const scopes = new RequestScopes(20);
    const batches: { caller: string | undefined; keys: readonly string[] }[] = [];
    const request = (subject: string, keys: readonly string[]): Promise<string[]> =>
      scopes.wrap(async () => {
        // As the context factory does, after some awaited work (authentication).
        await Promise.resolve();
        scopes.current()?.identify(tokenPrincipal(subject));
        const loader = new DataLoader<string, string>((batch) => {
          batches.push({ caller: scopes.current()?.caller, keys: batch });
          return Promise.resolve(batch.map((key) => `${key}!`));
        });
        return Promise.all(keys.map((key) => loader.load(key)));
      })();

    const [first, second] = await Promise.all([request('alice', ['a', 'b']), request('bob', ['c'])]);

    expect(first).toEqual(['a!', 'b!']);
    expect(second).toEqual(['c!']);
    expect(batches).toEqual([
      { caller: 'alice', keys: ['a', 'b'] },
      { caller: 'bob', keys: ['c'] },
    ]);
  });

  it('gives every request its own call budget', async () => {
    const scopes = new RequestScopes(2);
    const used = await Promise.all(
      [3, 1].map((calls) =>
        scopes.run(async () => {
          await Promise.resolve();
          const budget = scopes.current()?.budget;
          return Array.from({ length: calls }, () => budget?.take());
        }),
      ),
    );
    expect(used).toEqual([[true, true, false], [true]]);
  });
});

describe('BudgetedTransport', () => {
  it('counts logical calls, not attempts, and fails calls past the budget with QUOTA_EXCEEDED before the transport', async () => {
    const inner = new RetryingTransport(3);
    const budget = new OperationBudget(2);
    const transport = new BudgetedTransport(inner, Vendor.TENCENT_ESS, () => budget);

    await expect(transport.execute(CALL)).resolves.toBe('parsed');
    await expect(transport.execute(CALL)).resolves.toBe('parsed');
    const error = await transport.execute(CALL).then(
      () => undefined,
      (reason: unknown) => reason,
    );

    expect(inner.calls).toBe(2);
    expect(inner.attempts).toBe(6);
    if (!(error instanceof VendorError)) throw new Error('expected a VendorError');
    expect(error).toMatchObject({ code: ErrorCode.QUOTA_EXCEEDED, retryable: false, vendor: Vendor.TENCENT_ESS });
    expect(error.message).toContain('VENDOR_CALLS_PER_OPERATION');
    expect(error.message).toContain('2 vendor calls');
  });

  it('does not limit calls made outside an operation (start-up, pollers)', async () => {
    const inner = new RetryingTransport(1);
    const transport = new BudgetedTransport(inner, Vendor.TENCENT_ESS, () => undefined);

    await Promise.all(Array.from({ length: 50 }, () => transport.execute(CALL)));

    expect(inner.calls).toBe(50);
  });
});
