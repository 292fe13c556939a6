/** WorkbenchSummary rendering: statistic cards and the "最近动态" timeline. */
import {
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BankOutlined,
  ClusterOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  TeamOutlined,
  UserOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import type { WorkbenchSummary } from '@livehub/contracts';
import { Card, Col, Empty, Row, Skeleton, Statistic, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ComponentType } from 'react';
import { activityLabel, actorName, cardLabel, targetLabel, useI18n } from '../i18n/index.ts';

const CARD_STYLE: Record<string, { icon: ComponentType; color: string; bg: string }> = {
  users: { icon: UserOutlined, color: '#1677ff', bg: '#e6f4ff' },
  organizations: { icon: ApartmentOutlined, color: '#722ed1', bg: '#f9f0ff' },
  live_bases: { icon: BankOutlined, color: '#fa8c16', bg: '#fff7e6' },
  mcns: { icon: ClusterOutlined, color: '#13c2c2', bg: '#e6fffb' },
  merchants: { icon: ShopOutlined, color: '#eb2f96', bg: '#fff0f6' },
  streamers: { icon: VideoCameraOutlined, color: '#f4442e', bg: '#fff2ee' },
  audit_entries: { icon: AuditOutlined, color: '#52c41a', bg: '#f6ffed' },
  members: { icon: TeamOutlined, color: '#2f54eb', bg: '#f0f5ff' },
  departments: { icon: ApartmentOutlined, color: '#faad14', bg: '#fffbe6' },
  api_tokens: { icon: ApiOutlined, color: '#597ef7', bg: '#f0f5ff' },
  regulators: { icon: SafetyCertificateOutlined, color: '#cf1322', bg: '#fff1f0' },
};
const FALLBACK_STYLE = { icon: AuditOutlined, color: '#8c8c8c', bg: '#f5f5f5' };

export function WorkbenchCards({ summary, loading }: { summary: WorkbenchSummary | undefined; loading: boolean }) {
  const { t } = useI18n();
  if (loading) {
    return (
      <Row gutter={[16, 16]}>
        {[0, 1, 2, 3].map((i) => (
          <Col key={i} xs={24} sm={12} xl={6}>
            <Card>
              <Skeleton active paragraph={{ rows: 1 }} />
            </Card>
          </Col>
        ))}
      </Row>
    );
  }
  if (!summary || summary.cards.length === 0) {
    return (
      <Card>
        <Empty description={t('workbench.noCards')} />
      </Card>
    );
  }
  return (
    <Row gutter={[16, 16]} data-testid="workbench-cards">
      {summary.cards.map((card) => {
        const style = CARD_STYLE[card.key] ?? FALLBACK_STYLE;
        const Icon = style.icon;
        return (
          <Col key={card.key} xs={24} sm={12} xl={6}>
            <Card className="lh-stat-card" data-testid={`card-${card.key}`}>
              <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 12 }}>
                <Statistic title={cardLabel(t, card.key)} value={card.value} suffix={card.unit} />
                <span
                  style={{
                    width: 48,
                    height: 48,
                    borderRadius: 12,
                    display: 'flex',
                    alignItems: 'center',
                    justifyContent: 'center',
                    fontSize: 22,
                    color: style.color,
                    background: style.bg,
                    flex: 'none',
                  }}
                >
                  <Icon />
                </span>
              </div>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}

export function RecentActivity({ summary, loading }: { summary: WorkbenchSummary | undefined; loading: boolean }) {
  const { t } = useI18n();
  return (
    <Card title={t('workbench.recent')} data-testid="workbench-recent" style={{ height: '100%' }}>
      {loading ? (
        <Skeleton active />
      ) : !summary || summary.recent.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.noRecent')} />
      ) : (
        <Timeline
          items={summary.recent.map((entry, index) => ({
            key: `${entry.at}-${index}`,
            content: (
              <div>
                <Typography.Text strong>{actorName(t, entry.actorLabel)}</Typography.Text>
                <Typography.Text style={{ marginInline: 6 }} data-testid="activity-action">
                  {activityLabel(t, entry.action)}
                </Typography.Text>
                <Typography.Text type="secondary">{targetLabel(t, entry.targetType)}</Typography.Text>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {dayjs(entry.at).format('YYYY-MM-DD HH:mm:ss')}
                  </Typography.Text>
                </div>
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
