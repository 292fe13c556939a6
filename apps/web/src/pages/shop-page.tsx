/** Consumer storefront: the rooms live now (直播广场), recommendations (coming soon) and the account summary. */
import {
  AppleOutlined,
  CoffeeOutlined,
  EnvironmentOutlined,
  HomeOutlined,
  LaptopOutlined,
  RightOutlined,
  SafetyCertificateOutlined,
  ShoppingOutlined,
  SkinOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Typography } from 'antd';
import type { ComponentType } from 'react';
import { Link } from 'react-router';
import { PendingInvitations } from '../components/pending-invitations.tsx';
import { RecentActivity, WorkbenchCards } from '../components/workbench-cards.tsx';
import { type MessageKey, useI18n } from '../i18n.ts';
import { endpoints, queryKeys } from '../lib/endpoints.ts';
import { useMe } from '../lib/session.ts';
import { LiveCards } from './live/live-cards.tsx';

const CATEGORIES: readonly { key: MessageKey; icon: ComponentType; color: string }[] = [
  { key: 'shop.cat.food', icon: AppleOutlined, color: '#52c41a' },
  { key: 'shop.cat.beauty', icon: SkinOutlined, color: '#eb2f96' },
  { key: 'shop.cat.apparel', icon: ShoppingOutlined, color: '#722ed1' },
  { key: 'shop.cat.home', icon: HomeOutlined, color: '#fa8c16' },
  { key: 'shop.cat.digital', icon: LaptopOutlined, color: '#1677ff' },
  { key: 'shop.cat.local', icon: EnvironmentOutlined, color: '#f4442e' },
];

export function ShopPage() {
  const { t } = useI18n();
  const me = useMe();
  const summary = useQuery({ queryKey: queryKeys.workbench, queryFn: endpoints.workbench });

  return (
    <div data-testid="workbench-consumer">
      <div className="lh-shop-hero">
        <Typography.Title
          level={5}
          data-testid="workbench-title"
          style={{ color: 'rgba(255,255,255,0.85)', margin: '0 0 12px', letterSpacing: 2 }}
        >
          {t('nav.shop')}
        </Typography.Title>
        <h2>{t('shop.heroTitle')}</h2>
        <Typography.Paragraph style={{ color: 'rgba(255,255,255,0.9)', margin: 0, fontSize: 15 }}>
          <SafetyCertificateOutlined /> {t('shop.heroSub')}
        </Typography.Paragraph>
      </div>

      <PendingInvitations style={{ marginBottom: 24 }} />
      <Alert type="info" showIcon title={t('shop.comingSoonNote')} style={{ marginBottom: 24 }} />

      <Typography.Title level={4}>{t('shop.categories')}</Typography.Title>
      <Row gutter={[12, 12]} style={{ marginBottom: 28 }}>
        {CATEGORIES.map((c) => {
          const Icon = c.icon;
          return (
            <Col key={c.key} xs={8} md={4}>
              <div className="lh-category">
                <span className="lh-category-icon" style={{ background: c.color }}>
                  <Icon />
                </span>
                {t(c.key)}
              </div>
            </Col>
          );
        })}
      </Row>

      <div className="lh-shop-section-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          <span className="lh-live-dot" style={{ marginInlineEnd: 10, verticalAlign: 'middle' }} />
          {t('shop.liveSquare')}
        </Typography.Title>
        <Link to="/live/square" data-testid="shop-live-more">
          {t('shop.liveMore')} <RightOutlined />
        </Link>
      </div>
      <div style={{ marginBottom: 28 }} data-testid="shop-live">
        <LiveCards limit={4} />
      </div>

      <Typography.Title level={4}>{t('shop.recommend')}</Typography.Title>
      <Row gutter={[16, 16]} style={{ marginBottom: 28 }}>
        {[0, 1, 2, 3, 4, 5].map((i) => (
          <Col key={i} xs={12} md={8} lg={4}>
            <Card styles={{ body: { padding: 12 } }}>
              <div
                style={{
                  height: 110,
                  borderRadius: 8,
                  background: '#fafafa',
                  display: 'flex',
                  alignItems: 'center',
                  justifyContent: 'center',
                  color: '#d9d9d9',
                  fontSize: 32,
                  marginBottom: 10,
                }}
              >
                <CoffeeOutlined />
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('shop.productSoon')}
              </Typography.Text>
            </Card>
          </Col>
        ))}
      </Row>

      <Typography.Title level={4}>
        {t('shop.myAccount')} · {me.user.displayName}
      </Typography.Title>
      <WorkbenchCards summary={summary.data} loading={summary.isPending} />
      <div style={{ marginTop: 16 }}>
        <RecentActivity summary={summary.data} loading={summary.isPending} />
      </div>
    </div>
  );
}
