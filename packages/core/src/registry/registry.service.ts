/**
 * The registry: who may do business in the live room. Merchants (统一社会信用代码, licences, deposit), streamers
 * (real name, ID number and age, professional licences, digital humans with a responsible operator), live bases,
 * qualifications with expiry, training records, uploaded documents. Registration opens an application in the
 * approval engine; the engine's step effects (hooks below) set what the subject may do. Personal information is
 * encrypted with the PII vault and leaves only masked, except in audited full views.
 */
import { DOCUMENT_KINDS } from '@livehub/contracts';
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { Repositories, UnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator, PiiVault } from '../ports/runtime.ts';
import { type Actor, isCrossTenant } from '../shared/actor.ts';
import { sha256Hex } from '../shared/hash.ts';
import { maskAddress, maskIdNumber, maskPhone } from '../shared/masking.ts';
import type { AutomaticResult, CreditInquiryPort, WorkflowHooks, WorkflowService } from '../workflows/workflow.service.ts';
import type { ApplicationRecord, DocumentRecord } from '../workflows/workflows.types.ts';
import { chinaDate, expiryProblem, isPersonalDocument, mayReadDocument } from './document-rules.ts';
import { type DocumentType, MIME_BY_TYPE, validateUpload } from './file-sniff.ts';
import { streamerAgeRule, validateCreditCode, validateIdNumber, validateMobile } from './identifiers.ts';
import type { BaseProfileRecord, FileStore, MerchantProfileRecord, QualificationRecord, StreamerProfileRecord } from './registry.types.ts';

/** Kinds of uploaded document: one vocabulary, shared with the API (packages/contracts). */
export const DOCUMENT_TYPES = DOCUMENT_KINDS;
export type DocumentKind = (typeof DOCUMENT_TYPES)[number];

/** Topics whose content needs a professional licence on file (网络主播行为规范, 2022). */
export const LICENSED_TOPICS = ['medicine', 'finance', 'law', 'education'] as const;
const TOPIC_ZH: Record<string, string> = { medicine: '医疗卫生', finance: '财经金融', law: '法律', education: '教育' };

const CATEGORY_QUALIFICATIONS: ReadonlyArray<readonly [string, string, string]> = [
  ['food', 'food_licence', '食品'],
  ['health_food', 'food_licence', '保健食品'],
  ['agri', 'food_licence', '农产品（食用）'],
  ['cosmetics', 'cosmetics_filing', '化妆品'],
];

const RETENTION_MS = 3 * 366 * 86_400_000;
const CERTIFICATION_MS = 365 * 86_400_000;
const WARN_BEFORE_MS = 30 * 86_400_000;
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export interface RegistryDeps {
  uow: UnitOfWork;
  clock: Clock;
  ids: IdGenerator;
  vault: PiiVault;
  audit: AuditService;
  files: FileStore;
  workflows: WorkflowService;
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

export class RegistryService {
  constructor(private readonly d: RegistryDeps) {}

  // ---- documents ---------------------------------------------------------------------------------------------

  /** Stores an uploaded document after sniffing its content; the bytes go to the file store under their hash. */
  async upload(
    actor: Actor,
    input: { bytes: Uint8Array; filename: string; contentType?: string | undefined; docType: string; expiresAt?: Date | undefined },
  ): Promise<DocumentRecord> {
    if (!actor.userId) throw new AppError('auth.required');
    if (!(DOCUMENT_TYPES as readonly string[]).includes(input.docType)) throw new AppError('document.type_invalid', { field: 'docType' });
    const v = validateUpload(
      input.bytes,
      { filename: input.filename, ...(input.contentType ? { contentType: input.contentType } : {}) },
      { maxBytes: MAX_UPLOAD_BYTES },
    );
    if (!v.ok) {
      const code =
        v.reason === 'empty'
          ? 'document.empty'
          : v.reason === 'too_large'
            ? 'document.too_large'
            : v.reason === 'type_mismatch'
              ? 'document.type_mismatch'
              : v.reason === 'malformed'
                ? 'document.malformed'
                : 'document.unsupported_type';
      throw new AppError(code, { field: 'file', details: { maxMb: MAX_UPLOAD_BYTES / 1048576 } });
    }
    if (input.expiresAt) {
      const problem = expiryProblem(input.expiresAt, this.d.clock.now());
      if (problem) throw new AppError(problem, { field: 'expiresAt', details: { date: chinaDate(input.expiresAt) } });
    }
    const sha = sha256Hex(Buffer.from(input.bytes).toString('latin1'));
    const key = `${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}.${v.type}`;
    await this.d.files.put(key, input.bytes);
    const now = this.d.clock.now();
    const doc: DocumentRecord = {
      id: this.d.ids.next(),
      // A personal document (ID card, licence of a person…) belongs to the person, never to their organization.
      ownerOrgId: isPersonalDocument(input.docType) ? null : actor.orgId,
      ownerUserId: actor.userId,
      uploadedBy: actor.userId,
      docType: input.docType,
      fileType: v.type,
      size: v.size,
      sha256: sha,
      storageKey: key,
      filename: input.filename.slice(0, 200),
      expiresAt: input.expiresAt ?? null,
      retainUntil: new Date(now.getTime() + RETENTION_MS),
      createdAt: now,
    };
    await this.d.uow.transaction(async (tx) => {
      await tx.workflows.insertDocument(doc);
      await this.d.audit.record(tx, actor, {
        action: 'document.upload',
        targetType: 'document',
        targetId: doc.id,
        detail: { docType: doc.docType, fileType: doc.fileType, size: doc.size, sha256: sha },
      });
    });
    return doc;
  }

  /** The document's bytes for an authorized reader: its uploader, its organization, reviewers and regulators. Audited. */
  async download(actor: Actor, id: string): Promise<{ doc: DocumentRecord; bytes: Uint8Array; mime: string }> {
    const doc = await this.d.uow.read.workflows.findDocument(id);
    if (!doc) throw new AppError('document.not_found', { field: 'id' });
    if (!mayReadDocument(actor, doc)) throw new AppError('document.not_found', { field: 'id' });
    const bytes = await this.d.files.get(doc.storageKey);
    await this.d.uow.transaction((tx) =>
      this.d.audit.record(tx, actor, {
        action: 'document.download',
        targetType: 'document',
        targetId: doc.id,
        detail: { docType: doc.docType, sha256: doc.sha256 },
      }),
    );
    return { doc, bytes, mime: MIME_BY_TYPE[doc.fileType as DocumentType] };
  }

  /** A product image's bytes (not personal data: shown to whoever may see the product; not audited per view). */
  async imageBytes(id: string): Promise<{ bytes: Uint8Array; mime: string } | null> {
    const doc = await this.d.uow.read.workflows.findDocument(id);
    if (!doc || doc.fileType === 'pdf') return null;
    return { bytes: await this.d.files.get(doc.storageKey), mime: MIME_BY_TYPE[doc.fileType as DocumentType] };
  }

  private async requireDocs(tx: Repositories, actor: Actor, refs: DocRef[], field = 'documents'): Promise<void> {
    for (const [i, ref] of refs.entries()) {
      const doc = await tx.workflows.findDocument(ref.id);
      // Only one's own uploads can be attached: someone else's document id is not found.
      if (!doc || (doc.uploadedBy !== actor.userId && actor.role !== 'platform_admin'))
        throw new AppError('document.not_found', { field: `${field}.${i}.id` });
      if (doc.docType !== ref.docType) throw new AppError('document.type_invalid', { field: `${field}.${i}.docType` });
    }
  }

  // ---- merchants ---------------------------------------------------------------------------------------------

  /** 商家入驻: creates (or reuses) the merchant organization, its profile, and the admission application. */
  async registerMerchant(actor: Actor, input: MerchantRegistration): Promise<{ orgId: string; application: ApplicationRecord }> {
    if (!actor.userId) throw new AppError('auth.required');
    const code = validateCreditCode(input.creditCode);
    if (!code.ok) throw new AppError('registry.credit_code_invalid', { field: 'creditCode', details: { reason: code.message.zh } });
    const phone = validateMobile(input.contactPhone);
    if (!phone.ok) throw new AppError('request.invalid', { field: 'contactPhone', details: { issue: phone.message.zh } });
    // Category qualifications (网络直播营销选品规范 Art. 4–6): food needs a food licence, cosmetics a filing.
    for (const [category, docType, zh] of CATEGORY_QUALIFICATIONS) {
      if (input.categories.includes(category) && !input.documents.some((x) => x.docType === docType)) {
        throw new AppError('registry.qualification_required', { field: 'documents', details: { category: zh, document: docType } });
      }
    }
    const now = this.d.clock.now();
    for (const [i, q] of (input.qualifications ?? []).entries()) {
      if (!q.expiresAt) continue;
      const at = new Date(`${q.expiresAt}T23:59:59+08:00`);
      const problem = expiryProblem(at, now);
      if (problem) throw new AppError(problem, { field: `qualifications.${i}.expiresAt`, details: { date: q.expiresAt } });
    }
    return this.d.uow.transaction(async (tx) => {
      const existing = await tx.registry.findMerchantByCreditCode(code.code);
      if (existing)
        throw new AppError('registry.duplicate', {
          field: 'creditCode',
          details: { what: `统一社会信用代码 ${code.code}`, existing: existing.legalName },
        });
      await this.requireDocs(tx, actor, input.documents);
      let orgId = actor.role === 'merchant_staff' ? actor.orgId : null;
      if (orgId && (await tx.registry.findMerchant(orgId))) orgId = null; // this organization is registered already: a new one
      if (!orgId) {
        if (await tx.orgs.findByKindAndName('merchant', input.name)) {
          throw new AppError('registry.duplicate', { field: 'name', details: { what: `商家名称 ${input.name}`, existing: input.name } });
        }
        orgId = this.d.ids.next();
        await tx.orgs.insert({
          id: orgId,
          kind: 'merchant',
          name: input.name,
          district: input.district ?? null,
          parentId: null,
          createdAt: now,
        });
        await tx.memberships.insert({
          id: this.d.ids.next(),
          userId: actor.userId as string,
          orgId,
          role: 'merchant_staff',
          departmentId: null,
          createdAt: now,
        });
      }
      const profile: MerchantProfileRecord = {
        orgId,
        creditCode: code.code,
        legalName: input.name,
        legalRepresentative: input.legalRepresentative,
        contactPhoneEnc: this.d.vault.encrypt(phone.mobile),
        addressEnc: this.d.vault.encrypt(input.address),
        categories: input.categories,
        depositFen: input.depositFen,
        status: 'pending',
        statusReason: null,
        createdAt: now,
        updatedAt: now,
      };
      await tx.registry.insertMerchant(profile);
      for (const q of input.qualifications ?? []) {
        await tx.registry.insertQualification({
          id: this.d.ids.next(),
          ownerOrgId: orgId,
          ownerUserId: null,
          type: q.type,
          number: q.number ?? null,
          documentId: q.documentId,
          issuedAt: null,
          expiresAt: q.expiresAt ? new Date(q.expiresAt) : null,
          status: 'valid',
          createdAt: now,
        });
      }
      await this.d.audit.record(
        tx,
        { ...actor, orgId },
        {
          action: 'merchant.register',
          targetType: 'organization',
          targetId: orgId,
          detail: { creditCode: code.code, name: input.name, phone: maskPhone(phone.mobile) },
        },
      );
      const application = await this.d.workflows.submit(
        tx,
        { ...actor, orgId },
        {
          kind: 'merchant_admission',
          subjectType: 'organization',
          subjectId: orgId,
          data: { name: input.name, creditCode: code.code, categories: input.categories, depositFen: input.depositFen },
          documents: input.documents,
        },
      );
      return { orgId, application };
    });
  }

  // ---- MCN agencies and service providers -------------------------------------------------------------------

  /** MCN机构登记: a new MCN organization (hosted by a base, optionally), its profile, and the caller as its manager. */
  async registerMcn(actor: Actor, input: OrgRegistration): Promise<{ orgId: string }> {
    return this.registerOrganization(actor, input, 'mcn');
  }

  /** 专业服务机构登记: supply-chain, data, technology, content or training services to the chain. */
  async registerProvider(actor: Actor, input: OrgRegistration & { services: string[] }): Promise<{ orgId: string }> {
    return this.registerOrganization(actor, input, 'service_provider');
  }

  private async registerOrganization(
    actor: Actor,
    input: OrgRegistration & { services?: string[] },
    kind: 'mcn' | 'service_provider',
  ): Promise<{ orgId: string }> {
    if (!actor.userId) throw new AppError('auth.required');
    const code = validateCreditCode(input.creditCode);
    if (!code.ok) throw new AppError('registry.credit_code_invalid', { field: 'creditCode', details: { reason: code.message.zh } });
    const phone = validateMobile(input.contactPhone);
    if (!phone.ok) throw new AppError('request.invalid', { field: 'contactPhone', details: { issue: phone.message.zh } });
    const now = this.d.clock.now();
    return this.d.uow.transaction(async (tx) => {
      const existing = await tx.registry.findByCreditCode(code.code);
      if (existing)
        throw new AppError('registry.duplicate', {
          field: 'creditCode',
          details: { what: `统一社会信用代码 ${code.code}`, existing: existing.legalName },
        });
      if (input.hostBaseOrgId) {
        const base = await tx.registry.findBase(input.hostBaseOrgId);
        if (!base || (base.status !== 'certified' && base.status !== 'downgraded'))
          throw new AppError('org.parent_invalid', { field: 'hostBaseOrgId' });
      }
      // an existing org of this kind run by the caller is reused; otherwise a new one with the caller as its manager
      let orgId = actor.role === (kind === 'mcn' ? 'mcn_manager' : 'provider_staff') ? actor.orgId : null;
      if (orgId && (kind === 'mcn' ? await tx.registry.findMcn(orgId) : await tx.registry.findProvider(orgId))) orgId = null;
      if (!orgId) {
        if (await tx.orgs.findByKindAndName(kind, input.name)) {
          throw new AppError('registry.duplicate', { field: 'name', details: { what: input.name, existing: input.name } });
        }
        orgId = this.d.ids.next();
        await tx.orgs.insert({ id: orgId, kind, name: input.name, district: null, parentId: input.hostBaseOrgId ?? null, createdAt: now });
        await tx.memberships.insert({
          id: this.d.ids.next(),
          userId: actor.userId as string,
          orgId,
          role: kind === 'mcn' ? 'mcn_manager' : 'provider_staff',
          departmentId: null,
          createdAt: now,
        });
      }
      const common = {
        orgId,
        creditCode: code.code,
        legalName: input.name,
        contactPhoneEnc: this.d.vault.encrypt(phone.mobile),
        hostBaseOrgId: input.hostBaseOrgId ?? null,
        createdAt: now,
      };
      if (kind === 'mcn') await tx.registry.insertMcn({ ...common, legalRepresentative: input.legalRepresentative ?? '' });
      else await tx.registry.insertProvider({ ...common, services: input.services ?? [] });
      await this.d.audit.record(
        tx,
        { ...actor, orgId },
        {
          action: `${kind}.register`,
          targetType: 'organization',
          targetId: orgId,
          detail: { creditCode: code.code, name: input.name, hostBaseOrgId: input.hostBaseOrgId ?? null, services: input.services ?? null },
        },
      );
      return { orgId };
    });
  }

  // ---- talent records (人才培训) -------------------------------------------------------------------------------

  /**
   * Records a training course for a person: by the platform, by the person's MCN, or by the base hosting that MCN.
   * Training records and the 互联网营销师 level make up the talent record the seeds ask bases to keep.
   */
  async recordTraining(
    actor: Actor,
    input: { userId: string; course: string; hours: number; completedAt: Date; documentId?: string | undefined },
  ): Promise<{ id: string }> {
    return this.d.uow.transaction(async (tx) => {
      if (!(await tx.users.findById(input.userId))) throw new AppError('user.not_found', { field: 'userId' });
      await this.requireTalentScope(tx, actor, input.userId);
      const id = this.d.ids.next();
      await tx.registry.insertTraining({
        id,
        userId: input.userId,
        course: input.course,
        hours: input.hours,
        completedAt: input.completedAt,
        documentId: input.documentId ?? null,
      });
      await this.d.audit.record(tx, actor, {
        action: 'talent.training',
        targetType: 'user',
        targetId: input.userId,
        detail: { course: input.course, hours: input.hours },
      });
      return { id };
    });
  }

  async talent(actor: Actor, userId: string) {
    const r = this.d.uow.read;
    const user = await r.users.findById(userId);
    if (!user) throw new AppError('user.not_found', { field: 'userId' });
    await this.requireTalentScope(r, actor, userId);
    const [profile, training] = await Promise.all([r.registry.findStreamer(userId), r.registry.listTraining(userId)]);
    return {
      userId,
      displayName: user.displayName,
      marketerLevel: profile?.marketerLevel ?? null,
      streamerStatus: profile?.status ?? null,
      training: training.map((t) => ({
        id: t.id,
        course: t.course,
        hours: t.hours,
        completedAt: t.completedAt.toISOString().slice(0, 10),
      })),
      totalHours: training.reduce((n, t) => n + t.hours, 0),
    };
  }

  /**
   * Platform and regulators see everyone; an MCN manager its own people; a base the people of the MCNs it hosts;
   * everyone else (a streamer, a merchant) only themselves — colleagues never read each other's records.
   */
  private async requireTalentScope(tx: Repositories, actor: Actor, userId: string): Promise<void> {
    if (isCrossTenant(actor)) return;
    if (actor.userId === userId) return;
    if (actor.role !== 'mcn_manager' && actor.role !== 'base_operator') throw new AppError('auth.tenant', { field: 'userId' });
    const ms = await tx.memberships.listForUser(userId);
    if (actor.orgId && ms.some((m) => m.orgId === actor.orgId)) return;
    if (actor.role === 'base_operator' && actor.orgId) {
      for (const m of ms) if ((await tx.orgs.findById(m.orgId))?.parentId === actor.orgId) return;
    }
    throw new AppError('auth.tenant', { field: 'userId' });
  }

  // ---- streamers ---------------------------------------------------------------------------------------------

  /** 主播认证: real name and ID number (check digit, age), licences, digital-human details; opens certification. */
  async registerStreamer(actor: Actor, input: StreamerRegistration): Promise<{ application: ApplicationRecord }> {
    const userId = actor.userId;
    if (!userId) throw new AppError('auth.required');
    const now = this.d.clock.now();
    const id = validateIdNumber(input.idNumber, now);
    if (!id.ok) throw new AppError('registry.id_number_invalid', { field: 'idNumber', details: { reason: id.message.zh } });
    const rule = streamerAgeRule(id.age);
    if (rule === 'refused_under_16') throw new AppError('registry.under_16', { field: 'idNumber' });
    const has = (t: string) => input.documents.some((x) => x.docType === t);
    if (rule === 'guardian_consent_required' && !has('guardian_consent'))
      throw new AppError('registry.guardian_consent_required', { field: 'documents' });
    for (const topic of input.topics) {
      if ((LICENSED_TOPICS as readonly string[]).includes(topic) && !has('professional_licence')) {
        throw new AppError('registry.professional_licence_required', { field: 'documents', details: { topic: TOPIC_ZH[topic] ?? topic } });
      }
    }
    if (input.virtual && !input.documents.some((x) => x.id === input.virtual?.likenessConsentDocId && x.docType === 'likeness_consent')) {
      throw new AppError('registry.virtual_operator_required', { field: 'virtual.likenessConsentDocId' });
    }
    const index = this.d.vault.blindIndex(id.id);
    return this.d.uow.transaction(async (tx) => {
      const dup = await tx.registry.findStreamerByIdIndex(index);
      if (dup && dup.userId !== userId) {
        throw new AppError('registry.duplicate', {
          field: 'idNumber',
          details: { what: `身份证号 ${maskIdNumber(id.id)}`, existing: `主播 ${dup.userId.slice(0, 8)}` },
        });
      }
      const mine = await tx.registry.findStreamer(userId);
      if (mine && mine.status !== 'rejected' && mine.status !== 'revoked') {
        throw new AppError('registry.duplicate', { field: 'idNumber', details: { what: '主播认证', existing: mine.status } });
      }
      await this.requireDocs(tx, actor, input.documents);
      if (input.mcnOrgId) {
        const mcn = await tx.orgs.findById(input.mcnOrgId);
        if (mcn?.kind !== 'mcn') throw new AppError('org.not_found', { field: 'mcnOrgId' });
      }
      if (input.virtual && !(await tx.users.findById(input.virtual.operatorUserId)))
        throw new AppError('user.not_found', { field: 'virtual.operatorUserId' });
      const profile: StreamerProfileRecord = {
        userId,
        realNameEnc: this.d.vault.encrypt(input.realName),
        idNumberEnc: this.d.vault.encrypt(id.id),
        idNumberIndex: index,
        birthYear: Number(id.birthDate.slice(0, 4)),
        mcnOrgId: input.mcnOrgId ?? null,
        topics: input.topics,
        marketerLevel: input.marketerLevel ?? null,
        virtual: input.virtual ? 'yes' : 'no',
        operatorUserId: input.virtual?.operatorUserId ?? null,
        virtualLabel: input.virtual?.label ?? null,
        status: 'pending',
        statusReason: null,
        certifiedUntil: null,
        createdAt: now,
        updatedAt: now,
      };
      if (mine) await tx.registry.updateStreamer(userId, profile);
      else await tx.registry.insertStreamer(profile);
      await this.d.audit.record(tx, actor, {
        action: 'streamer.register',
        targetType: 'streamer',
        targetId: userId,
        detail: { idNumber: maskIdNumber(id.id), age: id.age, topics: input.topics, virtual: Boolean(input.virtual) },
      });
      const application = await this.d.workflows.submit(tx, actor, {
        kind: 'streamer_certification',
        subjectType: 'streamer',
        subjectId: userId,
        data: {
          age: id.age,
          ageRule: rule,
          topics: input.topics,
          virtual: Boolean(input.virtual),
          mcnOrgId: input.mcnOrgId ?? null,
          marketerLevel: input.marketerLevel ?? null,
        },
        documents: input.documents,
      });
      return { application };
    });
  }

  // ---- live bases --------------------------------------------------------------------------------------------

  /** 直播基地申报: the base operator applies; the application starts at 材料审查 by the commerce department. */
  async registerBase(actor: Actor, input: BaseRegistration): Promise<{ orgId: string; application: ApplicationRecord }> {
    if (!actor.userId) throw new AppError('auth.required');
    const now = this.d.clock.now();
    return this.d.uow.transaction(async (tx) => {
      await this.requireDocs(tx, actor, input.documents);
      let orgId = actor.role === 'base_operator' ? actor.orgId : null;
      const existingProfile = orgId ? await tx.registry.findBase(orgId) : null;
      if (existingProfile && existingProfile.status !== 'rejected' && existingProfile.status !== 'revoked') {
        throw new AppError('registry.duplicate', { field: 'name', details: { what: '直播基地', existing: existingProfile.status } });
      }
      if (!orgId) {
        const existing = await tx.orgs.findByKindAndName('live_base', input.name);
        if (existing)
          throw new AppError('registry.duplicate', { field: 'name', details: { what: `基地名称 ${input.name}`, existing: existing.name } });
        orgId = this.d.ids.next();
        await tx.orgs.insert({ id: orgId, kind: 'live_base', name: input.name, district: input.district, parentId: null, createdAt: now });
        await tx.memberships.insert({
          id: this.d.ids.next(),
          userId: actor.userId as string,
          orgId,
          role: 'base_operator',
          departmentId: null,
          createdAt: now,
        });
      }
      const profile: BaseProfileRecord = {
        orgId,
        addressEnc: this.d.vault.encrypt(input.address),
        district: input.district,
        areaM2: input.areaM2,
        operatorName: input.operatorName,
        focus: input.focus ?? null,
        level: null,
        status: 'pending',
        certifiedUntil: null,
        createdAt: now,
        updatedAt: now,
      };
      if (existingProfile) await tx.registry.updateBase(orgId, profile);
      else await tx.registry.insertBase(profile);
      await this.d.audit.record(
        tx,
        { ...actor, orgId },
        {
          action: 'base.register',
          targetType: 'organization',
          targetId: orgId,
          detail: { name: input.name, district: input.district, areaM2: input.areaM2 },
        },
      );
      const application = await this.d.workflows.submit(
        tx,
        { ...actor, orgId },
        {
          kind: 'base_certification',
          subjectType: 'organization',
          subjectId: orgId,
          data: {
            name: input.name,
            district: input.district,
            areaM2: input.areaM2,
            operatorName: input.operatorName,
            focus: input.focus ?? null,
          },
          documents: input.documents,
        },
      );
      return { orgId, application };
    });
  }

  // ---- reads, masked and full --------------------------------------------------------------------------------

  async streamerProfile(userId: string): Promise<StreamerProfileRecord | null> {
    return this.d.uow.read.registry.findStreamer(userId);
  }

  maskedStreamer(p: StreamerProfileRecord) {
    return {
      userId: p.userId,
      realName: maskName(this.d.vault.decrypt(p.realNameEnc)),
      idNumber: maskIdNumber(this.d.vault.decrypt(p.idNumberEnc)),
      birthYear: p.birthYear,
      mcnOrgId: p.mcnOrgId,
      topics: p.topics,
      marketerLevel: p.marketerLevel,
      virtual: p.virtual === 'yes',
      operatorUserId: p.operatorUserId,
      virtualLabel: p.virtualLabel,
      status: p.status,
      statusReason: p.statusReason,
      certifiedUntil: p.certifiedUntil?.toISOString() ?? null,
    };
  }

  maskedMerchant(p: MerchantProfileRecord) {
    return {
      orgId: p.orgId,
      creditCode: p.creditCode,
      legalName: p.legalName,
      legalRepresentative: maskName(p.legalRepresentative),
      contactPhone: p.contactPhoneEnc ? maskPhone(this.d.vault.decrypt(p.contactPhoneEnc)) : null,
      address: p.addressEnc ? maskAddress(this.d.vault.decrypt(p.addressEnc)) : null,
      categories: p.categories,
      depositFen: p.depositFen,
      status: p.status,
      statusReason: p.statusReason,
    };
  }

  maskedBase(p: BaseProfileRecord & { name?: string }) {
    return {
      orgId: p.orgId,
      name: p.name ?? null,
      address: maskAddress(this.d.vault.decrypt(p.addressEnc)),
      district: p.district,
      areaM2: p.areaM2,
      operatorName: maskName(p.operatorName),
      focus: p.focus,
      level: p.level,
      status: p.status,
      certifiedUntil: p.certifiedUntil?.toISOString() ?? null,
    };
  }

  /** The unmasked identity of a streamer, for reviewers: every view is an audit entry (PIPL Art. 51). */
  async streamerFullView(actor: Actor, userId: string, purpose: string) {
    const p = await this.d.uow.read.registry.findStreamer(userId);
    if (!p) throw new AppError('registry.not_found', { field: 'id' });
    await this.d.uow.transaction((tx) =>
      this.d.audit.record(tx, actor, {
        action: 'pii.view',
        targetType: 'streamer',
        targetId: userId,
        detail: { fields: ['realName', 'idNumber'], purpose },
      }),
    );
    return { userId, realName: this.d.vault.decrypt(p.realNameEnc), idNumber: this.d.vault.decrypt(p.idNumberEnc) };
  }

  // ---- gates ---------------------------------------------------------------------------------------------------

  /** Whether a streamer may start a live session now, and why not. The live context calls this before going live. */
  async liveGate(userId: string): Promise<{ allowed: boolean; reasons: string[] }> {
    const p = await this.d.uow.read.registry.findStreamer(userId);
    const now = this.d.clock.now();
    const reasons: string[] = [];
    if (!p) reasons.push('not_registered');
    else {
      if (p.status !== 'certified') reasons.push(`status_${p.status}`);
      if (p.status === 'certified' && p.certifiedUntil && p.certifiedUntil <= now) reasons.push('certification_expired');
      if (p.virtual === 'yes' && (!p.operatorUserId || !p.virtualLabel)) reasons.push('virtual_label_missing');
    }
    return { allowed: reasons.length === 0, reasons };
  }

  /** The live gate as an API answer: for the streamer, the platform and regulators, and the managers of their MCN or base. */
  async liveGateFor(actor: Actor, userId: string): Promise<{ allowed: boolean; reasons: string[] }> {
    await this.requireTalentScope(this.d.uow.read, actor, userId);
    return this.liveGate(userId);
  }

  /** The listing gate as an API answer: for the merchant's own staff, the platform and regulators. */
  async listingGateFor(actor: Actor, orgId: string): Promise<{ allowed: boolean; reasons: string[] }> {
    if (!isCrossTenant(actor) && !(actor.role === 'merchant_staff' && actor.orgId === orgId))
      throw new AppError('auth.tenant', { field: 'orgId' });
    return this.listingGate(orgId);
  }

  /** Whether a merchant may list products now (the catalog calls this). */
  async listingGate(orgId: string): Promise<{ allowed: boolean; reasons: string[] }> {
    const p = await this.d.uow.read.registry.findMerchant(orgId);
    const reasons: string[] = [];
    if (!p) reasons.push('not_registered');
    else if (p.status !== 'admitted') reasons.push(`status_${p.status}`);
    if (p) {
      const expired = (await this.d.uow.read.registry.listQualifications({ orgId })).filter((q) => q.status === 'expired');
      for (const q of expired) reasons.push(`qualification_expired:${q.type}`);
    }
    return { allowed: reasons.length === 0, reasons };
  }

  /**
   * Expiry sweep: qualifications within 30 days of expiry become `expiring` (a warning event); expired ones
   * become `expired` and suspend their merchant; lapsed streamer certifications expire. Idempotent; run by the
   * server hourly and by `livehub registry sweep`.
   */
  async sweep(
    now: Date = this.d.clock.now(),
  ): Promise<{ warned: number; expired: number; suspendedMerchants: number; lapsedStreamers: number }> {
    const r = { warned: 0, expired: 0, suspendedMerchants: 0, lapsedStreamers: 0 };
    const system: Actor = { userId: null, label: 'system:registry-sweep', orgId: null, membershipId: null, role: 'system', via: 'system' };
    await this.d.uow.transaction(async (tx) => {
      for (const q of await tx.registry.listQualificationsExpiring(now, 'expired', 500)) {
        await tx.registry.updateQualification(q.id, 'expired');
        r.expired++;
        if (q.ownerOrgId) {
          const m = await tx.registry.findMerchant(q.ownerOrgId);
          if (m && m.status === 'admitted') {
            await tx.registry.updateMerchant(q.ownerOrgId, {
              status: 'suspended',
              statusReason: `qualification_expired:${q.type}`,
              updatedAt: now,
            });
            r.suspendedMerchants++;
          }
        }
        await this.d.audit.record(tx, system, {
          action: 'qualification.expired',
          targetType: 'qualification',
          targetId: q.id,
          orgId: q.ownerOrgId,
          detail: { type: q.type },
        });
      }
      for (const q of await tx.registry.listQualificationsExpiring(new Date(now.getTime() + WARN_BEFORE_MS), 'expiring', 500)) {
        if (q.status !== 'valid') continue;
        await tx.registry.updateQualification(q.id, 'expiring');
        await tx.outbox.add({
          id: this.d.ids.next(),
          topic: 'registry.qualification_expiring',
          payload: { qualificationId: q.id, ownerOrgId: q.ownerOrgId, type: q.type, expiresAt: q.expiresAt?.toISOString() ?? null },
          createdAt: now,
          publishedAt: null,
        });
        r.warned++;
      }
      for (const s of await tx.registry.listStreamersLapsed(now, 500)) {
        await tx.registry.updateStreamer(s.userId, { status: 'expired', statusReason: 'certification_lapsed', updatedAt: now });
        await this.d.audit.record(tx, system, {
          action: 'streamer.expired',
          targetType: 'streamer',
          targetId: s.userId,
          orgId: s.mcnOrgId,
        });
        r.lapsedStreamers++;
      }
    });
    return r;
  }

  // ---- engine hooks ---------------------------------------------------------------------------------------------

  /** What entering each step means for the subject of each kind of application. */
  hooks(): Record<string, WorkflowHooks> {
    const vault = this.d.vault;
    return {
      merchant_admission: {
        onEnter: async (tx, app, step, now, detail) => {
          const status = ({ admitted: 'admitted', suspended: 'suspended', revoked: 'revoked', rejected: 'rejected' } as const)[
            step as 'admitted'
          ];
          if (status)
            await tx.registry.updateMerchant(app.subjectId, {
              status,
              statusReason: (detail.reason as string | undefined) ?? null,
              updatedAt: now,
            });
        },
      },
      streamer_certification: {
        onEnter: async (tx, app, step, now, detail) => {
          const reason = (detail.reason as string | undefined) ?? null;
          if (step === 'certified')
            await tx.registry.updateStreamer(app.subjectId, {
              status: 'certified',
              statusReason: reason,
              certifiedUntil: new Date(now.getTime() + CERTIFICATION_MS),
              updatedAt: now,
            });
          if (step === 'suspended' || step === 'revoked' || step === 'rejected')
            await tx.registry.updateStreamer(app.subjectId, { status: step, statusReason: reason, updatedAt: now });
          if (step === 'withdrawn')
            await tx.registry.updateStreamer(app.subjectId, { status: 'rejected', statusReason: 'withdrawn', updatedAt: now });
        },
        identityChecks: async (tx, app, now): Promise<AutomaticResult> => {
          const p = await tx.registry.findStreamer(app.subjectId);
          if (!p) return { ok: false, findings: { error: 'no profile' } };
          const id = validateIdNumber(vault.decrypt(p.idNumberEnc), now);
          if (!id.ok) return { ok: false, findings: { idNumber: id.reason } };
          const rule = streamerAgeRule(id.age);
          return {
            ok: rule !== 'refused_under_16',
            findings: { idNumber: 'valid', age: id.age, ageRule: rule, virtual: p.virtual === 'yes' },
          };
        },
      },
      base_certification: {
        onEnter: async (tx, app, step, now, detail) => {
          if (step === 'certified') {
            const downgrade = detail.action === 'downgrade';
            await tx.registry.updateBase(app.subjectId, {
              status: downgrade ? 'downgraded' : 'certified',
              level: downgrade ? 'district' : 'municipal',
              certifiedUntil: new Date(now.getTime() + CERTIFICATION_MS),
              updatedAt: now,
            });
          }
          if (step === 'revoked' || step === 'rejected') await tx.registry.updateBase(app.subjectId, { status: step, updatedAt: now });
        },
      },
    };
  }
}

/** 张三丰 → 张** ; keeps the surname, which the public list may show. */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(Math.min(chars.length - 1, 3))}`;
}

/**
 * The interim credit inquiry: confirmed violations of the last two years held by LiveHub's own compliance records.
 * A subject with a critical violation, or three or more serious ones, is flagged; the joint review sees the
 * findings. The credit context will replace this adapter.
 */
export class ViolationCreditInquiry implements CreditInquiryPort {
  constructor(private readonly clock: Clock) {}
  async inquire(tx: Repositories, subject: { type: string; id: string }): Promise<AutomaticResult> {
    const since = new Date(this.clock.now().getTime() - 2 * 366 * 86_400_000);
    const v = await tx.compliance.violationsFor(
      subject.type === 'streamer' ? { streamerUserId: subject.id } : { merchantOrgId: subject.id },
      since,
    );
    const critical = v.filter((x) => x.severity >= 4).length;
    const serious = v.filter((x) => x.severity === 3).length;
    const flagged = critical > 0 || serious >= 3;
    return {
      ok: true,
      findings: {
        source: 'livehub-violations',
        windowYears: 2,
        violations: v.length,
        critical,
        serious,
        rating: flagged ? 'attention' : 'good',
      },
    };
  }
}

export type { QualificationRecord };
