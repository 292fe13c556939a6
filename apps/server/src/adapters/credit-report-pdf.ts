/**
 * A credit report (信用报告) as a PDF a person can open: Chinese text in Noto Sans (Simplified Chinese, the OTF
 * fonts of the `@embedpdf/fonts-sc` package, embedded as subsets), so it reads the same on a machine with no CJK
 * fonts installed. It prints the signed content, the SHA-256 and the signature, and how to verify the report.
 */
import type { CreditReport } from '@livehub/contracts';
import { openPdf } from './pdf-document.ts';

const KIND: Record<string, string> = { merchant: '商家', streamer: '主播', mcn: 'MCN 机构', base: '直播基地' };
const TIER: Record<string, string> = { A: 'A（优）', B: 'B（良）', C: 'C（中）', D: 'D（差）' };
const EVENT: Record<string, string> = {
  'violation.confirmed': '违规确认',
  'complaint.upheld': '投诉成立',
  'compensation.advanced': '平台先行赔付',
  'order.completed': '订单完成',
  'order.returned': '退货',
  'refund.overdue': '退款超时',
  'shipment.late': '发货延迟',
  'sample.overdue': '样品逾期',
  'certification.lapsed': '资质失效',
  'case.penalty': '行政处罚',
  'training.completed': '完成培训',
  'streaming.clean': '清朗直播',
};
/** the events a PDF lists (the JSON report lists up to 200) */
const PDF_EVENTS = 60;

/** Renders the report; resolves with the PDF's bytes. */
export function creditReportPdf(report: CreditReport, verifyUrl: string): Promise<Buffer> {
  const c = report.content;
  const { doc, done, heading, row } = openPdf({
    Title: `信用报告 ${c.number}`,
    Author: 'LiveHub',
    Subject: `${c.party.name} 信用报告`,
  });

  doc.font('zh-bold').fontSize(20).fillColor('#000').text('直播电商信用报告', { align: 'center' });
  doc.font('zh').fontSize(10).fillColor('#595959').text(`报告编号 ${c.number}　·　出具时间 ${c.issuedAt}`, { align: 'center' });

  heading('主体信息');
  doc.fillColor('#1f1f1f');
  doc.text(`名称：${c.party.name}`);
  doc.text(`类型：${KIND[c.party.kind] ?? c.party.kind}`);
  doc.text(`信用等级：${TIER[c.tier] ?? c.tier}　　信用分：${c.total.toFixed(2)} / 100`);
  doc.text(`评分模型版本：${c.modelVersion}`);

  heading('分项得分');
  for (const d of c.dimensions)
    row([
      [`${d.zh}（权重 ${(d.weightBp / 100).toFixed(0)}%）`, 0.6],
      [d.score.toFixed(2), 0.4],
    ]);

  heading('正在执行的管理措施');
  if (c.measures.length === 0) doc.text('无');
  for (const m of c.measures) doc.text(`· ${m.zh}`);

  heading(`计分事件（共 ${c.eventCount} 条，列出最近 ${Math.min(PDF_EVENTS, c.events.length)} 条）`);
  if (c.events.length === 0) doc.text('无');
  else {
    doc.fillColor('#8c8c8c');
    row([
      ['日期', 0.25],
      ['事件', 0.45],
      ['分值', 0.3],
    ]);
    doc.fillColor('#1f1f1f');
  }
  for (const e of c.events.slice(0, PDF_EVENTS)) {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 20) doc.addPage().font('zh').fontSize(10.5);
    const points = e.waived ? '首违不罚（警示）' : `${e.points > 0 ? '+' : ''}${e.points.toFixed(2)}`;
    row([
      [e.day, 0.25],
      [EVENT[e.kind] ?? e.kind, 0.45],
      [points, 0.3],
    ]);
  }

  heading('防伪校验');
  doc.fontSize(9).fillColor('#1f1f1f');
  doc.text(`内容摘要（SHA-256）：${report.sha256}`);
  doc.text(`平台签名（HMAC-SHA-256）：${report.signature}`);
  doc.moveDown(0.4).fillColor('#595959');
  doc.text(`核验方法：以报告编号与内容摘要访问 ${verifyUrl}，或在平台「信用查询」中输入报告编号与摘要。`);
  doc.text('本报告依据平台记录的信用事件自动生成，每一分值均可追溯到对应事件；申诉成立的事件不计入。');
  doc.end();
  return done;
}
