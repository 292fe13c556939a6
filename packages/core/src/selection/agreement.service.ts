/**
 * Live service agreements (直播服务协议) between a merchant and a streamer, optionally with the streamer's MCN:
 * products and commission, the split between streamer and MCN, slot fee, dates and obligations (truthful claims,
 * no off-platform selling …). One party proposes a version — which counts as its acceptance — and the others
 * accept that exact version by its content hash. Versions are insert-only and hashed (SHA-256 over canonical
 * JSON); a version is in force once every party has accepted it, and the previous one stays in force until then.
 * The live room asks `inForce` before a product goes on a session.
 */
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { Repositories, ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import { isCrossTenant } from '../shared/actor.ts';
import { canonicalJson, sha256Hex } from '../shared/hash.ts';
import { partyScope } from './sample-flow.ts';
import type { SlotFeeMoney, SlotFeeScope } from './slot-fee.port.ts';
import type {
  AgreementDetail,
  AgreementRecord,
  AgreementTermsInput,
  AgreementVersionRecord,
  AgreementView,
  Party,
} from './selection.types.ts';

/** The products of the terms (catalog), the parties (registry) and their names (orgs, users) are read here. */
/** (`SlotFeeScope`: only handed to the settlement context's slot-fee port with the transaction) */
type AgreementScope = 'selection' | 'catalog' | 'registry' | 'orgs' | 'users' | 'audit' | SlotFeeScope;
type AgreementTx = Pick<Repositories, AgreementScope>;

export interface AgreementDeps {
  uow: ScopedUnitOfWork<AgreementScope>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  /** where slot fees (坑位费) move (the settlement context); none: not charged (unit tests) */
  slotFees?: SlotFeeMoney | undefined;
}

/** The hash a version is known by: over the parties and the terms, in canonical JSON. */
export function agreementHash(
  a: Pick<AgreementRecord, 'id' | 'merchantOrgId' | 'streamerUserId' | 'mcnOrgId'>,
  version: number,
  terms: unknown,
): string {
  return sha256Hex(
    canonicalJson({
      agreementId: a.id,
      version,
      merchantOrgId: a.merchantOrgId,
      streamerUserId: a.streamerUserId,
      mcnOrgId: a.mcnOrgId,
      terms,
    }),
  );
}

const CST_OFFSET = '+08:00';

export class AgreementService {
  constructor(private readonly d: AgreementDeps) {}

  partiesOf(a: AgreementRecord): Party[] {
    return a.mcnOrgId ? ['merchant', 'streamer', 'mcn'] : ['merchant', 'streamer'];
  }

  partyOf(actor: Actor, a: AgreementRecord): Party | null {
    if (actor.role === 'merchant_staff' && actor.orgId === a.merchantOrgId) return 'merchant';
    if (actor.role === 'streamer' && actor.userId === a.streamerUserId) return 'streamer';
    if (actor.role === 'mcn_manager' && a.mcnOrgId !== null && actor.orgId === a.mcnOrgId) return 'mcn';
    return null;
  }

  private async checkTerms(tx: AgreementTx, merchantOrgId: string, terms: AgreementTermsInput): Promise<Record<string, unknown>> {
    for (const [i, item] of terms.products.entries()) {
      const p = await tx.catalog.findProduct(item.productId);
      if (!p || p.merchantOrgId !== merchantOrgId)
        throw new AppError('catalog.product_not_found', { field: `terms.products.${i}.productId` });
      if (p.status !== 'approved')
        throw new AppError('selection.product_not_approved', { field: `terms.products.${i}.productId`, details: { status: p.status } });
    }
    const today = this.d.clock.now().toISOString().slice(0, 10);
    if (terms.endsOn < today) throw new AppError('request.invalid', { field: 'terms.endsOn', details: { issue: 'already over' } });
    // What is hashed is exactly what is stored: plain JSON, no undefined.
    return JSON.parse(JSON.stringify(terms)) as Record<string, unknown>;
  }

  /** Proposes an agreement: the merchant to a streamer, or a streamer to a merchant. The proposer's side accepts it. */
  async create(
    actor: Actor,
    input: { merchantOrgId?: string | undefined; streamerUserId?: string | undefined; withMcn: boolean; terms: AgreementTermsInput },
  ): Promise<AgreementView> {
    if (!actor.userId) throw new AppError('auth.required');
    let merchantOrgId: string;
    let streamerUserId: string;
    if (actor.role === 'merchant_staff' && actor.orgId) {
      if (!input.streamerUserId) throw new AppError('request.invalid', { field: 'streamerUserId', details: { issue: 'required' } });
      merchantOrgId = actor.orgId;
      streamerUserId = input.streamerUserId;
    } else if (actor.role === 'streamer') {
      if (!input.merchantOrgId) throw new AppError('request.invalid', { field: 'merchantOrgId', details: { issue: 'required' } });
      merchantOrgId = input.merchantOrgId;
      streamerUserId = actor.userId;
    } else throw new AppError('auth.forbidden');
    const now = this.d.clock.now();
    const id = await this.d.uow.transaction(async (tx) => {
      const streamer = await tx.registry.findStreamer(streamerUserId);
      if (streamer?.status !== 'certified') throw new AppError('selection.streamer_not_certified', { field: 'streamerUserId' });
      const merchant = await tx.registry.findMerchant(merchantOrgId);
      if (merchant?.status !== 'admitted') throw new AppError('agreement.merchant_invalid', { field: 'merchantOrgId' });
      if (input.withMcn && !streamer.mcnOrgId) throw new AppError('agreement.mcn_missing', { field: 'withMcn' });
      const terms = await this.checkTerms(tx, merchantOrgId, input.terms);
      const a: AgreementRecord = {
        id: this.d.ids.next(),
        merchantOrgId,
        streamerUserId,
        mcnOrgId: input.withMcn ? streamer.mcnOrgId : null,
        status: 'pending',
        currentVersion: 1,
        inForceVersion: null,
        inForceProductIds: [],
        inForceFrom: null,
        inForceUntil: null,
        terminatedReason: null,
        version: 1,
        createdBy: actor.userId as string,
        createdAt: now,
        updatedAt: now,
      };
      await tx.selection.insertAgreement(a);
      await this.addVersion(tx, actor, a, 1, terms, now);
      await this.d.audit.record(tx, actor, {
        action: 'agreement.create',
        targetType: 'agreement',
        targetId: a.id,
        orgId: merchantOrgId,
        detail: { streamerUserId, mcnOrgId: a.mcnOrgId, products: input.terms.products.length },
      });
      return a.id;
    });
    return this.view(actor, id);
  }

  /** A new version of the terms (改签): parties accept it afresh; the version in force stays until they have. */
  async amend(actor: Actor, id: string, termsIn: AgreementTermsInput): Promise<AgreementView> {
    const now = this.d.clock.now();
    await this.d.uow.transaction(async (tx) => {
      const a = await tx.selection.findAgreement(id);
      if (!a || !this.partyOf(actor, a)) throw new AppError('agreement.not_found', { field: 'id' });
      if (a.status === 'terminated' || a.status === 'expired') throw new AppError('agreement.closed', { details: { status: a.status } });
      const terms = await this.checkTerms(tx, a.merchantOrgId, termsIn);
      const version = a.currentVersion + 1;
      const next: AgreementRecord = { ...a, currentVersion: version, version: a.version + 1, updatedAt: now };
      if (!(await tx.selection.updateAgreement(next, a.version))) throw new AppError('agreement.stale');
      await this.addVersion(tx, actor, next, version, terms, now);
      await this.d.audit.record(tx, actor, {
        action: 'agreement.amend',
        targetType: 'agreement',
        targetId: id,
        orgId: a.merchantOrgId,
        detail: { version },
      });
    });
    return this.view(actor, id);
  }

  private async addVersion(tx: AgreementTx, actor: Actor, a: AgreementRecord, version: number, terms: Record<string, unknown>, now: Date) {
    const v: AgreementVersionRecord = {
      agreementId: a.id,
      version,
      terms,
      contentHash: agreementHash(a, version, terms),
      createdBy: actor.userId as string,
      createdAt: now,
    };
    await tx.selection.insertVersion(v);
    const party = this.partyOf(actor, a);
    if (party) await this.recordAcceptance(tx, actor, a, v, party, now);
  }

  /** A party accepts the current version, naming the hash of the text it was shown. */
  async accept(actor: Actor, id: string, input: { version: number; contentHash: string }): Promise<AgreementView> {
    const now = this.d.clock.now();
    await this.d.uow.transaction(async (tx) => {
      const a = await tx.selection.findAgreement(id);
      if (!a) throw new AppError('agreement.not_found', { field: 'id' });
      const party = this.partyOf(actor, a);
      if (!party) throw new AppError('agreement.not_found', { field: 'id' });
      if (a.status === 'terminated' || a.status === 'expired') throw new AppError('agreement.closed', { details: { status: a.status } });
      if (input.version !== a.currentVersion)
        throw new AppError('agreement.version_stale', { field: 'version', details: { current: a.currentVersion } });
      const v = (await tx.selection.listVersions(id)).find((x) => x.version === input.version);
      if (!v) throw new AppError('agreement.version_stale', { field: 'version', details: { current: a.currentVersion } });
      if (v.contentHash !== input.contentHash) throw new AppError('agreement.hash_mismatch', { field: 'contentHash' });
      const accepted = (await tx.selection.listAcceptances(id)).filter((x) => x.version === v.version);
      if (accepted.some((x) => x.party === party)) throw new AppError('agreement.already_accepted', { details: { version: v.version } });
      await this.recordAcceptance(tx, actor, a, v, party, now);
    });
    return this.view(actor, id);
  }

  private async recordAcceptance(tx: AgreementTx, actor: Actor, a: AgreementRecord, v: AgreementVersionRecord, party: Party, now: Date) {
    await tx.selection.insertAcceptance({
      agreementId: a.id,
      version: v.version,
      party,
      userId: actor.userId as string,
      contentHash: v.contentHash,
      at: now,
    });
    await this.d.audit.record(tx, actor, {
      action: 'agreement.accept',
      targetType: 'agreement',
      targetId: a.id,
      orgId: a.merchantOrgId,
      detail: { version: v.version, party, contentHash: v.contentHash },
    });
    const accepted = new Set((await tx.selection.listAcceptances(a.id)).filter((x) => x.version === v.version).map((x) => x.party));
    if (!this.partiesOf(a).every((p) => accepted.has(p))) return;
    const current = (await tx.selection.findAgreement(a.id)) as AgreementRecord;
    const terms = v.terms as unknown as AgreementTermsInput;
    const next: AgreementRecord = {
      ...current,
      status: 'in_force',
      inForceVersion: v.version,
      inForceProductIds: terms.products.map((p) => p.productId),
      inForceFrom: new Date(`${terms.startsOn}T00:00:00${CST_OFFSET}`),
      inForceUntil: new Date(new Date(`${terms.endsOn}T00:00:00${CST_OFFSET}`).getTime() + 86_400_000),
      version: current.version + 1,
      updatedAt: now,
    };
    if (!(await tx.selection.updateAgreement(next, current.version))) throw new AppError('agreement.stale');
    await this.d.slotFees?.inForce(tx, {
      agreementId: a.id,
      version: v.version,
      merchantOrgId: a.merchantOrgId,
      streamerUserId: a.streamerUserId,
      mcnOrgId: a.mcnOrgId,
      slotFeeFen: terms.slotFeeFen ?? 0,
      streamerShareBp: terms.streamerShareBp ?? 10_000,
      startsAt: next.inForceFrom as Date,
    });
    await this.d.audit.record(tx, actor, {
      action: 'agreement.in_force',
      targetType: 'agreement',
      targetId: a.id,
      orgId: a.merchantOrgId,
      detail: { version: v.version, contentHash: v.contentHash },
    });
  }

  async terminate(actor: Actor, id: string, reason: string): Promise<AgreementView> {
    const now = this.d.clock.now();
    await this.d.uow.transaction(async (tx) => {
      const a = await tx.selection.findAgreement(id);
      if (!a || !this.partyOf(actor, a)) throw new AppError('agreement.not_found', { field: 'id' });
      if (a.status === 'terminated' || a.status === 'expired') throw new AppError('agreement.closed', { details: { status: a.status } });
      const next: AgreementRecord = { ...a, status: 'terminated', terminatedReason: reason, version: a.version + 1, updatedAt: now };
      if (!(await tx.selection.updateAgreement(next, a.version))) throw new AppError('agreement.stale');
      await this.d.slotFees?.terminated(tx, a.id, now);
      await this.d.audit.record(tx, actor, {
        action: 'agreement.terminate',
        targetType: 'agreement',
        targetId: id,
        orgId: a.merchantOrgId,
        detail: { reason },
      });
    });
    return this.view(actor, id);
  }

  async get(actor: Actor, id: string): Promise<AgreementDetail> {
    const r = this.d.uow.read;
    const a = await r.selection.findAgreement(id);
    if (!a || !(isCrossTenant(actor) || this.partyOf(actor, a))) throw new AppError('agreement.not_found', { field: 'id' });
    const [versions, acceptances] = await Promise.all([r.selection.listVersions(id), r.selection.listAcceptances(id)]);
    return {
      agreement: a,
      versions: versions.map((v) => ({
        ...v,
        hashValid: agreementHash(a, v.version, v.terms) === v.contentHash,
        acceptances: acceptances.filter((x) => x.version === v.version),
      })),
      parties: this.partiesOf(a),
      myParty: this.partyOf(actor, a),
    };
  }

  async list(actor: Actor, status?: AgreementRecord['status']): Promise<AgreementRecord[]> {
    const scope = partyScope(actor);
    return this.d.uow.read.selection.listAgreements({ ...scope, ...(status ? { status: [status] } : {}), limit: 200 });
  }

  /** The agreement in force that lets `streamerUserId` sell `productId` of `merchantOrgId` at `at` (for the live room). */
  inForce(q: { merchantOrgId: string; streamerUserId: string; productId: string; at?: Date }): Promise<AgreementRecord | null> {
    return this.d.uow.read.selection.findInForce({ ...q, at: q.at ?? this.d.clock.now() });
  }

  /** Agreements past their last day expire. Idempotent; run with the other periodic sweeps. */
  async sweep(now: Date = this.d.clock.now()): Promise<{ expired: number }> {
    const system: Actor = { userId: null, label: 'system:agreement-sweep', orgId: null, membershipId: null, role: 'system', via: 'system' };
    let expired = 0;
    await this.d.uow.transaction(async (tx) => {
      for (const a of await tx.selection.listAgreementsLapsed(now, 500)) {
        if (!(await tx.selection.updateAgreement({ ...a, status: 'expired', version: a.version + 1, updatedAt: now }, a.version))) continue;
        await this.d.audit.record(tx, system, {
          action: 'agreement.expired',
          targetType: 'agreement',
          targetId: a.id,
          orgId: a.merchantOrgId,
        });
        expired++;
      }
    });
    return { expired };
  }

  /** The agreements the caller is party to, each with its versions and the names the screens show. */
  async listViews(actor: Actor, status?: AgreementRecord['status']): Promise<AgreementView[]> {
    const list = await this.list(actor, status);
    return this.views(await Promise.all(list.map((a) => this.get(actor, a.id))));
  }

  /** An agreement as the screens show it. */
  async view(actor: Actor, id: string): Promise<AgreementView> {
    return (await this.views([await this.get(actor, id)]))[0] as AgreementView;
  }

  /** Agreements with the parties' names, the titles of the products in their terms and who accepted: batched. */
  async views(details: AgreementDetail[]): Promise<AgreementView[]> {
    if (details.length === 0) return [];
    const r = this.d.uow.read;
    const productIds = new Set<string>();
    const userIds = new Set<string>();
    const orgIds = new Set<string>();
    for (const d of details) {
      orgIds.add(d.agreement.merchantOrgId);
      if (d.agreement.mcnOrgId) orgIds.add(d.agreement.mcnOrgId);
      userIds.add(d.agreement.streamerUserId);
      for (const v of d.versions) {
        for (const p of (v.terms.products as Array<{ productId: string }>) ?? []) productIds.add(p.productId);
        for (const x of v.acceptances) userIds.add(x.userId);
      }
    }
    const [orgs, users, products] = await Promise.all([
      r.orgs.findByIds([...orgIds]),
      r.users.findByIds([...userIds]),
      r.catalog.listProducts({ ids: [...productIds], limit: productIds.size }),
    ]);
    const orgName = new Map(orgs.map((o) => [o.id, o.name]));
    const userName = new Map(users.map((u) => [u.id, u.displayName]));
    const title = new Map(products.map((p) => [p.id, p.title]));
    return details.map((d) => {
      const a = d.agreement;
      const productTitles: Record<string, string> = {};
      const userLabels: Record<string, string> = {};
      for (const v of d.versions) {
        for (const p of (v.terms.products as Array<{ productId: string }>) ?? []) {
          const t = title.get(p.productId);
          if (t !== undefined) productTitles[p.productId] = t;
        }
        for (const x of v.acceptances) userLabels[x.userId] = userName.get(x.userId) ?? '';
      }
      return {
        ...d,
        merchantName: orgName.get(a.merchantOrgId) ?? '',
        streamerName: userName.get(a.streamerUserId) ?? '',
        mcnName: a.mcnOrgId ? (orgName.get(a.mcnOrgId) ?? null) : null,
        productTitles,
        userLabels,
      };
    });
  }
}
