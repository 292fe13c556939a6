/**
 * 活动与节庆 — what a campaign adds up to: live totals while it runs (sessions, viewers, GMV, orders, complaints of
 * its approved sessions, through the live, orders and disputes contexts' readers), the after-action report once it
 * has ended (the server renders it as XLSX and PDF), the public campaign page and the campaigns a room is in.
 */
import { AppError } from '../errors.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import type { CampaignListing, CampaignReport, CampaignSources, CampaignTotals, PublicCampaign } from './campaign.types.ts';

export interface CampaignReportDeps {
  uow: ScopedUnitOfWork<'campaigns'>;
  clock: Clock;
  sources: CampaignSources;
}

const PUBLIC: ReadonlySet<string> = new Set(['published', 'running', 'ended']);

export class CampaignReportService {
  constructor(private readonly d: CampaignReportDeps) {}

  private async own(actor: Actor, id: string): Promise<CampaignListing> {
    if (!actor.orgId || (actor.role !== 'regulator' && actor.role !== 'base_operator')) throw new AppError('auth.forbidden');
    const c = await this.d.uow.read.campaigns.findCampaign(id);
    if (!c || c.organiserOrgId !== actor.orgId) throw new AppError('campaigns.not_found', { field: 'id' });
    return c;
  }

  async totals(actor: Actor, id: string): Promise<CampaignTotals> {
    return this.totalsOf(await this.own(actor, id));
  }

  /** The after-action report: the campaign, its totals and every enrolment; only once it has ended. */
  async report(actor: Actor, id: string): Promise<CampaignReport> {
    const c = await this.own(actor, id);
    if (c.status !== 'ended') throw new AppError('campaigns.not_ended', { field: 'status' });
    const [totals, enrolments] = await Promise.all([
      this.totalsOf(c),
      this.d.uow.read.campaigns.listEnrolments({ campaignId: id, limit: 5000 }),
    ]);
    return { campaign: c, totals, enrolments };
  }

  private async totalsOf(c: CampaignListing): Promise<CampaignTotals> {
    const approved = await this.d.uow.read.campaigns.listEnrolments({ campaignId: c.id, statuses: ['approved'], limit: 5000 });
    const sessionIds = approved.flatMap((e) => (e.sessionId ? [e.sessionId] : []));
    const names = new Map(approved.map((e) => [e.sessionId ?? e.productId, e.partyName]));
    const sessions = await this.d.sources.sessions(sessionIds);
    const complaints = await this.d.sources.complaints(sessionIds, c.startsAt, new Date(c.endsAt.getTime() + 30 * 86_400_000));
    const perSession = sessions.map((s) => ({
      sessionId: s.id,
      title: s.title,
      streamerName: names.get(s.id) ?? '',
      studio: s.studio,
      status: s.status,
      peakViewers: s.peakViewers,
      orders: s.orders,
      gmvFen: s.gmvFen,
      complaints: complaints.get(s.id) ?? 0,
    }));
    const sum = (k: 'peakViewers' | 'orders' | 'gmvFen' | 'complaints') => perSession.reduce((n, s) => n + s[k], 0);
    return {
      campaignId: c.id,
      status: c.status,
      sessions: perSession.length,
      liveSessions: perSession.filter((s) => s.status === 'live').length,
      endedSessions: perSession.filter((s) => s.status === 'ended').length,
      products: approved.filter((e) => e.kind === 'product').length,
      peakViewers: sum('peakViewers'),
      orders: sum('orders'),
      gmvFen: sum('gmvFen'),
      complaints: sum('complaints'),
      perSession,
      generatedAt: this.d.clock.now(),
    };
  }

  // ── public (no sign-in) ─────────────────────────────────────────────────────────────────────

  /** Published, running and recently ended campaigns, for consumers. */
  async publicList(): Promise<CampaignListing[]> {
    return this.d.uow.read.campaigns.listCampaigns({ statuses: ['published', 'running', 'ended'], limit: 50 });
  }

  /** A campaign's public page: its live and upcoming rooms and its products (approved enrolments only). */
  async publicPage(id: string): Promise<PublicCampaign> {
    const c = await this.d.uow.read.campaigns.findCampaign(id);
    if (!c || !PUBLIC.has(c.status)) throw new AppError('campaigns.not_found', { field: 'id' });
    const approved = await this.d.uow.read.campaigns.listEnrolments({ campaignId: id, statuses: ['approved'], limit: 1000 });
    const sessions = await this.d.sources.sessions(approved.flatMap((e) => (e.sessionId ? [e.sessionId] : [])));
    const byId = new Map(sessions.map((s) => [s.id, s]));
    const rooms = approved
      .flatMap((e) => {
        const s = e.sessionId ? byId.get(e.sessionId) : undefined;
        return s && (s.status === 'live' || s.status === 'scheduled')
          ? [{ sessionId: s.id, title: s.title, streamerName: e.partyName, status: s.status, scheduledAt: s.scheduledAt }]
          : [];
      })
      .sort((a, b) => (a.status === b.status ? a.scheduledAt.getTime() - b.scheduledAt.getTime() : a.status === 'live' ? -1 : 1));
    const products = approved
      .filter((e) => e.kind === 'product' && e.productId)
      .map((e) => ({
        productId: e.productId as string,
        title: e.subjectName,
        merchantName: e.partyName,
        priceFen: e.priceFen,
        cardLabel: e.cardLabel,
      }));
    return { campaign: c, rooms, products };
  }

  /** The published or running campaigns a live session is approved in (the room's badge). */
  sessionCampaigns(sessionId: string): Promise<CampaignListing[]> {
    return this.d.uow.read.campaigns.campaignsOfSession(sessionId);
  }
}
