/**
 * Live sessions, the context's public entry: a streamer schedules a session with the products they will sell; before going live the checklist
 * must pass — the streamer certified and not suspended (RegistryService.liveGate, which also requires a digital
 * human's label), every product approved, its merchant admitted, and a live service agreement in force for it
 * (AgreementService.inForce). Each session has its own stream key; the media server asks `authorizePublish`
 * before accepting a stream, and a wrong key is refused and audited. Ending a session fixes its retention (≥ 3
 * years) and its statistics. The media server reports the recordings it makes of a session's stream
 * (`recordingStarted` / `recordingEnded`, recording.service.ts); each is kept at least 3 years after it ended and
 * never less long than its session's records. Who sees a session, and the names its page shows, is
 * session-view.service.ts.
 */
import type { AuditService } from '../audit/audit.service.ts';
import type { CreditGatePort } from '../credit/index.ts';
import type { SessionCatalog } from '../catalog/index.ts';
import type { SessionRegistry } from '../registry/index.ts';
import type { AgreementService, SessionSelection } from '../selection/index.ts';
import type { DocumentLookup } from '../workflows/index.ts';
import { AppError } from '../errors.ts';
import type { Repositories, ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator, PiiVault, TokenGenerator } from '../ports/runtime.ts';
import type { RegistryService } from '../registry/index.ts';
import type { Actor } from '../shared/actor.ts';
import { isCrossTenant } from '../shared/actor.ts';
import { LIVE_RETENTION_MS } from './live.rules.ts';
import type {
  ChecklistItem,
  LiveRecordingRecord,
  LiveRecordingSource,
  LiveSessionProductRecord,
  LiveSessionRecord,
  SessionDetail,
  SessionListing,
  SessionStats,
  SessionTotalsReader,
} from './live.types.ts';
import { RecordingService } from './recording.service.ts';
import { SessionViewService } from './session-view.service.ts';
import { ownSession, StreamKeyService } from './stream-key.service.ts';

const MAX_PRODUCTS = 100;

/** The tables live sessions write and read: their own, the products and merchants on them, the streamers' profiles,
 * the agreements in force and the samples a start confirms, the cover image, the names on a session's page. */
type LiveScope = 'live' | 'catalog' | 'registry' | 'selection' | 'workflows' | 'orgs' | 'users' | 'audit' | 'outbox';

export interface LiveDeps {
  uow: ScopedUnitOfWork<LiveScope>;
  clock: Clock;
  ids: IdGenerator;
  vault: PiiVault;
  tokens: TokenGenerator;
  audit: AuditService;
  registry: RegistryService;
  agreements: AgreementService;
  /** paid orders and GMV of a live session, from the orders context (its page and the end of the session) */
  totals?: SessionTotalsReader | undefined;
  /** 信用: a streamer under `prereview` (tier D) goes live only after a platform reviewer pre-reviewed the session */
  credit?: CreditGatePort | undefined;
  /** the selection center's in-transaction part: agreements in force for the session's products, samples featured */
  selection: Pick<SessionSelection, 'agreementInForceIn' | 'featureSamplesIn'>;
  /** the catalog's products on a session, the registry's streamer profiles, the document store's cover images */
  catalog: Pick<SessionCatalog, 'productIn' | 'productsWithSkusIn'>;
  streamers: Pick<SessionRegistry, 'streamerIn'>;
  documents: Pick<DocumentLookup, 'documentIn'>;
  /** confirmed violations against a streamer since a time (the compliance context's reader): `live.ended` carries the count */
  violations?: SessionViolationReader | undefined;
}

/** The compliance context's violations of a streamer, as the end of a session reads them. */
export interface SessionViolationReader {
  violationsFor(subject: { streamerUserId: string }, since: Date): Promise<Array<{ severity: number; confirmedAt: Date }>>;
}

export interface ScheduleInput {
  title: string;
  scheduledAt: string;
  coverImageId?: string | undefined;
  productIds: string[];
  coHostUserIds: string[];
}

export class LiveService {
  private readonly recordings: RecordingService;
  private readonly views: SessionViewService;
  private readonly keys: StreamKeyService;

  constructor(private readonly d: LiveDeps) {
    const { uow, clock, ids, audit } = d;
    this.recordings = new RecordingService({ uow, clock, ids, audit });
    this.views = new SessionViewService({ uow, totals: d.totals, catalog: d.catalog });
    this.keys = new StreamKeyService({ uow, clock, vault: d.vault, tokens: d.tokens, audit });
  }

  /** Resolves the products of a session: each must exist and be approved now (re-checked at go-live). */
  private async resolveProducts(tx: Pick<Repositories, LiveScope>, sessionId: string, ids: string[]): Promise<LiveSessionProductRecord[]> {
    if (new Set(ids).size !== ids.length)
      throw new AppError('request.invalid', { field: 'productIds', details: { issue: 'a product is listed twice' } });
    if (ids.length > MAX_PRODUCTS)
      throw new AppError('request.invalid', { field: 'productIds', details: { issue: `at most ${MAX_PRODUCTS}` } });
    const out: LiveSessionProductRecord[] = [];
    for (const [i, id] of ids.entries()) {
      const p = await this.d.catalog.productIn(tx, id);
      if (p?.status !== 'approved') throw new AppError('catalog.product_not_found', { field: `productIds.${i}` });
      out.push({ sessionId, productId: p.id, merchantOrgId: p.merchantOrgId, agreementId: null, sort: i });
    }
    return out;
  }

  /** 预约直播: a certified streamer schedules a session with its products. */
  async schedule(actor: Actor, input: ScheduleInput): Promise<SessionDetail & { streamKey: string }> {
    if (actor.role !== 'streamer' || !actor.userId) throw new AppError('auth.forbidden');
    const profile = await this.d.streamers.streamerIn(this.d.uow.read, actor.userId);
    if (!profile) throw new AppError('selection.streamer_not_certified');
    const now = this.d.clock.now();
    const scheduledAt = new Date(input.scheduledAt);
    const key = this.keys.newKey();
    return this.d.uow.transaction(async (tx) => {
      for (const [i, id] of input.coHostUserIds.entries()) {
        const co = await this.d.streamers.streamerIn(tx, id);
        if (co?.status !== 'certified' || id === actor.userId)
          throw new AppError('selection.partner_invalid', { field: `coHostUserIds.${i}`, details: { kind: '主播' } });
      }
      if (input.coverImageId) {
        const doc = await this.d.documents.documentIn(tx, input.coverImageId);
        if (!doc || doc.uploadedBy !== actor.userId || doc.fileType === 'pdf')
          throw new AppError('document.not_found', { field: 'coverImageId' });
      }
      const s: LiveSessionRecord = {
        id: this.d.ids.next(),
        streamerUserId: actor.userId as string,
        mcnOrgId: profile.mcnOrgId,
        title: input.title,
        coverImageId: input.coverImageId ?? null,
        scheduledAt,
        status: 'scheduled',
        coHostUserIds: input.coHostUserIds,
        pinnedProductId: null,
        streamKeyHash: key.hash,
        streamKeyEnc: key.enc,
        startedAt: null,
        endedAt: null,
        peakViewers: 0,
        avgViewers: 0,
        chatMessages: 0,
        orders: 0,
        gmvFen: 0,
        retainUntil: null,
        prereviewedAt: null,
        prereviewedBy: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await tx.live.insertSession(s);
      const products = await this.resolveProducts(tx, s.id, input.productIds);
      await tx.live.replaceProducts(s.id, products);
      await this.d.audit.record(tx, actor, {
        action: 'live.schedule',
        targetType: 'live_session',
        targetId: s.id,
        detail: { title: s.title, scheduledAt: s.scheduledAt.toISOString(), products: products.length },
      });
      return { session: s, products, streamKey: key.key };
    });
  }

  /** Replaces the products of a scheduled or running session (a product added live must pass the same checks). */
  async setProducts(actor: Actor, id: string, productIds: string[]): Promise<SessionDetail> {
    const now = this.d.clock.now();
    return this.d.uow.transaction(async (tx) => {
      const s = await ownSession(tx, actor, id);
      if (s.status === 'ended' || s.status === 'cancelled') throw new AppError('live.not_active', { details: { status: s.status } });
      const products = await this.resolveProducts(tx, s.id, productIds);
      if (s.status === 'live') {
        for (const [i, p] of products.entries()) {
          const a = await this.d.selection.agreementInForceIn(tx, {
            merchantOrgId: p.merchantOrgId,
            streamerUserId: s.streamerUserId,
            productId: p.productId,
            at: now,
          });
          if (!a) throw new AppError('live.checks_failed', { field: `productIds.${i}`, details: { failed: 'agreement_in_force' } });
          p.agreementId = a.id;
        }
      }
      // the pre-review (先审后播) covered the cards it saw: a scheduled session with other products needs a new one
      const before = new Set((await tx.live.listProducts(s.id)).map((p) => p.productId));
      const changed = before.size !== productIds.length || productIds.some((p) => !before.has(p));
      if (s.status === 'scheduled' && s.prereviewedAt && changed) {
        const next = { ...s, prereviewedAt: null, prereviewedBy: null, version: s.version + 1, updatedAt: now };
        if (!(await tx.live.updateSession(next, s.version))) throw new AppError('live.stale');
      }
      await tx.live.replaceProducts(s.id, products);
      await this.d.audit.record(tx, actor, {
        action: 'live.products',
        targetType: 'live_session',
        targetId: s.id,
        detail: { products: productIds },
      });
      return { session: s, products };
    });
  }

  /** 开播前检查: each requirement with whether it holds now. */
  async checklist(actor: Actor, id: string): Promise<ChecklistItem[]> {
    const s = await this.get(actor, id);
    // A live room is public; its checklist (certification, agreements, licences) is not: only the people who run
    // the session, the platform and regulators read it.
    const ss = s.session;
    const runs =
      isCrossTenant(actor) ||
      ss.streamerUserId === actor.userId ||
      (actor.userId !== null && ss.coHostUserIds.includes(actor.userId)) ||
      (actor.role === 'mcn_manager' && actor.orgId !== null && actor.orgId === ss.mcnOrgId);
    if (!runs) throw new AppError('live.not_found', { field: 'id' });
    return this.evaluate(ss, s.products);
  }

  private async evaluate(s: LiveSessionRecord, products: LiveSessionProductRecord[]): Promise<ChecklistItem[]> {
    const now = this.d.clock.now();
    const items: ChecklistItem[] = [];
    const gate = await this.d.registry.liveGate(s.streamerUserId);
    const virtualMissing = gate.reasons.includes('virtual_label_missing');
    const streamerReasons = gate.reasons.filter((r) => r !== 'virtual_label_missing');
    items.push({
      key: 'streamer_certified',
      ok: streamerReasons.length === 0,
      productId: null,
      message:
        streamerReasons.length === 0
          ? { zh: '主播已认证，资格有效', en: 'Streamer certified and in good standing' }
          : { zh: `主播资格不满足：${streamerReasons.join('、')}`, en: `Streamer not eligible: ${streamerReasons.join(', ')}` },
    });
    const profile = await this.d.streamers.streamerIn(this.d.uow.read, s.streamerUserId);
    if (profile?.virtual === 'yes')
      items.push({
        key: 'virtual_label',
        ok: !virtualMissing,
        productId: null,
        message: virtualMissing
          ? { zh: '数字人主播须登记运营责任人并显著标识', en: 'A digital-human streamer needs a responsible operator and a visible label' }
          : { zh: `数字人标识：${profile.virtualLabel ?? ''}`, en: `Digital-human label: ${profile.virtualLabel ?? ''}` },
      });
    const prereview = this.d.credit ? await this.d.credit.applies([s.streamerUserId], 'prereview') : null;
    if (prereview)
      items.push({
        key: 'credit_prereview',
        ok: s.prereviewedAt !== null,
        productId: null,
        message: s.prereviewedAt
          ? { zh: `${prereview.measure.zh}：平台已审核本场直播`, en: `${prereview.measure.en}: the platform pre-reviewed this session` }
          : {
              zh: `${prereview.measure.zh}（${prereview.measure.because.zh}）：须经平台审核后方可开播`,
              en: `${prereview.measure.en} (${prereview.measure.because.en}): the platform must pre-review this session first`,
            },
      });
    const others = await this.d.uow.read.live.listSessions({ streamerUserId: s.streamerUserId, status: ['live'], limit: 5 });
    const elsewhere = others.filter((x) => x.id !== s.id);
    items.push({
      key: 'not_live_elsewhere',
      ok: elsewhere.length === 0,
      productId: null,
      message:
        elsewhere.length === 0
          ? { zh: '没有其他进行中的直播', en: 'No other session is live' }
          : { zh: `另一场直播（${elsewhere[0]?.title}）仍在进行`, en: `Another session (${elsewhere[0]?.title}) is still live` },
    });
    const merchantsChecked = new Map<string, boolean>();
    for (const p of products) {
      const product = await this.d.catalog.productIn(this.d.uow.read, p.productId);
      const title = product?.title ?? p.productId;
      items.push({
        key: 'product_approved',
        ok: product?.status === 'approved',
        productId: p.productId,
        message:
          product?.status === 'approved'
            ? { zh: `「${title}」已通过商品审核`, en: `“${title}” is approved` }
            : { zh: `「${title}」未通过审核或已下架`, en: `“${title}” is not approved or was delisted` },
      });
      if (!merchantsChecked.has(p.merchantOrgId)) {
        const mg = await this.d.registry.listingGate(p.merchantOrgId);
        merchantsChecked.set(p.merchantOrgId, mg.allowed);
        const org = await this.d.uow.read.orgs.findById(p.merchantOrgId);
        items.push({
          key: 'merchant_admitted',
          ok: mg.allowed,
          productId: p.productId,
          message: mg.allowed
            ? { zh: `商家「${org?.name ?? ''}」已入驻`, en: `Merchant “${org?.name ?? ''}” admitted` }
            : {
                zh: `商家「${org?.name ?? ''}」当前不能经营：${mg.reasons.join('、')}`,
                en: `Merchant “${org?.name ?? ''}” may not sell: ${mg.reasons.join(', ')}`,
              },
        });
      }
      const a = await this.d.agreements.inForce({
        merchantOrgId: p.merchantOrgId,
        streamerUserId: s.streamerUserId,
        productId: p.productId,
        at: now,
      });
      items.push({
        key: 'agreement_in_force',
        ok: a !== null,
        productId: p.productId,
        message: a
          ? {
              zh: `「${title}」的直播服务协议已生效（第 ${a.inForceVersion} 版）`,
              en: `Agreement in force for “${title}” (version ${a.inForceVersion})`,
            }
          : { zh: `「${title}」没有生效的直播服务协议`, en: `No live service agreement in force for “${title}”` },
      });
    }
    return items;
  }

  /** 开播: only when every checklist item holds. Samples of the session's products count as featured. */
  async start(actor: Actor, id: string): Promise<SessionDetail> {
    const current = await this.get(actor, id);
    if (current.session.streamerUserId !== actor.userId) throw new AppError('live.not_found', { field: 'id' });
    if (current.session.status !== 'scheduled') throw new AppError('live.not_active', { details: { status: current.session.status } });
    // 先审后播: a streamer under `prereview` goes live only once a platform reviewer pre-reviewed this session
    if (!current.session.prereviewedAt) await this.d.credit?.assertAllowed([current.session.streamerUserId], 'prereview', 'prereview');
    const items = await this.evaluate(current.session, current.products);
    const failed = items.filter((i) => !i.ok);
    if (failed.length > 0)
      throw new AppError('live.checks_failed', {
        details: { failed: failed.map((f) => f.message.zh).join('；'), items: failed.map((f) => f.key) },
      });
    const now = this.d.clock.now();
    return this.d.uow.transaction(async (tx) => {
      const s = await ownSession(tx, actor, id);
      if (current.session.prereviewedAt && !s.prereviewedAt) throw new AppError('live.stale');
      const products = await tx.live.listProducts(s.id);
      for (const p of products) {
        // inside the transaction: its own repositories (one PGlite connection — never read beside it)
        const a = await this.d.selection.agreementInForceIn(tx, {
          merchantOrgId: p.merchantOrgId,
          streamerUserId: s.streamerUserId,
          productId: p.productId,
          at: now,
        });
        p.agreementId = a?.id ?? null;
      }
      await tx.live.replaceProducts(s.id, products);
      const next: LiveSessionRecord = { ...s, status: 'live', startedAt: now, version: s.version + 1, updatedAt: now };
      if (!(await tx.live.updateSession(next, s.version))) throw new AppError('live.stale');
      // the streamer's received samples of these products are now featured (寄样 obligation met)
      await this.d.selection.featureSamplesIn(tx, {
        streamerUserId: s.streamerUserId,
        productIds: products.map((p) => p.productId),
        sessionId: s.id,
        at: now,
      });
      await tx.outbox.add({
        id: this.d.ids.next(),
        topic: 'live.started',
        payload: { sessionId: s.id, streamerUserId: s.streamerUserId, products: products.map((p) => p.productId) },
        createdAt: now,
        publishedAt: null,
      });
      await this.d.audit.record(tx, actor, {
        action: 'live.start',
        targetType: 'live_session',
        targetId: s.id,
        detail: { products: products.length },
      });
      return { session: next, products };
    });
  }

  /**
   * 先审后播: a platform reviewer pre-reviews a scheduled session (its title, script and product cards), which lets a
   * streamer under the credit measure `prereview` go live. Changing the session's products clears it.
   */
  async prereview(actor: Actor, id: string): Promise<SessionDetail> {
    if (actor.role !== 'platform_admin' && actor.role !== 'reviewer') throw new AppError('auth.forbidden');
    const now = this.d.clock.now();
    return this.d.uow.transaction(async (tx) => {
      const s = await tx.live.findSession(id);
      if (!s) throw new AppError('live.not_found', { field: 'id' });
      if (s.status !== 'scheduled') throw new AppError('live.not_active', { details: { status: s.status } });
      const next: LiveSessionRecord = { ...s, prereviewedAt: now, prereviewedBy: actor.userId, version: s.version + 1, updatedAt: now };
      if (!(await tx.live.updateSession(next, s.version))) throw new AppError('live.stale');
      const products = await tx.live.listProducts(s.id);
      await this.d.audit.record(tx, actor, {
        action: 'live.prereview',
        targetType: 'live_session',
        targetId: s.id,
        detail: { products: products.map((p) => p.productId) },
      });
      return { session: next, products };
    });
  }

  /**
   * 下播: the session ends; its records are kept at least 3 years. The platform may end any session, and so may a
   * regulator's 暂停直播 decision when it is executed (docs/supervision.md; the routes never let a regulator call this).
   */
  async end(actor: Actor, id: string, reason?: string): Promise<SessionDetail> {
    const now = this.d.clock.now();
    const platform = actor.role === 'platform_admin' || actor.role === 'reviewer' || actor.role === 'regulator';
    // the confirmed violations against the streamer since the session started (read before the transaction)
    const found = await this.d.uow.read.live.findSession(id);
    const violations =
      this.d.violations && found?.startedAt
        ? (await this.d.violations.violationsFor({ streamerUserId: found.streamerUserId }, found.startedAt)).length
        : null;
    return this.d.uow.transaction(async (tx) => {
      const s = platform ? await tx.live.findSession(id) : await ownSession(tx, actor, id);
      if (!s) throw new AppError('live.not_found', { field: 'id' });
      if (s.status === 'ended' || s.status === 'cancelled') throw new AppError('live.not_active', { details: { status: s.status } });
      const wasLive = s.status === 'live';
      const next: LiveSessionRecord = {
        ...s,
        status: wasLive ? 'ended' : 'cancelled',
        endedAt: now,
        retainUntil: wasLive ? new Date(now.getTime() + LIVE_RETENTION_MS) : null,
        version: s.version + 1,
        updatedAt: now,
      };
      if (!(await tx.live.updateSession(next, s.version))) throw new AppError('live.stale');
      // the session's recordings are kept at least as long as its records
      if (next.retainUntil) await tx.live.extendRecordingRetention(s.id, next.retainUntil);
      if (wasLive)
        await tx.outbox.add({
          id: this.d.ids.next(),
          topic: 'live.ended',
          payload: {
            sessionId: s.id,
            streamerUserId: s.streamerUserId,
            startedAt: s.startedAt?.toISOString() ?? null,
            ...(violations !== null ? { violations } : {}),
          },
          createdAt: now,
          publishedAt: null,
        });
      await this.d.audit.record(tx, actor, {
        action: wasLive ? 'live.end' : 'live.cancel',
        targetType: 'live_session',
        targetId: s.id,
        detail: { by: actor.role === 'regulator' ? 'regulator' : platform ? 'platform' : 'streamer', ...(reason ? { reason } : {}) },
      });
      return { session: next, products: await tx.live.listProducts(s.id) };
    });
  }

  /**
   * The room's counters (peak and average viewers, chat messages) into the session record: telemetry from the
   * gateway, not an administrative write, so not audited. Counters lost since an earlier call (Redis flushed) must
   * not wipe what it recorded: the peak and the chat count never go down, and no samples keep the average recorded.
   */
  async recordStats(id: string, stats: SessionStats): Promise<void> {
    await this.d.uow.transaction(async (tx) => {
      const s = await tx.live.findSession(id);
      if (!s) return;
      const next: LiveSessionRecord = {
        ...s,
        peakViewers: Math.max(s.peakViewers, stats.peakViewers),
        avgViewers: stats.avgViewers > 0 ? stats.avgViewers : s.avgViewers,
        chatMessages: Math.max(s.chatMessages, stats.chatMessages),
        orders: stats.orders ?? s.orders,
        gmvFen: stats.gmvFen ?? s.gmvFen,
        version: s.version + 1,
        updatedAt: this.d.clock.now(),
      };
      await tx.live.updateSession(next, s.version);
    });
  }

  // ---- stream keys and publishing (stream-key.service.ts) ---------------------------------------------------------

  /** A new stream key (the old one stops working at once); returned once to the streamer. */
  rotateKey(actor: Actor, id: string): Promise<string> {
    return this.keys.rotateKey(actor, id);
  }

  /** The streamer's own stream key (console): audited. */
  streamKey(actor: Actor, id: string): Promise<string> {
    return this.keys.streamKey(actor, id);
  }

  /** Publish authentication for the media server: the session's key, the session scheduled or live. */
  authorizePublish(sessionId: string, key: string, from: string): Promise<boolean> {
    return this.keys.authorizePublish(sessionId, key, from);
  }

  // ---- recordings (recording.service.ts) ------------------------------------------------------------------------

  recordingStarted(sessionId: string, input: { source: LiveRecordingSource; filePath: string | null }): Promise<LiveRecordingRecord> {
    return this.recordings.recordingStarted(sessionId, input);
  }

  /** An external media server's closed file, reported once: started and ended in one transaction. */
  externalRecording(sessionId: string, filePath: string | null): Promise<LiveRecordingRecord> {
    return this.recordings.externalRecording(sessionId, filePath);
  }

  recordingEnded(
    recordingId: string,
    input: { bytes: number | null; sha256: string | null; endedAt?: Date | undefined },
  ): Promise<LiveRecordingRecord> {
    return this.recordings.recordingEnded(recordingId, input);
  }

  listRecordings(actor: Actor, sessionId: string): Promise<LiveRecordingRecord[]> {
    return this.recordings.listRecordings(actor, sessionId);
  }

  // ---- reading (session-view.service.ts) -------------------------------------------------------------------------

  /** A session as its streamer, co-hosts, MCN, the merchants of its products and the platform see it. */
  get(actor: Actor, id: string): Promise<SessionDetail> {
    return this.views.get(actor, id);
  }

  /** The streamer's sessions, the MCN's streamers' sessions, or (anyone) the sessions live now. */
  list(actor: Actor, scope: 'mine' | 'live'): Promise<LiveSessionRecord[]> {
    return this.views.list(actor, scope);
  }

  /** The sessions of `list` with their products and the names their pages show. */
  listDescribed(actor: Actor, scope: 'mine' | 'live'): Promise<SessionListing[]> {
    return this.views.listDescribed(actor, scope);
  }

  /** A session with the names and statistics its page shows. */
  describe(d: SessionDetail): Promise<SessionListing> {
    return this.views.describe(d);
  }

  /** `get`, described. */
  async getDescribed(actor: Actor, id: string): Promise<SessionListing> {
    return this.views.describe(await this.views.get(actor, id));
  }

  /** Who enters a live room and whether they manage it; null when the room is closed to them. */
  roomEntry(
    actor: Actor | null,
    sessionId: string,
  ): Promise<{ session: LiveSessionRecord; canManage: boolean; name: string | null } | null> {
    return this.views.roomEntry(actor, sessionId);
  }
}
