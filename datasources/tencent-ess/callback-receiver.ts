import type { IncomingHttpHeaders } from 'node:http';
import type { Logger } from 'pino';
import type { CallbackOutcome, CallbackReceiver, CallbackRefusal } from '../../src/events/callback-receiver';
import { isJsonObject } from '../../src/json/json-object';
import { parseJsonBytes, readText } from '../http/json-readers';
import { callbackSignatureMatches, decryptCallback } from './callback-crypto';
import { parseCallbackMessage } from './callback-event';

/** Where ESS posts its callbacks (DESIGN.md "Endpoints"). */
export const TENCENT_ESS_CALLBACK_PATH = '/callbacks/tencent-ess';

/** What decrypts and authenticates ESS callbacks: `TENCENT_ESS_CALLBACK_KEY` and `TENCENT_ESS_CALLBACK_TOKEN`. */
export interface EssCallbackSettings {
  /** The CallbackUrlKey: 32 characters, used as the AES-256 key (UTF-8 bytes). */
  readonly key: string;
  /** When set, every callback must carry a matching `Content-Signature`; when unset, none is required. */
  readonly token?: string;
}

export interface TencentEssCallbackReceiverOptions {
  readonly logger: Logger;
  /** Receipt time, used as `occurredAt` when the callback has no `UpdatedOn`. Default: the real clock. */
  readonly now?: () => Date;
}

const ACCEPTED: CallbackOutcome = Object.freeze({ status: 200, body: Object.freeze({ ok: true }), events: Object.freeze([]) });

/** A refusal: the body names the refusal only, never what was received or why in detail. */
function refused(status: 400 | 401, refusal: CallbackRefusal): CallbackOutcome {
  return { status, body: { error: refusal }, events: [], refusal };
}

/**
 * `POST /callbacks/tencent-ess` (DESIGN.md "Events"): checks the signature (when a token is configured),
 * decrypts, and turns a `FlowStatusChange` into one `FlowChangeEvent`.
 *
 * Answers: 401 `unauthorized` for a missing or wrong `Content-Signature`; 400 `malformed` for a body that
 * is not `{"encrypt": "<base64>"}`, does not decrypt or whose plaintext is not a callback; 200 with one
 * event for a FlowStatusChange, 200 with none for any other MsgType (so ESS stops redelivering it).
 * Never throws, whatever the body. Logs carry the MsgId, MsgType and FlowId at most: never the key,
 * the token, the plaintext or MsgData (approvers' names and mobiles are personal data).
 */
export class TencentEssCallbackReceiver implements CallbackReceiver {
  readonly path = TENCENT_ESS_CALLBACK_PATH;
  private readonly logger: Logger;
  private readonly now: () => Date;

  constructor(
    private readonly settings: EssCallbackSettings,
    options: TencentEssCallbackReceiverOptions,
  ) {
    this.logger = options.logger.child({ vendor: 'tencent-ess', component: 'callback-receiver' });
    this.now = options.now ?? (() => new Date());
    // DESIGN.md allows it, but AES-CBC carries no MAC: anyone who learns the key can forge a callback.
    if (settings.token === undefined) {
      this.logger.warn(
        { path: this.path },
        'ESS callbacks are accepted without a signature check: set TENCENT_ESS_CALLBACK_TOKEN so that a callback not signed by ESS is refused',
      );
    }
  }

  receive(request: { readonly rawBody: Buffer; readonly headers: IncomingHttpHeaders }): Promise<CallbackOutcome> {
    return Promise.resolve(this.outcomeOf(request.rawBody, request.headers));
  }

  private outcomeOf(rawBody: Buffer, headers: IncomingHttpHeaders): CallbackOutcome {
    const { token } = this.settings;
    if (token !== undefined && !callbackSignatureMatches(headers['content-signature'], rawBody, token)) {
      return this.refuse(401, 'unauthorized', headers['content-signature'] === undefined ? 'no signature' : 'signature mismatch');
    }
    const envelope = parseJsonBytes(rawBody);
    const encrypt = isJsonObject(envelope) ? readText(envelope.encrypt) : undefined;
    if (encrypt === undefined) return this.refuse(400, 'malformed', 'body is not {"encrypt": "…"}');
    const plaintext = decryptCallback(encrypt, this.settings.key);
    if (plaintext === undefined) return this.refuse(400, 'malformed', 'encrypt does not decrypt with the callback key');

    const message = parseCallbackMessage(plaintext, this.now());
    switch (message.kind) {
      case 'malformed':
        return this.refuse(400, 'malformed', message.reason);
      case 'ignored':
        this.logger.info({ msgId: message.msgId, msgType: message.msgType }, 'ESS callback acknowledged and ignored (not a flow change)');
        return ACCEPTED;
      case 'flow':
        this.logger.debug(
          { msgId: message.msgId, flowId: message.event.flowId, operation: message.event.operation },
          'ESS flow callback accepted',
        );
        return { ...ACCEPTED, events: [message.event] };
      // Stryker disable all: unreachable: the switch covers every kind `parseCallbackMessage` returns
      default: {
        const unreachable: never = message;
        throw new Error(`unhandled callback message ${JSON.stringify(unreachable)}`);
      }
      // Stryker restore all
    }
  }

  /** Refusals are the sender's problem (or a probe), so `warn`, with a fixed reason and nothing from the body. */
  private refuse(status: 400 | 401, refusal: CallbackRefusal, reason: string): CallbackOutcome {
    this.logger.warn({ refusal, reason }, 'ESS callback refused');
    return refused(status, refusal);
  }
}
