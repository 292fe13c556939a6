/**
 * What the credit pages share to name things: the tier tag (A 优 / B 良 / C 中 / D 差 in their colours), the party
 * kinds, the event kinds (the engine's eleven, plus its `rate` and `clamp` contributions), the tier moves' reasons,
 * an event's data in words, and points and dates as the pages print them.
 */
import type { CreditEventView, CreditPartyKind, CreditTier } from '@livehub/contracts';
import { Tag } from 'antd';
import dayjs from 'dayjs';
import type { Translate } from '../../i18n/index.ts';
import { useI18n } from '../../i18n/index.ts';
import { labelOr } from '../../lib/labels.ts';

export const TIER_COLOR: Record<CreditTier, string> = { A: '#389e0d', B: '#1677ff', C: '#d48806', D: '#cf1322' };
const TIER_TAG: Record<CreditTier, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };

export const tierLabel = (t: Translate, tier: CreditTier): string => `${tier} ${t(`credit.tier.${tier}`)}`;
export const partyKindLabel = (t: Translate, kind: CreditPartyKind): string => t(`credit.partyKind.${kind}`);

/** The event kind in words: `case.penalty` → 行政处罚; an unknown kind gets a neutral label, never its key. */
export const eventKindLabel = (t: Translate, kind: string): string => labelOr(t, `credit.kind.${kind}`, t('credit.kind.unknown'));

/** Why the tier moved (信用事件, 全量重算, 申诉, 模型变更). */
export const moveReasonLabel = (t: Translate, reason: string): string => labelOr(t, `credit.moveReason.${reason}`, reason);

export function TierTag({ tier, testId }: { tier: CreditTier; testId?: string }) {
  const { t } = useI18n();
  return (
    <Tag color={TIER_TAG[tier]} style={{ marginInlineEnd: 0 }} {...(testId ? { 'data-testid': testId } : {})}>
      {tierLabel(t, tier)}
    </Tag>
  );
}

/** Signed points with two decimals: +1.00, −8.00, 0.00. */
export function formatPoints(points: number): string {
  if (points === 0) return '0.00';
  return points > 0 ? `+${points.toFixed(2)}` : `−${Math.abs(points).toFixed(2)}`;
}

export const formatDay = (iso: string): string => dayjs(iso).format('YYYY-MM-DD');
export const formatTime = (iso: string): string => dayjs(iso).format('YYYY-MM-DD HH:mm');

/** An event's data in words: 严重程度 3 级, 2 小时, 5 天, 按时. */
export function eventDataLabel(t: Translate, data: CreditEventView['data']): string {
  const parts: string[] = [];
  if (typeof data.severity === 'number') parts.push(t('credit.event.severity', { n: data.severity }));
  if (typeof data.hours === 'number') parts.push(t('credit.event.hours', { n: data.hours }));
  if (typeof data.days === 'number') parts.push(t('credit.event.days', { n: data.days }));
  if (typeof data.onTime === 'boolean') parts.push(t(data.onTime ? 'credit.event.onTime' : 'credit.event.late'));
  return parts.join('，');
}

export type AppealStatus = 'open' | 'upheld' | 'rejected';
const APPEAL_COLOR: Record<AppealStatus, string> = { open: 'processing', upheld: 'success', rejected: 'default' };

/** An appeal's status as a tag: 申诉中, 申诉成立, 申诉不成立. */
export function AppealTag({ status }: { status: AppealStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={APPEAL_COLOR[status]} data-testid={`credit-appeal-status-${status}`}>
      {t(`credit.appeal.status.${status}`)}
    </Tag>
  );
}

/** An enforcement mode's name (观察期, 监管沙盒…); an unknown one gets a neutral label, never its key. */
export const modeLabel = (t: Translate, mode: string): string => labelOr(t, `credit.mode.${mode}`, t('credit.mode.unknown'));

/** A clue's trigger in words (违规次数超限, 信用等级降为 D, 退款超时次数超限). */
export const triggerLabel = (t: Translate, trigger: string): string => labelOr(t, `credit.trigger.${trigger}`, t('credit.mode.unknown'));

/** What crossed a clue's threshold, in words: 近 30 天 3 次（阈值 3）, or 信用分 52.95. */
export function clueDetailLabel(t: Translate, detail: Record<string, unknown>): string {
  if (typeof detail.count === 'number' && typeof detail.windowDays === 'number')
    return t('credit.clue.count', { count: detail.count, days: detail.windowDays, threshold: Number(detail.threshold ?? detail.count) });
  if (typeof detail.total === 'number') return t('credit.clue.total', { total: detail.total.toFixed(2) });
  return '';
}
