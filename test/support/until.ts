import { setTimeout as pause } from 'node:timers/promises';
import { request } from 'undici';

/**
 * Waits until `check` holds, looking again every few milliseconds, and fails naming `what` after
 * `maxChecks` looks, so a test that goes wrong ends instead of keeping jest alive. It orders steps (wait
 * for A, then do B); it asserts nothing about how long anything took.
 */
export async function until(what: string, check: () => boolean | Promise<boolean>, maxChecks = 4_000): Promise<void> {
  for (let checks = 0; checks < maxChecks; checks += 1) {
    if (await check()) return;
    await pause(5);
  }
  throw new Error(`gave up waiting for ${what}`);
}

/** Waits until the subgraph at `url` reports `count` open subscriptions of `kind` on `/metrics` (`event_subscriptions`). */
export async function untilSubscriptions(url: string, kind: 'flow' | 'document' | 'invitation', count: number): Promise<void> {
  const line = `event_subscriptions{kind="${kind}"} ${String(count)}`;
  await until(line, async () => {
    const metrics = await (await request(`${url}/metrics`)).body.text();
    return metrics.split('\n').includes(line);
  });
}
