/** Drizzle implementation of the registry repository port (merchant, MCN, provider, streamer and base profiles). */
import type {
  BaseProfileRecord,
  BaseStatus,
  McnProfileRecord,
  MerchantProfileRecord,
  MerchantStatus,
  ProviderProfileRecord,
  QualificationRecord,
  RegistryRepository,
  StreamerProfileRecord,
  StreamerStatus,
  TrainingRecord,
} from '@livehub/core';
import { and, asc, desc, eq, inArray, isNotNull, lt, ne } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { firstWhere } from './first-where.ts';
import { listWhere } from './list-where.ts';
import { organizations, users } from '../schema/identity.ts';
import {
  baseProfiles,
  mcnProfiles,
  merchantProfiles,
  providerProfiles,
  qualifications,
  streamerProfiles,
  trainingRecords,
} from '../schema/registry.ts';

export class DrizzleRegistryRepository implements RegistryRepository {
  constructor(private readonly db: Db) {}

  async insertMcn(m: McnProfileRecord): Promise<void> {
    await this.db.insert(mcnProfiles).values(m);
  }
  async findMcn(orgId: string): Promise<McnProfileRecord | null> {
    return firstWhere(this.db, mcnProfiles, eq(mcnProfiles.orgId, orgId));
  }
  async insertProvider(p: ProviderProfileRecord): Promise<void> {
    await this.db.insert(providerProfiles).values(p);
  }
  async findProvider(orgId: string): Promise<ProviderProfileRecord | null> {
    return firstWhere(this.db, providerProfiles, eq(providerProfiles.orgId, orgId));
  }
  async findByCreditCode(code: string) {
    const [m] = await this.db
      .select({ orgId: merchantProfiles.orgId, legalName: merchantProfiles.legalName })
      .from(merchantProfiles)
      .where(eq(merchantProfiles.creditCode, code))
      .limit(1);
    if (m) return { kind: 'merchant' as const, ...m };
    const [n] = await this.db
      .select({ orgId: mcnProfiles.orgId, legalName: mcnProfiles.legalName })
      .from(mcnProfiles)
      .where(eq(mcnProfiles.creditCode, code))
      .limit(1);
    if (n) return { kind: 'mcn' as const, ...n };
    const [p] = await this.db
      .select({ orgId: providerProfiles.orgId, legalName: providerProfiles.legalName })
      .from(providerProfiles)
      .where(eq(providerProfiles.creditCode, code))
      .limit(1);
    return p ? { kind: 'provider' as const, ...p } : null;
  }

  async insertMerchant(m: MerchantProfileRecord): Promise<void> {
    await this.db.insert(merchantProfiles).values(m);
  }
  async findMerchant(orgId: string): Promise<MerchantProfileRecord | null> {
    return firstWhere(this.db, merchantProfiles, eq(merchantProfiles.orgId, orgId));
  }
  async findMerchantByCreditCode(code: string): Promise<MerchantProfileRecord | null> {
    return firstWhere(this.db, merchantProfiles, eq(merchantProfiles.creditCode, code));
  }
  async creditCodesOf(orgIds: readonly string[]): Promise<Map<string, { creditCode: string; legalName: string }>> {
    const out = new Map<string, { creditCode: string; legalName: string }>();
    const ids = [...new Set(orgIds)];
    if (ids.length === 0) return out;
    const cols = (t: typeof merchantProfiles | typeof mcnProfiles) => ({
      orgId: t.orgId,
      creditCode: t.creditCode,
      legalName: t.legalName,
    });
    const merchants = await this.db.select(cols(merchantProfiles)).from(merchantProfiles).where(inArray(merchantProfiles.orgId, ids));
    const mcns = await this.db.select(cols(mcnProfiles)).from(mcnProfiles).where(inArray(mcnProfiles.orgId, ids));
    for (const r of [...mcns, ...merchants]) out.set(r.orgId, { creditCode: r.creditCode, legalName: r.legalName });
    return out;
  }
  async updateMerchant(orgId: string, patch: Partial<MerchantProfileRecord>): Promise<void> {
    await this.db.update(merchantProfiles).set(patch).where(eq(merchantProfiles.orgId, orgId));
  }
  async listMerchants(opts: { status?: MerchantStatus[]; limit: number }): Promise<MerchantProfileRecord[]> {
    return listWhere(this.db, merchantProfiles, {
      where: opts.status ? inArray(merchantProfiles.status, opts.status) : undefined,
      orderBy: [asc(merchantProfiles.createdAt)],
      limit: opts.limit,
    });
  }
  async insertStreamer(s: StreamerProfileRecord): Promise<void> {
    await this.db.insert(streamerProfiles).values(s);
  }
  async findStreamer(userId: string): Promise<StreamerProfileRecord | null> {
    return firstWhere(this.db, streamerProfiles, eq(streamerProfiles.userId, userId));
  }
  async findStreamerByIdIndex(index: string): Promise<StreamerProfileRecord | null> {
    return firstWhere(this.db, streamerProfiles, eq(streamerProfiles.idNumberIndex, index));
  }
  async updateStreamer(userId: string, patch: Partial<StreamerProfileRecord>): Promise<void> {
    await this.db.update(streamerProfiles).set(patch).where(eq(streamerProfiles.userId, userId));
  }
  async listStreamers(opts: { status?: StreamerStatus[]; mcnOrgIds?: string[]; limit: number }) {
    const rows = await this.db
      .select({ s: streamerProfiles, displayName: users.displayName })
      .from(streamerProfiles)
      .innerJoin(users, eq(users.id, streamerProfiles.userId))
      .where(
        and(
          opts.status ? inArray(streamerProfiles.status, opts.status) : undefined,
          opts.mcnOrgIds ? inArray(streamerProfiles.mcnOrgId, opts.mcnOrgIds) : undefined,
        ),
      )
      .orderBy(asc(streamerProfiles.createdAt))
      .limit(opts.limit);
    return rows.map((r) => ({ ...r.s, displayName: r.displayName }));
  }
  async insertBase(b: BaseProfileRecord): Promise<void> {
    await this.db.insert(baseProfiles).values(b);
  }
  async findBase(orgId: string): Promise<BaseProfileRecord | null> {
    return firstWhere(this.db, baseProfiles, eq(baseProfiles.orgId, orgId));
  }
  async updateBase(orgId: string, patch: Partial<BaseProfileRecord>): Promise<void> {
    await this.db.update(baseProfiles).set(patch).where(eq(baseProfiles.orgId, orgId));
  }
  async listBases(opts: { status?: BaseStatus[]; limit: number }) {
    const rows = await this.db
      .select({ b: baseProfiles, name: organizations.name })
      .from(baseProfiles)
      .innerJoin(organizations, eq(organizations.id, baseProfiles.orgId))
      .where(opts.status ? inArray(baseProfiles.status, opts.status) : undefined)
      .orderBy(asc(baseProfiles.createdAt))
      .limit(opts.limit);
    return rows.map((r) => ({ ...r.b, name: r.name }));
  }
  async insertQualification(q: QualificationRecord): Promise<void> {
    await this.db.insert(qualifications).values(q);
  }
  async listQualifications(owner: { orgId?: string; userId?: string }): Promise<QualificationRecord[]> {
    if (!owner.orgId && !owner.userId) return [];
    return this.db
      .select()
      .from(qualifications)
      .where(owner.orgId ? eq(qualifications.ownerOrgId, owner.orgId) : eq(qualifications.ownerUserId, owner.userId as string))
      .orderBy(asc(qualifications.expiresAt));
  }
  async listQualificationsExpiring(before: Date, notStatus: QualificationRecord['status'], limit: number): Promise<QualificationRecord[]> {
    return this.db
      .select()
      .from(qualifications)
      .where(
        and(
          isNotNull(qualifications.expiresAt),
          lt(qualifications.expiresAt, before),
          ne(qualifications.status, notStatus),
          ne(qualifications.status, 'expired'),
        ),
      )
      .orderBy(asc(qualifications.expiresAt))
      .limit(limit);
  }
  async updateQualification(id: string, status: QualificationRecord['status']): Promise<void> {
    await this.db.update(qualifications).set({ status }).where(eq(qualifications.id, id));
  }
  async insertTraining(t: TrainingRecord): Promise<void> {
    await this.db.insert(trainingRecords).values(t);
  }
  async listTraining(userId: string): Promise<TrainingRecord[]> {
    return this.db.select().from(trainingRecords).where(eq(trainingRecords.userId, userId)).orderBy(desc(trainingRecords.completedAt));
  }
  async listStreamersLapsed(now: Date, limit: number): Promise<StreamerProfileRecord[]> {
    return this.db
      .select()
      .from(streamerProfiles)
      .where(
        and(eq(streamerProfiles.status, 'certified'), isNotNull(streamerProfiles.certifiedUntil), lt(streamerProfiles.certifiedUntil, now)),
      )
      .limit(limit);
  }
}
