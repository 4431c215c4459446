/**
 * The VNPT eContract document as it travels on the wire (see the cancel-document seed's sample response).
 * The simulator stores and answers these; only the datasource's mapper turns them into domain records.
 */

export interface VnptWireCodedValue {
  readonly value: number;
  readonly description: string;
}

interface VnptWireUser {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly email: string;
  readonly phone: string;
}

interface VnptWireDocumentType {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly description: string;
  readonly documentCount: number;
  readonly children: readonly unknown[];
}

export interface VnptWireProcess {
  readonly id: string;
  readonly createdDate: string;
  readonly comId: number;
  readonly isOrder: boolean;
  readonly orderNo: number;
  readonly displayType: VnptWireCodedValue;
  readonly accessPermission: VnptWireCodedValue;
  readonly status: VnptWireCodedValue;
  readonly processedDate?: string;
  readonly processedByUserId?: number;
  readonly processedByUser?: VnptWireUser;
  readonly documentId: string;
  readonly fillingItems: readonly unknown[];
}

export interface VnptWireHistory {
  readonly createdDate: string;
  readonly requestType: VnptWireCodedValue;
  readonly ipAddress: string;
  readonly activity: VnptWireCodedValue;
}

export interface VnptWireDocument {
  readonly id: string;
  /** Offset-less: the vendor's local wall clock (UTC+7). */
  readonly createdDate: string;
  /** With an offset, like the seed's sample. */
  readonly lastModifiedDate: string;
  readonly completedDate?: string;
  readonly no: string;
  readonly subject: string;
  readonly hasVerified: boolean;
  readonly status: VnptWireCodedValue;
  readonly contractStatus: VnptWireCodedValue;
  readonly description: string;
  readonly createdByUserId: number;
  readonly reason: string | null;
  readonly processRecipientCount: number;
  readonly processInOrder: boolean;
  readonly isWaitToSignDraw: boolean;
  readonly isWaitToSignDigital: boolean;
  readonly isWaitToApprove: boolean;
  readonly isWaitToFillData: boolean;
  readonly isFillable: boolean;
  readonly type: VnptWireDocumentType;
  readonly processes: readonly VnptWireProcess[];
  readonly histories: readonly VnptWireHistory[];
  readonly attachments: readonly unknown[];
  readonly relatedDocuments: readonly unknown[];
  readonly linkedDocuments: readonly unknown[];
  readonly messages: readonly string[];
  /** Embeds a download token, as the real API does; the datasource must never pass it on. */
  readonly downloadUrl: string;
  readonly downloadOriginalUrl: string;
  readonly sharedUsers: readonly unknown[];
}

/** The envelope every VNPT answer uses. */
export interface VnptWireEnvelope {
  readonly data: unknown;
  readonly success: boolean;
  readonly code: number | string;
  readonly messages: readonly string[];
}
