import type { IncomingHttpHeaders } from 'node:http';
import type { AgreementEvent } from './agreement-event';

/** Why a callback was not accepted; a bounded metric label. */
export type CallbackRefusal = 'unauthorized' | 'malformed' | 'unavailable';

/**
 * What a receiver made of one callback request. The HTTP route answers `status` with `body` (JSON), and
 * hands `events` (possibly none: an ignored MsgType) to the event sink only when `status` is 2xx.
 * `refusal` is set exactly when the callback was refused (4xx/5xx).
 */
export interface CallbackOutcome {
  readonly status: number;
  readonly body: unknown;
  readonly events: readonly AgreementEvent[];
  readonly refusal?: CallbackRefusal;
}

/** One vendor's callback endpoint: `POST <path>` with the raw body as the vendor sent it (signatures cover raw bytes). */
export interface CallbackReceiver {
  /** E.g. `/callbacks/tencent-ess` (DESIGN.md "Events"). */
  readonly path: string;
  receive(request: { readonly rawBody: Buffer; readonly headers: IncomingHttpHeaders }): Promise<CallbackOutcome>;
  /**
   * The body of a 503 when an accepted callback's events could not be recorded (the store is down), in
   * the vendor's answer format; `{ error: message }` when absent. The vendor then redelivers.
   */
  unavailableBody?(message: string): unknown;
}

/** Largest callback body a receiver reads; vendors' callbacks are a few KiB. */
export const CALLBACK_BODY_LIMIT_BYTES = 64 * 1024;
