/**
 * An uploaded document (the document store the workflows keep) read through the caller's repositories (its
 * transaction, or the unit of work's reads): a live session's cover image is one. Contexts that refer to a
 * document ask here and never read the workflows' tables themselves.
 */
import type { Repositories } from '../ports/repositories.ts';
import type { DocumentRecord } from './workflows.types.ts';

export type WorkflowReads = Pick<Repositories, 'workflows'>;

export class DocumentLookup {
  documentIn(r: WorkflowReads, id: string): Promise<DocumentRecord | null> {
    return r.workflows.findDocument(id);
  }
}
