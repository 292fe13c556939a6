/**
 * The registry: who may do business in the live room, the context's one public entry. Merchants (统一社会信用代码,
 * licences, deposit), streamers (real name, ID number and age, professional licences, digital humans with a
 * responsible operator), live bases, MCNs and service providers, qualifications with expiry, training records,
 * uploaded documents. It delegates each job to its service: documents (document.service.ts), merchants
 * (merchant.service.ts), streamers (streamer.service.ts), bases (base.service.ts), MCNs and providers
 * (agency.service.ts), talent records (talent.service.ts), the gates other contexts call (gate.service.ts), the
 * expiry sweep (expiry.service.ts) and the lists and exports (directory.service.ts). Registration opens an
 * application in the approval engine; the engine's step effects (registry-hooks.ts) set what the subject may do.
 * Personal information is encrypted with the PII vault and leaves only masked, except in audited full views.
 */
import type { AuditService } from '../audit/audit.service.ts';
import type { UnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator, PiiVault } from '../ports/runtime.ts';
import { AppError } from '../errors.ts';
import type { Actor } from '../shared/actor.ts';
import type { WorkflowHooks, WorkflowService } from '../workflows/workflow.service.ts';
import type { ApplicationRecord, DocumentRecord } from '../workflows/workflows.types.ts';
import { AgencyService } from './agency.service.ts';
import { BaseService } from './base.service.ts';
import { DirectoryService } from './directory.service.ts';
import { type DocumentReadGrant, DocumentService, type UploadInput } from './document.service.ts';
import { ExpiryService, type SweepResult } from './expiry.service.ts';
import { GateService } from './gate.service.ts';
import { MerchantService } from './merchant.service.ts';
import { registryHooks } from './registry-hooks.ts';
import type { FileStore } from './registry.repository.ts';
import { maskStreamer } from './registry.rules.ts';
import type {
  BaseRegistration,
  Gate,
  MaskedBase,
  MaskedStreamer,
  MerchantRegistration,
  OrgRegistration,
  RegistryExport,
  RegistryExportKind,
  StreamerRegistration,
  TalentView,
  TrainingInput,
} from './registry.types.ts';
import { StreamerService } from './streamer.service.ts';
import { TalentService } from './talent.service.ts';

export interface RegistryDeps {
  /** the whole unit of work: registrations submit through the approval engine in their transaction (WorkflowDeps) */
  uow: UnitOfWork;
  clock: Clock;
  ids: IdGenerator;
  vault: PiiVault;
  audit: AuditService;
  files: FileStore;
  workflows: WorkflowService;
  /** 暂停直播 imposed by a case's decision (supervision): the live gate refuses the streamer while one is in force */
  liveHolds?: ((userId: string, at: Date) => Promise<{ until: Date } | null>) | undefined;
  /** other contexts' reasons to let someone read a document (a complaint's parties, its evidence) */
  readGrants?: readonly DocumentReadGrant[] | undefined;
}

export class RegistryService {
  private readonly documents: DocumentService;
  private readonly merchants: MerchantService;
  private readonly streamers: StreamerService;
  private readonly bases: BaseService;
  private readonly agencies: AgencyService;
  private readonly talentRecords: TalentService;
  private readonly gates: GateService;
  private readonly expiry: ExpiryService;
  private readonly directory: DirectoryService;
  private readonly decrypt: (cipher: string) => string;

  constructor(private readonly d: RegistryDeps) {
    const { uow, clock, ids, vault, audit, files, workflows } = d;
    this.decrypt = (cipher) => vault.decrypt(cipher);
    this.documents = new DocumentService({ uow, clock, ids, audit, files, readGrants: d.readGrants });
    const registration = { uow, clock, ids, vault, audit, documents: this.documents, workflows };
    this.merchants = new MerchantService(registration);
    this.streamers = new StreamerService(registration);
    this.bases = new BaseService(registration);
    this.agencies = new AgencyService({ uow, clock, ids, vault, audit });
    this.talentRecords = new TalentService({ uow, ids, audit });
    this.gates = new GateService({ uow, clock, talent: this.talentRecords, liveHolds: d.liveHolds });
    this.expiry = new ExpiryService({ uow, clock, ids, audit });
    this.directory = new DirectoryService({ uow, vault, audit });
  }

  // ---- documents ---------------------------------------------------------------------------------------------

  /** Stores an uploaded document after sniffing its content; the bytes go to the file store under their hash. */
  upload(actor: Actor, input: UploadInput): Promise<DocumentRecord> {
    return this.documents.upload(actor, input);
  }

  /** The document's bytes for an authorized reader: its uploader, its organization, reviewers and regulators. Audited. */
  download(actor: Actor, id: string): Promise<{ doc: DocumentRecord; bytes: Uint8Array; mime: string }> {
    return this.documents.download(actor, id);
  }

  /** A product image's bytes (not personal data: shown to whoever may see the product; not audited per view). */
  imageBytes(id: string): Promise<{ bytes: Uint8Array; mime: string } | null> {
    return this.documents.imageBytes(id);
  }

  // ---- registrations -----------------------------------------------------------------------------------------

  /** 商家入驻: creates (or reuses) the merchant organization, its profile, and the admission application. */
  registerMerchant(actor: Actor, input: MerchantRegistration): Promise<{ orgId: string; application: ApplicationRecord }> {
    return this.merchants.register(actor, input);
  }

  /** 主播认证: real name and ID number (check digit, age), licences, digital-human details; opens certification. */
  registerStreamer(actor: Actor, input: StreamerRegistration): Promise<{ application: ApplicationRecord }> {
    return this.streamers.register(actor, input);
  }

  /** 直播基地申报: the base operator applies; the application starts at 材料审查 by the commerce department. */
  registerBase(actor: Actor, input: BaseRegistration): Promise<{ orgId: string; application: ApplicationRecord }> {
    return this.bases.register(actor, input);
  }

  /** MCN机构登记: a new MCN organization (hosted by a base, optionally), its profile, and the caller as its manager. */
  registerMcn(actor: Actor, input: OrgRegistration): Promise<{ orgId: string }> {
    return this.agencies.registerMcn(actor, input);
  }

  /** 专业服务机构登记: supply-chain, data, technology, content or training services to the chain. */
  registerProvider(actor: Actor, input: OrgRegistration & { services: string[] }): Promise<{ orgId: string }> {
    return this.agencies.registerProvider(actor, input);
  }

  // ---- talent records (人才培训) -------------------------------------------------------------------------------

  /** Records a training course for a person: by the platform, the person's MCN, or the base hosting that MCN. */
  recordTraining(actor: Actor, input: TrainingInput): Promise<{ id: string }> {
    return this.talentRecords.recordTraining(actor, input);
  }

  /** A person's talent record, within the reader's scope. */
  talent(actor: Actor, userId: string): Promise<TalentView> {
    return this.talentRecords.talent(actor, userId);
  }

  // ---- reads, masked and full --------------------------------------------------------------------------------

  /** The caller's own streamer registration (masked) and whether they may go live now. */
  async myStreamer(actor: Actor): Promise<{ profile: MaskedStreamer | null; liveGate: Gate }> {
    const userId = actor.userId ?? '';
    const [p, liveGate] = await Promise.all([this.streamers.profile(userId), this.gates.liveGate(userId)]);
    return { profile: p ? maskStreamer(p, this.decrypt) : null, liveGate };
  }

  /** The unmasked identity of a streamer, for reviewers: every view is an audit entry (PIPL Art. 51). */
  streamerFullView(actor: Actor, userId: string, purpose: string): Promise<{ userId: string; realName: string; idNumber: string }> {
    return this.streamers.fullView(actor, userId, purpose);
  }

  /** Certified (and downgraded) live bases, masked: the public list. */
  publicBases(): Promise<MaskedBase[]> {
    return this.directory.publicBases();
  }

  /** Certified streamers, masked: the public list. */
  publicStreamers(): Promise<Array<MaskedStreamer & { displayName: string }>> {
    return this.directory.publicStreamers();
  }

  /** A regulator's export of one kind of record, masked, read and audited in one transaction. */
  export(actor: Actor, kind: RegistryExportKind): Promise<RegistryExport> {
    return this.directory.export(actor, kind);
  }

  // ---- gates ---------------------------------------------------------------------------------------------------

  /** Whether a streamer may start a live session now, and why not. The live context calls this before going live. */
  liveGate(userId: string): Promise<Gate> {
    return this.gates.liveGate(userId);
  }

  /** The live gate as an API answer: for the streamer, the platform and regulators, and the managers of their MCN or base. */
  liveGateFor(actor: Actor, userId: string): Promise<Gate> {
    return this.gates.liveGateFor(actor, userId);
  }

  /** Whether a merchant may list products now (the catalog calls this). */
  listingGate(orgId: string): Promise<Gate> {
    return this.gates.listingGate(orgId);
  }

  /** The listing gate as an API answer: for the merchant's own staff, the platform and regulators. */
  listingGateFor(actor: Actor, orgId: string): Promise<Gate> {
    return this.gates.listingGateFor(actor, orgId);
  }

  // ---- time and the approval engine -------------------------------------------------------------------------------

  /** 撤销认证 by a case's decision (supervision): the streamer's certification is revoked now; audited. */
  async revokeStreamer(actor: Actor, userId: string, reason: string): Promise<void> {
    await this.d.uow.transaction(async (tx) => {
      const p = await tx.registry.findStreamer(userId);
      if (!p) throw new AppError('registry.not_found', { field: 'userId' });
      if (p.status === 'revoked') return;
      await tx.registry.updateStreamer(userId, { status: 'revoked' });
      await this.d.audit.record(tx, actor, {
        action: 'streamer.revoke',
        targetType: 'user',
        targetId: userId,
        detail: { reason, before: p.status },
      });
    });
  }

  /** The expiry sweep (qualifications, merchants they suspend, lapsed streamers); idempotent. */
  sweep(now?: Date): Promise<SweepResult> {
    return this.expiry.sweep(now);
  }

  /** What entering each step means for the subject of each kind of application. */
  hooks(): Record<string, WorkflowHooks> {
    return registryHooks(this.d.vault);
  }
}
