/**
 * 活动专区 (public, no sign-in): the published, running and ended campaigns; a campaign's page lists its live and
 * coming rooms (approved sessions) and its products (approved, with their card label).
 */
import { Card, Col, Empty, List, Row, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { PublicPageFrame } from '../../components/public-page-frame.tsx';
import { useI18n } from '../../i18n/index.ts';
import { formatFen } from '../../lib/money.ts';
import { usePublicCampaign, usePublicCampaigns } from '../../queries/campaigns.ts';
import { CampaignStatusTag, chinaTime, periodText } from './campaign-labels.tsx';

export function PublicCampaignPage() {
  const { id } = useParams();
  return id ? <OneCampaign id={id} /> : <AllCampaigns />;
}

function AllCampaigns() {
  const { t } = useI18n();
  const list = usePublicCampaigns();
  return (
    <PublicPageFrame
      testId="campaign-public"
      titleTestId="campaign-public-title"
      title={t('campaignPublic.title')}
      subtitle={t('campaignPublic.subtitle')}
      footer={t('campaignPublic.footer')}
    >
      <Card title={t('campaignPublic.all')}>
        <List
          loading={list.isLoading}
          dataSource={list.data ?? []}
          renderItem={(c) => (
            <List.Item>
              <List.Item.Meta
                title={<Link to={`/campaigns/public/${c.id}`}>{c.name}</Link>}
                description={
                  <Space>
                    <CampaignStatusTag status={c.status} t={t} />
                    {c.organiserName}
                    {periodText(c)}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </PublicPageFrame>
  );
}

function OneCampaign({ id }: { id: string }) {
  const { t } = useI18n();
  const page = usePublicCampaign(id);
  const c = page.data;
  return (
    <PublicPageFrame
      testId="campaign-public"
      titleTestId="campaign-public-title"
      title={c?.name ?? t('campaignPublic.title')}
      subtitle={c ? `${c.organiserName} · ${periodText(c)}${c.theme ? ` · ${c.theme}` : ''}` : ''}
      footer={
        <>
          {t('campaignPublic.footer')} · <Link to="/campaigns/public">{t('campaignPublic.list')}</Link>
        </>
      }
    >
      <Card title={t('campaignPublic.rooms')} style={{ marginBottom: 16 }} loading={page.isLoading}>
        {c && c.rooms.length > 0 ? (
          <Row gutter={[16, 16]}>
            {c.rooms.map((r) => (
              <Col xs={24} sm={12} md={8} key={r.sessionId}>
                <Card size="small" data-testid="campaign-public-room">
                  <Space direction="vertical" size={4}>
                    <Typography.Text strong>{r.title}</Typography.Text>
                    <span>{r.streamerName}</span>
                    {r.status === 'live' ? (
                      <Tag color="red">{t('campaigns.liveNow')}</Tag>
                    ) : (
                      <Tag>{`${t('campaignPublic.upcoming')} ${chinaTime(r.scheduledAt)}`}</Tag>
                    )}
                    <Link to={`/live/rooms/${r.sessionId}`}>{t('campaignPublic.enter')}</Link>
                  </Space>
                </Card>
              </Col>
            ))}
          </Row>
        ) : (
          <Empty description={t('campaignPublic.noRooms')} />
        )}
      </Card>
      <Card title={t('campaignPublic.products')} loading={page.isLoading}>
        {c && c.products.length > 0 ? (
          <Row gutter={[16, 16]}>
            {c.products.map((p) => (
              <Col xs={24} sm={12} md={6} key={p.productId}>
                <Card size="small" data-testid="campaign-public-product">
                  <Space direction="vertical" size={4}>
                    {p.cardLabel ? <Tag color="red">{p.cardLabel}</Tag> : null}
                    <Typography.Text strong>{p.title}</Typography.Text>
                    <span>{p.merchantName}</span>
                    <Typography.Text type="danger">{p.priceFen === null ? '' : formatFen(p.priceFen)}</Typography.Text>
                  </Space>
                </Card>
              </Col>
            ))}
          </Row>
        ) : (
          <Empty description={t('campaignPublic.noProducts')} />
        )}
      </Card>
    </PublicPageFrame>
  );
}
