/**
 * Statements (对账单) and reconciliation (对账) presented: the JSON views, and the statement as a CSV (UTF-8 with a
 * BOM, so Excel reads the Chinese) and as an XLSX workbook (exceljs) — Chinese headers, times in China time,
 * amounts in yuan with two decimals (numbers in the workbook, formatted `#,##0.00`), a totals row per account and
 * one for the whole statement.
 */
import type { ReconciliationDayView, ReconciliationItemView, ReconciliationRunView, StatementView } from '@livehub/contracts';
import {
  DIFFERENCE_TYPE_ZH,
  fenToYuan,
  type ReconciliationItemRecord,
  type ReconciliationRunRecord,
  type ReconciliationDay,
  type Statement,
} from '@livehub/core';
import ExcelJS from 'exceljs';
import { chinaTime, csvDocument } from '../csv.ts';

export function presentStatement(s: Statement): StatementView {
  const totals = (t: { opening: number; credits: number; debits: number; closing: number; lines: number }) => ({
    openingFen: t.opening,
    creditsFen: t.credits,
    debitsFen: t.debits,
    closingFen: t.closing,
    lines: t.lines,
  });
  return {
    partyId: s.partyId,
    partyName: s.partyName,
    period: { label: s.period.label, granularity: s.period.granularity, from: s.period.from.toISOString(), to: s.period.to.toISOString() },
    accounts: s.accounts.map((a) => ({
      accountId: a.accountId,
      kind: a.kind,
      kindLabel: a.kindLabel,
      ...totals(a),
      entries: a.entries.map((l) => ({
        postedAt: l.postedAt.toISOString(),
        entryId: l.entryId,
        seq: l.seq,
        businessKey: l.businessKey,
        kind: l.kind,
        kindLabel: l.kindLabel,
        refType: l.refType,
        refId: l.refId,
        reference: l.reference,
        memo: l.memo,
        amountFen: l.amount,
        balanceAfterFen: l.balanceAfter,
      })),
    })),
    totals: totals(s.totals),
    generatedAt: s.generatedAt.toISOString(),
  };
}

/** The statement's columns, in Chinese. */
export const STATEMENT_HEADER = ['账户', '记账时间', '业务类型', '关联单据', '备注', '收入（元）', '支出（元）', '余额（元）'] as const;

type Cell = string | number | null;

/** The statement as rows of cells: a title, the header, per account an opening row, its lines and a totals row. */
function statementRows(s: Statement, money: (fen: number) => Cell): Cell[][] {
  const rows: Cell[][] = [];
  for (const a of s.accounts) {
    rows.push([a.kindLabel, chinaTime(s.period.from), '期初余额', '', '', null, null, money(a.opening)]);
    for (const l of a.entries)
      rows.push([
        a.kindLabel,
        chinaTime(l.postedAt),
        l.kindLabel,
        l.reference,
        l.memo ?? '',
        l.amount > 0 ? money(l.amount) : null,
        l.amount < 0 ? money(-l.amount) : null,
        money(l.balanceAfter),
      ]);
    rows.push([
      a.kindLabel,
      chinaTime(new Date(s.period.to.getTime() - 1000)),
      `小计（${a.lines} 笔）`,
      '',
      '',
      money(a.credits),
      money(-a.debits),
      money(a.closing),
    ]);
  }
  const t = s.totals;
  rows.push([
    '合计',
    '',
    `期初 ${fenToYuan(t.opening)} 元，共 ${t.lines} 笔`,
    '',
    '',
    money(t.credits),
    money(-t.debits),
    money(t.closing),
  ]);
  return rows;
}

const title = (s: Statement) => `${s.partyName} 对账单 ${s.period.label}`;

export function statementCsv(s: Statement): string {
  const rows = statementRows(s, fenToYuan).map((r) => r.map((c) => (c === null ? '' : String(c))));
  return csvDocument([[title(s)], [...STATEMENT_HEADER], ...rows]);
}

export async function statementXlsx(s: Statement): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'LiveHub';
  wb.created = s.generatedAt;
  const ws = wb.addWorksheet('对账单', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.addRow([title(s)]).font = { bold: true, size: 14 };
  const header = ws.addRow([...STATEMENT_HEADER]);
  header.font = { bold: true };
  // yuan as numbers: the fen divided once for display; the sums in the file are the ledger's, not recomputed
  for (const r of statementRows(s, (fen) => fen / 100)) {
    const row = ws.addRow(r);
    if (r[0] === '合计' || String(r[2]).startsWith('小计')) row.font = { bold: true };
  }
  ws.columns.forEach((col, i) => {
    col.width = [18, 20, 16, 28, 20, 14, 14, 14][i] ?? 14;
    if (i >= 5) col.numFmt = '#,##0.00';
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function statementFileName(s: Statement, ext: 'csv' | 'xlsx'): string {
  return `livehub-statement-${s.period.label}.${ext}`;
}

export function presentRun(r: ReconciliationRunRecord): ReconciliationRunView {
  return { ...r, startedAt: r.startedAt.toISOString(), finishedAt: r.finishedAt.toISOString() };
}

export function presentItem(
  i: ReconciliationItemRecord,
  orderNos: Map<string, string>,
  users: Map<string, string>,
): ReconciliationItemView {
  return {
    id: i.id,
    day: i.day,
    type: i.type,
    typeLabel: DIFFERENCE_TYPE_ZH[i.type],
    refKind: i.refKind,
    refId: i.refId,
    orderId: i.orderId,
    orderNo: i.orderId ? (orderNos.get(i.orderId) ?? null) : null,
    providerRef: i.providerRef,
    billFen: i.billFen,
    ourFen: i.ourFen,
    cause: i.cause,
    status: i.status,
    resolutionNote: i.resolutionNote,
    resolvedBy: i.resolvedBy,
    resolvedByName: i.resolvedBy ? (users.get(i.resolvedBy) ?? null) : null,
    resolvedAt: i.resolvedAt?.toISOString() ?? null,
  };
}

export function presentDay(v: ReconciliationDay): ReconciliationDayView {
  return {
    run: { ...presentRun(v.run), open: v.items.filter((i) => i.status === 'open').length },
    items: v.items.map((i) => presentItem(i, v.orderNos, v.userNames)),
  };
}
