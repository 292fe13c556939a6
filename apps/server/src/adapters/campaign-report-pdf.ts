/**
 * A campaign's after-action report (活动总结报告) as a PDF: the same library (pdfkit) and fonts (Noto Sans SC from
 * `@embedpdf/fonts-sc`, embedded as subsets) as the credit report, so it reads the same on a machine with no CJK fonts.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { CampaignReport } from '@livehub/core';
import PDFDocument from 'pdfkit';
import { CAMPAIGN_STATUS_ZH, ENROLMENT_STATUS_ZH, SESSION_STATUS_ZH, chinaDateTime, yuan } from '../http/presenters/campaign.presenter.ts';

const fontDir = join(dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')), '..', 'fonts');
const FONT = join(fontDir, 'NotoSansHans-Regular.otf');
const FONT_BOLD = join(fontDir, 'NotoSansHans-Bold.otf');

export function campaignReportPdf(r: CampaignReport): Promise<Buffer> {
  const c = r.campaign;
  const t = r.totals;
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `${c.name} 活动总结报告`, Author: 'LiveHub' } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (b: Buffer) => chunks.push(b));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('zh', FONT);
  doc.registerFont('zh-bold', FONT_BOLD);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const heading = (text: string) => {
    doc.moveDown(0.8).font('zh-bold').fontSize(13).fillColor('#1f1f1f').text(text, left);
    doc
      .moveTo(left, doc.y + 2)
      .lineTo(left + width, doc.y + 2)
      .strokeColor('#d9d9d9')
      .stroke();
    doc.moveDown(0.4).font('zh').fontSize(10.5);
  };
  const row = (cols: Array<[string, number]>) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 20) doc.addPage();
    const y = doc.y;
    let x = left;
    for (const [text, w] of cols) {
      doc.text(text, x, y, { width: w * width, lineBreak: false, ellipsis: true });
      x += w * width;
    }
    doc.x = left;
    doc.y = y + 16;
  };

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
    ['场次', 0.34],
    ['主播', 0.2],
    ['状态', 0.1],
    ['峰值观看', 0.1],
    ['成交额', 0.16],
    ['投诉', 0.1],
  ]);
  for (const s of t.perSession)
    row([
      [s.title, 0.34],
      [s.streamerName, 0.2],
      [SESSION_STATUS_ZH[s.status] ?? s.status, 0.1],
      [String(s.peakViewers), 0.1],
      [yuan(s.gmvFen), 0.16],
      [String(s.complaints), 0.1],
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
