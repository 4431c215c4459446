/**
 * Vendor-neutral shapes of a VNPT eContract document, as the resolver layer sees them. Nothing here knows
 * the wire format (see `document-mapper.ts`); download URLs are deliberately absent because they embed a
 * bearer-like token that must not reach clients.
 */

/**
 * A document's lifecycle state, mapped from the vendor's `status.value`
 * (1 NEW, 2 READY, 3 PROCESSING, 4 COMPLETED, 5 CORRECTING, -1 REJECTED, -2 DELETED, -3 CANCELED).
 * `UNKNOWN` stands for a value the vendor adds later, so a new value never crashes a query.
 */
export enum DocumentStatus {
  NEW = 'NEW',
  READY = 'READY',
  PROCESSING = 'PROCESSING',
  COMPLETED = 'COMPLETED',
  CORRECTING = 'CORRECTING',
  REJECTED = 'REJECTED',
  DELETED = 'DELETED',
  CANCELED = 'CANCELED',
  UNKNOWN = 'UNKNOWN',
}

/**
 * The contract's validity, mapped from `contractStatus.value`
 * (0 UNDEFINED, 1 ACTIVE, 2 NEARLY_EXPIRED, -1 EXPIRED, -2 NOT_YET_EFFECTIVE); `UNKNOWN` as above.
 */
export enum ContractStatus {
  UNDEFINED = 'UNDEFINED',
  ACTIVE = 'ACTIVE',
  NEARLY_EXPIRED = 'NEARLY_EXPIRED',
  EXPIRED = 'EXPIRED',
  NOT_YET_EFFECTIVE = 'NOT_YET_EFFECTIVE',
  UNKNOWN = 'UNKNOWN',
}

/**
 * One of the vendor's `{value, description}` pairs whose values are only partly documented (process
 * status, access permission, activity...). Kept numeric rather than enumerated for that reason.
 * When the vendor omits the pair, the mapper yields `value: 0` and an empty description.
 */
export interface CodedValue {
  readonly value: number;
  readonly description?: string;
}

/** The document's type (e.g. code `CKDS`). */
export interface DocumentTypeRecord {
  readonly id: number;
  readonly code?: string;
  readonly name?: string;
  readonly description?: string;
}

/** The user who processed a step. Personal data: the resolver layer decides what to expose. */
export interface DocumentUserRecord {
  readonly id: number;
  readonly code?: string;
  readonly name?: string;
  readonly email?: string;
  readonly phone?: string;
}

/** One step of the document's signing/filling process. Strings default to `''`, numbers to 0, flags to false. */
export interface DocumentProcessRecord {
  readonly id?: string;
  readonly orderNo?: number;
  readonly isOrder?: boolean;
  /** e.g. 1 waiting, 5 filled. */
  readonly status?: CodedValue;
  /** e.g. 1 view only, 2 sign draw, 5 fill data. */
  readonly accessPermission?: CodedValue;
  readonly displayType?: CodedValue;
  readonly processedAt?: Date;
  readonly processedBy?: DocumentUserRecord;
}

/** One entry of the document's audit trail (e.g. activity -3 "Cancel document"). */
export interface DocumentHistoryRecord {
  /** Absent when the vendor sent no parseable date: an invented instant would be worse than none. */
  readonly createdAt?: Date;
  readonly requestType?: CodedValue;
  readonly ipAddress?: string;
  readonly activity?: CodedValue;
}

/** A VNPT eContract document. `no` and `subject` are `''` when the vendor omitted them. */
export interface DocumentRecord {
  readonly id: string;
  readonly no?: string;
  readonly subject?: string;
  readonly status: DocumentStatus;
  /** The vendor's own wording of the status (varies; never used for decisions). */
  readonly statusDescription?: string;
  readonly contractStatus: ContractStatus;
  /** Why it was canceled or rejected. */
  readonly reason?: string;
  readonly description?: string;
  readonly createdAt?: Date;
  readonly lastModifiedAt?: Date;
  readonly completedAt?: Date;
  readonly createdByUserId?: number;
  readonly processRecipientCount?: number;
  readonly processInOrder?: boolean;
  readonly type?: DocumentTypeRecord;
  readonly processes: readonly DocumentProcessRecord[];
  readonly histories: readonly DocumentHistoryRecord[];
}
