/** 政策服务包's tags and words shared by its pages: eligibility, application status, benefit. */
import type { PolicyView } from '@livehub/contracts';
import { Tag } from 'antd';
import type { MessageKey, Translate } from '../../i18n/index.ts';
import { useI18n } from '../../i18n/index.ts';
import { formatFen } from '../../lib/money.ts';

const ELIGIBILITY_COLOR: Record<string, string> = { eligible: 'green', nearly: 'gold', not_eligible: 'default' };
const APP_COLOR: Record<string, string> = {
  in_review: 'processing',
  returned: 'orange',
  granted: 'green',
  rejected: 'red',
  withdrawn: 'default',
};

export function EligibilityTag({ status }: { status: string }) {
  const { t } = useI18n();
  return <Tag color={ELIGIBILITY_COLOR[status] ?? 'default'}>{t(`policies.status.${status}` as MessageKey)}</Tag>;
}

export function ApplicationStatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  return <Tag color={APP_COLOR[status] ?? 'default'}>{t(`policies.appStatus.${status}` as MessageKey)}</Tag>;
}

/** 政策待遇 in words: kind, amount or rate, cap, description. */
export function benefitText(t: Translate, b: PolicyView['benefit']): string {
  const parts = [t(`policies.benefitKind.${b.kind}` as MessageKey)];
  if (b.amountFen !== null) parts.push(formatFen(b.amountFen));
  if (b.rateBp !== null) parts.push(`${b.rateBp / 100}%`);
  if (b.capFen !== null && b.capFen !== b.amountFen) parts.push(`≤ ${formatFen(b.capFen)}`);
  return `${parts.join(' · ')}${b.description ? `（${b.description}）` : ''}`;
}

/** A reason line with its mark coloured. */
export function ReasonLine({ text, outcome }: { text: string; outcome: string }) {
  const color = outcome === 'met' ? '#389e0d' : outcome === 'unmet' ? '#cf1322' : '#d48806';
  return <div style={{ color }}>{text}</div>;
}
