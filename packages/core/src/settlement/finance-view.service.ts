/**
 * The finance pages' reads (资金结算 / 收益 / 财务 / 先行赔付金): a party's balances, its account lines with what each
 * refers to, its income per day, a streamer's or MCN's commission, the platform's accounts and the ledger's check,
 * and the advance-compensation fund. Read-only. The caller's party comes from the actor, never from the request, so
 * nobody reads another party's accounts. Names a page needs are looked up in one batch per kind (the name
 * directory; refunds → their order through the orders context's `CommissionReader`).
 */
import { AppError } from '../errors.ts';
import type { CommissionReader } from '../orders/index.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import type { NameReader } from '../shared/name-directory.ts';
import {
  type BalanceGroup,
  accountLabel,
  entryKindLabel,
  type FinancePartyKind,
  displayMemo,
  fillDays,
  financePartyOf,
  groupOf,
  orderIdOf,
  PLATFORM_KINDS,
  parseBusinessKey,
  type RefType,
  shanghaiPeriod,
} from './finance-view.rules.ts';
import type { LedgerService } from './ledger.service.ts';
import {
  ADVANCE_FUND_ALERT_FLOOR_FEN,
  type AccountLine,
  type LedgerAccountRecord,
  type LineCursor,
  PLATFORM_PARTY,
} from './settlement.types.ts';

export interface FinanceViewDeps {
  uow: ScopedUnitOfWork<'ledger'>;
  clock: Clock;
  ledger: LedgerService;
  names: NameReader;
  /** the orders context's reader: commission per session and product, the order of a refund */
  orders: CommissionReader;
  /** the advance-compensation fund's alert floor (ADVANCE_FUND_ALERT_FLOOR_FEN by default) */
  fundFloorFen?: number | undefined;
}

/** 先行赔付金 as platform finance and regulators see it. */
export interface FundView {
  balanceFen: number;
  /** the alert floor (警戒线): below it the page warns and `settlement.fund_below_floor` was raised */
  floorFen: number;
  belowFloor: boolean;
  totals: {
    /** in: deposits deducted for compensation */
    depositDeductionsFen: number;
    /** out: 先行赔付 payouts to consumers */
    advancedFen: number;
    advances: number;
    /** in: recovered (追偿) from merchants' deposits and balances */
    recoveredFen: number;
    recoveries: number;
  };
  /** money in and out per entry kind, labelled */
  byKind: Array<{ kind: string; label: string; inFen: number; outFen: number; entries: number }>;
  lines: LinePageView;
}

export interface BalanceView {
  kind: string;
  label: string;
  group: BalanceGroup;
  balanceFen: number;
}

export interface BalancesView {
  party: { kind: FinancePartyKind; name: string };
  accounts: BalanceView[];
  totals: { pendingFen: number; availableFen: number; depositFen: number; debtFen: number };
}

export interface LineView {
  entryId: string;
  seq: number;
  postedAt: Date;
  amountFen: number;
  balanceAfterFen: number;
  entryKind: string;
  entryKindLabel: string;
  ref: { type: RefType; orderNo: string | null };
  memo: string | null;
}

export interface LinePageView {
  kind: string;
  items: LineView[];
  next: LineCursor | null;
}

export interface DailyView {
  days: Array<{ day: string; amountFen: number }>;
  totalFen: number;
}

export interface CommissionRowView {
  title: string;
  orders: number;
  gmvFen: number;
  commissionFen: number;
  lastPaidAt: Date | null;
}

export interface PlatformView {
  accounts: BalanceView[];
  feeIncome: DailyView;
  verify: {
    ok: boolean;
    accounts: number;
    entries: number;
    postings: number;
    balanceTotalFen: number;
    unbalancedEntries: number;
    driftedAccounts: number;
    belowFloor: number;
    orphanPostings: number;
  };
}

export interface LinesQuery {
  kind?: string;
  before?: LineCursor;
  limit?: number;
}

/** How many sessions or products the commission tables list (the largest commission first). */
const COMMISSION_ROWS = 100;

export class FinanceViewService {
  constructor(private readonly d: FinanceViewDeps) {}

  /** The caller's balances: every kind its cards show (zero when not opened yet), grouped, with totals per group. */
  async balances(actor: Actor): Promise<BalancesView> {
    const party = financePartyOf(actor);
    const [accounts, names] = await Promise.all([
      this.d.uow.read.ledger.listAccounts(party.partyId),
      this.d.names.namesFor(party.kind === 'streamer' ? { users: [party.partyId] } : { orgs: [party.partyId] }),
    ]);
    const views = balanceViews(party.kinds, accounts);
    const sum = (g: BalanceGroup) => views.filter((v) => v.group === g).reduce((n, v) => n + v.balanceFen, 0);
    const name = (party.kind === 'streamer' ? names.users : names.orgs).get(party.partyId) ?? '';
    return {
      party: { kind: party.kind, name },
      accounts: views,
      totals: { pendingFen: sum('pending'), availableFen: sum('available'), depositFen: sum('deposit'), debtFen: sum('debt') },
    };
  }

  /** The lines of one of the caller's accounts (its available account by default), newest first, a page at a time. */
  async lines(actor: Actor, q: LinesQuery = {}): Promise<LinePageView> {
    const party = financePartyOf(actor);
    const kind = q.kind ?? party.availableKind;
    const account = await this.d.uow.read.ledger.findAccountFor(party.partyId, kind as LedgerAccountRecord['kind']);
    if (!account && !party.kinds.includes(kind)) throw new AppError('finance.kind_not_yours', { field: 'kind', details: { kind } });
    return this.page(kind, account, q);
  }

  /** Σ positive postings into the caller's pending account per Asia/Shanghai day, the last `days` days. */
  async income(actor: Actor, days: number): Promise<DailyView> {
    const party = financePartyOf(actor);
    return this.daily(party.partyId, party.pendingKind, days);
  }

  /** A streamer's or MCN's commission of paid-or-later orders, per live session and per product. */
  async commission(actor: Actor): Promise<{ bySession: CommissionRowView[]; byProduct: CommissionRowView[] }> {
    const party = financePartyOf(actor);
    if (party.kind === 'merchant') throw new AppError('auth.forbidden');
    const whose = party.kind === 'streamer' ? { streamerUserId: party.partyId } : { mcnOrgId: party.partyId };
    const [sessions, products] = await Promise.all([
      this.d.orders.commissionTotals(whose, 'session', COMMISSION_ROWS),
      this.d.orders.commissionTotals(whose, 'product', COMMISSION_ROWS),
    ]);
    const names = await this.d.names.namesFor({ sessions: sessions.map((s) => s.key), products: products.map((p) => p.key) });
    const row =
      (titles: Map<string, string>) =>
      ({ key, orders, gmvFen, commissionFen, lastPaidAt }: (typeof sessions)[number]): CommissionRowView => ({
        title: titles.get(key) ?? '',
        orders,
        gmvFen,
        commissionFen,
        lastPaidAt,
      });
    return { bySession: sessions.map(row(names.sessions)), byProduct: products.map(row(names.products)) };
  }

  /** The platform's accounts, its fee income per day and the ledger's check (platform admins). */
  async platform(actor: Actor, days: number): Promise<PlatformView> {
    if (actor.role !== 'platform_admin' && actor.role !== 'system') throw new AppError('auth.forbidden');
    const [accounts, feeIncome, v] = await Promise.all([
      this.d.uow.read.ledger.listAccounts(PLATFORM_PARTY),
      this.daily(PLATFORM_PARTY, 'platform_fee_revenue', days),
      this.d.ledger.verify(),
    ]);
    return {
      accounts: balanceViews(PLATFORM_KINDS, accounts),
      feeIncome,
      verify: {
        ok: v.ok,
        accounts: v.accounts,
        entries: v.entries,
        postings: v.postings,
        balanceTotalFen: v.balanceTotal,
        unbalancedEntries: v.unbalancedEntries.length,
        driftedAccounts: v.driftedAccounts.length,
        belowFloor: v.belowFloor.length,
        orphanPostings: v.orphanPostings,
      },
    };
  }

  /**
   * 先行赔付金: the fund's balance against its alert floor, its money in and out per kind (deposit deductions and
   * recoveries in, advance payouts out) and its movements, newest first (platform admins and regulators, read-only).
   */
  async fund(actor: Actor, q: Omit<LinesQuery, 'kind'> = {}): Promise<FundView> {
    if (!['platform_admin', 'regulator', 'system'].includes(actor.role)) throw new AppError('auth.forbidden');
    const account = await this.d.uow.read.ledger.findAccountFor(PLATFORM_PARTY, 'advance_compensation_fund');
    const [lines, totals] = await Promise.all([
      this.page('advance_compensation_fund', account, q),
      account ? this.d.uow.read.ledger.totalsByEntryKind(account.id) : Promise.resolve([]),
    ]);
    const balanceFen = account?.balance ?? 0;
    const floorFen = this.d.fundFloorFen ?? ADVANCE_FUND_ALERT_FLOOR_FEN;
    const sum = (kind: string, side: 'inFen' | 'outFen') => totals.filter((t) => t.kind === kind).reduce((n, t) => n + t[side], 0);
    const count = (kind: string) => totals.filter((t) => t.kind === kind).reduce((n, t) => n + t.entries, 0);
    return {
      balanceFen,
      floorFen,
      belowFloor: balanceFen < floorFen,
      totals: {
        depositDeductionsFen: sum('deposit.deduction', 'inFen'),
        advancedFen: sum('compensation.advanced', 'outFen'),
        advances: count('compensation.advanced'),
        recoveredFen: sum('compensation.recovered', 'inFen'),
        recoveries: count('compensation.recovered'),
      },
      byKind: totals.map((t) => ({ kind: t.kind, label: entryKindLabel(t.kind), inFen: t.inFen, outFen: t.outFen, entries: t.entries })),
      lines,
    };
  }

  private async daily(partyId: string, kind: string, days: number): Promise<DailyView> {
    const period = shanghaiPeriod(this.d.clock.now(), Math.min(Math.max(Math.trunc(days), 1), 366));
    const account = await this.d.uow.read.ledger.findAccountFor(partyId, kind as LedgerAccountRecord['kind']);
    const rows = account ? await this.d.uow.read.ledger.incomeByDay([account.id], period.from, period.to) : [];
    return fillDays(period.days, rows);
  }

  private async page(kind: string, account: LedgerAccountRecord | null, q: Omit<LinesQuery, 'kind'>): Promise<LinePageView> {
    if (!account) return { kind, items: [], next: null };
    const limit = Math.min(Math.max(q.limit ?? 50, 1), 200);
    const lines = await this.d.ledger.lines(account.id, { limit, ...(q.before ? { before: q.before } : {}) });
    const items = await this.describe(lines);
    const last = lines.at(-1);
    return { kind, items, next: last && lines.length === limit ? { postedAt: last.postedAt, entryId: last.entryId } : null };
  }

  /** Each line with its entry kind's label and what it refers to (an order by its number; a refund by its order's). */
  private async describe(lines: AccountLine[]): Promise<LineView[]> {
    const refs = lines.map((l) => parseBusinessKey(l.businessKey));
    const refundIds = refs.filter((r) => r.type === 'refund' && r.id).map((r) => r.id as string);
    const refundOrders = refundIds.length > 0 ? await this.d.orders.refundOrderIds([...new Set(refundIds)]) : new Map<string, string>();
    const orderOf = (r: (typeof refs)[number]) => orderIdOf(r) ?? (r.type === 'refund' && r.id ? (refundOrders.get(r.id) ?? null) : null);
    const names = await this.d.names.namesFor({ orders: refs.map(orderOf) });
    return lines.map((l, i) => {
      const ref = refs[i] ?? { type: 'other' as const, id: null };
      const orderId = orderOf(ref);
      return {
        entryId: l.entryId,
        seq: l.seq,
        postedAt: l.postedAt,
        amountFen: l.amount,
        balanceAfterFen: l.balanceAfter,
        entryKind: l.kind,
        entryKindLabel: entryKindLabel(l.kind),
        ref: { type: ref.type, orderNo: orderId ? (names.orders.get(orderId) ?? null) : null },
        memo: displayMemo(l.memo),
      };
    });
  }
}

/** The kinds to show, in order (zero when not opened), then any other account the party holds. */
function balanceViews(kinds: readonly string[], accounts: LedgerAccountRecord[]): BalanceView[] {
  const byKind = new Map(accounts.map((a) => [a.kind as string, a]));
  const view = (kind: string): BalanceView => ({
    kind,
    label: accountLabel(kind),
    group: groupOf(kind),
    balanceFen: byKind.get(kind)?.balance ?? 0,
  });
  return [...kinds.map(view), ...accounts.filter((a) => !kinds.includes(a.kind)).map((a) => view(a.kind))];
}
