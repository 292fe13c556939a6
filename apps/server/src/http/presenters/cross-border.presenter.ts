/**
 * 跨境商品申报价格核查 as an Excel workbook (exceljs): Chinese headers, a row per cross-border product with its name,
 * merchant, origin (in Chinese), import mode, declared value and the 30 days' median/lowest/highest sale prices in
 * yuan, units, the ratio and the finding. Pure: the numbers are the service's.
 */
import { type CrossBorderReport, IMPORT_MODE_LABELS } from '@livehub/contracts';
import ExcelJS from 'exceljs';

export function crossBorderFileName(r: CrossBorderReport): string {
  return `cross-border-${r.to.slice(0, 10)}.xlsx`;
}

const yuan = (fen: number | null): number | string => (fen === null ? '' : fen / 100);

export async function crossBorderXlsx(r: CrossBorderReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'LiveHub';
  wb.created = new Date(r.to);
  const ws = wb.addWorksheet('跨境商品', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.addRow([
    `跨境商品申报价格核查（近 ${r.windowDays} 日；成交单价中位数 ≥ 申报价格 ${r.ratioThreshold} 倍且售出 ≥ ${r.minUnits} 件为涉嫌低报）`,
  ]).font = { bold: true, size: 14 };
  ws.addRow([
    '商品',
    '商家',
    '原产国（地区）',
    '进口模式',
    '申报价格（元）',
    '成交单价中位数（元）',
    '最低成交价（元）',
    '最高成交价（元）',
    '售出件数',
    '倍数',
    '核查结论',
  ]).font = { bold: true };
  for (const x of r.items)
    ws.addRow([
      x.title,
      x.merchantName,
      x.originName,
      IMPORT_MODE_LABELS[x.importMode],
      yuan(x.declaredValueFen),
      yuan(x.medianFen),
      yuan(x.minFen),
      yuan(x.maxFen),
      x.units,
      x.ratio ?? '',
      x.flagged ? '涉嫌低报' : x.units === 0 ? '期内无成交' : '未见异常',
    ]);
  ws.columns.forEach((col, i) => {
    col.width = i < 2 ? 28 : 14;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
