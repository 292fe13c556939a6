/**
 * 保证金: the deposit a merchant holds with the platform. The requirement is data — an amount per product category
 * (platform admin), applying to the category and everything under it; a merchant's requirement is the largest over
 * the categories it lists. The merchant pays through the payment provider (a deposit payment, not an order); the
 * provider's notification posts `deposit:<paymentId>` (provider clearing → merchant deposit). The platform deducts
 * for compensation (`deposit_deduction:<id>`, deposit → advance-compensation fund); a balance left below the
 * requirement raises a top-up notice. The catalog's listing gate reads the standing through `depositShortfall`.
 */
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { PaymentNotification, PaymentProvider } from '../orders/index.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import type { NameReader } from '../shared/name-directory.ts';
import type { LedgerService } from './ledger.service.ts';
import { checkAmount, depositStanding, requiredDeposit } from './payout.rules.ts';
import type {
  DepositDeductionRecord,
  DepositPaymentRecord,
  DepositRequirementRecord,
  DepositStanding,
  DepositView,
} from './payout.types.ts';
import { PLATFORM_PARTY } from './settlement.types.ts';

export type DepositScope = 'deposits' | 'ledger' | 'audit' | 'outbox';

/**
 * What deposits need from the catalog (its reader, wired by the container): the categories a merchant lists (each
 * with its ancestors) and the categories' names and paths.
 */
export interface DepositCategoryReader {
  /** every category id a merchant's submitted or approved products sit in, with their ancestors */
  listedCategoryIds(merchantOrgId: string): Promise<string[]>;
  /** a category's path from the root, ids; empty when it does not exist */
  categoryPathIds(categoryId: string): Promise<string[]>;
  categoryNames(): Promise<Map<string, string>>;
}

export interface DepositDeps {
  uow: ScopedUnitOfWork<DepositScope>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  ledger: LedgerService;
  provider: PaymentProvider;
  categories: DepositCategoryReader;
  names: NameReader;
  publicBaseUrl: string;
  /** minutes a deposit payment stays open */
  payMinutes?: number;
}

const SYSTEM: Actor = { userId: null, label: 'system:deposits', orgId: null, membershipId: null, role: 'system', via: 'system' };

export class DepositService {
  constructor(private readonly d: DepositDeps) {}

  // ---- requirements (data) -------------------------------------------------------------------------------------

  async setRequirement(actor: Actor, categoryId: string, amountFen: number): Promise<DepositRequirementRecord> {
    if (actor.role !== 'platform_admin') throw new AppError('auth.forbidden');
    if (!Number.isSafeInteger(amountFen) || amountFen < 0) throw new AppError('payouts.amount_invalid', { field: 'amountFen' });
    if ((await this.d.categories.categoryPathIds(categoryId)).length === 0)
      throw new AppError('catalog.category_not_found', { field: 'categoryId' });
    const r: DepositRequirementRecord = { categoryId, amountFen, updatedBy: actor.userId, updatedAt: this.d.clock.now() };
    await this.d.uow.transaction(async (tx) => {
      await tx.deposits.setRequirement(r);
      await this.d.audit.record(tx, actor, {
        action: 'deposit.requirement_set',
        targetType: 'category',
        targetId: categoryId,
        detail: { amountFen },
      });
    });
    return r;
  }

  async requirements(): Promise<Array<DepositRequirementRecord & { categoryName: string }>> {
    const [list, names] = await Promise.all([this.d.uow.read.deposits.listRequirements(), this.d.categories.categoryNames()]);
    return list.map((r) => ({ ...r, categoryName: names.get(r.categoryId) ?? '' }));
  }

  // ---- standing (the listing gate's reader) --------------------------------------------------------------------

  /** A merchant's standing: its requirement (over the categories it lists, plus `extraCategoryIds`) and balance. */
  async standing(merchantOrgId: string, extraCategoryIds: string[] = []): Promise<DepositStanding> {
    const [listed, reqs, account] = await Promise.all([
      this.d.categories.listedCategoryIds(merchantOrgId),
      this.d.uow.read.deposits.listRequirements(),
      this.d.ledger.accountFor(merchantOrgId, 'merchant_deposit'),
    ]);
    return depositStanding(requiredDeposit(reqs, [...listed, ...extraCategoryIds]), account?.balance ?? 0);
  }

  /**
   * The catalog's listing gate (its `DepositGate` port): the requirement of a product's category path against the
   * merchant's deposit balance.
   */
  async depositShortfall(merchantOrgId: string, categoryPathIds: string[]): Promise<DepositStanding> {
    const [reqs, account] = await Promise.all([
      this.d.uow.read.deposits.requirementsFor(categoryPathIds),
      this.d.ledger.accountFor(merchantOrgId, 'merchant_deposit'),
    ]);
    return depositStanding(requiredDeposit(reqs, categoryPathIds), account?.balance ?? 0);
  }

  /** The deposit card: required / paid / due, the top-up flag, payments and deductions. */
  async view(actor: Actor, merchantOrgId?: string): Promise<DepositView> {
    let orgId = merchantOrgId;
    if (actor.role === 'merchant_staff') orgId = actor.orgId ?? undefined;
    else if (actor.role !== 'platform_admin' && actor.role !== 'regulator') throw new AppError('auth.forbidden');
    if (!orgId) throw new AppError('request.invalid', { field: 'merchantOrgId', details: { issue: 'required' } });
    const [standing, payments, deductions, names] = await Promise.all([
      this.standing(orgId),
      this.d.uow.read.deposits.listPayments(orgId, 50),
      this.d.uow.read.deposits.listDeductions(orgId, 50),
      this.d.names.namesFor({ orgs: [orgId] }),
    ]);
    return {
      merchantOrgId: orgId,
      merchantName: names.orgs.get(orgId) ?? '',
      ...standing,
      topUpRequired: standing.dueFen > 0 && deductions.length > 0,
      payments,
      deductions,
    };
  }

  // ---- paying -------------------------------------------------------------------------------------------------

  /** 缴纳保证金: opens a payment with the provider for the amount due (or the amount given). */
  async pay(actor: Actor, amountFen?: number, returnOrigin?: string): Promise<{ paymentId: string; payUrl: string; amountFen: number }> {
    if (actor.role !== 'merchant_staff' || !actor.orgId) throw new AppError('auth.forbidden');
    const orgId = actor.orgId;
    let amount: number;
    if (amountFen === undefined) {
      amount = (await this.standing(orgId)).dueFen;
      if (amount <= 0) throw new AppError('deposit.nothing_due', { field: 'amountFen' });
    } else amount = checkAmount(amountFen);
    const now = this.d.clock.now();
    const id = this.d.ids.next();
    const created = await this.d.provider.createPayment({
      paymentId: id,
      orderNo: `DEP${id.replace(/-/g, '').slice(-12).toUpperCase()}`,
      amountFen: amount,
      subject: 'LiveHub 商家保证金',
      expiresAt: new Date(now.getTime() + (this.d.payMinutes ?? 30) * 60_000),
      returnUrl: `${returnOrigin ?? this.d.publicBaseUrl}/finance/deposit`,
    });
    const p: DepositPaymentRecord = {
      id,
      merchantOrgId: orgId,
      amountFen: amount,
      provider: this.d.provider.name,
      providerRef: created.providerRef,
      payUrl: created.payUrl,
      status: 'pending',
      failureReason: null,
      requestedBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    };
    await this.d.uow.transaction(async (tx) => {
      await tx.deposits.insertPayment(p);
      await this.d.audit.record(tx, actor, {
        action: 'deposit.payment_create',
        targetType: 'deposit_payment',
        targetId: id,
        orgId,
        detail: { amountFen: amount },
      });
    });
    return { paymentId: id, payUrl: created.payUrl, amountFen: amount };
  }

  /** Whether a payment id is a deposit payment (the payment service routes its notifications here). */
  async owns(paymentId: string): Promise<boolean> {
    return (await this.d.uow.read.deposits.findPayment(paymentId)) !== null;
  }

  /** A deposit payment and whether it may still be paid (the simulated provider's page). */
  async paymentState(id: string): Promise<{ payment: DepositPaymentRecord; orderNo: string; open: boolean } | null> {
    const payment = await this.d.uow.read.deposits.findPayment(id);
    if (!payment) return null;
    const payBy = payment.createdAt.getTime() + (this.d.payMinutes ?? 30) * 60_000;
    const open = payment.status === 'pending' && payBy > this.d.clock.now().getTime();
    return { payment, orderNo: `DEP${id.replace(/-/g, '').slice(-12).toUpperCase()}`, open };
  }

  /** The provider's verified notification for a deposit payment: processed once (the status moves once). */
  async onNotification(n: PaymentNotification, provider: string): Promise<void> {
    const actor: Actor = { ...SYSTEM, label: `system:deposits:${provider}` };
    await this.d.uow.transaction(async (tx) => {
      const p = await tx.deposits.findPayment(n.paymentId, { lock: true });
      if (!p) throw new AppError('payments.not_found');
      if (p.status !== 'pending') return;
      const now = this.d.clock.now();
      if (n.kind === 'payment.failed') {
        await tx.deposits.updatePayment({ ...p, status: 'failed', failureReason: n.reason ?? 'failed', updatedAt: now });
        await this.d.audit.record(tx, actor, {
          action: 'deposit.payment_failed',
          targetType: 'deposit_payment',
          targetId: p.id,
          orgId: p.merchantOrgId,
          detail: { reason: n.reason },
        });
        return;
      }
      if (n.kind !== 'payment.succeeded') return;
      if (n.amountFen !== p.amountFen) throw new AppError('payments.amount_mismatch');
      await tx.deposits.updatePayment({ ...p, status: 'succeeded', providerRef: n.providerRef || p.providerRef, updatedAt: now });
      const [clearing, deposit] = await Promise.all([
        this.d.ledger.openAccount(PLATFORM_PARTY, 'provider_clearing', tx),
        this.d.ledger.openAccount(p.merchantOrgId, 'merchant_deposit', tx),
      ]);
      await this.d.ledger.postIn(tx, {
        businessKey: `deposit:${p.id}`,
        kind: 'deposit.paid',
        postings: [
          { accountId: clearing.id, amount: -p.amountFen },
          { accountId: deposit.id, amount: p.amountFen },
        ],
      });
      await this.d.audit.record(tx, actor, {
        action: 'deposit.paid',
        targetType: 'deposit_payment',
        targetId: p.id,
        orgId: p.merchantOrgId,
        detail: { amountFen: p.amountFen, providerRef: n.providerRef },
      });
      await tx.outbox.add({
        id: this.d.ids.next(),
        topic: 'deposit.paid',
        payload: { merchantOrgId: p.merchantOrgId, paymentId: p.id, amountFen: p.amountFen },
        createdAt: now,
        publishedAt: null,
      });
    });
  }

  // ---- deductions ---------------------------------------------------------------------------------------------

  /**
   * 扣除保证金 for compensation (platform admin): the deposit moves to the advance-compensation fund. A balance left
   * below the requirement sends the merchant a top-up notice (outbox `deposit.topup_required`).
   */
  async deduct(
    actor: Actor,
    input: { merchantOrgId: string; amountFen: number; reason: string },
  ): Promise<{ deduction: DepositDeductionRecord; standing: DepositStanding; topUpRequired: boolean }> {
    if (actor.role !== 'platform_admin') throw new AppError('auth.forbidden');
    const amountFen = checkAmount(input.amountFen);
    const reason = input.reason.trim();
    if (reason.length < 2) throw new AppError('request.invalid', { field: 'reason', details: { issue: 'required' } });
    const required = (await this.standing(input.merchantOrgId)).requiredFen;
    const now = this.d.clock.now();
    const deduction: DepositDeductionRecord = {
      id: this.d.ids.next(),
      merchantOrgId: input.merchantOrgId,
      amountFen,
      reason,
      createdBy: actor.userId,
      createdAt: now,
    };
    const balanceFen = await this.d.uow.transaction(async (tx) => {
      const deposit = await tx.ledger.findAccountFor(input.merchantOrgId, 'merchant_deposit');
      if (!deposit || deposit.balance < amountFen)
        throw new AppError('deposit.deduction_exceeds_balance', {
          field: 'amountFen',
          details: { balanceFen: deposit?.balance ?? 0, amountFen },
        });
      const fund = await this.d.ledger.openAccount(PLATFORM_PARTY, 'advance_compensation_fund', tx);
      await tx.deposits.insertDeduction(deduction);
      const posted = await this.d.ledger.postIn(tx, {
        businessKey: `deposit_deduction:${deduction.id}`,
        kind: 'deposit.deduction',
        memo: reason,
        postings: [
          { accountId: deposit.id, amount: -amountFen },
          { accountId: fund.id, amount: amountFen },
        ],
      });
      const after = posted.entry.postings.find((p) => p.accountId === deposit.id)?.balanceAfter ?? 0;
      await this.d.audit.record(tx, actor, {
        action: 'deposit.deduct',
        targetType: 'deposit_deduction',
        targetId: deduction.id,
        orgId: input.merchantOrgId,
        detail: { amountFen, reason, balanceAfter: after },
      });
      if (after < required)
        await tx.outbox.add({
          id: this.d.ids.next(),
          topic: 'deposit.topup_required',
          payload: { merchantOrgId: input.merchantOrgId, requiredFen: required, balanceFen: after, dueFen: required - after, reason },
          createdAt: now,
          publishedAt: null,
        });
      return after;
    });
    const standing = depositStanding(required, balanceFen);
    return { deduction, standing, topUpRequired: standing.dueFen > 0 };
  }
}
