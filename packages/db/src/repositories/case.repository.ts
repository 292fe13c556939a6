/** Drizzle implementation of the cases port (案件), with the reads of the evidence chain's sources. */
import type { CaseEvidenceKind, CaseStatus } from '@livehub/contracts';
import type { CaseEntryRecord, CaseEvidenceRecord, CaseRecord, CaseRepository, EvidenceSource, LiveSuspensionRecord } from '@livehub/core';
import { and, arrayContains, asc, desc, eq, gt, inArray, isNotNull, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { screeningEvents, screeningHits, violations } from '../schema/compliance.ts';
import { complaints } from '../schema/disputes.ts';
import { organizations } from '../schema/identity.ts';
import { liveRecordings, liveSessions } from '../schema/live.ts';
import { orders } from '../schema/orders.ts';
import { products } from '../schema/catalog.ts';
import { caseEntries, caseEvidence, cases, liveSuspensions } from '../schema/supervision.ts';
import { documents } from '../schema/workflows.ts';

const yuan = (fen: number) => (fen / 100).toFixed(2);
const ORDER_STATUS: Record<string, string> = {
  created: '待付款',
  paid: '已付款',
  shipped: '已发货',
  delivered: '已签收',
  completed: '已完成',
  cancelled: '已取消',
  refunded: '已退款',
};

export class DrizzleCaseRepository implements CaseRepository {
  constructor(private readonly db: Db) {}

  async insertCase(c: CaseRecord): Promise<void> {
    await this.db.insert(cases).values(c);
  }
  async findCase(id: string, opts: { lock?: boolean } = {}): Promise<CaseRecord | null> {
    const q = this.db.select().from(cases).where(eq(cases.id, id)).limit(1);
    const [row] = opts.lock ? await q.for('update') : await q;
    return (row as CaseRecord | undefined) ?? null;
  }
  async findCaseByClue(clueId: string): Promise<CaseRecord | null> {
    const [row] = await this.db.select().from(cases).where(eq(cases.clueId, clueId)).limit(1);
    return (row as CaseRecord | undefined) ?? null;
  }
  async updateCase(c: CaseRecord, expectVersion: number): Promise<boolean> {
    const { id, ...rest } = c;
    const rows = await this.db
      .update(cases)
      .set(rest)
      .where(and(eq(cases.id, id), eq(cases.version, expectVersion)))
      .returning({ id: cases.id });
    return rows.length === 1;
  }
  async listCases(opts: {
    departments?: readonly (string | null)[] | undefined;
    jointWith?: string | undefined;
    party?: { kind: 'organization' | 'user'; id: string } | undefined;
    status?: CaseStatus | undefined;
    limit: number;
  }): Promise<CaseRecord[]> {
    const where: SQL[] = [];
    if (opts.departments) {
      const codes = opts.departments.filter((d): d is string => d !== null);
      const parts: SQL[] = [];
      if (codes.length > 0) parts.push(inArray(cases.departmentCode, codes));
      if (opts.departments.includes(null)) parts.push(isNull(cases.departmentCode));
      if (opts.jointWith) parts.push(arrayContains(cases.jointDepartments, [opts.jointWith]));
      if (parts.length === 0) return [];
      where.push(parts.length === 1 ? (parts[0] as SQL) : (or(...parts) as SQL));
    }
    if (opts.party) where.push(eq(cases.partyKind, opts.party.kind), eq(cases.partyId, opts.party.id), isNotNull(cases.notifiedAt));
    if (opts.status) where.push(eq(cases.status, opts.status));
    return (await this.db
      .select()
      .from(cases)
      .where(where.length ? and(...where) : undefined)
      .orderBy(desc(cases.openedAt), desc(cases.id))
      .limit(opts.limit)) as CaseRecord[];
  }
  async appendEvidence(e: CaseEvidenceRecord): Promise<void> {
    await this.db.insert(caseEvidence).values(e);
  }
  async listEvidence(caseId: string): Promise<CaseEvidenceRecord[]> {
    return (await this.db
      .select()
      .from(caseEvidence)
      .where(eq(caseEvidence.caseId, caseId))
      .orderBy(asc(caseEvidence.seq))) as CaseEvidenceRecord[];
  }
  async appendEntry(e: CaseEntryRecord): Promise<void> {
    await this.db.insert(caseEntries).values(e);
  }
  async listEntries(caseId: string): Promise<CaseEntryRecord[]> {
    return (await this.db
      .select()
      .from(caseEntries)
      .where(eq(caseEntries.caseId, caseId))
      .orderBy(asc(caseEntries.at), asc(caseEntries.id))) as CaseEntryRecord[];
  }
  async insertSuspension(s: LiveSuspensionRecord): Promise<void> {
    await this.db.insert(liveSuspensions).values(s);
  }
  async activeSuspension(userId: string, at: Date): Promise<LiveSuspensionRecord | null> {
    const [row] = await this.db
      .select()
      .from(liveSuspensions)
      .where(and(eq(liveSuspensions.userId, userId), lte(liveSuspensions.from, at), gt(liveSuspensions.until, at)))
      .orderBy(desc(liveSuspensions.until))
      .limit(1);
    return row ?? null;
  }

  async evidenceSource(kind: CaseEvidenceKind, refId: string): Promise<EvidenceSource | null> {
    switch (kind) {
      case 'screening_event': {
        const [e] = await this.db.select().from(screeningEvents).where(eq(screeningEvents.id, refId)).limit(1);
        if (!e) return null;
        const hits = await this.db
          .select({
            ruleId: screeningHits.ruleId,
            category: screeningHits.category,
            severity: screeningHits.severity,
            matched: screeningHits.matched,
          })
          .from(screeningHits)
          .where(eq(screeningHits.screeningEventId, refId))
          .orderBy(asc(screeningHits.start));
        const word = { transcript: '直播转写', chat: '弹幕', product_copy: '商品文案', overlay: '画面文字' }[e.kind];
        return {
          summary: `${word}：${e.text.slice(0, 120)}${hits.length ? `（命中 ${hits.map((h) => h.matched).join('、')}）` : ''}`,
          content: {
            kind: e.kind,
            text: e.text,
            sessionRef: e.sessionRef,
            streamerUserId: e.streamerUserId,
            merchantOrgId: e.merchantOrgId,
            occurredAt: e.occurredAt.toISOString(),
            packVersion: e.packVersion,
            hits,
          },
        };
      }
      case 'violation': {
        const [v] = await this.db.select().from(violations).where(eq(violations.id, refId)).limit(1);
        if (!v) return null;
        const [e] = await this.db
          .select({ text: screeningEvents.text })
          .from(screeningEvents)
          .where(eq(screeningEvents.id, v.screeningEventId))
          .limit(1);
        return {
          summary: `确认违规（严重程度 ${v.severity}）：${(e?.text ?? '').slice(0, 120)}`,
          content: {
            text: e?.text ?? null,
            ruleIds: v.ruleIds,
            categories: v.categories,
            severity: v.severity,
            streamerUserId: v.streamerUserId,
            merchantOrgId: v.merchantOrgId,
            confirmedAt: v.confirmedAt.toISOString(),
            reason: v.reason,
          },
        };
      }
      case 'recording': {
        const [r] = await this.db.select().from(liveRecordings).where(eq(liveRecordings.id, refId)).limit(1);
        if (!r) return null;
        const [s] = await this.db.select({ title: liveSessions.title }).from(liveSessions).where(eq(liveSessions.id, r.sessionId)).limit(1);
        return {
          summary: `直播录像：${s?.title ?? '直播'}（${r.startedAt.toISOString().slice(0, 16).replace('T', ' ')} 起${r.sha256 ? `，文件 SHA-256 ${r.sha256.slice(0, 12)}…` : ''}）`,
          content: {
            sessionId: r.sessionId,
            startedAt: r.startedAt.toISOString(),
            endedAt: r.endedAt?.toISOString() ?? null,
            bytes: r.bytes,
            sha256: r.sha256,
          },
        };
      }
      case 'order': {
        const [o] = await this.db.select().from(orders).where(eq(orders.id, refId)).limit(1);
        if (!o) return null;
        return {
          summary: `订单 ${o.orderNo}：¥${yuan(o.totalFen)}（${ORDER_STATUS[o.status] ?? o.status}）`,
          content: {
            orderNo: o.orderNo,
            merchantOrgId: o.merchantOrgId,
            sessionId: o.sessionId,
            streamerUserId: o.streamerUserId,
            status: o.status,
            totalFen: o.totalFen,
            refundedFen: o.refundedFen,
            paidAt: o.paidAt?.toISOString() ?? null,
          },
        };
      }
      case 'complaint': {
        const [c] = await this.db.select().from(complaints).where(eq(complaints.id, refId)).limit(1);
        if (!c) return null;
        return {
          summary: `消费者投诉：${c.description.slice(0, 120)}`,
          content: {
            orderId: c.orderId,
            merchantOrgId: c.merchantOrgId,
            category: c.category,
            claimKind: c.claimKind,
            claimAmountFen: c.claimAmountFen,
            description: c.description,
            evidenceDocumentIds: c.evidenceDocumentIds,
            status: c.status,
          },
        };
      }
    }
  }
  async productMerchant(productId: string): Promise<string | null> {
    const [p] = await this.db.select({ m: products.merchantOrgId }).from(products).where(eq(products.id, productId)).limit(1);
    return p?.m ?? null;
  }
  async sessionStreamer(sessionId: string): Promise<string | null> {
    const [s] = await this.db.select({ u: liveSessions.streamerUserId }).from(liveSessions).where(eq(liveSessions.id, sessionId)).limit(1);
    return s?.u ?? null;
  }
  async orgKind(orgId: string): Promise<string | null> {
    const [o] = await this.db.select({ k: organizations.kind }).from(organizations).where(eq(organizations.id, orgId)).limit(1);
    return o?.k ?? null;
  }
  async documentOwner(id: string): Promise<{ orgId: string | null; userId: string | null } | null> {
    const [d] = await this.db
      .select({ orgId: documents.ownerOrgId, userId: documents.uploadedBy })
      .from(documents)
      .where(eq(documents.id, id))
      .limit(1);
    return d ?? null;
  }
}
