/**
 * Brands and the key-trademark protection list (重点商标保护名录), and the rights holders' authorizations
 * (品牌授权书) merchants file to sell a protected brand.
 */
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { Repositories, ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import { isCrossTenant } from '../shared/actor.ts';
import { brandKey } from './catalog.rules.ts';
import type { BrandAuthorizationRecord, BrandAuthorizationView, BrandRecord } from './catalog.types.ts';

export interface BrandDeps {
  /** workflows: the uploaded authorization document (a reader port of the approval engine is still to come) */
  uow: ScopedUnitOfWork<'catalog' | 'workflows' | 'audit'>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
}

export class BrandService {
  constructor(private readonly d: BrandDeps) {}

  async createBrand(
    actor: Actor,
    input: { name: string; nameEn?: string | undefined; trademarkNo?: string | undefined; owned: boolean },
  ): Promise<BrandRecord> {
    if (!actor.userId) throw new AppError('auth.required');
    if (input.owned && actor.role !== 'merchant_staff')
      throw new AppError('request.invalid', { field: 'owned', details: { issue: 'only a merchant can own a brand' } });
    return this.d.uow.transaction(async (tx) => {
      const key = brandKey(input.name);
      const existing = await tx.catalog.findBrandByKey(key);
      if (existing) throw new AppError('catalog.brand_duplicate', { field: 'name', details: { name: existing.name } });
      const b: BrandRecord = {
        id: this.d.ids.next(),
        name: input.name,
        nameKey: key,
        nameEn: input.nameEn ?? null,
        ownerOrgId: input.owned ? actor.orgId : null,
        trademarkNo: input.trademarkNo ?? null,
        protected: false,
        protectedReason: null,
        protectedAt: null,
        createdBy: actor.userId as string,
        createdAt: this.d.clock.now(),
      };
      await tx.catalog.insertBrand(b);
      await this.d.audit.record(tx, actor, {
        action: 'brand.create',
        targetType: 'brand',
        targetId: b.id,
        detail: { name: b.name, owned: input.owned, trademarkNo: b.trademarkNo },
      });
      return b;
    });
  }

  /**
   * Puts a brand on the key-trademark protection list or takes it off (seed 001: 重点商标保护名录). The platform
   * operator and the intellectual-property office (regulator department zscqj) keep the list.
   */
  async setBrandProtection(
    actor: Actor,
    department: string | null,
    id: string,
    input: { protected: boolean; reason: string },
  ): Promise<BrandRecord> {
    if (!(actor.role === 'platform_admin' || (actor.role === 'regulator' && department === 'zscqj')))
      throw new AppError('catalog.brand_protection_forbidden');
    return this.d.uow.transaction(async (tx) => {
      const b = await tx.catalog.findBrand(id);
      if (!b) throw new AppError('catalog.brand_not_found', { field: 'id' });
      const now = this.d.clock.now();
      const patch = { protected: input.protected, protectedReason: input.reason, protectedAt: input.protected ? now : null };
      await tx.catalog.updateBrand(id, patch);
      await this.d.audit.record(tx, actor, {
        action: input.protected ? 'brand.protect' : 'brand.unprotect',
        targetType: 'brand',
        targetId: id,
        detail: { name: b.name, reason: input.reason, department },
      });
      return { ...b, ...patch };
    });
  }

  listBrands(opts: { q?: string | undefined; protectedOnly?: boolean | undefined }) {
    return this.d.uow.read.catalog.listBrands({
      ...(opts.q ? { q: brandKey(opts.q) } : {}),
      ...(opts.protectedOnly ? { protectedOnly: true } : {}),
      limit: 200,
    });
  }

  /** A merchant files the rights holder's authorization (品牌授权书) to sell a brand. */
  async addAuthorization(
    actor: Actor,
    input: { brandId: string; documentId: string; validUntil: string },
  ): Promise<BrandAuthorizationRecord> {
    if (!actor.userId || !actor.orgId) throw new AppError('auth.forbidden');
    const now = this.d.clock.now();
    const validUntil = new Date(`${input.validUntil}T23:59:59+08:00`);
    if (validUntil <= now) throw new AppError('request.invalid', { field: 'validUntil', details: { issue: 'already expired' } });
    return this.d.uow.transaction(async (tx) => {
      const brand = await tx.catalog.findBrand(input.brandId);
      if (!brand) throw new AppError('catalog.brand_not_found', { field: 'brandId' });
      const doc = await tx.workflows.findDocument(input.documentId);
      if (!doc || doc.ownerOrgId !== actor.orgId) throw new AppError('document.not_found', { field: 'documentId' });
      if (doc.docType !== 'brand_authorization') throw new AppError('document.type_invalid', { field: 'documentId' });
      const a: BrandAuthorizationRecord = {
        id: this.d.ids.next(),
        brandId: brand.id,
        merchantOrgId: actor.orgId as string,
        documentId: doc.id,
        validUntil,
        status: 'valid',
        createdBy: actor.userId as string,
        createdAt: now,
      };
      await tx.catalog.insertAuthorization(a);
      await this.d.audit.record(tx, actor, {
        action: 'brand.authorization_add',
        targetType: 'brand',
        targetId: brand.id,
        detail: { documentId: doc.id, sha256: doc.sha256, validUntil: input.validUntil },
      });
      return a;
    });
  }

  /** The authorizations on file (a merchant sees its own), with each brand's name looked up once per page. */
  async listAuthorizations(actor: Actor): Promise<BrandAuthorizationView[]> {
    const r = this.d.uow.read;
    const list = await r.catalog.listAuthorizations(isCrossTenant(actor) ? {} : { merchantOrgId: actor.orgId ?? '-' });
    const names = new Map((await r.catalog.findBrands(list.map((a) => a.brandId))).map((b) => [b.id, b.name]));
    return list.map((a) => ({ ...a, brandName: names.get(a.brandId) ?? '' }));
  }

  /** Whether `merchantOrgId` may sell `brand` at `now`: it owns the mark or holds a valid authorization. */
  async brandAllowed(tx: Pick<Repositories, 'catalog'>, brand: BrandRecord, merchantOrgId: string, now: Date): Promise<boolean> {
    if (!brand.protected || brand.ownerOrgId === merchantOrgId) return true;
    const auths = await tx.catalog.listAuthorizations({ merchantOrgId, brandId: brand.id });
    return auths.some((a) => a.status === 'valid' && a.validUntil > now);
  }
}
