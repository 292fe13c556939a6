/**
 * Uploaded documents (营业执照, 身份证, 许可证…): stored after their content is sniffed, read back by authorized
 * readers only, every read of a document audited. The records live with the approval engine's documents (they
 * are attached to applications); the bytes live in the file store under their hash.
 */
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { Repositories, ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import { sha256Hex } from '../shared/hash.ts';
import type { DocumentRecord } from '../workflows/workflows.types.ts';
import { chinaDate, expiryProblem, isPersonalDocument, mayReadDocument } from './document-rules.ts';
import { type DocumentType, MIME_BY_TYPE, validateUpload } from './file-sniff.ts';
import type { FileStore } from './registry.repository.ts';
import { DOCUMENT_TYPES, MAX_UPLOAD_BYTES, RETENTION_MS, uploadErrorCode } from './registry.rules.ts';
import type { DocRef } from './registry.types.ts';

/**
 * Another context's reason to let someone read a document the ownership rule (`mayReadDocument`) would not: the
 * disputes context lets the parties handling a complaint read the consumer's evidence. Wired by the container; a
 * grant answers for one document and one reader, and its name is kept in the read's audit entry.
 */
export interface DocumentReadGrant {
  name: string;
  mayRead(actor: Actor, documentId: string): Promise<boolean>;
}

export interface DocumentDeps {
  uow: ScopedUnitOfWork<'workflows' | 'audit'>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  files: FileStore;
  /** grants of other contexts, asked in order when the ownership rule says no */
  readGrants?: readonly DocumentReadGrant[] | undefined;
}

export interface UploadInput {
  bytes: Uint8Array;
  filename: string;
  contentType?: string | undefined;
  docType: string;
  expiresAt?: Date | undefined;
}

export class DocumentService {
  constructor(private readonly d: DocumentDeps) {}

  /** Stores an uploaded document after sniffing its content; the bytes go to the file store under their hash. */
  async upload(actor: Actor, input: UploadInput): Promise<DocumentRecord> {
    if (!actor.userId) throw new AppError('auth.required');
    if (!(DOCUMENT_TYPES as readonly string[]).includes(input.docType)) throw new AppError('document.type_invalid', { field: 'docType' });
    const v = validateUpload(
      input.bytes,
      { filename: input.filename, ...(input.contentType ? { contentType: input.contentType } : {}) },
      { maxBytes: MAX_UPLOAD_BYTES },
    );
    if (!v.ok) throw new AppError(uploadErrorCode(v.reason), { field: 'file', details: { maxMb: MAX_UPLOAD_BYTES / 1048576 } });
    if (input.expiresAt) {
      const problem = expiryProblem(input.expiresAt, this.d.clock.now());
      if (problem) throw new AppError(problem, { field: 'expiresAt', details: { date: chinaDate(input.expiresAt) } });
    }
    const sha = sha256Hex(Buffer.from(input.bytes).toString('latin1'));
    const key = `${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}.${v.type}`;
    await this.d.files.put(key, input.bytes);
    const now = this.d.clock.now();
    const doc: DocumentRecord = {
      id: this.d.ids.next(),
      // A personal document (ID card, licence of a person…) belongs to the person, never to their organization.
      ownerOrgId: isPersonalDocument(input.docType) ? null : actor.orgId,
      ownerUserId: actor.userId,
      uploadedBy: actor.userId,
      docType: input.docType,
      fileType: v.type,
      size: v.size,
      sha256: sha,
      storageKey: key,
      filename: input.filename.slice(0, 200),
      expiresAt: input.expiresAt ?? null,
      retainUntil: new Date(now.getTime() + RETENTION_MS),
      createdAt: now,
    };
    await this.d.uow.transaction(async (tx) => {
      await tx.workflows.insertDocument(doc);
      await this.d.audit.record(tx, actor, {
        action: 'document.upload',
        targetType: 'document',
        targetId: doc.id,
        detail: { docType: doc.docType, fileType: doc.fileType, size: doc.size, sha256: sha },
      });
    });
    return doc;
  }

  /**
   * The document's bytes for an authorized reader: its uploader, its organization, reviewers and regulators, or one
   * a context's grant lets read it (a complaint's parties, its evidence). Anyone else: not found. Audited.
   */
  async download(actor: Actor, id: string): Promise<{ doc: DocumentRecord; bytes: Uint8Array; mime: string }> {
    const doc = await this.d.uow.read.workflows.findDocument(id);
    if (!doc) throw new AppError('document.not_found', { field: 'id' });
    const grantedBy = mayReadDocument(actor, doc) ? null : await this.grantOf(actor, doc.id);
    if (grantedBy === undefined) throw new AppError('document.not_found', { field: 'id' });
    const bytes = await this.d.files.get(doc.storageKey);
    await this.d.uow.transaction((tx) =>
      this.d.audit.record(tx, actor, {
        action: 'document.download',
        targetType: 'document',
        targetId: doc.id,
        detail: { docType: doc.docType, sha256: doc.sha256, ...(grantedBy ? { grantedBy } : {}) },
      }),
    );
    return { doc, bytes, mime: MIME_BY_TYPE[doc.fileType as DocumentType] };
  }

  /** The name of the first grant letting `actor` read the document; undefined when none does. */
  private async grantOf(actor: Actor, documentId: string): Promise<string | undefined> {
    for (const g of this.d.readGrants ?? []) if (await g.mayRead(actor, documentId)) return g.name;
    return undefined;
  }

  /** A product image's bytes (not personal data: shown to whoever may see the product; not audited per view). */
  async imageBytes(id: string): Promise<{ bytes: Uint8Array; mime: string } | null> {
    const doc = await this.d.uow.read.workflows.findDocument(id);
    if (!doc || doc.fileType === 'pdf') return null;
    return { bytes: await this.d.files.get(doc.storageKey), mime: MIME_BY_TYPE[doc.fileType as DocumentType] };
  }

  /** Checks, in the caller's transaction, that every attached document is the actor's own and of the kind claimed. */
  async requireDocs(tx: Pick<Repositories, 'workflows'>, actor: Actor, refs: DocRef[], field = 'documents'): Promise<void> {
    for (const [i, ref] of refs.entries()) {
      const doc = await tx.workflows.findDocument(ref.id);
      // Only one's own uploads can be attached: someone else's document id is not found.
      if (!doc || (doc.uploadedBy !== actor.userId && actor.role !== 'platform_admin'))
        throw new AppError('document.not_found', { field: `${field}.${i}.id` });
      if (doc.docType !== ref.docType) throw new AppError('document.type_invalid', { field: `${field}.${i}.docType` });
    }
  }
}
