/** 我的申请: the signed-in user's (or organization's) applications with their current step and status. */
import { BankOutlined, DownOutlined, IdcardOutlined, PlusOutlined, ReloadOutlined, RightOutlined, ShopOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Dropdown, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { HTMLAttributes } from 'react';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n.ts';
import type { ApplicationView } from '../../lib/api-types.ts';
import { endpoints, queryKeys } from '../../lib/endpoints.ts';
import { DueTag } from './application-progress.tsx';
import { ApplicationStatusTag, bi, KindTag } from './registry-labels.tsx';
import './registry.css';

export function ApplicationsPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const list = useQuery({ queryKey: queryKeys.applications('mine'), queryFn: () => endpoints.listApplications('mine'), staleTime: 0 });
  const items = [...(list.data?.items ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  const columns: TableColumnsType<ApplicationView> = [
    {
      title: t('registry.col.kind'),
      key: 'kind',
      width: 150,
      render: (_: unknown, app) => <KindTag kind={app.kind} title={bi(locale, app.kindTitle)} />,
    },
    {
      title: t('registry.col.subject'),
      key: 'subject',
      render: (_: unknown, app) => <Typography.Text strong>{app.subjectName ?? t('common.none')}</Typography.Text>,
    },
    {
      title: t('registry.col.step'),
      key: 'step',
      width: 170,
      render: (_: unknown, app) => (
        <Tag color={app.status === 'in_progress' ? 'processing' : 'default'} style={{ marginInlineEnd: 0 }} data-testid="row-step">
          {bi(locale, app.stepTitle)}
        </Tag>
      ),
    },
    {
      title: t('registry.col.status'),
      key: 'status',
      width: 110,
      render: (_: unknown, app) => <ApplicationStatusTag status={app.status} />,
    },
    {
      title: t('registry.col.dueAt'),
      key: 'due',
      width: 210,
      render: (_: unknown, app) => (app.status === 'in_progress' ? <DueTag app={app} /> : t('common.none')),
    },
    {
      title: t('registry.col.submittedAt'),
      key: 'createdAt',
      width: 170,
      render: (_: unknown, app) => dayjs(app.createdAt).format('YYYY-MM-DD HH:mm'),
    },
    { key: 'open', width: 48, render: () => <RightOutlined style={{ color: '#bfbfbf' }} /> },
  ];

  return (
    <div data-testid="applications-page">
      <PageHeader
        title={t('registry.apps.title')}
        subtitle={t('registry.apps.subtitle')}
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()}>
              {t('common.refresh')}
            </Button>
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  { key: '/apply/merchant', icon: <ShopOutlined />, label: t('nav.applyMerchant') },
                  { key: '/apply/streamer', icon: <IdcardOutlined />, label: t('nav.applyStreamer') },
                  { key: '/apply/base', icon: <BankOutlined />, label: t('nav.applyBase') },
                ],
                onClick: ({ key }) => navigate(key),
              }}
            >
              <Button type="primary" icon={<PlusOutlined />} data-testid="new-application">
                {t('registry.apps.new')} <DownOutlined />
              </Button>
            </Dropdown>
          </Space>
        }
      />
      <Card>
        {list.error ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<ApplicationView>
            rowKey="id"
            size="middle"
            data-testid="applications-table"
            loading={list.isPending}
            columns={columns}
            dataSource={items}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 960 }}
            locale={{ emptyText: t('registry.apps.empty') }}
            rowClassName={() => 'lh-approvals-row'}
            onRow={(app) =>
              ({
                'data-testid': 'application-row',
                'data-application-id': app.id,
                onClick: () => navigate(`/applications/${app.id}`),
              }) as HTMLAttributes<HTMLElement>
            }
          />
        )}
      </Card>
    </div>
  );
}
