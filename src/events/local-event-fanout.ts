import type { AgreementEvent } from './agreement-event';
import type { EventFanout } from './event-fanout';

/** One process: a published event reaches this process's listener, on a later tick (as through Redis). */
export class LocalEventFanout implements EventFanout {
  private listener: ((event: AgreementEvent) => void) | undefined;

  publish(event: AgreementEvent): Promise<void> {
    const listener = this.listener;
    if (listener)
      queueMicrotask(() => {
        listener(event);
      });
    return Promise.resolve();
  }

  listen(listener: (event: AgreementEvent) => void): void {
    this.listener = listener;
  }

  close(): Promise<void> {
    this.listener = undefined;
    return Promise.resolve();
  }
}
