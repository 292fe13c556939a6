/** 我的申请: the signed-in user's (or organization's) applications with their current step and status. */
import { BankOutlined, DownOutlined, IdcardOutlined, PlusOutlined, ReloadOutlined, RightOutlined, ShopOutlined } from '@ant-design/icons';
import { Button, Card, Dropdown, Space, type TableColumnsType } from 'antd';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n/index.ts';
import type { ApplicationView } from '../../lib/api-types.ts';
import { useApplications } from '../../queries/registry.ts';
import { ApplicationTable, useApplicationColumns } from './application-table.tsx';
import './registry.css';

export function ApplicationsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const list = useApplications('mine', undefined, { staleTime: 0 });
  const items = [...(list.data?.items ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  const col = useApplicationColumns();
  const columns: TableColumnsType<ApplicationView> = [
    col.kind(),
    col.subject(),
    col.step((app) => (app.status === 'in_progress' ? 'processing' : 'default')),
    col.status(110),
    col.due(true),
    col.submittedAt(170, 'YYYY-MM-DD HH:mm'),
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
          <ApplicationTable
            data-testid="applications-table"
            rowTestId="application-row"
            loading={list.isPending}
            columns={columns}
            dataSource={items}
            scroll={{ x: 960 }}
            locale={{ emptyText: t('registry.apps.empty') }}
            rowClassName={() => 'lh-approvals-row'}
          />
        )}
      </Card>
    </div>
  );
}
