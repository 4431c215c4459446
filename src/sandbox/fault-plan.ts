/**
 * What a simulator should do instead of its normal answer, for tests and demos. A fault is queued per
 * action (or `*` for any) and consumed by the next matching request(s).
 */
export type InjectedFault =
  /** Answer with the vendor's error envelope carrying `code` (HTTP status as the vendor would send it). */
  | { readonly kind: 'error'; readonly code: string; readonly message?: string; readonly httpStatus?: number }
  /** Hold the request this long before answering normally (longer than the client's deadline = a timeout). */
  | { readonly kind: 'delay'; readonly ms: number }
  /** Destroy the socket without answering (connection reset). */
  | { readonly kind: 'reset' }
  /** Answer with a raw, usually non-JSON body (e.g. a proxy's HTML 502); content type defaults to HTML. */
  | { readonly kind: 'raw'; readonly status: number; readonly body: string; readonly contentType?: string };

interface QueuedFault {
  readonly fault: InjectedFault;
  remaining: number;
}

/** Per-simulator queue of injected faults. Not shared between simulators; lives as long as its server. */
export class FaultPlan {
  private readonly queues = new Map<string, QueuedFault[]>();

  /** Makes the next `times` requests for `action` (or `*` for every action) answer with `fault`. */
  inject(action: string, fault: InjectedFault, times = 1): void {
    const queue = this.queues.get(action) ?? [];
    queue.push({ fault, remaining: times });
    this.queues.set(action, queue);
  }

  /** Takes the fault that applies to this request, if any; action-specific faults win over `*`. */
  take(action: string): InjectedFault | undefined {
    return this.takeFrom(action) ?? this.takeFrom('*');
  }

  clear(): void {
    this.queues.clear();
  }

  private takeFrom(key: string): InjectedFault | undefined {
    const queue = this.queues.get(key);
    const head = queue?.[0];
    if (!queue || !head) return undefined;
    head.remaining -= 1;
    if (head.remaining <= 0) queue.shift();
    return head.fault;
  }
}
