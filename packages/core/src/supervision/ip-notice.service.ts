/**
 * 知识产权保护: the notice-and-takedown path of 电子商务法 Art. 42–45 (docs/supervision.md "知识产权保护").
 *
 * - 通知 (Art. 42): the holder of a brand on the key-trademark protection list (the merchant organization that
 *   registered it), or the intellectual-property office (regulator department zscqj) on the holder's behalf, files a
 *   notice against a product with a statement and preliminary evidence. The platform acts at once: the product is
 *   taken down through the catalog's 下架, in the same transaction, and the notice goes to the merchant's inbox.
 * - 反通知 (Art. 43): the merchant states it does not infringe, with evidence; the platform forwards it to the holder
 *   and tells it that it may complain to the authority or sue. Unless the holder reports a complaint or a lawsuit
 *   within 15 days of the forwarding, the sweep restores the product; a report in time keeps the takedown.
 * - A notice withdrawn by the holder or found wrong by the office ends the takedown (Art. 42 ¶3's liability for a
 *   wrong notice is recorded as the outcome, not assessed here).
 *
 * The product and the brand are read through `IpCatalog` (the catalog context's reader and in-transaction forms,
 * wired in the container); this service writes only its own tables and hands its transaction to the catalog.
 * Every step is audited and leaves an outbox event the inbox turns into items. Another party's notice answers 404.
 */
import type {
  IpActionReport,
  IpCounterNotice,
  IpNoticeCreate,
  IpNoticeListQuery,
  IpNoticeRole,
  IpNoticeStatus,
  IpNoticeView,
} from '@livehub/contracts';
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { Repositories, ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import { isCrossTenant, SYSTEM_ACTOR } from '../shared/actor.ts';
import type { NameReader } from '../shared/name-directory.ts';
import type { DepartmentDirectory } from './clue.service.ts';
import { daysLeft, holderActionDeadline, noticeNumber } from './ip-notice-deadlines.rules.ts';
import { IP_RESTORING_STATUSES, type IpNoticeAction, ipNoticeActionRole, ipNoticeActionsFor, ipNoticeStep } from './ip-notice-state.ts';
import type { IpNoticeEntryRecord, IpNoticeRecord } from './ip-notice.types.ts';

/** The department that is the intellectual-property office (知识产权局). */
export const IP_OFFICE_DEPARTMENT = 'zscqj';

export const IP_TOPIC_FILED = 'supervision.ip_notice_filed';
export const IP_TOPIC_COUNTERED = 'supervision.ip_counter_forwarded';
export const IP_TOPIC_ACTION = 'supervision.ip_action_reported';
export const IP_TOPIC_CLOSED = 'supervision.ip_notice_closed';

/** The catalog's tables the service hands its transaction to (never touches itself). */
type CatalogTx = Pick<Repositories, 'catalog' | 'selection' | 'orgs' | 'audit'>;
type IpTx = Pick<Repositories, 'ipNotices' | 'audit' | 'outbox' | 'catalog' | 'selection' | 'orgs'>;

/** What the notices need from the catalog: facts of products and brands, and its 下架 / restore in our transaction. */
export interface IpCatalog {
  product(id: string): Promise<{ id: string; name: string; merchantOrgId: string; status: string } | null>;
  brand(
    id: string,
  ): Promise<{ id: string; name: string; ownerOrgId: string | null; protected: boolean; trademarkNo: string | null } | null>;
  brandNames(ids: readonly string[]): Promise<Map<string, { name: string; trademarkNo: string | null }>>;
  /** takes the product off sale with `reason`; false when it was not on sale */
  takeDownIn(tx: CatalogTx, actor: Actor, productId: string, reason: string): Promise<boolean>;
  /** puts back on sale a product still off sale for `reason`; false otherwise */
  restoreIn(tx: CatalogTx, actor: Actor, productId: string, reason: string, note: string): Promise<boolean>;
}

/** Who uploaded a document (the document store complaints' evidence uses); null when there is none. */
export interface IpDocumentReader {
  ownerOf(id: string): Promise<{ orgId: string | null; userId: string | null } | null>;
}

export interface IpNoticeDeps {
  uow: ScopedUnitOfWork<'ipNotices' | 'audit' | 'outbox' | 'catalog' | 'selection' | 'orgs'>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  names: NameReader;
  departments: DepartmentDirectory;
  catalog: IpCatalog;
  documents: IpDocumentReader;
}

/** The takedown's reason on the product: restoring matches it, so another takedown of the product is left alone. */
const takedownReason = (noticeNo: string) => `知识产权侵权通知 ${noticeNo}`;

export class IpNoticeService {
  constructor(private readonly d: IpNoticeDeps) {}

  /** 侵权通知 (Art. 42): filed by the holder or the office; the product is taken down in the same transaction. */
  async file(actor: Actor, input: IpNoticeCreate): Promise<IpNoticeView> {
    if (!actor.userId || !actor.orgId) throw new AppError('auth.forbidden');
    const office = await this.isOffice(actor);
    if (!office && actor.role !== 'merchant_staff') throw new AppError('supervision.ip_not_rights_holder', { field: 'brandId' });
    const brand = await this.d.catalog.brand(input.brandId);
    if (!brand) throw new AppError('catalog.brand_not_found', { field: 'brandId' });
    if (!office && brand.ownerOrgId !== actor.orgId) throw new AppError('supervision.ip_not_rights_holder', { field: 'brandId' });
    if (!brand.protected) throw new AppError('supervision.ip_brand_not_protected', { field: 'brandId' });
    const product = await this.d.catalog.product(input.productId);
    if (!product) throw new AppError('catalog.product_not_found', { field: 'productId' });
    if (brand.ownerOrgId !== null && product.merchantOrgId === brand.ownerOrgId)
      throw new AppError('supervision.ip_own_product', { field: 'productId' });
    const evidence = await this.checkEvidence(actor, input.evidenceDocumentIds);
    const now = this.d.clock.now();
    const id = this.d.ids.next();
    const noticeNo = noticeNumber(id, now);
    return this.d.uow
      .transaction(async (tx) => {
        const open = await tx.ipNotices.openNoticeOf(product.id, brand.id);
        if (open) throw new AppError('supervision.ip_open_notice', { field: 'productId', details: { noticeNo: open.noticeNo } });
        const takenDown = await this.d.catalog.takeDownIn(tx, actor, product.id, takedownReason(noticeNo));
        const n: IpNoticeRecord = {
          id,
          noticeNo,
          status: 'taken_down',
          statusSince: now,
          brandId: brand.id,
          productId: product.id,
          merchantOrgId: product.merchantOrgId,
          holderOrgId: brand.ownerOrgId,
          filedByRole: office ? 'office' : 'holder',
          filedByOrgId: actor.orgId as string,
          filedByUserId: actor.userId as string,
          statement: input.statement,
          evidenceDocumentIds: evidence,
          takenDown,
          counterStatement: null,
          counterEvidenceDocumentIds: [],
          counterForwardedAt: null,
          actionDueAt: null,
          actionKind: null,
          actionReference: null,
          actionEvidenceDocumentIds: [],
          closingReason: null,
          filedAt: now,
          updatedAt: now,
          version: 1,
        };
        await tx.ipNotices.insertNotice(n);
        await this.entry(tx, n, office ? 'office' : 'holder', actor, 'filed', null, takenDown ? '商品已下架' : '商品当时不在售');
        await this.d.audit.record(tx, actor, {
          action: 'ip.notice_filed',
          targetType: 'ip_notice',
          targetId: n.id,
          detail: { noticeNo, brandId: brand.id, productId: product.id, evidence: evidence.length, takenDown },
        });
        await this.event(tx, IP_TOPIC_FILED, n, now);
        return n;
      })
      .catch(async (e: unknown) => {
        // two filings raced past the check: the partial unique index refused the second
        if (!(e instanceof AppError)) {
          const open = await this.d.uow.read.ipNotices.openNoticeOf(product.id, brand.id);
          if (open)
            throw new AppError('supervision.ip_open_notice', { field: 'productId', details: { noticeNo: open.noticeNo }, cause: e });
        }
        throw e;
      })
      .then((n) => this.view(actor, n, now));
  }

  /** 反通知 (Art. 43): the merchant's statement and evidence, forwarded to the holder; the 15 days start. */
  async counter(actor: Actor, id: string, input: IpCounterNotice): Promise<IpNoticeView> {
    const evidence = await this.checkEvidence(actor, input.evidenceDocumentIds);
    return this.step(actor, id, 'counter', (n, now) => ({
      patch: {
        counterStatement: input.statement,
        counterEvidenceDocumentIds: evidence,
        counterForwardedAt: now,
        actionDueAt: holderActionDeadline(now),
      },
      note: '反通知已转送权利人',
      detail: { evidence: evidence.length, actionDueAt: holderActionDeadline(now).toISOString(), noticeNo: n.noticeNo },
    }));
  }

  /** The holder reports a complaint to the authority or a lawsuit within the 15 days: the takedown stays. */
  async reportAction(actor: Actor, id: string, input: IpActionReport): Promise<IpNoticeView> {
    const evidence = await this.checkEvidence(actor, input.evidenceDocumentIds);
    return this.step(actor, id, 'report_action', (n, now) => {
      if (n.actionDueAt && now > n.actionDueAt)
        throw new AppError('supervision.ip_action_too_late', { details: { due: n.actionDueAt.toISOString() } });
      return {
        patch: { actionKind: input.kind, actionReference: input.reference, actionEvidenceDocumentIds: evidence },
        note: `${input.kind === 'lawsuit' ? '已起诉' : '已投诉'}：${input.reference}`,
        detail: { kind: input.kind, reference: input.reference, evidence: evidence.length },
      };
    });
  }

  /** The holder withdraws its notice: the takedown ends. */
  withdraw(actor: Actor, id: string, reason: string): Promise<IpNoticeView> {
    return this.step(actor, id, 'withdraw', () => ({ patch: { closingReason: reason }, note: reason, detail: { reason } }));
  }

  /** The office finds the notice wrong (Art. 42 ¶3: a wrong notice answers for the loss it caused): restored. */
  findWrong(actor: Actor, id: string, reason: string): Promise<IpNoticeView> {
    return this.step(actor, id, 'find_wrong', () => ({ patch: { closingReason: reason }, note: reason, detail: { reason } }));
  }

  /**
   * The 15 days of Art. 43 ran out without the holder reporting a complaint or a lawsuit: the product is restored.
   * Each notice in its own transaction, re-read under lock (a report that just came in wins). Idempotent.
   */
  async sweep(now: Date = this.d.clock.now()): Promise<{ ipNoticesRestored: number }> {
    let restored = 0;
    for (const lapsed of await this.d.uow.read.ipNotices.listLapsed(now, 200)) {
      const done = await this.d.uow.transaction(async (tx) => {
        const n = await tx.ipNotices.findNotice(lapsed.id, { lock: true });
        if (n?.status !== 'countered' || !n.actionDueAt || now <= n.actionDueAt) return false;
        await this.move(tx, SYSTEM_ACTOR, n, 'counter_lapsed', 'system', now, {
          patch: { closingReason: '十五日内未收到权利人投诉或起诉的通知' },
          note: '十五日内未收到权利人投诉或起诉的通知，终止下架措施',
          detail: { actionDueAt: n.actionDueAt.toISOString() },
        });
        return true;
      });
      if (done) restored++;
    }
    return { ipNoticesRestored: restored };
  }

  /** The notices the caller may see: the office and the platform all, a merchant its own (either side). */
  async list(actor: Actor, q: IpNoticeListQuery): Promise<IpNoticeView[]> {
    const r = this.d.uow.read.ipNotices;
    const base = { status: q.status, brandId: q.brandId, limit: 200 };
    let list: IpNoticeRecord[];
    if (isCrossTenant(actor)) list = await r.listNotices(base);
    else if (!actor.orgId) return [];
    else if (q.side === 'holder') list = await r.listNotices({ ...base, filedByOrgId: actor.orgId });
    else if (q.side === 'merchant') list = await r.listNotices({ ...base, merchantOrgId: actor.orgId });
    else list = await r.listNotices({ ...base, partyOrgId: actor.orgId });
    return this.views(actor, list, this.d.clock.now());
  }

  async get(actor: Actor, id: string): Promise<IpNoticeView> {
    const n = await this.d.uow.read.ipNotices.findNotice(id);
    if (!n || !(isCrossTenant(actor) || this.partyRoles(actor, n).size > 0))
      throw new AppError('supervision.ip_notice_not_found', { field: 'id' });
    return this.view(actor, n, this.d.clock.now());
  }

  /** Whether a party to a notice may open one of its documents (the evidence both sides and the office read). */
  async mayReadEvidence(actor: Actor, documentId: string): Promise<boolean> {
    if (!actor.orgId) return false;
    const list = await this.d.uow.read.ipNotices.listNotices({ partyOrgId: actor.orgId, limit: 200 });
    return list.some((n) =>
      [...n.evidenceDocumentIds, ...n.counterEvidenceDocumentIds, ...n.actionEvidenceDocumentIds].includes(documentId),
    );
  }

  // ── steps ────────────────────────────────────────────────────────────────────────────────────────────────────

  private async step(
    actor: Actor,
    id: string,
    action: IpNoticeAction,
    make: (n: IpNoticeRecord, now: Date) => { patch: Partial<IpNoticeRecord>; note: string; detail: Record<string, unknown> },
  ): Promise<IpNoticeView> {
    const now = this.d.clock.now();
    const office = await this.isOffice(actor);
    const n = await this.d.uow.transaction(async (tx) => {
      const cur = await tx.ipNotices.findNotice(id, { lock: true });
      const roles = cur ? this.partyRoles(actor, cur) : new Set<IpNoticeRole>();
      if (office) roles.add('office');
      if (!cur || (roles.size === 0 && !isCrossTenant(actor))) throw new AppError('supervision.ip_notice_not_found', { field: 'id' });
      const role = ipNoticeActionRole(action);
      // a party may see the notice but not take another side's step (403); a stranger does not see it (404 above)
      if (!roles.has(role)) throw new AppError('auth.forbidden');
      const res = ipNoticeStep(cur.status, action, role);
      if (!res.ok) throw new AppError('supervision.ip_wrong_step', { details: { status: cur.status } });
      return this.move(tx, actor, cur, action, role, now, make(cur, now));
    });
    return this.view(actor, n, now);
  }

  /** One transition: the notice, its log, the catalog's restore when the takedown ends, the audit, the event. */
  private async move(
    tx: IpTx,
    actor: Actor,
    cur: IpNoticeRecord,
    action: IpNoticeAction,
    role: IpNoticeRole,
    now: Date,
    change: { patch: Partial<IpNoticeRecord>; note: string; detail: Record<string, unknown> },
  ): Promise<IpNoticeRecord> {
    const res = ipNoticeStep(cur.status, action, role);
    if (!res.ok) throw new AppError('supervision.ip_wrong_step', { details: { status: cur.status } });
    const next: IpNoticeRecord = { ...cur, ...change.patch, status: res.to, statusSince: now, updatedAt: now, version: cur.version + 1 };
    if (res.to !== 'countered') next.actionDueAt = res.to === 'action_filed' ? cur.actionDueAt : null;
    if (!(await tx.ipNotices.updateNotice(next, cur.version))) throw new AppError('supervision.ip_conflict');
    let restored = false;
    if (IP_RESTORING_STATUSES.has(res.to) && cur.takenDown)
      restored = await this.d.catalog.restoreIn(tx, actor, cur.productId, takedownReason(cur.noticeNo), `${cur.noticeNo} ${change.note}`);
    await this.entry(tx, next, role, actor, action, cur.status, change.note);
    await this.d.audit.record(tx, actor, {
      action: `ip.${action}`,
      targetType: 'ip_notice',
      targetId: cur.id,
      detail: { ...change.detail, from: cur.status, to: res.to, ...(IP_RESTORING_STATUSES.has(res.to) ? { restored } : {}) },
    });
    const topic = res.to === 'countered' ? IP_TOPIC_COUNTERED : res.to === 'action_filed' ? IP_TOPIC_ACTION : IP_TOPIC_CLOSED;
    await this.event(tx, topic, next, now, { restored });
    return next;
  }

  private async entry(
    tx: Pick<Repositories, 'ipNotices'>,
    n: IpNoticeRecord,
    role: IpNoticeRole,
    actor: Actor,
    action: string,
    from: IpNoticeStatus | null,
    note: string | null,
  ): Promise<void> {
    const e: IpNoticeEntryRecord = {
      id: this.d.ids.next(),
      noticeId: n.id,
      at: n.updatedAt,
      role,
      actorUserId: actor.userId,
      action,
      fromStatus: from,
      toStatus: n.status,
      note,
    };
    await tx.ipNotices.appendEntry(e);
  }

  private async event(tx: Pick<Repositories, 'outbox'>, topic: string, n: IpNoticeRecord, now: Date, extra: Record<string, unknown> = {}) {
    await tx.outbox.add({
      id: this.d.ids.next(),
      topic,
      payload: {
        noticeId: n.id,
        noticeNo: n.noticeNo,
        status: n.status,
        brandId: n.brandId,
        productId: n.productId,
        merchantOrgId: n.merchantOrgId,
        holderOrgId: n.holderOrgId,
        filedByOrgId: n.filedByOrgId,
        filedByRole: n.filedByRole,
        takenDown: n.takenDown,
        actionDueAt: n.actionDueAt?.toISOString() ?? null,
        actionKind: n.actionKind,
        ...extra,
      },
      createdAt: now,
      publishedAt: null,
    });
  }

  // ── who is who ───────────────────────────────────────────────────────────────────────────────────────────────

  /** The office: the platform operator, or a regulator of the intellectual-property department. */
  private async isOffice(actor: Actor): Promise<boolean> {
    if (actor.role === 'platform_admin') return true;
    return actor.role === 'regulator' && (await this.d.departments.departmentOf(actor)) === IP_OFFICE_DEPARTMENT;
  }

  /** The caller's sides in a notice: holder (the holder's or the filer's organization), merchant. */
  private partyRoles(actor: Actor, n: IpNoticeRecord): Set<IpNoticeRole> {
    const roles = new Set<IpNoticeRole>();
    if (!actor.orgId) return roles;
    if (actor.orgId === n.filedByOrgId || (actor.role === 'merchant_staff' && actor.orgId === n.holderOrgId)) roles.add('holder');
    if (actor.role === 'merchant_staff' && actor.orgId === n.merchantOrgId) roles.add('merchant');
    return roles;
  }

  /** Each document exists and was uploaded by the caller or for its organization. */
  private async checkEvidence(actor: Actor, ids: readonly string[]): Promise<string[]> {
    for (const [i, id] of ids.entries()) {
      const o = await this.d.documents.ownerOf(id);
      if (!o || !((o.userId !== null && o.userId === actor.userId) || (o.orgId !== null && o.orgId === actor.orgId)))
        throw new AppError('supervision.ip_evidence_invalid', { field: `evidenceDocumentIds.${i}` });
    }
    return [...new Set(ids)];
  }

  // ── views ────────────────────────────────────────────────────────────────────────────────────────────────────

  private async view(actor: Actor, n: IpNoticeRecord, now: Date): Promise<IpNoticeView> {
    const [v] = await this.views(actor, [n], now);
    return v as IpNoticeView;
  }

  private async views(actor: Actor, list: IpNoticeRecord[], now: Date): Promise<IpNoticeView[]> {
    if (list.length === 0) return [];
    const office = await this.isOffice(actor);
    const [names, brands, entries] = await Promise.all([
      this.d.names.namesFor({
        products: list.map((n) => n.productId),
        orgs: list.flatMap((n) => [n.merchantOrgId, n.holderOrgId, n.filedByOrgId]),
      }),
      this.d.catalog.brandNames([...new Set(list.map((n) => n.brandId))]),
      this.d.uow.read.ipNotices.listEntries(list.map((n) => n.id)),
    ]);
    return list.map((n) => {
      const roles = this.partyRoles(actor, n);
      if (office) roles.add('office');
      const b = brands.get(n.brandId);
      return {
        id: n.id,
        noticeNo: n.noticeNo,
        status: n.status,
        brandId: n.brandId,
        brandName: b?.name ?? '',
        trademarkNo: b?.trademarkNo ?? null,
        productId: n.productId,
        productName: names.products.get(n.productId) ?? '',
        merchantOrgId: n.merchantOrgId,
        merchantName: names.orgs.get(n.merchantOrgId) ?? '',
        holderOrgId: n.holderOrgId,
        holderName: names.orgs.get(n.holderOrgId ?? n.filedByOrgId) ?? '',
        filedByRole: n.filedByRole,
        statement: n.statement,
        evidenceDocumentIds: n.evidenceDocumentIds,
        takenDown: n.takenDown,
        counterStatement: n.counterStatement,
        counterEvidenceDocumentIds: n.counterEvidenceDocumentIds,
        counterForwardedAt: n.counterForwardedAt?.toISOString() ?? null,
        actionDueAt: n.status === 'countered' && n.actionDueAt ? n.actionDueAt.toISOString() : null,
        daysLeft: n.status === 'countered' && n.actionDueAt ? Math.max(daysLeft(n.actionDueAt, now), 0) : null,
        actionKind: n.actionKind,
        actionReference: n.actionReference,
        closingReason: n.closingReason,
        filedAt: n.filedAt.toISOString(),
        updatedAt: n.updatedAt.toISOString(),
        actions: ipNoticeActionsFor(n.status, roles),
        entries: entries
          .filter((e) => e.noticeId === n.id)
          .map((e) => ({
            at: e.at.toISOString(),
            role: e.role,
            action: e.action,
            fromStatus: e.fromStatus,
            toStatus: e.toStatus,
            note: e.note,
          })),
      };
    });
  }
}
