import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { InjectedFault } from './fault-plan';

/** An injected vendor error, answered in the vendor's own envelope by the simulator that owns it. */
export type InjectedErrorFault = Extract<InjectedFault, { kind: 'error' }>;

/**
 * Applies an injected fault the same way in every simulator: `reset` destroys the socket, `raw` writes
 * the given status and body, `delay` waits (cut short when the simulator closes) and lets the request go
 * on, and `error` is answered by `answerError` in the vendor's envelope.
 * Resolves `true` when the fault answered (or dropped) the request, `false` to serve it normally.
 */
export async function applyFault(
  fault: InjectedFault,
  target: { readonly response: ServerResponse; readonly socket: Socket; readonly closing: AbortSignal },
  answerError: (fault: InjectedErrorFault) => void,
): Promise<boolean> {
  switch (fault.kind) {
    case 'error':
      answerError(fault);
      return true;
    case 'reset':
      target.socket.destroy();
      return true;
    case 'raw':
      target.response.writeHead(fault.status, {
        'content-type': fault.contentType ?? 'text/html; charset=utf-8',
        'content-length': String(Buffer.byteLength(fault.body)),
      });
      target.response.end(fault.body);
      return true;
    case 'delay':
      try {
        await sleep(fault.ms, undefined, { signal: target.closing });
      } catch {
        return true; // the simulator closed while waiting; its sockets are gone
      }
      return false;
    default: {
      const unreachable: never = fault;
      throw new Error(`unknown fault ${JSON.stringify(unreachable)}`);
    }
  }
}
