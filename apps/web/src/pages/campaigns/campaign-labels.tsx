/** The campaign pages' small parts: status tags, China-time formatting and the rules in words. */
import type { CampaignView, EnrolmentView } from '@livehub/contracts';
import { Tag } from 'antd';
import type { MessageKey, Translate } from '../../i18n/index.ts';
import { formatFen } from '../../lib/money.ts';

const CAMPAIGN_COLOR: Record<CampaignView['status'], string> = {
  draft: 'default',
  published: 'blue',
  running: 'green',
  ended: 'purple',
  cancelled: 'red',
};
const ENROL_COLOR: Record<EnrolmentView['status'], string> = { pending: 'gold', approved: 'green', rejected: 'red' };

export function CampaignStatusTag({ status, t }: { status: CampaignView['status']; t: Translate }) {
  return <Tag color={CAMPAIGN_COLOR[status]}>{t(`campaigns.status.${status}` as MessageKey)}</Tag>;
}

export function EnrolmentStatusTag({ status, t }: { status: EnrolmentView['status']; t: Translate }) {
  return <Tag color={ENROL_COLOR[status]}>{t(`campaigns.enrolStatus.${status}` as MessageKey)}</Tag>;
}

/** `YYYY-MM-DD HH:mm` in China time */
export function chinaTime(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export function periodText(c: Pick<CampaignView, 'startsAt' | 'endsAt'>): string {
  return `${chinaTime(c.startsAt)} – ${chinaTime(c.endsAt)}`;
}

export function rulesText(c: CampaignView, t: Translate, categoryName: (id: string) => string): string[] {
  const out: string[] = [];
  const cap = c.rules.priceCap;
  if (cap.kind === 'lowest_7d') out.push(t('campaigns.priceCap.lowest_7d'));
  if (cap.kind === 'fixed') out.push(...cap.caps.map((x) => `${categoryName(x.categoryId)} ≤ ${formatFen(x.maxFen)}`));
  if (c.rules.requiredLabel) out.push(`${t('campaigns.requiredLabel')}「${c.rules.requiredLabel}」`);
  if (c.rules.minCreditTier) out.push(`${t('campaigns.minCreditTier')} ${c.rules.minCreditTier}`);
  if (c.rules.requireCertified) out.push(t('campaigns.requireCertified'));
  if (c.districts.length > 0) out.push(`${t('campaigns.districts')}：${c.districts.join('、')}`);
  if (c.categoryNames.length > 0) out.push(`${t('campaigns.categories')}：${c.categoryNames.join('、')}`);
  return out;
}
