import { EventEmitter } from 'node:events';

/** What the parts of one logical vendor call that wait need of its deadline. */
export interface Deadline {
  /** True once the deadline has passed. */
  readonly aborted: boolean;
  /** The deadline as an `AbortSignal`, for a wait that must end with it. */
  readonly signal: AbortSignal;
}

/**
 * The whole deadline of one logical vendor call (`VENDOR_TIMEOUT_MS`: its attempts, retries and
 * rate-limit waits together). undici takes it as its request `signal` (an `EventEmitter` with `aborted`,
 * `reason` and an `abort` event is one of the signal kinds undici accepts), so an exchange still running
 * when the deadline passes is cut off.
 *
 * Why not an `AbortController` per call: Node 20 makes each `AbortSignal` by changing an `EventTarget`'s
 * prototype and then adding fields, and under load a good part of the objects made that way survived
 * young-generation collections, with what they referenced (a signal per call was half of what a
 * `cancelDocument` still promoted, `docs/performance.md`). The `AbortSignal` a wait needs (a rate-limit
 * wait) is made here on first use, which a call that never waits never reaches.
 *
 * `dispose` cancels the timer once the call has ended; the timer does not hold the process open.
 */
export class CallDeadline extends EventEmitter implements Deadline {
  private expired = false;
  private controller: AbortController | undefined;
  private readonly timer: NodeJS.Timeout;

  constructor(timeoutMs: number) {
    super();
    this.timer = setTimeout(() => {
      this.expire();
    }, timeoutMs);
    this.timer.unref();
  }

  get aborted(): boolean {
    return this.expired;
  }

  /** Why the call was cut off (undici rejects an exchange cut off by this deadline with it); null while it runs. */
  get reason(): DOMException | null {
    return this.expired ? timeoutReason() : null;
  }

  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.expired) this.controller.abort(timeoutReason());
    }
    return this.controller.signal;
  }

  /** Cancels the timer; the call has ended. */
  dispose(): void {
    clearTimeout(this.timer);
  }

  private expire(): void {
    this.expired = true;
    this.controller?.abort(timeoutReason());
    this.emit('abort');
  }
}

/** The reason `AbortSignal.timeout` gives, so that a cut-off call fails as it did with one. */
function timeoutReason(): DOMException {
  return new DOMException('The operation was aborted due to timeout', 'TimeoutError');
}
