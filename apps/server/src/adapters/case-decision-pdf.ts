/**
 * 行政处罚决定书 (a case's decision, docs/supervision.md "Cases") as a PDF: Chinese text in Noto Sans SC (the fonts
 * of `@embedpdf/fonts-sc`, embedded as subsets, as the credit report does). It names the party, the facts, the
 * party's statement or that it made none in time, the measures, the reasons and basis, and the evidence with each
 * entry's chain hash and the chain's head, so the document can be checked against the case's evidence.
 */
import type { DecisionDocument } from '@livehub/core';
import { MEASURE_LABELS } from '@livehub/core';
import { openPdf } from './pdf-document.ts';

const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const chinaTime = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

function measureText(m: DecisionDocument['measures'][number], products: Record<string, string>): string {
  const label = MEASURE_LABELS[m.kind].zh;
  switch (m.kind) {
    case 'fine':
      return `${label}人民币 ${yuan(m.amountFen)} 元`;
    case 'rectify':
      return `${label}：${m.requirement}`;
    case 'takedown':
      return `${label}「${products[m.productId] ?? '涉案商品'}」`;
    case 'suspend_live':
      return `${label} ${m.days} 日`;
    default:
      return label;
  }
}

export function caseDecisionPdf(d: DecisionDocument): Promise<Uint8Array> {
  const { doc, done } = openPdf({ Title: `行政处罚决定书 ${d.caseNo}`, Author: d.departmentName }, 56);
  doc.font('zh').fontSize(20).fillColor('#000').text(d.departmentName, { align: 'center' });
  doc.fontSize(18).text('行政处罚决定书', { align: 'center' });
  doc.moveDown(0.3).fontSize(10.5).fillColor('#595959').text(d.caseNo, { align: 'center' });
  doc.moveDown(1).fillColor('#1f1f1f').fontSize(11);
  const para = (title: string, body: string) => {
    doc.font('zh').fontSize(12).text(title);
    doc.fontSize(10.5).text(body, { indent: 21, lineGap: 3 });
    doc.moveDown(0.6);
  };
  para('当事人', `${d.partyName}${d.subjectName ? `（涉及：${d.subjectName}）` : ''}`);
  para('案由', d.summary);
  para('违法事实', d.facts);
  para(
    '陈述申辩',
    d.statementLapsed
      ? '本机关已依法告知当事人拟作出行政处罚的事实、理由、依据及其依法享有的陈述、申辩权利，当事人在规定期限内未提出陈述、申辩，视为放弃。'
      : `当事人在规定期限内提出陈述、申辩：${d.statement ?? ''}`,
  );
  para('处罚理由', d.reasoning);
  para('处罚依据', d.legalBasis);
  para('处罚决定', d.measures.map((m, i) => `${i + 1}. ${measureText(m, d.productNames)}`).join('\n'));
  para(
    '证据（电子证据哈希链）',
    [...d.evidence.map((e) => `${e.seq}. ${e.summary}\n   SHA-256 ${e.hash}`), `链头 ${d.evidenceHead}`].join('\n'),
  );
  para('救济途径', '当事人如不服本处罚决定，可以在收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。');
  doc.moveDown(1).fontSize(11).text(d.departmentName, { align: 'right' });
  doc.text(chinaTime(d.decidedAt), { align: 'right' });
  doc.end();
  return done.then((b) => new Uint8Array(b));
}
