/**
 * Drizzle implementation of the campaigns port (活动与节庆). A second enrolment of a product or a session in one
 * campaign is refused by the unique indexes (SQLSTATE 23505), answered as `campaigns.already_enrolled`.
 */
import {
  AppError,
  type CampaignListing,
  type CampaignRecord,
  type CampaignRepository,
  type CampaignStatus,
  type EnrolmentRecord,
  type EnrolmentStatus,
} from '@livehub/core';
import { and, asc, desc, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { campaignEnrolments, campaigns } from '../schema/campaigns.ts';
import { categories } from '../schema/catalog.ts';
import { organizations } from '../schema/identity.ts';

function pgCode(e: unknown): string | undefined {
  for (let cur = e, depth = 0; cur && typeof cur === 'object' && depth < 5; cur = (cur as { cause?: unknown }).cause, depth++) {
    const c = (cur as { code?: unknown }).code;
    if (typeof c === 'string' && /^[0-9A-Z]{5}$/.test(c)) return c;
  }
  return undefined;
}

const listing = { c: campaigns, organiserName: organizations.name };

export class DrizzleCampaignRepository implements CampaignRepository {
  constructor(private readonly db: Db) {}

  private async named(rows: Array<{ c: typeof campaigns.$inferSelect; organiserName: string | null }>): Promise<CampaignListing[]> {
    const ids = [...new Set(rows.flatMap((r) => r.c.categoryIds))];
    const names = new Map<string, string>();
    if (ids.length > 0)
      for (const c of await this.db
        .select({ id: categories.id, nameZh: categories.nameZh })
        .from(categories)
        .where(inArray(categories.id, ids)))
        names.set(c.id, c.nameZh);
    return rows.map((r) => ({
      ...(r.c as CampaignRecord),
      organiserName: r.organiserName ?? '',
      categoryNames: r.c.categoryIds.map((id) => names.get(id) ?? id),
    }));
  }

  async insertCampaign(c: CampaignRecord): Promise<void> {
    await this.db.insert(campaigns).values(c);
  }
  async updateCampaign(
    id: string,
    patch: Partial<Omit<CampaignRecord, 'id' | 'organiserOrgId' | 'createdBy' | 'createdAt'>>,
  ): Promise<void> {
    await this.db.update(campaigns).set(patch).where(eq(campaigns.id, id));
  }
  async findCampaign(id: string, opts: { lock?: boolean } = {}): Promise<CampaignListing | null> {
    if (opts.lock) await this.db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.id, id)).for('update');
    const rows = await this.db
      .select(listing)
      .from(campaigns)
      .leftJoin(organizations, eq(organizations.id, campaigns.organiserOrgId))
      .where(eq(campaigns.id, id))
      .limit(1);
    return (await this.named(rows))[0] ?? null;
  }
  async listCampaigns(opts: {
    organiserOrgId?: string | undefined;
    statuses?: readonly CampaignStatus[] | undefined;
    limit: number;
  }): Promise<CampaignListing[]> {
    const where: SQL[] = [];
    if (opts.organiserOrgId) where.push(eq(campaigns.organiserOrgId, opts.organiserOrgId));
    if (opts.statuses) where.push(inArray(campaigns.status, [...opts.statuses]));
    const rows = await this.db
      .select(listing)
      .from(campaigns)
      .leftJoin(organizations, eq(organizations.id, campaigns.organiserOrgId))
      .where(and(...where))
      .orderBy(desc(campaigns.startsAt), asc(campaigns.id))
      .limit(opts.limit);
    return this.named(rows);
  }
  async insertEnrolment(e: EnrolmentRecord): Promise<void> {
    try {
      await this.db.insert(campaignEnrolments).values(e);
    } catch (err) {
      if (pgCode(err) === '23505')
        throw new AppError('campaigns.already_enrolled', { field: e.kind === 'product' ? 'productId' : 'sessionId', cause: err });
      throw err;
    }
  }
  async findEnrolment(id: string): Promise<EnrolmentRecord | null> {
    const [row] = await this.db.select().from(campaignEnrolments).where(eq(campaignEnrolments.id, id)).limit(1);
    return (row as EnrolmentRecord | undefined) ?? null;
  }
  async decideEnrolment(
    id: string,
    patch: Pick<EnrolmentRecord, 'status' | 'decisionReason' | 'decidedBy' | 'decidedAt' | 'updatedAt'>,
  ): Promise<boolean> {
    const rows = await this.db
      .update(campaignEnrolments)
      .set(patch)
      .where(and(eq(campaignEnrolments.id, id), eq(campaignEnrolments.status, 'pending')))
      .returning({ id: campaignEnrolments.id });
    return rows.length > 0;
  }
  async listEnrolments(opts: {
    campaignId?: string | undefined;
    partyIds?: string[] | undefined;
    statuses?: readonly EnrolmentStatus[] | undefined;
    limit: number;
  }): Promise<EnrolmentRecord[]> {
    const where: SQL[] = [];
    if (opts.campaignId) where.push(eq(campaignEnrolments.campaignId, opts.campaignId));
    if (opts.partyIds) {
      if (opts.partyIds.length === 0) return [];
      const party = or(inArray(campaignEnrolments.partyId, opts.partyIds), inArray(campaignEnrolments.partyOrgId, opts.partyIds));
      if (party) where.push(party);
    }
    if (opts.statuses) where.push(inArray(campaignEnrolments.status, [...opts.statuses]));
    const order = opts.campaignId ? asc(campaignEnrolments.createdAt) : desc(campaignEnrolments.createdAt);
    const rows = await this.db
      .select()
      .from(campaignEnrolments)
      .where(and(...where))
      .orderBy(order, asc(campaignEnrolments.id))
      .limit(opts.limit);
    return rows as EnrolmentRecord[];
  }
  async campaignsOfSession(sessionId: string): Promise<CampaignListing[]> {
    const rows = await this.db
      .select(listing)
      .from(campaignEnrolments)
      .innerJoin(campaigns, eq(campaigns.id, campaignEnrolments.campaignId))
      .leftJoin(organizations, eq(organizations.id, campaigns.organiserOrgId))
      .where(
        and(
          eq(campaignEnrolments.sessionId, sessionId),
          eq(campaignEnrolments.status, 'approved'),
          inArray(campaigns.status, ['published', 'running']),
        ),
      )
      .orderBy(asc(campaigns.startsAt));
    return this.named(rows);
  }
}
