/**
 * Consumer storefront (/shop): what is on sale in the rooms live now, filtered by category tiles, each with the way
 * to buy it (the room's checkout) and to its room; the rooms live now (直播广场); the buyer's own orders waiting on
 * them. Everything comes from GET /api/live/sessions?scope=live and GET /api/workbench.
 */
import {
  AppleOutlined,
  AppstoreOutlined,
  EnvironmentOutlined,
  HomeOutlined,
  LaptopOutlined,
  PlayCircleOutlined,
  RightOutlined,
  SafetyCertificateOutlined,
  ShoppingOutlined,
  SkinOutlined,
} from '@ant-design/icons';
import { Button, Card, Col, Empty, Row, Skeleton, Typography } from 'antd';
import { type ComponentType, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PendingInvitations } from '../components/pending-invitations.tsx';
import { QueryError } from '../components/query-error.tsx';
import { WorkbenchCards } from '../components/workbench-cards.tsx';
import { type MessageKey, useI18n } from '../i18n/index.ts';
import type { LiveSessionView } from '../lib/api-types.ts';
import { useMe } from '../lib/session.ts';
import { useWorkbench } from '../queries/shell.ts';
import { coverFor } from './live/live-labels.tsx';
import { LiveCards, roomPath, useLiveNow } from './live/live-cards.tsx';
import { formatFen } from '../lib/money.ts';

/** A tile and the catalog categories it gathers (a category id, or its parent's, matches). */
interface CategoryTile {
  key: string;
  label: MessageKey;
  icon: ComponentType;
  color: string;
  categories: readonly string[];
}

export const SHOP_TILES: readonly CategoryTile[] = [
  { key: 'food', label: 'shop.cat.food', icon: AppleOutlined, color: '#52c41a', categories: ['food', 'agri.fresh', 'agri.grain'] },
  { key: 'beauty', label: 'shop.cat.beauty', icon: SkinOutlined, color: '#eb2f96', categories: ['cosmetics'] },
  { key: 'apparel', label: 'shop.cat.apparel', icon: ShoppingOutlined, color: '#722ed1', categories: ['apparel'] },
  { key: 'home', label: 'shop.cat.home', icon: HomeOutlined, color: '#fa8c16', categories: ['home', 'baby', 'books'] },
  { key: 'digital', label: 'shop.cat.digital', icon: LaptopOutlined, color: '#1677ff', categories: ['electronics'] },
  {
    key: 'local',
    label: 'shop.cat.local',
    icon: EnvironmentOutlined,
    color: '#f4442e',
    categories: ['agri.specialty', 'handicraft', 'agri'],
  },
];

export function tileMatches(tile: CategoryTile, categoryId: string | null | undefined): boolean {
  if (!categoryId) return false;
  return tile.categories.some((c) => categoryId === c || categoryId.startsWith(`${c}.`));
}

export interface OnSale {
  productId: string;
  title: string;
  categoryId: string | null;
  minPriceFen: number | null;
  sessionId: string;
  sessionTitle: string;
  streamerName: string;
}

/** Each product on sale in a live room once (in the room that went live last). */
export function productsOnSale(sessions: readonly LiveSessionView[]): OnSale[] {
  const seen = new Map<string, OnSale>();
  const newest = [...sessions].sort((a, b) => (b.startedAt ?? '').localeCompare(a.startedAt ?? ''));
  for (const s of newest) {
    for (const p of s.products) {
      if (seen.has(p.productId)) continue;
      seen.set(p.productId, {
        productId: p.productId,
        title: p.title,
        categoryId: p.categoryId ?? null,
        minPriceFen: p.minPriceFen,
        sessionId: s.id,
        sessionTitle: s.title,
        streamerName: s.streamerName,
      });
    }
  }
  return [...seen.values()];
}

const checkoutPath = (p: OnSale) => `/checkout?${new URLSearchParams({ product: p.productId, session: p.sessionId, qty: '1' }).toString()}`;

function ProductCard({ p }: { p: OnSale }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Card
      className="lh-shop-product"
      data-testid="shop-product"
      data-product-id={p.productId}
      data-tiles={SHOP_TILES.filter((x) => tileMatches(x, p.categoryId))
        .map((x) => x.key)
        .join(' ')}
      styles={{ body: { padding: 12 } }}
      cover={
        <Link to={roomPath(p.sessionId)} className="lh-shop-product-cover" style={{ background: coverFor(p.productId) }}>
          <span className="lh-live-dot-badge">
            <span className="lh-live-dot" />
            {t('live.status.live')}
          </span>
          <PlayCircleOutlined className="lh-shop-product-play" />
        </Link>
      }
    >
      <Typography.Paragraph strong ellipsis={{ rows: 2 }} style={{ minHeight: 44, marginBottom: 6 }} data-testid="shop-product-title">
        {p.title}
      </Typography.Paragraph>
      <div className="lh-shop-product-meta">
        {p.minPriceFen !== null ? <span className="lh-price">{t('live.card.from', { price: formatFen(p.minPriceFen) })}</span> : null}
      </div>
      <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12, marginBottom: 8 }}>
        {t('shop.inRoom', { streamer: p.streamerName })}
      </Typography.Text>
      <Button
        type="primary"
        block
        size="small"
        data-testid="shop-buy"
        disabled={p.minPriceFen === null}
        onClick={() => navigate(checkoutPath(p))}
      >
        {t('shop.buy')}
      </Button>
    </Card>
  );
}

function OnSaleGrid({ tile }: { tile: CategoryTile | null }) {
  const { t } = useI18n();
  const live = useLiveNow();
  const all = useMemo(() => productsOnSale(live.data ?? []), [live.data]);
  if (live.error) return <QueryError error={live.error} onRetry={() => void live.refetch()} />;
  if (live.isPending)
    return (
      <Row gutter={[12, 12]}>
        {[0, 1, 2, 3].map((i) => (
          <Col key={i} xs={12} md={8} lg={6}>
            <Card>
              <Skeleton active paragraph={{ rows: 2 }} />
            </Card>
          </Col>
        ))}
      </Row>
    );
  const shown = tile ? all.filter((p) => tileMatches(tile, p.categoryId)) : all;
  if (shown.length === 0)
    return (
      <Card>
        <Empty
          data-testid="shop-products-empty"
          description={tile ? t('shop.noneInCategory', { category: t(tile.label) }) : t('shop.noneOnSale')}
        />
      </Card>
    );
  return (
    <Row gutter={[12, 12]} data-testid="shop-products">
      {shown.map((p) => (
        <Col key={p.productId} xs={12} md={8} lg={6}>
          <ProductCard p={p} />
        </Col>
      ))}
    </Row>
  );
}

export function ShopPage() {
  const { t } = useI18n();
  const me = useMe();
  const summary = useWorkbench();
  const [tileKey, setTileKey] = useState<string | null>(null);
  const tile = SHOP_TILES.find((x) => x.key === tileKey) ?? null;

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

      <Typography.Title level={4}>{t('shop.categories')}</Typography.Title>
      <Row gutter={[12, 12]} style={{ marginBottom: 20 }} data-testid="shop-categories">
        {[null, ...SHOP_TILES].map((c) => {
          const Icon = c?.icon ?? AppstoreOutlined;
          const active = (c?.key ?? null) === tileKey;
          return (
            <Col key={c?.key ?? 'all'} xs={6} md={3}>
              <button
                type="button"
                className={`lh-category${active ? ' lh-category-active' : ''}`}
                data-testid={`shop-category-${c?.key ?? 'all'}`}
                aria-pressed={active}
                onClick={() => setTileKey(c?.key ?? null)}
              >
                <span className="lh-category-icon" style={{ background: c?.color ?? '#8c8c8c' }}>
                  <Icon />
                </span>
                {c ? t(c.label) : t('shop.cat.all')}
              </button>
            </Col>
          );
        })}
      </Row>

      <Typography.Title level={4}>{tile ? t(tile.label) : t('shop.onSale')}</Typography.Title>
      <div style={{ marginBottom: 28 }}>
        <OnSaleGrid tile={tile} />
      </div>

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

      <div className="lh-shop-section-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('shop.myAccount')} · {me.user.displayName}
        </Typography.Title>
        <Link to="/orders" data-testid="shop-my-orders">
          {t('nav.myOrders')} <RightOutlined />
        </Link>
      </div>
      {summary.error ? (
        <QueryError error={summary.error} onRetry={() => void summary.refetch()} />
      ) : (
        <WorkbenchCards summary={summary.data} loading={summary.isPending} />
      )}
    </div>
  );
}
