import type { VnptWireDocument } from './wire-document';

/**
 * The simulator's documents, by id. Copies go in and out, so neither a test nor an answer being
 * serialised can change a stored document behind the simulator's back.
 */
export class SimulatorDocumentStore {
  private readonly documents = new Map<string, VnptWireDocument>();

  /** Adds or replaces the document with `document.id`. */
  put(document: VnptWireDocument): void {
    this.documents.set(document.id, structuredClone(document));
  }

  get(id: string): VnptWireDocument | undefined {
    const document = this.documents.get(id);
    return document ? structuredClone(document) : undefined;
  }

  /** Replaces the document `id` with `change(current)`; `undefined` when there is no such document. */
  update(id: string, change: (current: VnptWireDocument) => VnptWireDocument): VnptWireDocument | undefined {
    const current = this.documents.get(id);
    if (!current) return undefined;
    const next = change(structuredClone(current));
    this.documents.set(id, structuredClone(next));
    return structuredClone(next);
  }
}
