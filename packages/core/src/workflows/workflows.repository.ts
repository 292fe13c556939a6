/** The workflows context's storage port: applications, their timeline, joint-review votes, objections, documents. */
import type {
  ApplicationEventRecord,
  ApplicationFilter,
  ApplicationRecord,
  DocumentRecord,
  JointVoteRecord,
  ObjectionRecord,
} from './workflows.types.ts';

export interface WorkflowRepository {
  insertApplication(a: ApplicationRecord): Promise<void>;
  findApplication(id: string): Promise<ApplicationRecord | null>;
  /** writes the new state only if the stored version is `expectVersion`; returns whether it did */
  updateApplication(a: ApplicationRecord, expectVersion: number): Promise<boolean>;
  listApplications(f: ApplicationFilter): Promise<ApplicationRecord[]>;
  countApplications(f: Omit<ApplicationFilter, 'limit'>): Promise<number>;
  /** in-progress applications whose due time has passed (overdue tasks, elapsed notices) */
  listDue(now: Date, limit: number): Promise<ApplicationRecord[]>;
  appendEvent(e: ApplicationEventRecord): Promise<void>;
  listEvents(applicationId: string): Promise<ApplicationEventRecord[]>;
  insertVote(v: JointVoteRecord): Promise<void>;
  listVotes(applicationId: string, round: number): Promise<JointVoteRecord[]>;
  insertObjection(o: ObjectionRecord): Promise<void>;
  listObjections(applicationId: string): Promise<ObjectionRecord[]>;
  updateObjection(o: ObjectionRecord): Promise<void>;
  insertDocument(d: DocumentRecord): Promise<void>;
  findDocument(id: string): Promise<DocumentRecord | null>;
  attachDocument(applicationId: string, documentId: string, docType: string): Promise<void>;
  listApplicationDocuments(applicationId: string): Promise<DocumentRecord[]>;
}
