/** The registry's ports: what its services need from storage (packages/db implements them) and the file store. */
import type {
  BaseProfileRecord,
  BaseStatus,
  McnProfileRecord,
  MerchantProfileRecord,
  MerchantStatus,
  ProviderProfileRecord,
  QualificationRecord,
  StreamerProfileRecord,
  StreamerStatus,
  TrainingRecord,
} from './registry.types.ts';

export interface RegistryRepository {
  insertMcn(m: McnProfileRecord): Promise<void>;
  findMcn(orgId: string): Promise<McnProfileRecord | null>;
  insertProvider(p: ProviderProfileRecord): Promise<void>;
  findProvider(orgId: string): Promise<ProviderProfileRecord | null>;
  /** any registry record (merchant, MCN, provider) holding this credit code, named for a 409 */
  findByCreditCode(code: string): Promise<{ kind: 'merchant' | 'mcn' | 'provider'; orgId: string; legalName: string } | null>;
  insertMerchant(m: MerchantProfileRecord): Promise<void>;
  findMerchant(orgId: string): Promise<MerchantProfileRecord | null>;
  findMerchantByCreditCode(code: string): Promise<MerchantProfileRecord | null>;
  /** the 统一社会信用代码 and legal name of each merchant or MCN among `orgIds`, in two queries (others left out) */
  creditCodesOf(orgIds: readonly string[]): Promise<Map<string, { creditCode: string; legalName: string }>>;
  updateMerchant(orgId: string, patch: Partial<MerchantProfileRecord>): Promise<void>;
  listMerchants(opts: { status?: MerchantStatus[]; limit: number }): Promise<MerchantProfileRecord[]>;
  insertStreamer(s: StreamerProfileRecord): Promise<void>;
  findStreamer(userId: string): Promise<StreamerProfileRecord | null>;
  findStreamerByIdIndex(index: string): Promise<StreamerProfileRecord | null>;
  updateStreamer(userId: string, patch: Partial<StreamerProfileRecord>): Promise<void>;
  listStreamers(opts: {
    status?: StreamerStatus[];
    mcnOrgIds?: string[];
    limit: number;
  }): Promise<Array<StreamerProfileRecord & { displayName: string }>>;
  insertBase(b: BaseProfileRecord): Promise<void>;
  findBase(orgId: string): Promise<BaseProfileRecord | null>;
  updateBase(orgId: string, patch: Partial<BaseProfileRecord>): Promise<void>;
  listBases(opts: { status?: BaseStatus[]; limit: number }): Promise<Array<BaseProfileRecord & { name: string }>>;
  insertQualification(q: QualificationRecord): Promise<void>;
  listQualifications(owner: { orgId?: string; userId?: string }): Promise<QualificationRecord[]>;
  /** qualifications whose expiry is before `before` and whose status is not yet `status` */
  listQualificationsExpiring(before: Date, notStatus: QualificationRecord['status'], limit: number): Promise<QualificationRecord[]>;
  updateQualification(id: string, status: QualificationRecord['status']): Promise<void>;
  insertTraining(t: TrainingRecord): Promise<void>;
  listTraining(userId: string): Promise<TrainingRecord[]>;
  /** certified streamers whose certification has lapsed */
  listStreamersLapsed(now: Date, limit: number): Promise<StreamerProfileRecord[]>;
}

/** Where uploaded documents' bytes live: local disk by default; object storage in production. */
export interface FileStore {
  put(key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<Uint8Array>;
}
