/**
 * A campaign's after-action report (活动总结报告) as a PDF: the same library (pdfkit) and fonts (Noto Sans SC from
 * `@embedpdf/fonts-sc`, embedded as subsets) as the credit report, so it reads the same on a machine with no CJK fonts.
 */
import type { CampaignReport } from '@livehub/core';
import { CAMPAIGN_STATUS_ZH, ENROLMENT_STATUS_ZH, SESSION_STATUS_ZH, chinaDateTime, yuan } from '../http/presenters/campaign.presenter.ts';
import { openPdf } from './pdf-document.ts';

export function campaignReportPdf(r: CampaignReport): Promise<Buffer> {
  const c = r.campaign;
  const t = r.totals;
  const { doc, done, heading, row } = openPdf({ Title: `${c.name} 活动总结报告`, Author: 'LiveHub' });

  doc.font('zh-bold').fontSize(20).fillColor('#000').text(`${c.name} 活动总结报告`, { align: 'center' });
  doc
    .font('zh')
    .fontSize(10)
    .fillColor('#595959')
    .text(`主办方 ${c.organiserName}　·　生成时间 ${chinaDateTime(t.generatedAt)}`, { align: 'center' });

  heading('活动概况');
  doc.fillColor('#1f1f1f');
  doc.text(`主题：${c.theme || '—'}`);
  doc.text(`活动期间：${chinaDateTime(c.startsAt)} 至 ${chinaDateTime(c.endsAt)}（北京时间）`);
  doc.text(`状态：${CAMPAIGN_STATUS_ZH[c.status] ?? c.status}`);
  doc.text(`活动类目：${c.categoryNames.join('、') || '不限'}　　活动区域：${c.districts.join('、') || '不限'}`);

  heading('活动成效');
  doc.text(`直播场次：${t.sessions}（已结束 ${t.endedSessions}）　　报名商品：${t.products}`);
  doc.text(`峰值观看人数合计：${t.peakViewers}　　订单数：${t.orders}　　成交额：${yuan(t.gmvFen)}`);
  doc.text(`投诉数：${t.complaints}`);

  heading('直播场次');
  row([
    ['场次', 0.26],
    ['主播', 0.14],
    ['共享直播间', 0.2],
    ['状态', 0.08],
    ['峰值观看', 0.1],
    ['成交额', 0.14],
    ['投诉', 0.08],
  ]);
  for (const s of t.perSession)
    row([
      [s.title, 0.26],
      [s.streamerName, 0.14],
      [s.studio ?? '—', 0.2],
      [SESSION_STATUS_ZH[s.status] ?? s.status, 0.08],
      [String(s.peakViewers), 0.1],
      [yuan(s.gmvFen), 0.14],
      [String(s.complaints), 0.08],
    ]);

  heading('报名情况');
  row([
    ['类型', 0.1],
    ['名称', 0.34],
    ['商家/主播', 0.24],
    ['状态', 0.12],
    ['报名价', 0.2],
  ]);
  for (const e of r.enrolments)
    row([
      [e.kind === 'product' ? '商品' : '直播', 0.1],
      [e.subjectName, 0.34],
      [e.partyName, 0.24],
      [ENROLMENT_STATUS_ZH[e.status] ?? e.status, 0.12],
      [yuan(e.priceFen), 0.2],
    ]);

  doc.end();
  return done;
}
