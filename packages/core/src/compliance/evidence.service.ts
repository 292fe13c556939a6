/**
 * Violations and their evidence (违规与存证): each confirmed violation gets an evidence record chained to the
 * previous one (tamper-evident, kept ≥ 3 years); the chain can be walked and verified at any time.
 */
import type { RulePack } from '@livehub/compliance';
import type { Repositories, ScopedUnitOfWork } from '../ports/repositories.ts';
import type { IdGenerator } from '../ports/runtime.ts';
import { canonicalJson, sha256Hex } from '../shared/hash.ts';
import { checkEvidenceChain, EVIDENCE_GENESIS, EVIDENCE_RETENTION_MS, evidenceContent, evidenceHash } from './compliance.rules.ts';
import type {
  ChainVerification,
  EvidenceRecord,
  ReviewItemView,
  ReviewOccurrence,
  ScreeningEventRecord,
  ViolationRecord,
} from './compliance.types.ts';

export interface EvidenceDeps {
  uow: ScopedUnitOfWork<'compliance'>;
  ids: IdGenerator;
  pack: RulePack;
}

export class EvidenceService {
  constructor(private readonly d: EvidenceDeps) {}

  /** Appends the violation's evidence to the chain, inside the caller's transaction (it takes the chain lock). */
  async append(
    tx: Pick<Repositories, 'compliance'>,
    v: ViolationRecord,
    item: ReviewItemView,
    context: ScreeningEventRecord[],
    occurrences: ReviewOccurrence[],
    now: Date,
  ): Promise<EvidenceRecord> {
    const content = evidenceContent(this.d.pack, v, item, context, occurrences, now);
    const head = await tx.compliance.lockEvidenceHead();
    const base = {
      seq: (head?.seq ?? 0) + 1,
      id: this.d.ids.next(),
      violationId: v.id,
      content,
      contentHash: sha256Hex(canonicalJson(content)),
      prevHash: head?.hash ?? EVIDENCE_GENESIS,
      createdAt: now,
      retainUntil: new Date(now.getTime() + EVIDENCE_RETENTION_MS),
    };
    const record: EvidenceRecord = { ...base, hash: evidenceHash(base) };
    await tx.compliance.insertEvidence(record);
    return record;
  }

  /** Walks the evidence chain; the first record whose content, link or hash does not recompute is reported. */
  async verify(batch = 500): Promise<ChainVerification> {
    let head = { seq: 0, hash: EVIDENCE_GENESIS };
    let checked = 0;
    for (;;) {
      const rows = await this.d.uow.read.compliance.scanEvidence(head.seq, batch);
      if (rows.length === 0) break;
      const r = checkEvidenceChain(rows, head);
      if (r.broken) return { ok: false, checked: checked + r.broken.checked, firstBrokenSeq: r.broken.seq, reason: r.broken.reason };
      checked += rows.length;
      head = r.head;
    }
    return { ok: true, checked, firstBrokenSeq: null, reason: null };
  }

  listViolations(opts: { limit: number; streamerUserId?: string; merchantOrgIds?: string[] }) {
    return this.d.uow.read.compliance.listViolations(opts);
  }
}
