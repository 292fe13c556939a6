/** The path of an application as antd Steps (current step highlighted) and its event timeline. */
import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  ExclamationCircleOutlined,
  RobotOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { Empty, Space, Steps, type StepsProps, Tag, Timeline, type TimelineProps, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { type Translate, useI18n } from '../../i18n/index.ts';
import type { ApplicationEvent, ApplicationView } from '../../lib/api-types.ts';
import { bi, labelOr } from '../../lib/labels.ts';
import { departmentLabel, eventLabel } from './registry-labels.tsx';

/** Side branches of the workflows (退回补正, 已暂停): shown only while the application is in them. */
const BRANCH_STEPS: ReadonlySet<string> = new Set(['returned', 'suspended']);
const TIME = 'YYYY-MM-DD HH:mm';

/** The title of a step id in the UI language: from the path, the current step, or the dictionary. */
export function stepTitle(t: Translate, locale: string, app: ApplicationView, stepId: string): string {
  if (stepId === app.step) return bi(locale, app.stepTitle);
  const onPath = app.path.find((s) => s.id === stepId);
  if (onPath) return bi(locale, onPath.title);
  return labelOr(t, `registry.step.${stepId === '(new)' ? 'new' : stepId}`, stepId);
}

export function DueTag({ app }: { app: ApplicationView }) {
  const { t } = useI18n();
  if (!app.dueAt) return <Typography.Text type="secondary">{t('registry.noDue')}</Typography.Text>;
  return (
    <Space size={6} wrap data-testid="due-at">
      <Typography.Text type={app.overdue ? 'danger' : undefined} style={{ whiteSpace: 'nowrap' }}>
        {dayjs(app.dueAt).format(TIME)}
      </Typography.Text>
      {app.overdue ? (
        <Tag color="error" variant="solid" data-testid="overdue-tag" style={{ marginInlineEnd: 0 }}>
          {t('registry.overdue')}
        </Tag>
      ) : null}
    </Space>
  );
}

export function ApplicationSteps({ app }: { app: ApplicationView }) {
  const { t, locale } = useI18n();
  const visible = app.path.filter((s) => !BRANCH_STEPS.has(s.id) || s.id === app.step);
  const submitted = app.events.find((e) => e.action === 'submit');
  const items: NonNullable<StepsProps['items']> = [
    {
      title: t('registry.event.submit'),
      status: 'finish',
      content: submitted ? dayjs(submitted.at).format(TIME) : undefined,
    },
  ];
  const index = visible.findIndex((s) => s.id === app.step);
  if (index >= 0) {
    visible.forEach((s, i) => {
      const left = [...app.events].reverse().find((e) => e.fromStep === s.id && e.toStep !== s.id);
      items.push({
        title: bi(locale, s.title),
        status: i < index ? 'finish' : i === index ? (app.status === 'approved' ? 'finish' : 'process') : 'wait',
        content: i < index && left ? dayjs(left.at).format(TIME) : undefined,
      });
    });
  } else {
    // ended outside the path (未通过 / 已撤回 / 已撤销): the path up to where it left, then the outcome
    const last = [...app.events].reverse().find((e) => e.toStep === app.step);
    const stop = visible.findIndex((s) => s.id === last?.fromStep);
    visible.slice(0, stop + 1).forEach((s) => {
      items.push({ title: bi(locale, s.title), status: 'finish' });
    });
    items.push({
      title: bi(locale, app.stepTitle),
      status: app.status === 'withdrawn' ? 'wait' : 'error',
      content: last ? dayjs(last.at).format(TIME) : undefined,
    });
  }
  const current = index >= 0 ? index + 1 : items.length - 1;
  return (
    <div data-testid="application-steps">
      <Steps current={current} items={items} size="small" responsive />
      <div style={{ marginTop: 16, display: 'flex', gap: 24, flexWrap: 'wrap', alignItems: 'center' }}>
        <Space size={8}>
          <Typography.Text type="secondary">{t('registry.app.currentStep')}</Typography.Text>
          <Typography.Text strong data-testid="current-step" data-step={app.step}>
            {bi(locale, app.stepTitle)}
          </Typography.Text>
        </Space>
        {app.dueAt ? (
          <Space size={8}>
            <Typography.Text type="secondary">{t('registry.app.dueAt')}</Typography.Text>
            <DueTag app={app} />
          </Space>
        ) : null}
      </div>
    </div>
  );
}

const GOOD = new Set([
  'approve',
  'vote_approve',
  'joint_approved',
  'dismiss_objection',
  'notice_elapsed',
  'renew',
  'reinstate',
  'resubmit',
]);
const BAD = new Set(['reject', 'vote_reject', 'joint_rejected', 'uphold_objection', 'revoke', 'exit', 'suspend', 'downgrade']);
const WARN = new Set(['return', 'objection', 'withdraw']);
const SYSTEM_STEPS = new Set(['identity_checks', 'credit_inquiry', 'notice_elapsed', 'pre_checks']);

function eventIcon(action: string): { color: string; icon: ReactNode } {
  if (action === 'submit') return { color: 'blue', icon: <SendOutlined /> };
  if (SYSTEM_STEPS.has(action)) return { color: 'gray', icon: <RobotOutlined /> };
  if (GOOD.has(action)) return { color: 'green', icon: <CheckCircleOutlined /> };
  if (BAD.has(action)) return { color: 'red', icon: <CloseCircleOutlined /> };
  if (WARN.has(action)) return { color: 'orange', icon: <ExclamationCircleOutlined /> };
  return { color: 'blue', icon: <ClockCircleOutlined /> };
}

function numberOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** A short, translated summary of what an automatic step found. */
function findings(t: Translate, event: ApplicationEvent): string | null {
  const d = event.detail;
  if (event.action === 'identity_checks') {
    const age = numberOf(d.age);
    return d.idNumber === 'valid' && age !== null ? t('registry.finding.identityOk', { age }) : t('registry.finding.identityFailed');
  }
  if (event.action === 'credit_inquiry') {
    if (d.source === 'livehub-credit' && typeof d.reportNumber === 'string') {
      const rating = d.rating === 'attention' ? t('registry.finding.rating.attention') : t('registry.finding.rating.good');
      return t('registry.finding.creditReport', { number: d.reportNumber, tier: String(d.tier), total: numberOf(d.total) ?? 0, rating });
    }
    const count = numberOf(d.violations) ?? 0;
    const years = numberOf(d.windowYears) ?? 2;
    const rating = d.rating === 'attention' ? t('registry.finding.rating.attention') : t('registry.finding.rating.good');
    return t('registry.finding.credit', { count, years, rating });
  }
  if (event.action === 'pre_checks') {
    const count = (key: string) => (Array.isArray(d[key]) ? (d[key] as unknown[]).length : 0);
    return t('registry.finding.preChecks', { passed: numberOf(d.passed) ?? 0, blocking: count('blocking'), flagged: count('flagged') });
  }
  return null;
}

function actorName(t: Translate, label: string): string {
  return label.startsWith('system:') || label === 'system' ? t('registry.app.system') : label;
}

export function EventTimeline({ app }: { app: ApplicationView }) {
  const { t, locale } = useI18n();
  if (app.events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('registry.app.noEvents')} />;
  const items: NonNullable<TimelineProps['items']> = [...app.events]
    .sort((a, b) => b.seq - a.seq)
    .map((event) => {
      const style = eventIcon(event.action);
      const found = findings(t, event);
      const moved = event.fromStep !== event.toStep;
      return {
        key: String(event.seq),
        color: style.color,
        icon: style.icon,
        content: (
          <div data-testid="timeline-event" data-action={event.action}>
            <Space size={8} wrap>
              <Typography.Text strong>{eventLabel(t, event.action)}</Typography.Text>
              <Typography.Text>{actorName(t, event.actorLabel)}</Typography.Text>
              {event.department ? (
                <Tag color="geekblue" style={{ marginInlineEnd: 0 }} data-testid="timeline-department">
                  {departmentLabel(t, event.department)}
                </Tag>
              ) : null}
              {moved ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {event.fromStep === '(new)'
                    ? `→ ${stepTitle(t, locale, app, event.toStep)}`
                    : `${stepTitle(t, locale, app, event.fromStep)} → ${stepTitle(t, locale, app, event.toStep)}`}
                </Typography.Text>
              ) : null}
            </Space>
            <div className="lh-timeline-meta">{dayjs(event.at).format('YYYY-MM-DD HH:mm:ss')}</div>
            {found ? (
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {found}
              </Typography.Text>
            ) : null}
            {event.reason ? (
              <div className="lh-timeline-reason" data-testid="timeline-reason">
                <Typography.Text type="secondary">{t('registry.app.reason')}：</Typography.Text>
                {event.reason}
              </div>
            ) : null}
          </div>
        ),
      };
    });
  return <Timeline items={items} data-testid="application-timeline" />;
}
