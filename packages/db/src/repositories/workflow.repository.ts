/** Drizzle implementations of the workflow and registry repository ports. */
import type {
  ApplicationEventRecord,
  ApplicationFilter,
  ApplicationRecord,
  BaseProfileRecord,
  BaseStatus,
  DocumentRecord,
  JointVoteRecord,
  McnProfileRecord,
  MerchantProfileRecord,
  MerchantStatus,
  ObjectionRecord,
  ProviderProfileRecord,
  QualificationRecord,
  RegistryRepository,
  StreamerProfileRecord,
  StreamerStatus,
  TrainingRecord,
  WorkflowRepository,
} from '@livehub/core';
import { and, asc, count, desc, eq, inArray, isNotNull, lt, ne, type SQL } from 'drizzle-orm';
import type { Db } from '../db.ts';
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
import { applicationDocuments, applicationEvents, applications, documents, jointVotes, objections } from '../schema/workflows.ts';

type AppRow = typeof applications.$inferSelect;
const toApp = (r: AppRow): ApplicationRecord => r as ApplicationRecord;

function appFilter(f: Omit<ApplicationFilter, 'limit'>): SQL | undefined {
  return and(
    f.kind ? eq(applications.kind, f.kind) : undefined,
    f.steps ? inArray(applications.step, f.steps) : undefined,
    f.status ? inArray(applications.status, f.status) : undefined,
    f.applicantUserId ? eq(applications.applicantUserId, f.applicantUserId) : undefined,
    f.applicantOrgId ? eq(applications.applicantOrgId, f.applicantOrgId) : undefined,
    f.subjectId ? eq(applications.subjectId, f.subjectId) : undefined,
  );
}

export class DrizzleWorkflowRepository implements WorkflowRepository {
  constructor(private readonly db: Db) {}

  async insertApplication(a: ApplicationRecord): Promise<void> {
    await this.db.insert(applications).values(a);
  }
  async findApplication(id: string): Promise<ApplicationRecord | null> {
    const [row] = await this.db.select().from(applications).where(eq(applications.id, id)).limit(1);
    return row ? toApp(row) : null;
  }
  async updateApplication(a: ApplicationRecord, expectVersion: number): Promise<boolean> {
    const rows = await this.db
      .update(applications)
      .set({
        step: a.step,
        status: a.status,
        round: a.round,
        data: a.data,
        stepEnteredAt: a.stepEnteredAt,
        dueAt: a.dueAt,
        version: a.version,
        updatedAt: a.updatedAt,
      })
      .where(and(eq(applications.id, a.id), eq(applications.version, expectVersion)))
      .returning({ id: applications.id });
    return rows.length === 1;
  }
  async listApplications(f: ApplicationFilter): Promise<ApplicationRecord[]> {
    const rows = await this.db.select().from(applications).where(appFilter(f)).orderBy(desc(applications.updatedAt)).limit(f.limit);
    return rows.map(toApp);
  }
  async countApplications(f: Omit<ApplicationFilter, 'limit'>): Promise<number> {
    const [row] = await this.db.select({ n: count() }).from(applications).where(appFilter(f));
    return row?.n ?? 0;
  }
  async listDue(now: Date, limit: number): Promise<ApplicationRecord[]> {
    const rows = await this.db
      .select()
      .from(applications)
      .where(and(eq(applications.status, 'in_progress'), isNotNull(applications.dueAt), lt(applications.dueAt, now)))
      .orderBy(asc(applications.dueAt))
      .limit(limit);
    return rows.map(toApp);
  }
  async appendEvent(e: ApplicationEventRecord): Promise<void> {
    await this.db.insert(applicationEvents).values(e);
  }
  async listEvents(applicationId: string): Promise<ApplicationEventRecord[]> {
    return this.db
      .select()
      .from(applicationEvents)
      .where(eq(applicationEvents.applicationId, applicationId))
      .orderBy(asc(applicationEvents.seq));
  }
  async insertVote(v: JointVoteRecord): Promise<void> {
    await this.db.insert(jointVotes).values(v);
  }
  async listVotes(applicationId: string, round: number): Promise<JointVoteRecord[]> {
    return this.db
      .select()
      .from(jointVotes)
      .where(and(eq(jointVotes.applicationId, applicationId), eq(jointVotes.round, round)))
      .orderBy(asc(jointVotes.at));
  }
  async insertObjection(o: ObjectionRecord): Promise<void> {
    await this.db.insert(objections).values(o);
  }
  async listObjections(applicationId: string): Promise<ObjectionRecord[]> {
    return this.db.select().from(objections).where(eq(objections.applicationId, applicationId)).orderBy(asc(objections.createdAt));
  }
  async updateObjection(o: ObjectionRecord): Promise<void> {
    await this.db
      .update(objections)
      .set({ status: o.status, resolvedBy: o.resolvedBy, resolvedAt: o.resolvedAt, resolution: o.resolution })
      .where(eq(objections.id, o.id));
  }
  async insertDocument(d: DocumentRecord): Promise<void> {
    await this.db.insert(documents).values(d);
  }
  async findDocument(id: string): Promise<DocumentRecord | null> {
    const [row] = await this.db.select().from(documents).where(eq(documents.id, id)).limit(1);
    return (row as DocumentRecord | undefined) ?? null;
  }
  async attachDocument(applicationId: string, documentId: string, docType: string): Promise<void> {
    await this.db.insert(applicationDocuments).values({ applicationId, documentId, docType }).onConflictDoNothing();
  }
  async listApplicationDocuments(applicationId: string): Promise<DocumentRecord[]> {
    const rows = await this.db
      .select({ d: documents })
      .from(applicationDocuments)
      .innerJoin(documents, eq(documents.id, applicationDocuments.documentId))
      .where(eq(applicationDocuments.applicationId, applicationId))
      .orderBy(asc(documents.createdAt));
    return rows.map((r) => r.d as DocumentRecord);
  }
}

export class DrizzleRegistryRepository implements RegistryRepository {
  constructor(private readonly db: Db) {}

  async insertMcn(m: McnProfileRecord): Promise<void> {
    await this.db.insert(mcnProfiles).values(m);
  }
  async findMcn(orgId: string): Promise<McnProfileRecord | null> {
    const [row] = await this.db.select().from(mcnProfiles).where(eq(mcnProfiles.orgId, orgId)).limit(1);
    return row ?? null;
  }
  async insertProvider(p: ProviderProfileRecord): Promise<void> {
    await this.db.insert(providerProfiles).values(p);
  }
  async findProvider(orgId: string): Promise<ProviderProfileRecord | null> {
    const [row] = await this.db.select().from(providerProfiles).where(eq(providerProfiles.orgId, orgId)).limit(1);
    return row ?? null;
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
    const [row] = await this.db.select().from(merchantProfiles).where(eq(merchantProfiles.orgId, orgId)).limit(1);
    return row ?? null;
  }
  async findMerchantByCreditCode(code: string): Promise<MerchantProfileRecord | null> {
    const [row] = await this.db.select().from(merchantProfiles).where(eq(merchantProfiles.creditCode, code)).limit(1);
    return row ?? null;
  }
  async updateMerchant(orgId: string, patch: Partial<MerchantProfileRecord>): Promise<void> {
    await this.db.update(merchantProfiles).set(patch).where(eq(merchantProfiles.orgId, orgId));
  }
  async listMerchants(opts: { status?: MerchantStatus[]; limit: number }): Promise<MerchantProfileRecord[]> {
    return this.db
      .select()
      .from(merchantProfiles)
      .where(opts.status ? inArray(merchantProfiles.status, opts.status) : undefined)
      .orderBy(asc(merchantProfiles.createdAt))
      .limit(opts.limit);
  }
  async insertStreamer(s: StreamerProfileRecord): Promise<void> {
    await this.db.insert(streamerProfiles).values(s);
  }
  async findStreamer(userId: string): Promise<StreamerProfileRecord | null> {
    const [row] = await this.db.select().from(streamerProfiles).where(eq(streamerProfiles.userId, userId)).limit(1);
    return row ?? null;
  }
  async findStreamerByIdIndex(index: string): Promise<StreamerProfileRecord | null> {
    const [row] = await this.db.select().from(streamerProfiles).where(eq(streamerProfiles.idNumberIndex, index)).limit(1);
    return row ?? null;
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
    const [row] = await this.db.select().from(baseProfiles).where(eq(baseProfiles.orgId, orgId)).limit(1);
    return row ?? null;
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
