/** Labels of 举报: categories, targets and states in the UI language, and the state's tag. */
import { REPORT_CATEGORIES, type ReportCategory, type ReportStatus, type ReportTargetKind } from '@livehub/contracts';
import { Tag } from 'antd';
import { type Translate, useI18n } from '../../i18n/index.ts';

export const categoryLabel = (t: Translate, c: ReportCategory) => t(`reports.category.${c}`);
export const targetLabel = (t: Translate, k: ReportTargetKind) => t(`reports.target.${k}`);
export const statusLabel = (t: Translate, s: ReportStatus) => t(`reports.status.${s}`);

export const categoryOptions = (t: Translate) => REPORT_CATEGORIES.map((value) => ({ value, label: categoryLabel(t, value) }));

const STATUS_COLOR: Record<ReportStatus, string> = {
  received: 'blue',
  under_review: 'gold',
  substantiated: 'red',
  unsubstantiated: 'default',
  referred: 'purple',
};

export function ReportStatusTag({ status }: { status: ReportStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="report-status" data-status={status}>
      {statusLabel(t, status)}
    </Tag>
  );
}

/** A time as people in China read it. */
export function formatReportTime(iso: string | null, locale: string): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(locale, { timeZone: 'Asia/Shanghai', hour12: false });
}
