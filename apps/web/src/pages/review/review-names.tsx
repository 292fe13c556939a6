/**
 * Names instead of ids in the review console: a session by its title, people and organizations by their names,
 * rules by their code and short name. An id the platform cannot name (an external session or product ref, a
 * deleted user) shows as a labelled placeholder, with the ref only in a tooltip.
 */
import { Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { type MessageKey, useI18n } from '../../i18n/index.ts';
import type { ReviewItem } from '../../lib/api-types.ts';

function Named({ name, id, unknown, testId }: { name: string | null; id: string | null; unknown: MessageKey; testId?: string }) {
  const { t } = useI18n();
  if (name) return <span data-testid={testId}>{name}</span>;
  if (!id) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <Tooltip title={id}>
      <Typography.Text type="secondary" data-testid={testId}>
        {t(unknown)}
      </Typography.Text>
    </Tooltip>
  );
}

export function SessionName({ event }: { event: ReviewItem['event'] }) {
  return <Named name={event.sessionTitle} id={event.sessionRef} unknown="review.externalSession" testId="review-session-name" />;
}

export function PersonName({ name, id, testId }: { name: string | null; id: string | null; testId?: string }) {
  return <Named name={name} id={id} unknown="review.unknownPerson" {...(testId ? { testId } : {})} />;
}

export function OrgName({ name, id }: { name: string | null; id: string | null }) {
  return <Named name={name} id={id} unknown="review.unknownOrg" />;
}

export function ProductName({ name, id }: { name: string | null; id: string | null }) {
  return <Named name={name} id={id} unknown="review.externalProduct" />;
}

/** A rule as reviewers speak of it: 「DIV-001 引导用户添加站外联系方式」. */
export function RuleLabel({ code, item, strong }: { code: string; item: Pick<ReviewItem, 'ruleNames'>; strong?: boolean }): ReactNode {
  const { locale } = useI18n();
  const name = item.ruleNames.find((r) => r.id === code);
  return (
    <span data-testid="rule-label" data-rule={code}>
      <Typography.Text strong={strong ?? false} className="lh-mono">
        {code}
      </Typography.Text>
      {name ? <Typography.Text style={{ marginInlineStart: 6 }}>{locale === 'zh-CN' ? name.zh : name.en}</Typography.Text> : null}
    </span>
  );
}
