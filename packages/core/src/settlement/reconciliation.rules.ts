/**
 * The pure comparison of a day's provider bill with the platform's payments, refunds and ledger entries. Money
 * words from the platform's side: 长款 (long) — the provider holds more than our books say; 短款 (short) — our books
 * say more than the provider holds.
 */
import { fenToYuan } from './statement.rules.ts';
import type { Difference, LedgerFacts, PaymentFact, ProviderBillRow, RefundFact } from './reconciliation.types.ts';

export interface DayRecords {
  /** every payment the bill names or that succeeded in the day, by id */
  payments: Map<string, PaymentFact>;
  /** every refund the bill names or that succeeded in the day, by id */
  refunds: Map<string, RefundFact>;
  /** the ids of the payments and refunds that succeeded in the day (the platform's side of the day) */
  paidToday: Set<string>;
  refundedToday: Set<string>;
  ledger: LedgerFacts;
  /** orderIds whose `order:<id>:paid` entry was posted in the day (the ledger's side of the day) */
  ledgerPaidToday: Set<string>;
  ledgerRefundedToday: Set<string>;
}

export interface Comparison {
  differences: Difference[];
  /** bill rows matched with no difference */
  matched: number;
}

const y = (fen: number | null): string => (fen === null ? '—' : `¥${fenToYuan(fen)}`);

function diff(d: Omit<Difference, 'fingerprint'>, extra = ''): Difference {
  return { ...d, fingerprint: `${d.type}:${d.refKind}:${d.refId}${extra}` };
}

/** Groups rows by a key, keeping their order. */
function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
  return m;
}

/** What a bill row is compared on, once the platform's record of it succeeded: which words name the two sides. */
interface SettledWords {
  /** the record's name and the ledger entry's key pattern, e.g. 支付单 / order:…:paid */
  record: string;
  entry: string;
  /** what is missing when no entry was posted, and what the ledger's side is called */
  unposted: string;
  ledger: string;
}

/**
 * A succeeded record against its bill row: the record's amount, then the ledger's entry (missing, or of another
 * amount). Pushes the differences and answers whether the row is clean (single, and no difference).
 */
function compareSettled(
  out: Difference[],
  base: Pick<Difference, 'refKind' | 'refId' | 'orderId' | 'providerRef'>,
  rows: number,
  billFen: number,
  recordFen: number,
  posted: number | undefined,
  w: SettledWords,
): boolean {
  let clean = rows === 1;
  if (recordFen !== billFen) {
    clean = false;
    out.push(
      diff({
        ...base,
        type: 'amount_mismatch',
        billFen,
        ourFen: recordFen,
        cause: `${w.record}金额 ${y(recordFen)}，渠道账单 ${y(billFen)}`,
      }),
    );
  }
  if (posted === undefined) {
    clean = false;
    out.push(diff({ ...base, type: 'unposted', billFen, ourFen: null, cause: `${w.unposted}（${w.entry}）` }));
  } else if (posted !== billFen) {
    clean = false;
    out.push(
      diff(
        { ...base, type: 'amount_mismatch', billFen, ourFen: posted, cause: `${w.ledger} ${y(posted)}，渠道账单 ${y(billFen)}` },
        ':ledger',
      ),
    );
  }
  return clean;
}

export function compareDay(bill: readonly ProviderBillRow[], ours: DayRecords): Comparison {
  const out: Difference[] = [];
  let matched = 0;
  const payRows = groupBy(
    bill.filter((r) => r.tradeState === 'SUCCESS'),
    (r) => r.merchantTradeNo,
  );
  const refundRows = groupBy(
    bill.filter((r) => r.tradeState === 'REFUND'),
    (r) => r.refundNo ?? '',
  );

  for (const [id, rows] of payRows) {
    const row = rows[0] as ProviderBillRow;
    const p = ours.payments.get(id) ?? null;
    const base = { refKind: 'payment' as const, refId: id, orderId: p?.orderId ?? null, providerRef: row.providerTradeNo };
    if (rows.length > 1)
      out.push(
        diff({
          ...base,
          type: 'duplicate',
          billFen: row.amountFen,
          ourFen: p?.amountFen ?? null,
          cause: `账单中同一支付单出现 ${rows.length} 次`,
        }),
      );
    if (!p) {
      out.push(diff({ ...base, type: 'long', billFen: row.amountFen, ourFen: null, cause: '渠道账单有这笔收款，平台没有对应的支付单' }));
      continue;
    }
    if (p.status === 'pending') {
      out.push(
        diff({
          ...base,
          type: 'missing_notification',
          billFen: row.amountFen,
          ourFen: p.amountFen,
          cause: '渠道已收款，平台未收到支付结果通知（支付单仍为待支付）',
        }),
      );
      continue;
    }
    if (p.status !== 'succeeded') {
      out.push(
        diff({
          ...base,
          type: 'long',
          billFen: row.amountFen,
          ourFen: p.amountFen,
          cause: `渠道已收款，平台支付单状态为${p.status === 'failed' ? '支付失败' : '已关闭'}`,
        }),
      );
      continue;
    }
    const paidWords = { record: '支付单', entry: 'order:…:paid', unposted: '支付成功但台账没有该订单的支付分录', ledger: '台账入账' };
    if (compareSettled(out, base, rows.length, row.amountFen, p.amountFen, ours.ledger.paidByOrder.get(p.orderId), paidWords)) matched++;
  }

  // the platform's payments of the day (records and ledger) that the bill does not have: short
  const paidIds = new Set(ours.paidToday);
  for (const p of ours.payments.values()) if (ours.ledgerPaidToday.has(p.orderId) && p.status === 'succeeded') paidIds.add(p.id);
  for (const id of paidIds) {
    if (payRows.has(id)) continue;
    const p = ours.payments.get(id);
    if (!p) continue;
    out.push(
      diff({
        type: 'short',
        refKind: 'payment',
        refId: id,
        orderId: p.orderId,
        providerRef: p.providerRef,
        billFen: null,
        ourFen: ours.ledger.paidByOrder.get(p.orderId) ?? p.amountFen,
        cause: '平台记为支付成功，渠道账单没有这笔收款',
      }),
    );
  }

  for (const [id, rows] of refundRows) {
    const row = rows[0] as ProviderBillRow;
    const r = ours.refunds.get(id) ?? null;
    const base = { refKind: 'refund' as const, refId: id, orderId: r?.orderId ?? null, providerRef: row.providerTradeNo };
    if (rows.length > 1)
      out.push(
        diff({
          ...base,
          type: 'duplicate',
          billFen: row.refundFen,
          ourFen: r?.amountFen ?? null,
          cause: `账单中同一退款单出现 ${rows.length} 次`,
        }),
      );
    if (!r) {
      out.push(diff({ ...base, type: 'short', billFen: row.refundFen, ourFen: null, cause: '渠道已退款，平台没有对应的退款单' }));
      continue;
    }
    if (r.status === 'pending') {
      out.push(
        diff({
          ...base,
          type: 'missing_notification',
          billFen: row.refundFen,
          ourFen: r.amountFen,
          cause: '渠道已退款，平台未收到退款结果通知（退款单仍为处理中）',
        }),
      );
      continue;
    }
    if (r.status !== 'succeeded') {
      out.push(diff({ ...base, type: 'short', billFen: row.refundFen, ourFen: r.amountFen, cause: '渠道已退款，平台退款单记为失败' }));
      continue;
    }
    const refundWords = { record: '退款单', entry: 'refund:…:paid', unposted: '退款成功但台账没有该退款的到账分录', ledger: '台账退款' };
    if (compareSettled(out, base, rows.length, row.refundFen, r.amountFen, ours.ledger.refundPaid.get(r.id), refundWords)) matched++;
  }

  // refunds the platform paid out in the day that the provider did not make: long (the provider still holds it)
  const refundIds = new Set([...ours.refundedToday, ...ours.ledgerRefundedToday]);
  for (const id of refundIds) {
    if (refundRows.has(id)) continue;
    const r = ours.refunds.get(id);
    out.push(
      diff({
        type: 'long',
        refKind: 'refund',
        refId: id,
        orderId: r?.orderId ?? null,
        providerRef: null,
        billFen: null,
        ourFen: ours.ledger.refundPaid.get(id) ?? r?.amountFen ?? null,
        cause: '平台记为已退款，渠道账单没有这笔退款',
      }),
    );
  }
  return { differences: out, matched };
}

/** The bill's totals: payments in, refunds out, fees. */
export function billTotals(bill: readonly ProviderBillRow[]): { payments: number; refunds: number; fees: number } {
  let payments = 0;
  let refunds = 0;
  let fees = 0;
  for (const r of bill) {
    if (r.tradeState === 'SUCCESS') payments += r.amountFen;
    else refunds += r.refundFen;
    fees += r.feeFen;
  }
  return { payments, refunds, fees };
}

/** The order id of a `order:<id>:paid` key and the refund id of a `refund:<id>:paid` key. */
export function paidKeyId(key: string, head: 'order' | 'refund'): string | null {
  const m = new RegExp(`^${head}:([^:]+):paid$`).exec(key);
  return m ? (m[1] as string) : null;
}
