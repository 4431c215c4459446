import DataLoader from 'dataloader';
import { BudgetedTransport } from '../../../datasources/http/budgeted-transport';
import type { CallScope, VendorCall, VendorTransport } from '../../../datasources/http/vendor-call';
import { anonymousPrincipal, unrestrictedPrincipal, type Principal } from '../../../src/auth/principal';
import { ErrorCode } from '../../../src/errors/error-code';
import { Vendor } from '../../../src/errors/vendor';
import { VendorError } from '../../../src/errors/vendor-error';
import { OperationBudget, RequestScope } from '../../../src/http/request-scope';

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
    return Promise.resolve(call.parse({ status: 200, headers: {}, body: Buffer.alloc(0) }));
  }
}

describe('RequestScope', () => {
  it('names the token subject as the caller with AUTH_MODE=jwt, and no caller with AUTH_MODE=none', () => {
    const callers = [tokenPrincipal('user-1'), anonymousPrincipal(), unrestrictedPrincipal()].map((principal) => {
      const scope = RequestScope.withBudget(20);
      scope.identify(principal);
      return scope.caller;
    });
    expect(callers).toEqual(['user-1', 'anonymous', undefined]);
  });

  it('has no caller before the principal is known', () => {
    expect(RequestScope.withBudget(20).caller).toBeUndefined();
  });

  it('gives every scope its own call budget of the size it was made with', () => {
    const [first, second] = [RequestScope.withBudget(2), RequestScope.withBudget(2)];
    const used = [3, 1].map((calls, index) => Array.from({ length: calls }, () => (index === 0 ? first : second).budget.take()));
    expect(used).toEqual([[true, true, false], [true]]);
    expect(first.budget.calls).toBe(2);
    expect(first.budget.limit).toBe(2);
  });

  it("hands a request's loader batches the scope of that request, whichever request's batch runs first", async () => {
    const inner = new RetryingTransport(1);
    const transport = new BudgetedTransport(inner, Vendor.TENCENT_ESS);
    const batches: { caller: string | undefined; keys: readonly string[] }[] = [];
    const request = async (subject: string, keys: readonly string[]): Promise<string[]> => {
      const scope = RequestScope.withBudget(20);
      // As the context factory does, after some awaited work (authentication).
      await Promise.resolve();
      scope.identify(tokenPrincipal(subject));
      const loader = new DataLoader<string, string>(async (batch) => {
        batches.push({ caller: scope.caller, keys: batch });
        await transport.execute(CALL, scope);
        return batch.map((key) => `${key}!`);
      });
      const values = await Promise.all(keys.map((key) => loader.load(key)));
      expect(scope.budget.calls).toBe(1);
      return values;
    };

    const [first, second] = await Promise.all([request('alice', ['a', 'b']), request('bob', ['c'])]);

    expect(first).toEqual(['a!', 'b!']);
    expect(second).toEqual(['c!']);
    expect(batches).toEqual([
      { caller: 'alice', keys: ['a', 'b'] },
      { caller: 'bob', keys: ['c'] },
    ]);
  });
});

describe('BudgetedTransport', () => {
  it('counts logical calls, not attempts, and fails calls past the budget with QUOTA_EXCEEDED before the transport', async () => {
    const inner = new RetryingTransport(3);
    const scope: CallScope = { budget: new OperationBudget(2), caller: undefined };
    const transport = new BudgetedTransport(inner, Vendor.TENCENT_ESS);

    await expect(transport.execute(CALL, scope)).resolves.toBe('parsed');
    await expect(transport.execute(CALL, scope)).resolves.toBe('parsed');
    const error = await transport.execute(CALL, scope).then(
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
    const transport = new BudgetedTransport(inner, Vendor.TENCENT_ESS);

    await Promise.all(Array.from({ length: 50 }, () => transport.execute(CALL, undefined)));

    expect(inner.calls).toBe(50);
  });
});
