/**
 * 平台服务费率: the platform's fee per category, as data (`platform_fee_rates`); a category without a rate of its
 * own pays the default rate from the configuration. Only a platform admin reads or sets them; every change audited.
 */
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import { FULL_BP } from './ledger.rules.ts';
import type { FeeRateRecord } from './settlement.types.ts';

export interface FeeRateDeps {
  uow: ScopedUnitOfWork<'settlement' | 'audit'>;
  clock: Clock;
  audit: AuditService;
  defaultFeeBp: number;
  /** the catalog's categories (a reader port: whether a category exists) */
  categories: { exists(categoryId: string): Promise<boolean> };
}

export class FeeRateService {
  constructor(private readonly d: FeeRateDeps) {}

  async list(actor: Actor): Promise<{ defaultFeeBp: number; rates: FeeRateRecord[] }> {
    requireAdmin(actor);
    return { defaultFeeBp: this.d.defaultFeeBp, rates: await this.d.uow.read.settlement.listFeeRates() };
  }

  async set(actor: Actor, categoryId: string, feeBp: number): Promise<FeeRateRecord> {
    requireAdmin(actor);
    if (!Number.isInteger(feeBp) || feeBp < 0 || feeBp > FULL_BP) throw new AppError('settlement.fee_rate_invalid', { field: 'feeBp' });
    if (!(await this.d.categories.exists(categoryId))) throw new AppError('catalog.category_not_found', { field: 'categoryId' });
    const r: FeeRateRecord = { categoryId, feeBp, updatedBy: actor.userId, updatedAt: this.d.clock.now() };
    return this.d.uow.transaction(async (tx) => {
      const before = (await tx.settlement.feeRatesFor([categoryId]))[0]?.feeBp ?? null;
      await tx.settlement.putFeeRate(r);
      await this.d.audit.record(tx, actor, {
        action: 'settlement.fee_rate_set',
        targetType: 'category',
        targetId: categoryId,
        detail: { from: before, to: feeBp },
      });
      return r;
    });
  }
}

function requireAdmin(actor: Actor): void {
  if (actor.role !== 'platform_admin') throw new AppError('auth.forbidden');
}
