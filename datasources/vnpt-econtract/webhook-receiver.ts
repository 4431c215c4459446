import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Logger } from 'pino';
import type { DocumentChangeEvent } from '../../src/events/agreement-event';
import type { CallbackOutcome, CallbackReceiver, CallbackRefusal } from '../../src/events/callback-receiver';
import { VendorError } from '../../src/errors/vendor-error';
import type { DocumentRecord } from './model';
import { VNPT_DEFAULT_OFFSET_MINUTES, parseVnptDate } from './vnpt-date';
import { parseVnptWebhookPayload } from './webhook-payload';

/** Where VNPT posts its webhook (DESIGN.md "Running"). */
export const VNPT_WEBHOOK_PATH = '/callbacks/vnpt-econtract';

/** What the receiver needs of the VNPT client: the re-read that makes a webhook trustworthy. */
export interface VnptDocumentReader {
  /** The document, or `null` when VNPT does not know the id; rejects (a `VendorError`) when it cannot tell. */
  getDocument(id: string): Promise<DocumentRecord | null>;
}

export interface VnptWebhookReceiverOptions {
  /** `VNPT_WEBHOOK_TOKEN`: the bearer VNPT sends. Only its SHA-256 is kept. */
  readonly token: string;
  readonly documents: VnptDocumentReader;
  readonly logger: Logger;
  /** Receipt time, for `occurredAt` when the webhook carries no readable `DatetimeNow`. Default: the system clock. */
  readonly now?: () => Date;
  /** Offset east of UTC for an offset-less `DatetimeNow`; default UTC+7, as for the client's other VNPT dates. */
  readonly defaultOffsetMinutes?: number;
}

/** The answer VNPT expects: its own envelope's `{success, messages}` (DESIGN.md "Events"). */
interface VnptWebhookAnswer {
  readonly success: boolean;
  readonly messages: readonly string[];
}

const REFUSAL_STATUS: Readonly<Record<CallbackRefusal, number>> = Object.freeze({
  unauthorized: 401,
  malformed: 400,
  unavailable: 503,
});

/**
 * `POST /callbacks/vnpt-econtract`: VNPT eContract's document webhook.
 *
 * 1. `Authorization: Bearer <VNPT_WEBHOOK_TOKEN>`, compared in constant time over SHA-256 digests (so
 *    neither the token's content nor its length leaks through timing); otherwise 401 `unauthorized`,
 *    before the body is read and without calling the vendor.
 * 2. A body that is not the documented shape is 400 `malformed`.
 * 3. The webhook carries no signature, so its status claim is never used: the document is re-read through
 *    the VNPT client and the event carries the status VNPT reports now. A re-read that fails (vendor down,
 *    our credentials refused) is 503 `unavailable` with no event, so VNPT redelivers later.
 * 4. A document VNPT says it does not know is acknowledged (200, `success: true`) with no event: there is
 *    no verified state to announce, and refusing would only make VNPT redeliver a webhook that can never
 *    succeed (a document deleted since, or one of a company this integration's user cannot read).
 *
 * `eventId` is `vnpt:` + SHA-256 of (DocumentId, re-read status, `DatetimeNow` as sent), so a redelivery
 * of the same webhook keeps its id and is emitted once. (Without `DatetimeNow` every webhook of one
 * document and status shares an id, so a status left and re-entered within the dedup window is announced
 * once: acceptable, as VNPT sends the field.) `occurredAt` is `DatetimeNow` (offset-less values
 * read at UTC+7, like the client's other VNPT dates), or the receipt time when it is absent or unreadable.
 * Logs carry the document id and statuses only: never the token, the reason or other document content.
 */
export class VnptWebhookReceiver implements CallbackReceiver {
  readonly path = VNPT_WEBHOOK_PATH;
  private readonly tokenDigest: Buffer;
  private readonly documents: VnptDocumentReader;
  private readonly logger: Logger;
  private readonly now: () => Date;
  private readonly defaultOffsetMinutes: number;

  /** @throws RangeError for an empty token (configuration enables the receiver only with one). */
  constructor(options: VnptWebhookReceiverOptions) {
    if (options.token === '') throw new RangeError('VnptWebhookReceiver needs a non-empty token');
    this.tokenDigest = sha256(options.token);
    this.documents = options.documents;
    this.logger = options.logger;
    this.now = options.now ?? (() => new Date());
    this.defaultOffsetMinutes = options.defaultOffsetMinutes ?? VNPT_DEFAULT_OFFSET_MINUTES;
  }

  async receive(request: { readonly rawBody: Buffer; readonly headers: IncomingHttpHeaders }): Promise<CallbackOutcome> {
    const receivedAt = this.now();
    if (!this.isAuthorized(request.headers.authorization)) {
      this.logger.warn({ callback: 'vnpt-econtract' }, 'vnpt webhook refused: missing or wrong bearer token');
      return refused('unauthorized', 'Unauthorized');
    }
    const payload = parseVnptWebhookPayload(request.rawBody);
    if (!payload) {
      this.logger.warn({ callback: 'vnpt-econtract', bytes: request.rawBody.length }, 'vnpt webhook refused: malformed body');
      return refused('malformed', 'Malformed webhook body');
    }

    let document: DocumentRecord | null;
    try {
      document = await this.documents.getDocument(payload.documentId);
    } catch (error: unknown) {
      this.logger.warn(
        {
          callback: 'vnpt-econtract',
          documentId: payload.documentId,
          code: VendorError.is(error) ? error.code : 'UNEXPECTED',
          vendorRequestId: VendorError.is(error) ? error.vendorRequestId : undefined,
        },
        'vnpt webhook not accepted: the document could not be re-read; VNPT will redeliver',
      );
      return refused('unavailable', 'Temporarily unavailable; please redeliver');
    }
    if (document === null) {
      this.logger.warn(
        { callback: 'vnpt-econtract', documentId: payload.documentId },
        'vnpt webhook for a document VNPT does not know; ignored',
      );
      return accepted([], 'Document not found; ignored');
    }

    const event: DocumentChangeEvent = {
      kind: 'document',
      // Stryker disable next-line StringLiteral: equivalent: any constant for an absent datetimeNow gives the same deduplication
      eventId: `vnpt:${sha256(JSON.stringify([payload.documentId, document.status, payload.datetimeNow ?? ''])).toString('hex')}`,
      documentId: payload.documentId,
      status: document.status,
      occurredAt: (parseVnptDate(payload.datetimeNow, this.defaultOffsetMinutes) ?? receivedAt).toISOString(),
    };
    this.logger.info(
      { callback: 'vnpt-econtract', documentId: event.documentId, claimedStatus: payload.claimedStatusValue, status: event.status },
      'vnpt webhook accepted (status re-read from the vendor)',
    );
    return accepted([event]);
  }

  /** A 503 for an accepted webhook whose event could not be recorded, in VNPT's answer format. */
  unavailableBody(message: string): VnptWebhookAnswer {
    return { success: false, messages: [message] };
  }

  private isAuthorized(header: string | undefined): boolean {
    // Stryker disable next-line StringLiteral: equivalent: no other constant reads as a Bearer header either
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
    const presented = match?.[1];
    // Hashing both sides gives equal-length inputs, so timingSafeEqual neither throws nor leaks the length.
    return presented !== undefined && timingSafeEqual(sha256(presented), this.tokenDigest);
  }
}

function sha256(text: string): Buffer {
  // Stryker disable next-line StringLiteral: equivalent: Node reads an empty encoding name as UTF-8, the default
  return createHash('sha256').update(text, 'utf8').digest();
}

function accepted(events: readonly DocumentChangeEvent[], message?: string): CallbackOutcome {
  const body: VnptWebhookAnswer = { success: true, messages: message === undefined ? [] : [message] };
  return { status: 200, body, events };
}

function refused(refusal: CallbackRefusal, message: string): CallbackOutcome {
  const body: VnptWebhookAnswer = { success: false, messages: [message] };
  return { status: REFUSAL_STATUS[refusal], body, events: [], refusal };
}
