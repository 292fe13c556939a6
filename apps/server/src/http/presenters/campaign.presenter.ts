/**
 * 活动与节庆: campaign, enrolment and totals records → the contract views; the after-action report as an Excel
 * workbook (exceljs) with Chinese headers: 概况, 直播场次, 报名.
 */
import type { CampaignTotalsView, CampaignView, EnrolmentView, PublicCampaignView } from '@livehub/contracts';
import type { CampaignListing, CampaignReport, CampaignTotals, EnrolmentRecord, PublicCampaign } from '@livehub/core';
import ExcelJS from 'exceljs';

export const CAMPAIGN_STATUS_ZH: Record<string, string> = {
  draft: '草稿',
  published: '报名中',
  running: '进行中',
  ended: '已结束',
  cancelled: '已取消',
};
export const ENROLMENT_STATUS_ZH: Record<string, string> = { pending: '待审核', approved: '已通过', rejected: '未通过' };
export const SESSION_STATUS_ZH: Record<string, string> = { scheduled: '待开播', live: '直播中', ended: '已结束', cancelled: '已取消' };

export function presentCampaign(c: CampaignListing): CampaignView {
  return {
    id: c.id,
    organiserOrgId: c.organiserOrgId,
    organiserName: c.organiserName,
    name: c.name,
    theme: c.theme,
    startsAt: c.startsAt.toISOString(),
    endsAt: c.endsAt.toISOString(),
    enrolDeadline: c.enrolDeadline.toISOString(),
    categoryIds: c.categoryIds,
    categoryNames: c.categoryNames,
    districts: c.districts,
    rules: c.rules,
    status: c.status,
    cancelReason: c.cancelReason,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export function presentEnrolment(e: EnrolmentRecord, campaignName?: string): EnrolmentView {
  return {
    id: e.id,
    campaignId: e.campaignId,
    ...(campaignName === undefined ? {} : { campaignName }),
    kind: e.kind,
    productId: e.productId,
    sessionId: e.sessionId,
    subjectName: e.subjectName,
    partyName: e.partyName,
    cardLabel: e.cardLabel,
    priceFen: e.priceFen,
    checks: e.checks,
    status: e.status,
    decisionReason: e.decisionReason,
    decidedAt: e.decidedAt?.toISOString() ?? null,
    createdAt: e.createdAt.toISOString(),
  };
}

export function presentTotals(t: CampaignTotals): CampaignTotalsView {
  return { ...t, generatedAt: t.generatedAt.toISOString() };
}

export function presentPublicCampaign(p: PublicCampaign): PublicCampaignView {
  return {
    ...presentPublicHeader(p.campaign),
    rooms: p.rooms.map((r) => ({ ...r, scheduledAt: r.scheduledAt.toISOString() })),
    products: p.products,
  };
}

export function presentPublicHeader(c: CampaignListing): Omit<PublicCampaignView, 'rooms' | 'products'> {
  return {
    id: c.id,
    name: c.name,
    theme: c.theme,
    organiserName: c.organiserName,
    startsAt: c.startsAt.toISOString(),
    endsAt: c.endsAt.toISOString(),
    status: c.status,
    requiredLabel: c.rules.requiredLabel,
  };
}

/** a date-time in China time, `YYYY-MM-DD HH:mm` */
export function chinaDateTime(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export const yuan = (fen: number | null): string => (fen === null ? '—' : `¥${(fen / 100).toFixed(2)}`);

export function campaignReportFileName(r: CampaignReport, ext: 'xlsx' | 'pdf'): string {
  return `campaign-report-${r.campaign.id.slice(0, 8)}.${ext}`;
}

export async function campaignReportXlsx(r: CampaignReport): Promise<Buffer> {
  const c = r.campaign;
  const t = r.totals;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'LiveHub';
  wb.created = t.generatedAt;
  const summary = wb.addWorksheet('概况');
  summary.addRow([`${c.name} 活动总结报告`]).font = { bold: true, size: 14 };
  const rows: Array<[string, string | number]> = [
    ['主办方', c.organiserName],
    ['主题', c.theme],
    ['活动期间', `${chinaDateTime(c.startsAt)} 至 ${chinaDateTime(c.endsAt)}`],
    ['状态', CAMPAIGN_STATUS_ZH[c.status] ?? c.status],
    ['活动类目', c.categoryNames.join('、') || '不限'],
    ['活动区域', c.districts.join('、') || '不限'],
    ['直播场次', t.sessions],
    ['已结束场次', t.endedSessions],
    ['报名商品（已通过）', t.products],
    ['峰值观看人数合计', t.peakViewers],
    ['订单数', t.orders],
    ['成交额（元）', t.gmvFen / 100],
    ['投诉数', t.complaints],
  ];
  for (const row of rows) summary.addRow(row);
  summary.getColumn(1).width = 22;
  summary.getColumn(2).width = 48;

  const sessions = wb.addWorksheet('直播场次', { views: [{ state: 'frozen', ySplit: 1 }] });
  sessions.addRow(['直播场次', '主播', '共享直播间', '状态', '峰值观看', '订单数', '成交额（元）', '投诉数']).font = { bold: true };
  for (const s of t.perSession)
    sessions.addRow([
      s.title,
      s.streamerName,
      s.studio ?? '—',
      SESSION_STATUS_ZH[s.status] ?? s.status,
      s.peakViewers,
      s.orders,
      s.gmvFen / 100,
      s.complaints,
    ]);
  sessions.columns.forEach((col, i) => {
    col.width = i < 3 ? 28 : 12;
    if (i === 6) col.numFmt = '#,##0.00';
  });

  const enrol = wb.addWorksheet('报名', { views: [{ state: 'frozen', ySplit: 1 }] });
  enrol.addRow(['类型', '名称', '商家/主播', '商品卡标签', '报名价（元）', '状态', '审核意见', '报名时间']).font = { bold: true };
  for (const e of r.enrolments)
    enrol.addRow([
      e.kind === 'product' ? '商品' : '直播场次',
      e.subjectName,
      e.partyName,
      e.cardLabel ?? '',
      e.priceFen === null ? '' : e.priceFen / 100,
      ENROLMENT_STATUS_ZH[e.status] ?? e.status,
      e.decisionReason ?? '',
      chinaDateTime(e.createdAt),
    ]);
  enrol.columns.forEach((col, i) => {
    col.width = i === 1 || i === 2 || i === 6 ? 28 : 14;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
