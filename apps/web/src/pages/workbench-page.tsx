import { ArrowRightOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Space, Tag, Typography } from 'antd';
import { createElement } from 'react';
import { useNavigate } from 'react-router';
import { PageHeader } from '../components/page-header.tsx';
import { PendingInvitations } from '../components/pending-invitations.tsx';
import { QueryError } from '../components/query-error.tsx';
import { RecentActivity, WorkbenchCards } from '../components/workbench-cards.tsx';
import { roleLabel, useI18n } from '../i18n/index.ts';
import { useMe } from '../lib/session.ts';
import { navForRole } from '../nav.ts';
import { useWorkbench } from '../queries/shell.ts';
import { LiveGateCard } from './registry/live-gate-card.tsx';
import { MatchActivityCard } from './selection/matching-panels.tsx';

export function WorkbenchPage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const summary = useWorkbench();
  const shortcuts = navForRole(me.role).filter((item) => item.path && item.path !== me.workbench);
  const orgName = summary.data?.orgName ?? me.active?.orgName;

  return (
    <div data-testid={`workbench-${me.role}`}>
      <PageHeader
        testId="workbench-title"
        title={t(`workbench.title.${me.role}`)}
        subtitle={
          <Space size={8} wrap>
            <span>{t(`workbench.subtitle.${me.role}`)}</span>
            {orgName ? <Tag color="volcano">{orgName}</Tag> : null}
          </Space>
        }
        extra={<Typography.Text type="secondary">{t('workbench.greeting', { name: me.user.displayName })}</Typography.Text>}
      />
      <PendingInvitations style={{ marginBottom: 16 }} />
      {me.role === 'streamer' ? <LiveGateCard style={{ marginBottom: 16 }} wide /> : null}
      {summary.error ? (
        <QueryError error={summary.error} onRetry={() => void summary.refetch()} />
      ) : (
        <WorkbenchCards summary={summary.data} loading={summary.isPending} />
      )}
      {me.role === 'base_operator' ? <MatchActivityCard style={{ marginTop: 16 }} /> : null}
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={16}>
          <RecentActivity summary={summary.data} loading={summary.isPending} />
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('workbench.quickLinks')} style={{ height: '100%' }}>
            <Space orientation="vertical" style={{ width: '100%' }}>
              {shortcuts.map((item) => (
                <Button
                  key={item.key}
                  block
                  icon={createElement(item.icon)}
                  style={{ justifyContent: 'flex-start' }}
                  onClick={() => item.path && navigate(item.path)}
                >
                  <span style={{ flex: 1, textAlign: 'start' }}>{t(item.label)}</span>
                  <ArrowRightOutlined style={{ color: '#bfbfbf' }} />
                </Button>
              ))}
              {navForRole(me.role)
                .filter((item) => item.comingSoon)
                .map((item) => (
                  <Button key={item.key} block disabled icon={createElement(item.icon)} style={{ justifyContent: 'flex-start' }}>
                    <span style={{ flex: 1, textAlign: 'start' }}>{t(item.label)}</span>
                    <Tag style={{ marginInlineEnd: 0 }}>{t('common.comingSoon')}</Tag>
                  </Button>
                ))}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {roleLabel(t, me.role)} · @{me.user.username}
              </Typography.Text>
            </Space>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
