/**
 * 人货匹配 (docs/matching.md, "The service"): feeds the pure engine of `@livehub/matching` from the database and
 * answers who may see what. Every query ranks on a fresh snapshot of the pool (so a constraint — a licence, a plan,
 * a suspension, a credit measure — is in force the moment its record changes); the learned part comes from the newest
 * stored model (`match_models`, trained on demand or on the tick's schedule; every process loads it on start and when
 * told of a new version), or from none (signals only) until one is trained. A streamer with interactions newer than
 * the model has its vector folded in (re-solved against the fixed product factors) before ranking, so a click
 * re-ranks at the next query.
 *
 * Access: a streamer's recommendations and "why not" answer the streamer themself, the streamer's MCN and the
 * platform admin; a product's streamers answer its merchant and the platform admin; anyone else gets 404, as for a
 * record that does not exist. Impressions are recorded when the streamer sees its own list; clicks when it opens one.
 */
import { measuresFor, type CreditModel } from '@livehub/credit';
import { MatchingEngine, type MatchProduct, type ProductMatch, type Reason, type StreamerMatch } from '@livehub/matching';
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import type { LockStore } from '../ports/kv.ts';
import { freshStreamers, type RetrainSchedule } from './matching-model.rules.ts';
import { MatchingModels, type ModelStatus, type TrainedModelInfo } from './matching-model.service.ts';

export { MATCH_MODELS_KEPT } from './matching-model.service.ts';
export type { ModelStatus, TrainedModelInfo } from './matching-model.service.ts';
import {
  describeViolation,
  nameCategories,
  nameCategoriesEn,
  thirdPerson,
  factorsFor,
  NOT_IN_POOL,
  type PartyStanding,
  toEngineInput,
} from './matching.rules.ts';
import type { MatchActivityRow, MatchEventRecord, MatchSnapshot } from './matching.types.ts';

type MatchingScope = 'matching' | 'catalog' | 'orgs' | 'names' | 'audit';

/** How far back interactions count (the engine's decay halves them every 21 days). */
export const MATCH_HISTORY_DAYS = 180;
export const MATCH_MAX_K = 50;
const DAY = 86_400_000;

export interface MatchingDeps {
  uow: ScopedUnitOfWork<MatchingScope>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  /** the credit model in force: the measures of a tier (D bars selection) */
  creditModel?: { current(): CreditModel } | undefined;
  /** the credit gate's full standing (modes included) for the streamer asking */
  credit?: { standing(partyId: string): Promise<{ tier: 'A' | 'B' | 'C' | 'D'; measures: Array<{ code: string }> }> } | undefined;
  /** when the tick retrains (default: nightly at 03:00 China time, given 20 new interactions) */
  schedule?: RetrainSchedule | undefined;
  /** one scheduled training at a time across processes */
  locks?: LockStore | undefined;
  /** tells the other processes that a new version is stored (they `load()` it) */
  modelChanged?: (() => Promise<void>) | undefined;
}

export interface MatchReason {
  code: string;
  zh: string;
  en: string;
  weight: number;
}

export interface ProductRecommendation {
  productId: string;
  title: string;
  merchantOrgId: string;
  merchantName: string;
  category: string;
  categoryName: string;
  priceFen: number;
  commissionBp: number;
  score: number;
  reasons: MatchReason[];
}

export interface StreamerRecommendation {
  streamerUserId: string;
  displayName: string;
  mcnOrgId: string | null;
  mcnName: string | null;
  score: number;
  reasons: MatchReason[];
}

export interface RecommendationList<T> {
  personalised: boolean;
  /** whether a trained model took part (false: signals only) */
  learned: boolean;
  modelTrainedAt: Date | null;
  items: T[];
}

export interface WhyNotAnswer {
  productId: string;
  allowed: boolean;
  reasons: Array<{ code: string; zh: string; en: string }>;
}

const reasonOf = (r: Reason, names: { zh: ReadonlyMap<string, string>; en: ReadonlyMap<string, string> }): MatchReason => ({
  code: r.code,
  zh: nameCategories(r.zh, names.zh),
  en: nameCategoriesEn(r.en, names.en),
  weight: Math.round(r.weight * 1000) / 1000,
});
const round = (x: number) => Math.round(x * 1000) / 1000;

export class MatchingService {
  private readonly models: MatchingModels;

  constructor(private readonly d: MatchingDeps) {
    this.models = new MatchingModels(d, {
      snapshot: (now) => this.snapshot(now),
      input: (snap, now) => toEngineInput(snap, this.tierStanding(snap), now),
    });
  }

  private get model() {
    return this.models.current();
  }

  /** The model this process ranks with (null: none stored yet — rankings use the signals only). */
  modelInfo(): TrainedModelInfo | null {
    return this.models.info();
  }

  modelStatus(actor: Actor): Promise<ModelStatus> {
    return this.models.status(actor);
  }

  /** Loads the newest stored model when it is newer than the one in memory (on start, on the tick, when told). */
  load(): Promise<number | null> {
    return this.models.load();
  }

  retrain(actor: Actor): Promise<TrainedModelInfo> {
    return this.models.retrain(actor);
  }

  scheduledRetrain(now?: Date): Promise<{ matchingRetrained: number }> {
    return this.models.scheduledRetrain(now);
  }

  /** 为你推荐: products for a streamer, with reasons; `personalised` defaults to the streamer's own choice (on). */
  async recommend(
    actor: Actor,
    streamerUserId: string,
    opts: { k?: number; personalised?: boolean } = {},
  ): Promise<RecommendationList<ProductRecommendation>> {
    const now = this.d.clock.now();
    const snap = await this.snapshot(now);
    this.assertMaySeeStreamer(actor, snap, streamerUserId);
    const personalised = opts.personalised ?? (await this.d.uow.read.matching.personalisation(streamerUserId)) ?? true;
    const engine = await this.engine(snap, now, streamerUserId);
    const k = Math.min(MATCH_MAX_K, Math.max(1, opts.k ?? 20));
    const ranked: ProductMatch[] = engine.rankProducts(streamerUserId, { k, personalised, explain: true });
    if (actor.userId === streamerUserId && ranked.length > 0) {
      const events: MatchEventRecord[] = ranked.map((r) => ({
        id: this.d.ids.next(),
        streamerUserId,
        productId: r.id,
        kind: 'impression',
        personalised,
        at: now,
      }));
      await this.d.uow.transaction((tx) => tx.matching.insertEvents(events));
    }
    const names = this.d.uow.read.names;
    const [titles, merchants] = await Promise.all([
      names.namesOf(
        'products',
        ranked.map((r) => r.id),
      ),
      names.namesOf('orgs', [...new Set(ranked.map((r) => r.item.merchant))]),
    ]);
    const catName = {
      zh: new Map(snap.categories.map((c) => [c.id, c.nameZh])),
      en: new Map(snap.categories.map((c) => [c.id, c.nameEn])),
    };
    return {
      personalised,
      learned: this.model !== null && personalised,
      modelTrainedAt: this.model?.info.trainedAt ?? null,
      items: ranked.map((r) => ({
        productId: r.id,
        title: titles.get(r.id) ?? '',
        merchantOrgId: r.item.merchant,
        merchantName: merchants.get(r.item.merchant) ?? '',
        category: r.item.category,
        categoryName: catName.zh.get(r.item.category) ?? r.item.category,
        priceFen: r.item.priceFen,
        commissionBp: r.item.commissionBp,
        score: round(r.score),
        reasons: (r.reasons ?? []).map((x) => reasonOf(x, catName)),
      })),
    };
  }

  /** 为什么不能带: every hard constraint that rules the pair out, in words (empty and allowed: it may). */
  async whyNot(actor: Actor, streamerUserId: string, productId: string): Promise<WhyNotAnswer> {
    const now = this.d.clock.now();
    const snap = await this.snapshot(now);
    this.assertMaySeeStreamer(actor, snap, streamerUserId);
    const inPool = snap.products.some((p) => p.id === productId);
    if (!inPool) {
      const p = await this.d.uow.read.catalog.findProduct(productId);
      if (!p) throw new AppError('catalog.product_not_found', { field: 'productId' });
      return { productId, allowed: false, reasons: [{ ...NOT_IN_POOL }] };
    }
    const engine = await this.engine(snap, now, streamerUserId);
    const product = engine.products[engine.productIndex.get(productId) as number] as MatchProduct;
    const v = engine.whyNot(streamerUserId, productId).map((x) => describeViolation(x, product));
    return { productId, allowed: v.length === 0, reasons: v };
  }

  /** 找达人: streamers for one of the merchant's products, with reasons. */
  async streamersFor(
    actor: Actor,
    productId: string,
    opts: { k?: number; personalised?: boolean } = {},
  ): Promise<RecommendationList<StreamerRecommendation> & { inPool: boolean }> {
    const p = await this.d.uow.read.catalog.findProduct(productId);
    const mine = actor.role === 'platform_admin' || (actor.role === 'merchant_staff' && p !== null && p.merchantOrgId === actor.orgId);
    if (!p || !mine) throw new AppError('catalog.product_not_found', { field: 'productId' });
    const now = this.d.clock.now();
    const snap = await this.snapshot(now);
    const personalised = opts.personalised ?? true;
    const base = { personalised, learned: this.model !== null && personalised, modelTrainedAt: this.model?.info.trainedAt ?? null };
    if (!snap.products.some((x) => x.id === productId)) return { ...base, inPool: false, items: [] };
    const engine = await this.engine(snap, now, null);
    const k = Math.min(MATCH_MAX_K, Math.max(1, opts.k ?? 20));
    const ranked: StreamerMatch[] = engine.rankStreamers(productId, { k, personalised, explain: true });
    const catName = {
      zh: new Map(snap.categories.map((c) => [c.id, c.nameZh])),
      en: new Map(snap.categories.map((c) => [c.id, c.nameEn])),
    };
    const names = this.d.uow.read.names;
    const [people, mcns] = await Promise.all([
      names.namesOf(
        'users',
        ranked.map((r) => r.id),
      ),
      names.namesOf('orgs', [...new Set(ranked.flatMap((r) => (r.item.mcn ? [r.item.mcn] : [])))]),
    ]);
    return {
      ...base,
      inPool: true,
      items: ranked.map((r) => ({
        streamerUserId: r.id,
        displayName: people.get(r.id) ?? '',
        mcnOrgId: r.item.mcn ?? null,
        mcnName: r.item.mcn ? (mcns.get(r.item.mcn) ?? null) : null,
        score: round(r.score),
        reasons: (r.reasons ?? []).map((x) => {
          const reason = reasonOf(x, catName);
          return { ...reason, zh: thirdPerson(reason.zh) };
        }),
      })),
    };
  }

  /** A click on a recommendation (the streamer opened the product from its list). */
  async recordClick(actor: Actor, productId: string, personalised: boolean): Promise<void> {
    if (actor.role !== 'streamer' || !actor.userId) throw new AppError('auth.forbidden');
    const p = await this.d.uow.read.catalog.findProduct(productId);
    if (!p) throw new AppError('catalog.product_not_found', { field: 'productId' });
    const userId = actor.userId;
    await this.d.uow.transaction((tx) =>
      tx.matching.insertEvents([
        { id: this.d.ids.next(), streamerUserId: userId, productId, kind: 'click', personalised, at: this.d.clock.now() },
      ]),
    );
  }

  /** The streamer's choice of ranking (电子商务法 第十八条): the non-personalised one when `personalised` is false. */
  async preference(actor: Actor): Promise<{ personalised: boolean }> {
    if (!actor.userId) throw new AppError('auth.forbidden');
    return { personalised: (await this.d.uow.read.matching.personalisation(actor.userId)) ?? true };
  }

  async setPreference(actor: Actor, personalised: boolean): Promise<{ personalised: boolean }> {
    if (actor.role !== 'streamer' || !actor.userId) throw new AppError('auth.forbidden');
    const userId = actor.userId;
    await this.d.uow.transaction(async (tx) => {
      await tx.matching.setPersonalisation(userId, personalised, this.d.clock.now());
      await this.d.audit.record(tx, actor, {
        action: 'matching.preference_set',
        targetType: 'user',
        targetId: userId,
        detail: { personalised },
      });
    });
    return { personalised };
  }

  /** Match activity of a base's hosted MCNs' streamers over the last `days` (impressions, clicks, invitations, agreements). */
  async activity(actor: Actor, days = 30): Promise<Array<MatchActivityRow & { displayName: string }>> {
    if (actor.role !== 'base_operator' && actor.role !== 'platform_admin') throw new AppError('auth.forbidden');
    const since = new Date(this.d.clock.now().getTime() - days * DAY);
    const visibleTo = actor.role === 'platform_admin' || !actor.orgId ? undefined : [actor.orgId];
    const mcns = (await this.d.uow.read.orgs.list({ kind: 'mcn', ...(visibleTo ? { visibleTo } : {}), limit: 1000 })).filter(
      (o) => visibleTo === undefined || o.parentId === actor.orgId,
    );
    if (mcns.length === 0) return [];
    const rows = await this.d.uow.read.matching.activityForStreamersOf(
      mcns.map((m) => m.id),
      since,
    );
    const names = await this.d.uow.read.names.namesOf(
      'users',
      rows.map((r) => r.partyId),
    );
    return rows.map((r) => ({ ...r, displayName: names.get(r.partyId) ?? '' }));
  }

  // ---- internals ----------------------------------------------------------------------------------------------------

  private snapshot(now: Date): Promise<MatchSnapshot> {
    return this.d.uow.read.matching.snapshot(now, new Date(now.getTime() - MATCH_HISTORY_DAYS * DAY));
  }

  /** The measures of each party's tier under the credit model in force (the asking streamer's full standing is added by `engine`). */
  private tierStanding(snap: MatchSnapshot): (id: string) => PartyStanding | undefined {
    const model = this.d.creditModel?.current();
    const tiers = new Map<string, 'A' | 'B' | 'C' | 'D'>();
    for (const s of snap.streamers) if (s.creditTier) tiers.set(s.userId, s.creditTier);
    for (const m of snap.merchants) if (m.creditTier) tiers.set(m.orgId, m.creditTier);
    return (id) => {
      const tier = tiers.get(id);
      if (!tier) return undefined;
      return { tier, measures: model ? measuresFor(tier, model).map((m) => m.code) : [] };
    };
  }

  private async engine(snap: MatchSnapshot, now: Date, streamerUserId: string | null): Promise<MatchingEngine> {
    const byTier = this.tierStanding(snap);
    let own: PartyStanding | undefined;
    if (streamerUserId && this.d.credit) {
      const s = await this.d.credit.standing(streamerUserId);
      own = { tier: s.tier, measures: s.measures.map((m) => m.code) };
    }
    const standing = (id: string) => (id === streamerUserId && own ? own : byTier(id));
    const { catalog, history } = toEngineInput(snap, standing, now);
    const model = this.model;
    const engine = MatchingEngine.build(catalog, { history, asOf: now.getTime(), factors: factorsFor(model?.factors ?? null, catalog) });
    // fresh events (新事件): a streamer with interactions newer than the model gets its vector re-solved from its
    // current pairs against the fixed product factors (the ALS fold-in), so a click re-ranks at the next query
    if (model && model.factors.dim > 0) {
      for (const s of freshStreamers(history, model.info.trainedAt.getTime()))
        if (engine.streamerIndex.has(s) && (streamerUserId === null || s === streamerUserId)) engine.foldIn(s, []);
    }
    return engine;
  }

  private assertMaySeeStreamer(actor: Actor, snap: MatchSnapshot, streamerUserId: string): void {
    const s = snap.streamers.find((x) => x.userId === streamerUserId);
    const may =
      s !== undefined &&
      (actor.role === 'platform_admin' ||
        actor.role === 'system' ||
        (actor.role === 'streamer' && actor.userId === streamerUserId) ||
        (actor.role === 'mcn_manager' && actor.orgId !== null && s.mcnOrgId === actor.orgId));
    if (!may) throw new AppError('matching.streamer_not_found', { field: 'streamerUserId' });
  }
}
