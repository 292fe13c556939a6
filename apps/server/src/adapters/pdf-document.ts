/**
 * The PDF documents LiveHub prints (信用报告, 活动总结报告, 行政处罚决定书) share one setup: pdfkit on A4, Chinese text
 * in Noto Sans SC (the OTF fonts of `@embedpdf/fonts-sc`, embedded as subsets, so a document reads the same on a
 * machine with no CJK fonts), the bytes gathered as they are written, and the report's two helpers — a section
 * heading with a rule under it and a row of columns (widths as shares of the text width, a new page when full).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';

const fontDir = join(dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')), '..', 'fonts');
export const REPORT_FONT = join(fontDir, 'NotoSansHans-Regular.otf');
export const REPORT_FONT_BOLD = join(fontDir, 'NotoSansHans-Bold.otf');

export interface PdfWriter {
  doc: PDFKit.PDFDocument;
  /** resolves with the whole document once `doc.end()` has been called */
  done: Promise<Buffer>;
  left: number;
  width: number;
  heading(text: string): void;
  row(cols: Array<[string, number]>): void;
}

/** A new A4 document with the fonts `zh` and `zh-bold` registered. */
export function openPdf(info: { Title: string; Author: string; Subject?: string }, margin = 50): PdfWriter {
  const doc = new PDFDocument({ size: 'A4', margin, info });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (b: Buffer) => chunks.push(b));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('zh', REPORT_FONT);
  doc.registerFont('zh-bold', REPORT_FONT_BOLD);
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
  return { doc, done, left, width, heading, row };
}
