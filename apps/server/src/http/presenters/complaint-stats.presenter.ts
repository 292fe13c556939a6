/**
 * 投诉统计 as an Excel workbook (exceljs): Chinese headers, a row per merchant / streamer / product with its name,
 * the statuses counted, the upheld rate as a percentage, yuan as numbers, and the period's totals. Pure: the numbers
 * are the service's.
 */
import { COMPLAINT_STATUSES, type ComplaintStats, type ComplaintStatus } from '@livehub/contracts';
import ExcelJS from 'exceljs';

const DIMENSION: Record<ComplaintStats['by'], string> = { merchant: '商家', streamer: '主播', product: '商品' };
const STATUS: Record<ComplaintStatus, string> = {
  awaiting_merchant: '待商家答复',
  negotiating: '协商中',
  mediating: '平台调解中',
  mediation_failed: '调解未成',
  escalated: '已提交监管',
  accepted_by_regulator: '监管已受理',
  refused_by_regulator: '监管不予受理',
  resolved: '已解决',
  dismissed: '已驳回',
  withdrawn: '已撤回',
  regulator_closed: '监管终止调解',
};

export function complaintStatsFileName(s: ComplaintStats): string {
  return `complaint-stats-${s.by}-${s.from}-${s.to}.xlsx`;
}

export async function complaintStatsXlsx(s: ComplaintStats): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'LiveHub';
  wb.created = new Date(s.generatedAt);
  const ws = wb.addWorksheet('投诉统计', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.addRow([`投诉与举报统计（按${DIMENSION[s.by]}） ${s.from} 至 ${s.to}`]).font = { bold: true, size: 14 };
  const header = ws.addRow([
    DIMENSION[s.by],
    '投诉数',
    ...COMPLAINT_STATUSES.map((x) => STATUS[x]),
    '投诉成立',
    '成立率',
    '已赔付（元）',
    '退款/退货（元）',
    '商家答复用时中位数（小时）',
    '举报数',
  ]);
  header.font = { bold: true };
  const line = (name: string, r: Omit<ComplaintStats['rows'][number], 'subjectId' | 'subjectName'>) => [
    name,
    r.complaints,
    ...COMPLAINT_STATUSES.map((x) => r.byStatus[x] ?? 0),
    r.upheld,
    r.upheldRate,
    r.compensationPaidFen / 100,
    r.refundedFen / 100,
    r.medianAnswerHours,
    r.reports,
  ];
  for (const r of s.rows) ws.addRow(line(r.subjectName, r));
  ws.addRow(line('合计', s.totals)).font = { bold: true };
  const n = COMPLAINT_STATUSES.length;
  ws.columns.forEach((col, i) => {
    col.width = i === 0 ? 24 : 12;
    if (i === n + 3) col.numFmt = '0.0%';
    if (i === n + 4 || i === n + 5) col.numFmt = '#,##0.00';
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
