import { FaultPlan, type InjectedFault } from '../fault-plan';

interface ArmedFault {
  readonly trigger: string;
  readonly action: string;
  readonly fault: InjectedFault;
  readonly times: number;
}

/**
 * The shared `FaultPlan`, plus faults that start only once another action has succeeded: "the write went
 * through, then every read fails", which one GraphQL request can otherwise not be made to meet when a read
 * also comes before the write. `clear()` drops both kinds.
 */
export class VolcFaultPlan extends FaultPlan {
  private readonly armed: ArmedFault[] = [];

  /**
   * Once a request for `trigger` has been answered with a `Result` (HTTP 200, e.g. a `HandleInvitation`
   * the simulator applied), makes the next `times` requests for `action` answer with `fault`. Fires once.
   */
  injectAfter(trigger: string, action: string, fault: InjectedFault, times = 1): void {
    this.armed.push({ trigger, action, fault, times });
  }

  /** Called by the endpoint after it answered `action` with a `Result`: queues the faults that action armed. */
  succeeded(action: string): void {
    const fired = this.armed.filter((armed) => armed.trigger === action);
    if (fired.length === 0) return;
    this.armed.splice(0, this.armed.length, ...this.armed.filter((armed) => armed.trigger !== action));
    for (const armed of fired) this.inject(armed.action, armed.fault, armed.times);
  }

  override clear(): void {
    super.clear();
    this.armed.length = 0;
  }
}
