/** Whether this replica should receive traffic: ready once started, not ready while draining. */
export class Readiness {
  private state: 'starting' | 'ready' | 'draining' = 'starting';

  markReady(): void {
    if (this.state === 'starting') this.state = 'ready';
  }

  markDraining(): void {
    this.state = 'draining';
  }

  get isReady(): boolean {
    return this.state === 'ready';
  }

  get current(): 'starting' | 'ready' | 'draining' {
    return this.state;
  }
}
