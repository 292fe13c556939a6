/** 直播服务协议: the agreements I am party to, what waits for my acceptance, and proposing a new one. */
import { FileProtectOutlined, PlusOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Segmented, Space, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { type HTMLAttributes, useState } from 'react';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryTable } from '../../components/query-table.tsx';
import { useI18n } from '../../i18n/index.ts';
import type { AgreementView } from '../../lib/api-types.ts';
import { useMe } from '../../lib/session.ts';
import { useAgreements } from '../../queries/selection.ts';
import { AgreementCreateModal, termsProductLines } from './agreement-form.tsx';
import { AgreementStatusTag } from './selection-labels.tsx';
import './selection.css';
import { IconTitle } from '../../components/icon-title.tsx';

type Filter = 'all' | 'todo' | AgreementView['status'];
const FILTERS: readonly Filter[] = ['all', 'todo', 'pending', 'in_force', 'terminated', 'expired'];

/** Whether the signed-in party still has to accept the agreement's current version. */
export function awaitsMe(a: AgreementView): boolean {
  if (!a.myParty || a.status === 'terminated' || a.status === 'expired') return false;
  const current = a.versions.find((v) => v.version === a.currentVersion);
  return current !== undefined && !current.acceptances.some((x) => x.party === a.myParty);
}

export function AgreementsPage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<Filter>('all');
  const [creating, setCreating] = useState(false);
  const list = useAgreements({ staleTime: 0 });
  const all = [...(list.data ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const match = (a: AgreementView, f: Filter) => (f === 'all' ? true : f === 'todo' ? awaitsMe(a) : a.status === f);
  const shown = all.filter((a) => match(a, filter));
  const canPropose = me.role === 'merchant_staff' || me.role === 'streamer';

  const columns: TableColumnsType<AgreementView> = [
    {
      title: t('agreement.col.parties'),
      key: 'parties',
      render: (_: unknown, a) => (
        <div>
          <Typography.Text strong data-testid="agreement-counterpart">
            {me.role === 'merchant_staff'
              ? a.streamerName
              : me.role === 'streamer'
                ? a.merchantName
                : `${a.streamerName} × ${a.merchantName}`}
          </Typography.Text>
          {a.mcnName ? (
            <div>
              <Tag color="cyan" style={{ marginInlineEnd: 0, fontSize: 11 }}>
                MCN · {a.mcnName}
              </Tag>
            </div>
          ) : null}
        </div>
      ),
    },
    {
      title: t('agreement.col.products'),
      key: 'products',
      render: (_: unknown, a) => {
        const current = a.versions.find((v) => v.version === a.currentVersion);
        const lines = current ? termsProductLines(current.terms, a.productTitles) : [];
        return (
          <div style={{ fontSize: 12 }}>
            {lines.slice(0, 3).map((l) => (
              <div key={l.id}>
                {l.title} · <Typography.Text type="danger">{l.commission}</Typography.Text>
              </div>
            ))}
            {lines.length > 3 ? <Typography.Text type="secondary">+{lines.length - 3}</Typography.Text> : null}
          </div>
        );
      },
    },
    {
      title: t('agreement.col.status'),
      key: 'status',
      width: 170,
      render: (_: unknown, a) => (
        <Space size={4} wrap>
          <AgreementStatusTag status={a.status} />
          {awaitsMe(a) ? (
            <Tag color="orange" style={{ marginInlineEnd: 0 }} data-testid="agreement-awaits-me">
              {t('agreement.awaitsMe')}
            </Tag>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('agreement.col.version'),
      key: 'version',
      width: 150,
      render: (_: unknown, a) => (
        <span style={{ fontSize: 12 }}>
          {t('agreement.versionN', { n: a.currentVersion })}
          {a.inForceVersion !== null && a.inForceVersion !== a.currentVersion ? (
            <div>
              <Typography.Text type="secondary">{t('agreement.inForceN', { n: a.inForceVersion })}</Typography.Text>
            </div>
          ) : null}
        </span>
      ),
    },
    { title: t('common.createdAt'), key: 'createdAt', width: 130, render: (_: unknown, a) => dayjs(a.createdAt).format('YYYY-MM-DD') },
    { key: 'open', width: 40, render: () => <RightOutlined style={{ color: '#bfbfbf' }} /> },
  ];

  return (
    <div data-testid="agreements-page">
      <PageHeader
        title={<IconTitle icon={<FileProtectOutlined />}>{t('agreement.title')}</IconTitle>}
        subtitle={t('agreement.subtitle')}
        extra={
          <Space wrap>
            <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()}>
              {t('common.refresh')}
            </Button>
            {canPropose ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="agreement-new">
                {t('agreement.new')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Card>
        <div style={{ overflowX: 'auto', marginBottom: 16 }}>
          <Segmented<Filter>
            value={filter}
            onChange={setFilter}
            data-testid="agreement-filter"
            options={FILTERS.map((f) => ({
              value: f,
              label: `${f === 'all' ? t('common.all') : f === 'todo' ? t('agreement.awaitsMe') : t(`agreement.status.${f}`)} ${all.filter((a) => match(a, f)).length}`,
            }))}
          />
        </div>
        <QueryTable<AgreementView>
          query={list}
          rowKey="id"
          columns={columns}
          dataSource={shown}
          scroll={{ x: 860 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('agreement.empty') }}
          rowClassName={() => 'lh-click-row'}
          data-testid="agreements-table"
          onRow={(a) =>
            ({
              'data-testid': 'agreement-row',
              'data-agreement-id': a.id,
              'data-status': a.status,
              onClick: () => navigate(`/agreements/${a.id}`),
            }) as HTMLAttributes<HTMLElement>
          }
        />
      </Card>
      {canPropose ? <AgreementCreateModal open={creating} onClose={() => setCreating(false)} /> : null}
    </div>
  );
}
