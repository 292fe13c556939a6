/**
 * The simulated provider's daily trade bill (交易账单), in the shape of WeChat Pay's `tradebill` (bill_type=ALL): a
 * CSV whose first line names the columns, every field prefixed by a backtick, amounts in yuan, then a summary
 * header and line (总交易单数, 应结订单总金额, 退款总金额, …). The simulator journals every payment and refund it
 * actually processes (one JSON line per transaction in a file per China day under the data directory, so a restart
 * keeps the day), builds the bill from that journal, and parses it back with `parseTradeBill` — the parser a real
 * WeChat Pay adapter would use on the downloaded file. Tests inject faults into a day's bill (drop a row, change an
 * amount, duplicate a row, add a row the platform never saw).
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shanghaiDay, fenToYuan, type ProviderBillRow, yuanToFen } from '@livehub/core';

/** WeChat Pay's standard rate for most merchants: 0.60 %, rounded half up to the fen per transaction. */
export const SIM_FEE_BP = 60;
export const feeOf = (fen: number): number => Math.sign(fen) * Math.floor((Math.abs(fen) * SIM_FEE_BP + 5000) / 10_000);

export type BillFault =
  | { type: 'drop'; merchantTradeNo: string }
  | { type: 'amount'; merchantTradeNo: string; amountFen: number }
  | { type: 'duplicate'; merchantTradeNo: string }
  | { type: 'extra'; row: ProviderBillRow };

const HEADER = [
  '交易时间',
  '公众账号ID',
  '商户号',
  '特约商户号',
  '设备号',
  '微信订单号',
  '商户订单号',
  '用户标识',
  '交易类型',
  '交易状态',
  '付款银行',
  '货币种类',
  '应结订单金额',
  '代金券金额',
  '微信退款单号',
  '商户退款单号',
  '退款金额',
  '充值券退款金额',
  '退款类型',
  '退款状态',
  '商品名称',
  '商户数据包',
  '手续费',
  '费率',
  '订单金额',
  '申请退款金额',
  '费率备注',
] as const;
const SUMMARY = ['总交易单数', '应结订单总金额', '退款总金额', '充值券退款总金额', '手续费总金额', '订单总金额', '申请退款总金额'] as const;
const APP_ID = 'wxsimulated000001';
const MCH_ID = '1900000001';

/** `YYYY-MM-DD HH:mm:ss` in China time. */
function chinaTime(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}
function fromChinaTime(s: string): Date {
  return new Date(`${s.replace(' ', 'T')}+08:00`);
}

/** The bill's text, as the provider serves it for download. */
export function formatTradeBill(rows: readonly ProviderBillRow[]): string {
  const lines = [HEADER.join(',')];
  let payments = 0;
  let refunds = 0;
  let fees = 0;
  for (const r of rows) {
    const refund = r.tradeState === 'REFUND';
    if (refund) refunds += r.refundFen;
    else payments += r.amountFen;
    fees += r.feeFen;
    const fields = [
      chinaTime(r.tradeTime),
      APP_ID,
      MCH_ID,
      '0',
      '',
      r.providerTradeNo,
      r.merchantTradeNo,
      'oSimUser',
      r.tradeType,
      r.tradeState,
      'OTHERS',
      'CNY',
      fenToYuan(r.amountFen),
      '0.00',
      refund ? `sim_rf_${r.refundNo ?? ''}` : '0',
      refund ? (r.refundNo ?? '') : '0',
      fenToYuan(r.refundFen),
      '0.00',
      refund ? 'ORIGINAL' : '',
      refund ? 'SUCCESS' : '',
      'LiveHub 订单',
      '',
      fenToYuan(r.feeFen),
      '0.60%',
      fenToYuan(r.amountFen),
      fenToYuan(r.refundFen),
      '',
    ];
    lines.push(fields.map((f) => `\`${f}`).join(','));
  }
  lines.push(SUMMARY.join(','));
  lines.push(
    [rows.length, fenToYuan(payments), fenToYuan(refunds), '0.00', fenToYuan(fees), fenToYuan(payments), fenToYuan(refunds)]
      .map((f) => `\`${f}`)
      .join(','),
  );
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * Parses a WeChat Pay trade bill (the detail lines; the summary is skipped). Refuses a bill whose header lacks a
 * needed column or whose detail lines do not add up to the summary's count.
 */
export function parseTradeBill(text: string): ProviderBillRow[] {
  const lines = text
    .replace(/^\ufeff/, '')
    .split(/\r?\n/)
    .filter((l) => l.length > 0);
  const header = (lines[0] ?? '').split(',');
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`trade bill: no column ${name}`);
    return i;
  };
  const c = {
    time: col('交易时间'),
    wx: col('微信订单号'),
    out: col('商户订单号'),
    type: col('交易类型'),
    state: col('交易状态'),
    amount: col('订单金额'),
    refundNo: col('商户退款单号'),
    refund: col('退款金额'),
    fee: col('手续费'),
  };
  const rows: ProviderBillRow[] = [];
  let i = 1;
  for (; i < lines.length && !(lines[i] as string).startsWith(SUMMARY[0]); i++) {
    const f = (lines[i] as string).split(',').map((x) => x.replace(/^`/, ''));
    const money = (k: number) => {
      const v = yuanToFen(f[k] ?? '');
      if (v === null) throw new Error(`trade bill: line ${i + 1}: bad amount ${f[k]}`);
      return v;
    };
    const state = f[c.state];
    if (state !== 'SUCCESS' && state !== 'REFUND') throw new Error(`trade bill: line ${i + 1}: state ${state}`);
    rows.push({
      tradeTime: fromChinaTime(f[c.time] ?? ''),
      merchantTradeNo: f[c.out] ?? '',
      providerTradeNo: f[c.wx] ?? '',
      tradeType: f[c.type] ?? '',
      tradeState: state,
      amountFen: money(c.amount),
      refundNo: state === 'REFUND' ? (f[c.refundNo] ?? null) : null,
      refundFen: money(c.refund),
      feeFen: money(c.fee),
    });
  }
  const summary = (lines[i + 1] ?? '').split(',').map((x) => x.replace(/^`/, ''));
  if (Number(summary[0]) !== rows.length) throw new Error(`trade bill: ${rows.length} lines, the summary says ${summary[0]}`);
  return rows;
}

/** The transactions the simulator processed, one file per China day (or in memory without a directory). */
export class TradeBillJournal {
  private readonly memory = new Map<string, ProviderBillRow[]>();
  private readonly faults = new Map<string, BillFault[]>();

  constructor(private readonly dir: string | null) {
    if (dir) mkdirSync(dir, { recursive: true });
  }

  record(row: ProviderBillRow): void {
    const day = shanghaiDay(row.tradeTime);
    if (this.dir) appendFileSync(join(this.dir, `${day}.jsonl`), `${JSON.stringify(row)}\n`);
    else this.memory.set(day, [...(this.memory.get(day) ?? []), row]);
  }

  /** Makes the day's bill differ from what was processed (tests of reconciliation). */
  inject(day: string, fault: BillFault): void {
    this.faults.set(day, [...(this.faults.get(day) ?? []), fault]);
  }

  clearFaults(day?: string): void {
    if (day) this.faults.delete(day);
    else this.faults.clear();
  }

  rows(day: string): ProviderBillRow[] {
    let rows: ProviderBillRow[];
    if (this.dir) {
      const file = join(this.dir, `${day}.jsonl`);
      rows = existsSync(file)
        ? readFileSync(file, 'utf8')
            .split('\n')
            .filter((l) => l.length > 0)
            .map((l) => {
              const r = JSON.parse(l) as ProviderBillRow & { tradeTime: string };
              return { ...r, tradeTime: new Date(r.tradeTime) };
            })
        : [];
    } else rows = [...(this.memory.get(day) ?? [])];
    for (const f of this.faults.get(day) ?? []) {
      if (f.type === 'extra') rows.push(f.row);
      else if (f.type === 'drop') rows = rows.filter((r) => r.merchantTradeNo !== f.merchantTradeNo);
      else if (f.type === 'duplicate') {
        const r = rows.find((x) => x.merchantTradeNo === f.merchantTradeNo && x.tradeState === 'SUCCESS');
        if (r) rows.push({ ...r });
      } else
        rows = rows.map((r) =>
          r.merchantTradeNo === f.merchantTradeNo && r.tradeState === 'SUCCESS'
            ? { ...r, amountFen: f.amountFen, feeFen: feeOf(f.amountFen) }
            : r,
        );
    }
    return rows.sort((a, b) => a.tradeTime.getTime() - b.tradeTime.getTime());
  }
}
