/**
 * Commission plans (佣金计划): a merchant puts an approved product in the pool under an open, targeted or
 * exclusive plan (never an exclusive alongside another plan of the same product in the same period), ends it, and
 * lists them; plans past their end are ended by the sweep.
 */
import type { AuditService } from '../audit/audit.service.ts';
import type { CreditGatePort } from '../credit/index.ts';
import { AppError } from '../errors.ts';
import type { Repositories, ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import { isCrossTenant } from '../shared/actor.ts';
import type { ListingRepos, PoolService } from './pool.service.ts';
import type { PlanInput, PlanPartner, PlanRecord, PlanView } from './selection.types.ts';

/** The product (catalog) and the partners (registry, orgs, users) are read in the plan's transaction. */
type PlanScope = 'selection' | 'catalog' | 'orgs' | 'users' | 'registry' | 'audit';

export interface PlanDeps {
  uow: ScopedUnitOfWork<PlanScope>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  pool: PoolService;
  /** 信用: a merchant under `no_selection` may not put products in the pool */
  credit?: CreditGatePort | undefined;
}

/** Plans with their partners' names: one query for the streamers' names and one for the MCNs', however many plans. */
export async function planViews(r: Pick<Repositories, 'users' | 'orgs'>, plans: PlanRecord[]): Promise<PlanView[]> {
  const partners = plans.flatMap((p) => p.partners);
  const [users, orgs] = await Promise.all([
    r.users.findByIds([...new Set(partners.filter((pt) => pt.kind === 'streamer').map((pt) => pt.id))]),
    r.orgs.findByIds([...new Set(partners.filter((pt) => pt.kind !== 'streamer').map((pt) => pt.id))]),
  ]);
  const userName = new Map(users.map((u) => [u.id, u.displayName]));
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  return plans.map((p) => ({
    ...p,
    partners: p.partners.map((pt) => ({
      ...pt,
      name: (pt.kind === 'streamer' ? userName.get(pt.id) : orgName.get(pt.id)) ?? null,
    })),
  }));
}

export class PlanService {
  constructor(private readonly d: PlanDeps) {}

  async createPlan(actor: Actor, input: PlanInput): Promise<PlanRecord> {
    if (actor.role !== 'merchant_staff' || !actor.orgId || !actor.userId) throw new AppError('auth.forbidden');
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    const now = this.d.clock.now();
    if (endsAt <= now) throw new AppError('request.invalid', { field: 'endsAt', details: { issue: 'already ended' } });
    await this.d.credit?.assertAllowed([actor.orgId], 'no_selection');
    return this.d.uow.transaction(async (tx) => {
      const p = await tx.catalog.findProduct(input.productId);
      if (!p || p.merchantOrgId !== actor.orgId) throw new AppError('catalog.product_not_found', { field: 'productId' });
      if (p.status !== 'approved')
        throw new AppError('selection.product_not_approved', { field: 'productId', details: { status: p.status } });
      await this.validatePartners(tx, input.partners);
      await tx.selection.lockProduct(p.id);
      const running = (await tx.selection.listPlans({ productIds: [p.id], limit: 100 })).filter(
        (x) => x.status === 'active' && x.startsAt < endsAt && x.endsAt > startsAt,
      );
      const conflict = running.find((x) => (input.type === 'exclusive' ? true : x.type === 'exclusive'));
      if (conflict)
        throw new AppError('selection.plan_conflict', {
          field: 'type',
          details: {
            planId: conflict.id,
            existing: conflict.type,
            requested: input.type,
            from: conflict.startsAt.toISOString().slice(0, 10),
            until: conflict.endsAt.toISOString().slice(0, 10),
          },
        });
      const plan: PlanRecord = {
        id: this.d.ids.next(),
        productId: p.id,
        merchantOrgId: p.merchantOrgId,
        type: input.type,
        commissionBp: input.commissionBp,
        mcnServiceFeeBp: input.mcnServiceFeeBp,
        slotFeeFen: input.slotFeeFen,
        startsAt,
        endsAt,
        partners: input.partners,
        status: 'active',
        createdBy: actor.userId as string,
        createdAt: now,
      };
      await tx.selection.insertPlan(plan);
      await this.d.audit.record(tx, actor, {
        action: 'selection.plan_create',
        targetType: 'product',
        targetId: p.id,
        detail: {
          planId: plan.id,
          type: plan.type,
          commissionBp: plan.commissionBp,
          slotFeeFen: plan.slotFeeFen,
          partners: plan.partners.length,
        },
      });
      await this.d.pool.refreshListing(tx, p.id, now);
      return plan;
    });
  }

  private async validatePartners(tx: Pick<Repositories, 'registry' | 'orgs'>, partners: PlanPartner[]): Promise<void> {
    for (const [i, partner] of partners.entries()) {
      if (partner.kind === 'streamer') {
        const s = await tx.registry.findStreamer(partner.id);
        if (s?.status !== 'certified')
          throw new AppError('selection.partner_invalid', { field: `partners.${i}.id`, details: { kind: '主播' } });
      } else {
        const org = await tx.orgs.findById(partner.id);
        if (org?.kind !== 'mcn') throw new AppError('selection.partner_invalid', { field: `partners.${i}.id`, details: { kind: 'MCN' } });
      }
    }
  }

  async endPlan(actor: Actor, id: string): Promise<PlanRecord> {
    const now = this.d.clock.now();
    return this.d.uow.transaction(async (tx) => {
      const plan = await tx.selection.findPlan(id);
      if (!plan || plan.merchantOrgId !== actor.orgId) throw new AppError('selection.plan_not_found', { field: 'id' });
      if (plan.status === 'ended') return plan;
      const endsAt = new Date(Math.min(plan.endsAt.getTime(), now.getTime()));
      await tx.selection.updatePlan(id, { status: 'ended', endsAt });
      await this.d.audit.record(tx, actor, {
        action: 'selection.plan_end',
        targetType: 'product',
        targetId: plan.productId,
        detail: { planId: id },
      });
      await this.d.pool.refreshListing(tx, plan.productId, now);
      return { ...plan, status: 'ended', endsAt };
    });
  }

  async listPlans(actor: Actor, productId?: string): Promise<PlanRecord[]> {
    if (productId) {
      const p = await this.d.uow.read.catalog.findProduct(productId);
      if (!p || (p.merchantOrgId !== actor.orgId && !isCrossTenant(actor)))
        throw new AppError('catalog.product_not_found', { field: 'productId' });
      return this.d.uow.read.selection.listPlans({ productIds: [productId], limit: 100 });
    }
    if (!actor.orgId) return [];
    return this.d.uow.read.selection.listPlans({ merchantOrgId: actor.orgId, limit: 500 });
  }

  /** Plans with their partners' names. */
  views(plans: PlanRecord[]): Promise<PlanView[]> {
    return planViews(this.d.uow.read, plans);
  }

  /** Ends the plans past their end and rebuilds their products' listings, inside the sweep's transaction. */
  async endLapsed(tx: ListingRepos, now: Date): Promise<number> {
    let endedPlans = 0;
    const lapsed = await tx.selection.listPlans({ status: 'active', endsBefore: now, limit: 500 });
    for (const p of lapsed) {
      await tx.selection.updatePlan(p.id, { status: 'ended' });
      await this.d.pool.refreshListing(tx, p.productId, now);
      endedPlans++;
    }
    return endedPlans;
  }
}
