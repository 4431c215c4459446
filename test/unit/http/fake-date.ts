/**
 * Fakes `Date` only: the clock of cockatiel's circuit breaker and of `FailureRateBreaker`. Timers,
 * microtasks and undici's sockets keep running for real, so tests over loopback HTTP still work.
 * Undo with `jest.useRealTimers()`.
 */
export function fakeDate(start = new Date('2026-03-02T09:00:00.000Z')): { advance(ms: number): void } {
  jest.useFakeTimers({
    now: start,
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
  return {
    advance: (ms) => {
      jest.setSystemTime(Date.now() + ms);
    },
  };
}
