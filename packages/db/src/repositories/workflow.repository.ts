/** Drizzle implementation of the workflow repository port (applications, events, votes, objections, documents). */
import type {
  ApplicationEventRecord,
  ApplicationFilter,
  ApplicationRecord,
  DocumentRecord,
  JointVoteRecord,
  ObjectionRecord,
  WorkflowRepository,
} from '@livehub/core';
import { and, asc, desc, eq, inArray, isNotNull, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { countWhere } from './count-where.ts';
import { firstWhere } from './first-where.ts';
import { listWhere } from './list-where.ts';
import { updateAtVersion } from './update-at-version.ts';
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
    return updateAtVersion(this.db, applications, a.id, expectVersion, {
      step: a.step,
      status: a.status,
      round: a.round,
      data: a.data,
      stepEnteredAt: a.stepEnteredAt,
      dueAt: a.dueAt,
      version: a.version,
      updatedAt: a.updatedAt,
    });
  }
  async listApplications(f: ApplicationFilter): Promise<ApplicationRecord[]> {
    const rows = await this.db.select().from(applications).where(appFilter(f)).orderBy(desc(applications.updatedAt)).limit(f.limit);
    return rows.map(toApp);
  }
  async countApplications(f: Omit<ApplicationFilter, 'limit'>): Promise<number> {
    return countWhere(this.db, applications, appFilter(f));
  }
  async listDue(now: Date, limit: number): Promise<ApplicationRecord[]> {
    const rows = await listWhere(this.db, applications, {
      where: and(eq(applications.status, 'in_progress'), isNotNull(applications.dueAt), lt(applications.dueAt, now)),
      orderBy: [asc(applications.dueAt)],
      limit,
    });
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
    return (await firstWhere(this.db, documents, eq(documents.id, id))) as DocumentRecord | null;
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
