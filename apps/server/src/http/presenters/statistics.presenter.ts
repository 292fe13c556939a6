/**
 * 统计分析's files: the overview's sheets as CSV (the first sheet, UTF-8 with BOM) and as an XLSX workbook (exceljs,
 * one worksheet a sheet, Chinese headers, yuan as numbers). The same writer stores the monthly report's workbook.
 */
import type { StatsSheet } from '@livehub/core';
import ExcelJS from 'exceljs';
import { csvDocument } from '../csv.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function statsCsv(sheets: StatsSheet[]): string {
  const rows: string[][] = [];
  for (const s of sheets) {
    if (rows.length > 0) rows.push([]);
    rows.push([s.name], s.header, ...s.rows.map((r) => r.map((c) => (c === null ? '' : String(c)))));
  }
  return csvDocument(rows);
}

export async function statsXlsx(sheets: StatsSheet[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'LiveHub';
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(s.header).font = { bold: true };
    for (const r of s.rows) ws.addRow(r);
    ws.columns.forEach((col, i) => {
      col.width = i === 0 ? 24 : 16;
    });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export function statsFileName(label: string, ext: 'csv' | 'xlsx'): string {
  return `livehub-statistics-${label}.${ext}`;
}
