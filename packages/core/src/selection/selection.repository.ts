/** The selection center's repository port: plans, the listing read model, samples and agreements. */
import type {
  AgreementAcceptanceRecord,
  AgreementRecord,
  AgreementVersionRecord,
  ListingQuery,
  ListingRecord,
  PlanRecord,
  SampleRecord,
  SampleStatus,
} from './selection.types.ts';

export interface SelectionRepository {
  insertPlan(p: PlanRecord): Promise<void>;
  findPlan(id: string): Promise<PlanRecord | null>;
  updatePlan(id: string, patch: Partial<PlanRecord>): Promise<void>;
  listPlans(opts: {
    productIds?: string[];
    merchantOrgId?: string;
    status?: PlanRecord['status'];
    endsBefore?: Date;
    limit: number;
  }): Promise<PlanRecord[]>;
  /** serializes plan changes of one product inside the transaction (exclusive-plan conflicts) */
  lockProduct(productId: string): Promise<void>;
  upsertListing(l: ListingRecord): Promise<void>;
  deleteListing(productId: string): Promise<void>;
  findListing(productId: string): Promise<ListingRecord | null>;
  searchListings(q: ListingQuery): Promise<{ items: ListingRecord[]; total: number }>;
  insertSample(s: SampleRecord): Promise<void>;
  findSample(id: string): Promise<SampleRecord | null>;
  updateSample(s: SampleRecord, expectVersion: number): Promise<boolean>;
  listSamples(opts: {
    merchantOrgId?: string;
    streamerUserId?: string;
    mcnOrgId?: string;
    status?: SampleStatus[];
    overdue?: boolean;
    limit: number;
  }): Promise<SampleRecord[]>;
  countSamples(opts: { merchantOrgId?: string; streamerUserId?: string; status?: SampleStatus[] }): Promise<number>;
  /** received samples whose feature deadline has passed and that are not yet flagged */
  listSamplesDue(now: Date, limit: number): Promise<SampleRecord[]>;
  insertAgreement(a: AgreementRecord): Promise<void>;
  findAgreement(id: string): Promise<AgreementRecord | null>;
  updateAgreement(a: AgreementRecord, expectVersion: number): Promise<boolean>;
  listAgreements(opts: {
    merchantOrgId?: string;
    streamerUserId?: string;
    mcnOrgId?: string;
    status?: AgreementRecord['status'][];
    limit: number;
  }): Promise<AgreementRecord[]>;
  countAgreements(opts: { merchantOrgId?: string; streamerUserId?: string; status?: AgreementRecord['status'][] }): Promise<number>;
  /** agreements in force for the pair that cover `productId` at `at` */
  findInForce(q: { merchantOrgId: string; streamerUserId: string; productId: string; at: Date }): Promise<AgreementRecord | null>;
  /** versions are insert-only: there is no update */
  insertVersion(v: AgreementVersionRecord): Promise<void>;
  listVersions(agreementId: string): Promise<AgreementVersionRecord[]>;
  insertAcceptance(a: AgreementAcceptanceRecord): Promise<void>;
  listAcceptances(agreementId: string): Promise<AgreementAcceptanceRecord[]>;
  /** agreements in force whose end has passed */
  listAgreementsLapsed(now: Date, limit: number): Promise<AgreementRecord[]>;
}
