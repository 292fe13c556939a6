/** The application lists (我的申请, 审批工作台) share their columns and their clickable-row table. */
import { Table, type TableColumnType, type TableProps, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { HTMLAttributes } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../i18n/index.ts';
import type { ApplicationView } from '../../lib/api-types.ts';
import { DueTag } from './application-progress.tsx';
import { bi } from '../../lib/labels.ts';
import { ApplicationStatusTag, KindTag } from './registry-labels.tsx';

type Column = TableColumnType<ApplicationView>;

/** Column builders; each page picks its columns, order and widths. */
export function useApplicationColumns() {
  const { t, locale } = useI18n();
  return {
    kind: (): Column => ({
      title: t('registry.col.kind'),
      key: 'kind',
      width: 150,
      render: (_: unknown, app) => <KindTag kind={app.kind} title={bi(locale, app.kindTitle)} />,
    }),
    subject: (): Column => ({
      title: t('registry.col.subject'),
      key: 'subject',
      render: (_: unknown, app) => <Typography.Text strong>{app.subjectName ?? t('common.none')}</Typography.Text>,
    }),
    step: (color: (app: ApplicationView) => string): Column => ({
      title: t('registry.col.step'),
      key: 'step',
      width: 170,
      render: (_: unknown, app) => (
        <Tag color={color(app)} style={{ marginInlineEnd: 0 }} data-testid="row-step">
          {bi(locale, app.stepTitle)}
        </Tag>
      ),
    }),
    status: (width: number): Column => ({
      title: t('registry.col.status'),
      key: 'status',
      width,
      render: (_: unknown, app) => <ApplicationStatusTag status={app.status} />,
    }),
    due: (onlyInProgress: boolean): Column => ({
      title: t('registry.col.dueAt'),
      key: 'due',
      width: 210,
      render: (_: unknown, app) => (!onlyInProgress || app.status === 'in_progress' ? <DueTag app={app} /> : t('common.none')),
    }),
    submittedAt: (width: number, format: string): Column => ({
      title: t('registry.col.submittedAt'),
      key: 'createdAt',
      width,
      render: (_: unknown, app) => dayjs(app.createdAt).format(format),
    }),
  };
}

/** A table of applications whose rows open the application's timeline. */
export function ApplicationTable({
  rowTestId,
  rowAttributes,
  ...props
}: Omit<TableProps<ApplicationView>, 'rowKey' | 'size' | 'pagination' | 'onRow'> & {
  'data-testid': string;
  rowTestId: string;
  /** further data-* attributes on each row */
  rowAttributes?: (app: ApplicationView) => Record<string, string>;
}) {
  const navigate = useNavigate();
  return (
    <Table<ApplicationView>
      rowKey="id"
      size="middle"
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      {...props}
      onRow={(app) =>
        ({
          'data-testid': rowTestId,
          'data-application-id': app.id,
          ...rowAttributes?.(app),
          onClick: () => navigate(`/applications/${app.id}`),
        }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}
