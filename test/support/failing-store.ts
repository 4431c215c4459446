import type { KeyValueStore } from '../../src/stores/key-value-store';

/** A store that is down: every operation rejects with a fresh `error()`; closing it succeeds. */
export function failingStore(error: () => Error = () => new Error('down')): KeyValueStore {
  return {
    get: () => Promise.reject(error()),
    set: () => Promise.reject(error()),
    setIfAbsent: () => Promise.reject(error()),
    delete: () => Promise.reject(error()),
    close: () => Promise.resolve(),
  };
}
