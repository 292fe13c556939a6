/** Records, inputs and views of the registry: merchants, streamers (incl. digital humans), live bases, MCNs, qualifications. */

export type MerchantStatus = 'pending' | 'admitted' | 'suspended' | 'revoked' | 'rejected';
export type StreamerStatus = 'pending' | 'certified' | 'suspended' | 'expired' | 'revoked' | 'rejected';
export type BaseStatus = 'pending' | 'certified' | 'downgraded' | 'revoked' | 'rejected';

export interface MerchantProfileRecord {
  orgId: string;
  creditCode: string;
  legalName: string;
  legalRepresentative: string;
  contactPhoneEnc: string | null;
  addressEnc: string | null;
  categories: string[];
  depositFen: number;
  status: MerchantStatus;
  statusReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface StreamerProfileRecord {
  userId: string;
  realNameEnc: string;
  idNumberEnc: string;
  idNumberIndex: string;
  birthYear: number;
  mcnOrgId: string | null;
  topics: string[];
  marketerLevel: string | null;
  virtual: 'no' | 'yes';
  operatorUserId: string | null;
  virtualLabel: string | null;
  status: StreamerStatus;
  statusReason: string | null;
  certifiedUntil: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface BaseProfileRecord {
  orgId: string;
  addressEnc: string;
  district: string;
  areaM2: number;
  operatorName: string;
  focus: string | null;
  level: 'municipal' | 'district' | null;
  status: BaseStatus;
  certifiedUntil: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface QualificationRecord {
  id: string;
  ownerOrgId: string | null;
  ownerUserId: string | null;
  type: string;
  number: string | null;
  documentId: string | null;
  issuedAt: Date | null;
  expiresAt: Date | null;
  status: 'valid' | 'expiring' | 'expired';
  createdAt: Date;
}

export interface TrainingRecord {
  id: string;
  userId: string;
  course: string;
  hours: number;
  completedAt: Date;
  documentId: string | null;
}

export interface McnProfileRecord {
  orgId: string;
  creditCode: string;
  legalName: string;
  legalRepresentative: string;
  contactPhoneEnc: string;
  hostBaseOrgId: string | null;
  createdAt: Date;
}

export interface ProviderProfileRecord {
  orgId: string;
  creditCode: string;
  legalName: string;
  services: string[];
  contactPhoneEnc: string;
  hostBaseOrgId: string | null;
  createdAt: Date;
}

export interface DocRef {
  id: string;
  docType: string;
}

export interface MerchantRegistration {
  name: string;
  creditCode: string;
  legalRepresentative: string;
  contactPhone: string;
  address: string;
  district?: string | undefined;
  categories: string[];
  depositFen: number;
  documents: DocRef[];
  qualifications?: Array<{ type: string; number?: string | undefined; documentId: string; expiresAt?: string | undefined }> | undefined;
}

export interface OrgRegistration {
  name: string;
  creditCode: string;
  legalRepresentative?: string | undefined;
  contactPhone: string;
  hostBaseOrgId?: string | undefined;
}

export interface StreamerRegistration {
  realName: string;
  idNumber: string;
  mcnOrgId?: string | undefined;
  topics: string[];
  marketerLevel?: string | undefined;
  virtual?: { operatorUserId: string; label: string; likenessConsentDocId: string } | undefined;
  documents: DocRef[];
}

export interface BaseRegistration {
  name: string;
  address: string;
  district: string;
  areaM2: number;
  operatorName: string;
  focus?: string | undefined;
  documents: DocRef[];
}

export interface TrainingInput {
  userId: string;
  course: string;
  hours: number;
  completedAt: Date;
  documentId?: string | undefined;
}

/** May the subject do it now, and if not, why not (the gates other contexts call). */
export interface Gate {
  allowed: boolean;
  reasons: string[];
}

/** A streamer's profile as lists show it: name and ID number masked, dates as ISO strings. */
export type MaskedStreamer = Pick<
  StreamerProfileRecord,
  'userId' | 'birthYear' | 'mcnOrgId' | 'topics' | 'marketerLevel' | 'operatorUserId' | 'virtualLabel' | 'status' | 'statusReason'
> & { realName: string; idNumber: string; virtual: boolean; certifiedUntil: string | null };

/** A merchant's profile as lists show it: representative, phone and address masked. */
export type MaskedMerchant = Pick<
  MerchantProfileRecord,
  'orgId' | 'creditCode' | 'legalName' | 'legalRepresentative' | 'categories' | 'depositFen' | 'status' | 'statusReason'
> & { contactPhone: string | null; address: string | null };

/** A live base's profile as the public list shows it: address and operator masked. */
export type MaskedBase = Pick<BaseProfileRecord, 'orgId' | 'district' | 'areaM2' | 'operatorName' | 'focus' | 'level' | 'status'> & {
  name: string | null;
  address: string;
  certifiedUntil: string | null;
};

/** A person's talent record: 互联网营销师 level and training. */
export interface TalentView {
  userId: string;
  displayName: string;
  marketerLevel: string | null;
  streamerStatus: StreamerStatus | null;
  training: Array<{ id: string; course: string; hours: number; completedAt: string }>;
  totalHours: number;
}

export type RegistryExportKind = 'bases' | 'streamers' | 'merchants';

/** What a regulator's export holds, masked: one kind of record, with the names the rows show. */
export type RegistryExport =
  | { kind: 'bases'; rows: MaskedBase[] }
  | { kind: 'streamers'; rows: Array<MaskedStreamer & { displayName: string; mcnName: string | null }> }
  | { kind: 'merchants'; rows: Array<MaskedMerchant & { createdAt: Date }> };
