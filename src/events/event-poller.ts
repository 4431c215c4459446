/**
 * A vendor without callbacks (Volcengine) is polled: `start` begins polling on a timer (one replica at a
 * time, by a lease in the shared store), handing each change to the event sink; `stop` ends it and
 * resolves once no poll is running. Both are idempotent.
 */
export interface EventPoller {
  start(): void;
  stop(): Promise<void>;
}
