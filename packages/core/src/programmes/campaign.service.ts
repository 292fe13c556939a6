/**
 * 活动与节庆 (seeds 001, 002: 直播电商节, 网上年货节, 非遗直播季): a regulator, or a certified live base for the parties
 * it hosts, creates a campaign with its rules as data and publishes it; merchants enrol products and streamers / MCN
 * managers enrol scheduled live sessions until the deadline. Each enrolment is reviewed against the rules
 * automatically (campaign.rules.ts — a failing one is refused with every reason) and then approved or rejected by
 * the organiser with a reason. The tick starts and ends campaigns on their dates. docs/programmes.md.
 */
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import { type Actor, SYSTEM_ACTOR } from '../shared/actor.ts';
import {
  type CampaignAction,
  campaignInputProblem,
  campaignMove,
  dueMove,
  enrolmentOpen,
  productChecks,
  productReasons,
  sessionChecks,
  sessionReasons,
} from './campaign.rules.ts';
import type {
  CampaignInput,
  CampaignListing,
  CampaignRecord,
  CampaignSources,
  EnrolmentRecord,
  EnrolmentStatus,
} from './campaign.types.ts';

export interface CampaignDeps {
  uow: ScopedUnitOfWork<'campaigns' | 'audit' | 'outbox'>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  sources: CampaignSources;
}

type Tx = Parameters<Parameters<CampaignDeps['uow']['transaction']>[0]>[0];

export const CAMPAIGN_ORGANISERS = ['regulator', 'base_operator'] as const;
export const CAMPAIGN_ENROLLERS = ['merchant_staff', 'streamer', 'mcn_manager'] as const;

export class CampaignService {
  constructor(private readonly d: CampaignDeps) {}

  private organiser(actor: Actor): { orgId: string; userId: string; kind: CampaignRecord['organiserKind'] } {
    if (!actor.userId) throw new AppError('auth.required');
    if (!actor.orgId || (actor.role !== 'regulator' && actor.role !== 'base_operator')) throw new AppError('auth.forbidden');
    return { orgId: actor.orgId, userId: actor.userId, kind: actor.role === 'regulator' ? 'regulator' : 'live_base' };
  }

  /** the organiser's own campaign (another's is not found, as one that does not exist) */
  private async own(tx: Pick<Tx, 'campaigns'>, actor: Actor, id: string, lock = false): Promise<CampaignListing> {
    const { orgId } = this.organiser(actor);
    const c = await tx.campaigns.findCampaign(id, { lock });
    if (!c || c.organiserOrgId !== orgId) throw new AppError('campaigns.not_found', { field: 'id' });
    return c;
  }

  private check(input: CampaignInput): void {
    const problem = campaignInputProblem(input, this.d.clock.now());
    if (problem) throw new AppError(problem.code, { field: problem.field });
  }

  private clean(input: CampaignInput): CampaignInput {
    return {
      ...input,
      name: input.name.trim(),
      theme: input.theme.trim(),
      categoryIds: [...new Set(input.categoryIds)],
      districts: [...new Set(input.districts.map((d) => d.trim()).filter(Boolean))],
      rules: { ...input.rules, requiredLabel: input.rules.requiredLabel?.trim() || null },
    };
  }

  // ── the organiser ──────────────────────────────────────────────────────────────────────────

  async create(actor: Actor, input: CampaignInput): Promise<CampaignListing> {
    const who = this.organiser(actor);
    if (who.kind === 'live_base' && !(await this.d.sources.baseCertified(who.orgId))) throw new AppError('campaigns.base_not_certified');
    const clean = this.clean(input);
    this.check(clean);
    const now = this.d.clock.now();
    const c: CampaignRecord = {
      ...clean,
      id: this.d.ids.next(),
      organiserOrgId: who.orgId,
      organiserKind: who.kind,
      createdBy: who.userId,
      status: 'draft',
      cancelReason: null,
      createdAt: now,
      updatedAt: now,
    };
    await this.d.uow.transaction(async (tx) => {
      await tx.campaigns.insertCampaign(c);
      await this.d.audit.record(tx, actor, {
        action: 'campaign.create',
        targetType: 'campaign',
        targetId: c.id,
        detail: { name: c.name, startsAt: c.startsAt.toISOString(), endsAt: c.endsAt.toISOString() },
      });
    });
    return this.get(actor, c.id);
  }

  /** A draft may be changed; after publication the rules hold for everyone who enrolled under them. */
  async update(actor: Actor, id: string, input: CampaignInput): Promise<CampaignListing> {
    const clean = this.clean(input);
    this.check(clean);
    await this.d.uow.transaction(async (tx) => {
      const c = await this.own(tx, actor, id, true);
      if (!campaignMove(c.status, 'edit')) throw new AppError('campaigns.bad_state', { field: 'status' });
      await tx.campaigns.updateCampaign(id, { ...clean, updatedAt: this.d.clock.now() });
      await this.d.audit.record(tx, actor, {
        action: 'campaign.update',
        targetType: 'campaign',
        targetId: id,
        detail: { name: clean.name },
      });
    });
    return this.get(actor, id);
  }

  publish(actor: Actor, id: string): Promise<CampaignListing> {
    return this.move(actor, id, 'publish');
  }

  /** The organiser ends a running campaign early (the tick ends it at its end otherwise). */
  end(actor: Actor, id: string): Promise<CampaignListing> {
    return this.move(actor, id, 'end');
  }

  cancel(actor: Actor, id: string, reason: string): Promise<CampaignListing> {
    return this.move(actor, id, 'cancel', reason.trim());
  }

  private async move(actor: Actor, id: string, action: CampaignAction, reason?: string): Promise<CampaignListing> {
    await this.d.uow.transaction(async (tx) => {
      const c = await this.own(tx, actor, id, true);
      const to = campaignMove(c.status, action);
      if (!to) throw new AppError('campaigns.bad_state', { field: 'status' });
      if (action === 'publish') this.check(c);
      const now = this.d.clock.now();
      await tx.campaigns.updateCampaign(id, { status: to, updatedAt: now, ...(reason ? { cancelReason: reason } : {}) });
      await this.d.audit.record(tx, actor, {
        action: `campaign.${action}`,
        targetType: 'campaign',
        targetId: id,
        detail: { from: c.status, to, ...(reason ? { reason } : {}) },
      });
      await this.event(tx, `campaigns.${to}`, { campaignId: id, organiserOrgId: c.organiserOrgId, name: c.name }, now);
    });
    return this.get(actor, id);
  }

  async listOwn(actor: Actor): Promise<CampaignListing[]> {
    const { orgId } = this.organiser(actor);
    return this.d.uow.read.campaigns.listCampaigns({ organiserOrgId: orgId, limit: 200 });
  }

  async get(actor: Actor, id: string): Promise<CampaignListing> {
    return this.own(this.d.uow.read, actor, id);
  }

  async enrolments(actor: Actor, id: string): Promise<EnrolmentRecord[]> {
    await this.own(this.d.uow.read, actor, id);
    return this.d.uow.read.campaigns.listEnrolments({ campaignId: id, limit: 2000 });
  }

  /** The organiser approves or rejects a pending enrolment with a reason; approval reviews the rules again. */
  async decide(actor: Actor, enrolmentId: string, input: { approve: boolean; reason: string }): Promise<EnrolmentRecord> {
    const { userId } = this.organiser(actor);
    const e = await this.d.uow.read.campaigns.findEnrolment(enrolmentId);
    if (!e) throw new AppError('campaigns.enrolment_not_found', { field: 'id' });
    const c = await this.own(this.d.uow.read, actor, e.campaignId);
    if (c.status !== 'published' && c.status !== 'running') throw new AppError('campaigns.bad_state', { field: 'status' });
    if (input.approve) {
      const reasons = await this.reasonsFor(c, e);
      if (reasons.length > 0) throw refused(reasons, e.kind === 'product' ? 'productId' : 'sessionId');
    }
    const now = this.d.clock.now();
    const status: EnrolmentStatus = input.approve ? 'approved' : 'rejected';
    const patch = { status, decisionReason: input.reason.trim(), decidedBy: userId, decidedAt: now, updatedAt: now };
    return this.d.uow.transaction(async (tx) => {
      if (!(await tx.campaigns.decideEnrolment(enrolmentId, patch))) throw new AppError('campaigns.already_decided', { field: 'id' });
      await this.d.audit.record(tx, actor, {
        action: input.approve ? 'campaign.enrolment_approve' : 'campaign.enrolment_reject',
        targetType: 'campaign_enrolment',
        targetId: enrolmentId,
        detail: { campaignId: c.id, kind: e.kind, reason: patch.decisionReason },
      });
      const after = { ...e, ...patch };
      await this.event(
        tx,
        'campaigns.enrolment_decided',
        { enrolmentId, campaignId: c.id, status, enrolledBy: e.enrolledBy, partyId: e.partyId },
        now,
      );
      return after;
    });
  }

  // ── merchants, streamers and MCN managers ───────────────────────────────────────────────────

  /** Campaigns open for enrolment now (published or running, deadline not passed). */
  async open(actor: Actor): Promise<CampaignListing[]> {
    this.enroller(actor);
    const now = this.d.clock.now();
    const all = await this.d.uow.read.campaigns.listCampaigns({ statuses: ['published', 'running'], limit: 200 });
    return all.filter((c) => enrolmentOpen(c, now));
  }

  /** The caller's (or its organization's) enrolments, newest first, each with its campaign's name. */
  async myEnrolments(actor: Actor): Promise<Array<EnrolmentRecord & { campaignName: string }>> {
    const who = this.enroller(actor);
    const list = await this.d.uow.read.campaigns.listEnrolments({ partyIds: [who.partyId], limit: 500 });
    const names = new Map<string, string>();
    for (const id of new Set(list.map((e) => e.campaignId))) names.set(id, (await this.d.uow.read.campaigns.findCampaign(id))?.name ?? '');
    return list.map((e) => ({ ...e, campaignName: names.get(e.campaignId) ?? '' }));
  }

  async enrolProduct(
    actor: Actor,
    campaignId: string,
    input: { productId: string; cardLabel?: string | undefined },
  ): Promise<EnrolmentRecord> {
    const who = this.enroller(actor);
    if (actor.role !== 'merchant_staff') throw new AppError('campaigns.wrong_enroller', { field: 'productId' });
    const c = await this.openCampaign(campaignId);
    const product = await this.d.sources.product(input.productId);
    if (!product || product.merchantOrgId !== who.partyId) throw new AppError('campaigns.not_yours', { field: 'productId' });
    const merchant = await this.d.sources.merchant(product.merchantOrgId);
    if (!merchant) throw new AppError('campaigns.not_yours', { field: 'productId' });
    const cardLabel = input.cardLabel?.trim() || null;
    const reasons = productReasons(c, product, merchant, cardLabel);
    if (reasons.length > 0) throw refused(reasons, 'productId');
    return this.insert(actor, c, {
      kind: 'product',
      productId: product.id,
      sessionId: null,
      partyId: product.merchantOrgId,
      partyOrgId: product.merchantOrgId,
      subjectName: product.title,
      partyName: merchant.name,
      cardLabel,
      priceFen: product.skus.length > 0 ? Math.min(...product.skus.map((s) => s.priceFen)) : null,
      checks: productChecks(c),
    });
  }

  async enrolSession(actor: Actor, campaignId: string, input: { sessionId: string }): Promise<EnrolmentRecord> {
    const who = this.enroller(actor);
    if (actor.role === 'merchant_staff') throw new AppError('campaigns.wrong_enroller', { field: 'sessionId' });
    const c = await this.openCampaign(campaignId);
    const [session] = await this.d.sources.sessions([input.sessionId]);
    const mine = session && (actor.role === 'streamer' ? session.streamerUserId === actor.userId : session.mcnOrgId === who.partyId);
    if (!session || !mine) throw new AppError('campaigns.not_yours', { field: 'sessionId' });
    const streamer = await this.d.sources.streamer(session.streamerUserId, session.mcnOrgId);
    if (!streamer) throw new AppError('campaigns.not_yours', { field: 'sessionId' });
    const reasons = sessionReasons(c, session, streamer);
    if (reasons.length > 0) throw refused(reasons, 'sessionId');
    return this.insert(actor, c, {
      kind: 'session',
      productId: null,
      sessionId: session.id,
      partyId: session.streamerUserId,
      partyOrgId: session.mcnOrgId,
      subjectName: session.title,
      partyName: streamer.name,
      cardLabel: null,
      priceFen: null,
      checks: sessionChecks(c),
    });
  }

  /** Time-driven: published campaigns start at their start, running ones end at their end. Idempotent. */
  async sweep(at?: Date): Promise<{ campaignsStarted: number; campaignsEnded: number }> {
    const now = at ?? this.d.clock.now();
    let started = 0;
    let ended = 0;
    const due = await this.d.uow.read.campaigns.listCampaigns({ statuses: ['published', 'running'], limit: 500 });
    for (const c of due) {
      const to = dueMove(c, now);
      if (!to) continue;
      await this.d.uow.transaction(async (tx) => {
        const cur = await tx.campaigns.findCampaign(c.id, { lock: true });
        if (!cur || cur.status !== c.status) return;
        await tx.campaigns.updateCampaign(c.id, { status: to, updatedAt: now });
        await this.d.audit.record(tx, SYSTEM_ACTOR, {
          action: to === 'running' ? 'campaign.start' : 'campaign.end',
          targetType: 'campaign',
          targetId: c.id,
          detail: { from: c.status, to },
        });
        await this.event(tx, `campaigns.${to}`, { campaignId: c.id, organiserOrgId: c.organiserOrgId, name: c.name }, now);
        if (to === 'running') started++;
        else ended++;
      });
    }
    return { campaignsStarted: started, campaignsEnded: ended };
  }

  // ── helpers ────────────────────────────────────────────────────────────────────────────────

  private enroller(actor: Actor): { userId: string; partyId: string } {
    if (!actor.userId) throw new AppError('auth.required');
    if (!(CAMPAIGN_ENROLLERS as readonly string[]).includes(actor.role)) throw new AppError('auth.forbidden');
    const partyId = actor.role === 'streamer' ? actor.userId : actor.orgId;
    if (!partyId) throw new AppError('auth.forbidden');
    return { userId: actor.userId, partyId };
  }

  private async openCampaign(id: string): Promise<CampaignListing> {
    const c = await this.d.uow.read.campaigns.findCampaign(id);
    if (!c || c.status === 'draft') throw new AppError('campaigns.not_found', { field: 'campaignId' });
    if (!enrolmentOpen(c, this.d.clock.now())) throw new AppError('campaigns.enrolment_closed', { field: 'campaignId' });
    return c;
  }

  private async reasonsFor(c: CampaignListing, e: EnrolmentRecord): Promise<string[]> {
    if (e.kind === 'product' && e.productId) {
      const product = await this.d.sources.product(e.productId);
      const merchant = product ? await this.d.sources.merchant(product.merchantOrgId) : null;
      return product && merchant ? productReasons(c, product, merchant, e.cardLabel) : ['商品已不存在'];
    }
    const [session] = await this.d.sources.sessions(e.sessionId ? [e.sessionId] : []);
    const streamer = session ? await this.d.sources.streamer(session.streamerUserId, session.mcnOrgId) : null;
    return session && streamer ? sessionReasons(c, session, streamer) : ['直播场次已不存在'];
  }

  private async insert(
    actor: Actor,
    c: CampaignListing,
    e: Omit<
      EnrolmentRecord,
      'id' | 'campaignId' | 'enrolledBy' | 'status' | 'decisionReason' | 'decidedBy' | 'decidedAt' | 'createdAt' | 'updatedAt'
    >,
  ): Promise<EnrolmentRecord> {
    const now = this.d.clock.now();
    const rec: EnrolmentRecord = {
      ...e,
      id: this.d.ids.next(),
      campaignId: c.id,
      enrolledBy: actor.userId ?? '',
      status: 'pending',
      decisionReason: null,
      decidedBy: null,
      decidedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    return this.d.uow.transaction(async (tx) => {
      await tx.campaigns.insertEnrolment(rec);
      await this.d.audit.record(tx, actor, {
        action: 'campaign.enrol',
        targetType: 'campaign_enrolment',
        targetId: rec.id,
        detail: { campaignId: c.id, kind: rec.kind, productId: rec.productId, sessionId: rec.sessionId },
      });
      await this.event(
        tx,
        'campaigns.enrolled',
        { enrolmentId: rec.id, campaignId: c.id, organiserOrgId: c.organiserOrgId, kind: rec.kind },
        now,
      );
      return rec;
    });
  }

  private async event(tx: Pick<Tx, 'outbox'>, topic: string, payload: Record<string, unknown>, now: Date): Promise<void> {
    await tx.outbox.add({ id: this.d.ids.next(), topic, payload, createdAt: now, publishedAt: null });
  }
}

/** 400 `campaigns.rules_failed` naming every violated rule (in the message and in `details.reasons`) */
function refused(reasons: string[], field: string): AppError {
  return new AppError('campaigns.rules_failed', { field, details: { reasons: reasons.join('；'), list: reasons } });
}
