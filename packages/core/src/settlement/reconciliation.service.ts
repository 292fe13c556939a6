/**
 * 对账: a day's payment-provider bill (交易账单) compared with the platform's payments, refunds and ledger entries
 * (`order:<id>:paid`, `refund:<id>:paid`). Every difference is stored with its type and cause; finance records a
 * resolution per difference. A run is idempotent per day: running the day again replaces its open differences and
 * keeps the resolved ones (with their resolution).
 */
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import type { NameReader } from '../shared/name-directory.ts';
import type { ProviderBillSource } from './reconciliation.port.ts';
import { billTotals, compareDay, paidKeyId } from './reconciliation.rules.ts';
import type {
  LedgerFacts,
  PaymentFact,
  ReconciliationItemRecord,
  ReconciliationRunRecord,
  ReconciliationDay,
  RefundFact,
} from './reconciliation.types.ts';
import type { LedgerEntry } from './settlement.types.ts';
import { shanghaiDay } from './finance-view.rules.ts';
import { parsePeriod } from './statement.rules.ts';

export interface ReconciliationDeps {
  uow: ScopedUnitOfWork<'reconciliation' | 'paymentRecords' | 'ledger' | 'audit'>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  bills: ProviderBillSource;
  names: NameReader;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RUNNERS: ReadonlySet<Actor['role']> = new Set(['platform_admin', 'system']);
const READERS: ReadonlySet<Actor['role']> = new Set(['platform_admin', 'regulator', 'system']);
const NOTE_MAX = 500;
const SETTLE_ACTOR: Actor = {
  userId: null,
  label: 'system:reconciliation',
  orgId: null,
  membershipId: null,
  role: 'system',
  via: 'system',
};

/** The fen an entry moved in: the sum of its positive postings (escrow for a payment, clearing for a refund). */
const movedFen = (e: LedgerEntry): number => e.postings.reduce((s, p) => s + Math.max(p.amount, 0), 0);

export class ReconciliationService {
  constructor(private readonly d: ReconciliationDeps) {}

  /** Reconciles one day (`YYYY-MM-DD`, China time). The settle job calls it with the system actor. */
  async run(actor: Actor, day: string): Promise<ReconciliationDay> {
    if (!RUNNERS.has(actor.role)) throw new AppError('reconciliation.forbidden');
    const period = dayPeriod(day);
    const startedAt = this.d.clock.now();
    const bill = await this.d.bills.downloadBill(day);
    const r = this.d.uow.read;

    const [paidToday, refundedToday, entries] = await Promise.all([
      r.paymentRecords.succeededPaymentsBetween(period.from, period.to),
      r.paymentRecords.succeededRefundsBetween(period.from, period.to),
      r.ledger.listEntriesOfKinds(['order.paid', 'refund.paid'], period.from, period.to),
    ]);
    const ledgerPaidToday = new Set(entries.map((e) => paidKeyId(e.businessKey, 'order')).filter((x): x is string => x !== null));
    const ledgerRefundedToday = new Set(entries.map((e) => paidKeyId(e.businessKey, 'refund')).filter((x): x is string => x !== null));

    // every payment and refund the bill names, wherever its day (ids that are not ours cannot be looked up)
    const payments = new Map<string, PaymentFact>(paidToday.map((p) => [p.id, p]));
    const refunds = new Map<string, RefundFact>(refundedToday.map((x) => [x.id, x]));
    const wantPayments = bill.filter((b) => b.tradeState === 'SUCCESS' && UUID.test(b.merchantTradeNo) && !payments.has(b.merchantTradeNo));
    for (const p of await r.paymentRecords.paymentsByIds([...new Set(wantPayments.map((b) => b.merchantTradeNo))])) payments.set(p.id, p);
    const wantRefunds = [...new Set([...bill.map((b) => b.refundNo ?? ''), ...ledgerRefundedToday])].filter(
      (id) => UUID.test(id) && !refunds.has(id),
    );
    for (const x of await r.paymentRecords.refundsByIds(wantRefunds)) refunds.set(x.id, x);
    // the ledger's amounts for every payment and refund in view, wherever their entry's day
    const keys = [...[...payments.values()].map((p) => `order:${p.orderId}:paid`), ...[...refunds.keys()].map((id) => `refund:${id}:paid`)];
    const ledger: LedgerFacts = { paidByOrder: new Map(), refundPaid: new Map() };
    for (const e of [...entries, ...(await r.ledger.findEntriesByKeys(keys))]) {
      const orderId = paidKeyId(e.businessKey, 'order');
      if (orderId) ledger.paidByOrder.set(orderId, movedFen(e));
      const refundId = paidKeyId(e.businessKey, 'refund');
      if (refundId) ledger.refundPaid.set(refundId, movedFen(e));
    }
    const { differences, matched } = compareDay(bill, {
      payments,
      refunds,
      paidToday: new Set(paidToday.map((p) => p.id)),
      refundedToday: new Set(refundedToday.map((x) => x.id)),
      ledger,
      ledgerPaidToday,
      ledgerRefundedToday,
    });

    const totals = billTotals(bill);
    const finishedAt = this.d.clock.now();
    return this.d.uow
      .transaction(async (tx) => {
        const prior = await tx.reconciliation.findRun(day);
        const run = await tx.reconciliation.upsertRun({
          id: prior?.id ?? this.d.ids.next(),
          day,
          provider: this.d.bills.name,
          billRows: bill.length,
          matched,
          differences: differences.length,
          billPaymentsFen: totals.payments,
          billRefundsFen: totals.refunds,
          billFeesFen: totals.fees,
          runs: (prior?.runs ?? 0) + 1,
          startedAt,
          finishedAt,
        });
        const items: ReconciliationItemRecord[] = differences.map((x) => ({
          ...x,
          id: this.d.ids.next(),
          runId: run.id,
          day,
          status: 'open',
          resolutionNote: null,
          resolvedBy: null,
          resolvedAt: null,
          createdAt: finishedAt,
        }));
        await tx.reconciliation.replaceOpenItems(day, items);
        await this.d.audit.record(tx, actor, {
          action: 'reconciliation.run',
          targetType: 'reconciliation_run',
          targetId: run.id,
          detail: { day, billRows: bill.length, matched, differences: differences.length },
        });
        return { run, items: await tx.reconciliation.listItems(day) };
      })
      .then((v) => this.named(v.run, v.items));
  }

  /** The order numbers and the resolvers' names a day's page shows (one query per kind of name). */
  private async named(run: ReconciliationRunRecord, items: ReconciliationItemRecord[]): Promise<ReconciliationDay> {
    const names = await this.d.names.namesFor({ orders: items.map((i) => i.orderId), users: items.map((i) => i.resolvedBy) });
    return { run, items, orderNos: names.orders, userNames: names.users };
  }

  /**
   * The settle job's form (`livehub settle`, the server's schedule): reconciles the China day before `now` — the
   * provider's bill of a day is complete the next morning — as the system, and answers the run's figures. Shaped as
   * the settle service's `SettlementJob` (`settle.register(reconciliation.settleJob())`). The server's tick runs the
   * settle job every minute: a day already reconciled is left alone (finance reruns it from the page or the API).
   */
  settleJob(): { name: string; run(now: Date): Promise<Record<string, number | string | boolean>> } {
    return {
      name: 'reconciliation',
      run: async (now: Date): Promise<Record<string, number | string | boolean>> => {
        const day = shanghaiDay(new Date(now.getTime() - 86_400_000));
        if (await this.d.uow.read.reconciliation.findRun(day)) return { day, skipped: true };
        const { run, items } = await this.run(SETTLE_ACTOR, day);
        return {
          day,
          billRows: run.billRows,
          matched: run.matched,
          differences: run.differences,
          open: items.filter((i) => i.status === 'open').length,
        };
      },
    };
  }

  async runs(actor: Actor, limit = 60): Promise<ReconciliationRunRecord[]> {
    if (!READERS.has(actor.role)) throw new AppError('reconciliation.forbidden');
    return this.d.uow.read.reconciliation.listRuns(Math.min(Math.max(limit, 1), 366));
  }

  async day(actor: Actor, day: string): Promise<ReconciliationDay> {
    if (!READERS.has(actor.role)) throw new AppError('reconciliation.forbidden');
    dayPeriod(day);
    const run = await this.d.uow.read.reconciliation.findRun(day);
    if (!run) throw new AppError('reconciliation.run_not_found', { field: 'day' });
    return this.named(run, await this.d.uow.read.reconciliation.listItems(day));
  }

  /** Finance records how a difference was resolved (a note), audited; returns the difference's day as it now stands. */
  async resolve(actor: Actor, itemId: string, note: string): Promise<ReconciliationDay> {
    if (!RUNNERS.has(actor.role)) throw new AppError('reconciliation.forbidden');
    const text = note.trim();
    if (text.length === 0 || text.length > NOTE_MAX)
      throw new AppError('reconciliation.note_invalid', { field: 'note', details: { max: NOTE_MAX } });
    const day = await this.d.uow.transaction(async (tx) => {
      const item = await tx.reconciliation.findItem(itemId);
      if (!item) throw new AppError('reconciliation.item_not_found', { field: 'id' });
      const at = this.d.clock.now();
      if (!(await tx.reconciliation.resolveItem(itemId, { note: text, by: actor.userId, at })))
        throw new AppError('reconciliation.already_resolved', { field: 'id' });
      await this.d.audit.record(tx, actor, {
        action: 'reconciliation.resolve',
        targetType: 'reconciliation_item',
        targetId: itemId,
        detail: { day: item.day, type: item.type, refKind: item.refKind, refId: item.refId, note: text },
      });
      return item.day;
    });
    return this.day(actor, day);
  }
}

function dayPeriod(day: string) {
  const p = parsePeriod(day, 'day');
  if (p.granularity !== 'day') throw new AppError('statements.period_invalid', { field: 'day', details: { period: day } });
  return p;
}
