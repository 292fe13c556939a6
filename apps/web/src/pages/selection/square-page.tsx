/**
 * 选品广场: streamers and MCNs search the selection pool in Chinese ("保温杯 316"), filter by category, price band,
 * commission, stock and samples, sort, and open a product to see the plans that apply to them. A streamer requests
 * a sample (申请样品) or proposes a live service agreement to the product's merchant from here.
 */
import { AppstoreOutlined, FireOutlined, GiftOutlined, PictureOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import type { SelectionSearchQuery } from '@livehub/contracts';
import { Button, Card, Checkbox, Col, Empty, Input, Pagination, Row, Select, Skeleton, Space, Tag, TreeSelect, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n/index.ts';
import type { SelectionCard } from '../../lib/api-types.ts';
import { productImageUrl } from '../../lib/endpoints.ts';
import { useMe } from '../../lib/session.ts';
import { useCategories } from '../../queries/catalog.ts';
import { useSelectionPool } from '../../queries/selection.ts';
import { AgreementCreateModal, cardOption } from './agreement-form.tsx';
import { formatBp, formatFenRange } from '../../lib/money.ts';
import { PoolProductDrawer } from './pool-product-drawer.tsx';
import { RecommendationsCard } from './matching-panels.tsx';
import { SampleRequestModal } from './sample-request-modal.tsx';
import { categoryTree, PlanTypeTag } from './selection-labels.tsx';
import './selection.css';

const SORTS = ['relevance', 'sales', 'commission', 'price_asc', 'price_desc', 'newest'] as const;
type Sort = (typeof SORTS)[number];
/** Price bands in yuan: [min, max) — max null for "and above". */
const PRICE_BANDS: ReadonlyArray<[number, number | null]> = [
  [0, 50],
  [50, 100],
  [100, 300],
  [300, 1000],
  [1000, null],
];
const COMMISSION_MINS = [10, 20, 30, 40] as const;
const PAGE_SIZE = 12;

interface Filters {
  q: string;
  category?: string;
  band?: number;
  commissionMin?: number;
  inStock: boolean;
  sampleAvailable: boolean;
  sort: Sort;
  page: number;
}

function toQuery(f: Filters): SelectionSearchQuery {
  const band = f.band === undefined ? undefined : PRICE_BANDS[f.band];
  return {
    ...(f.q.trim() ? { q: f.q.trim() } : {}),
    ...(f.category ? { category: f.category } : {}),
    ...(band ? { priceMinFen: band[0] * 100, ...(band[1] !== null ? { priceMaxFen: band[1] * 100 - 1 } : {}) } : {}),
    ...(f.commissionMin !== undefined ? { commissionMinBp: f.commissionMin * 100 } : {}),
    ...(f.inStock ? { inStock: 'true' as const } : {}),
    ...(f.sampleAvailable ? { sampleAvailable: 'true' as const } : {}),
    sort: f.sort,
    page: f.page,
    pageSize: PAGE_SIZE,
  };
}

export function SquarePage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const [draft, setDraft] = useState(params.get('q') ?? '');
  const [filters, setFilters] = useState<Filters>({
    q: params.get('q') ?? '',
    inStock: false,
    sampleAvailable: false,
    sort: 'relevance',
    page: 1,
  });
  const [sampleFor, setSampleFor] = useState<SelectionCard | null>(null);
  const [proposeFor, setProposeFor] = useState<SelectionCard | null>(null);
  const categories = useCategories();
  const query = toQuery(filters);
  const pool = useSelectionPool(query, { staleTime: 15_000 });
  const isStreamer = me.role === 'streamer';
  const openProduct = params.get('product');

  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, page: 1, ...patch }));
  const open = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('product', id);
    else next.delete('product');
    setParams(next, { replace: true });
  };

  return (
    <div data-testid="square-page">
      <PageHeader
        title={t('selection.square.title')}
        subtitle={t('selection.square.subtitle')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void pool.refetch()}>
            {t('common.refresh')}
          </Button>
        }
      />
      {isStreamer ? <RecommendationsCard onOpen={(id) => open(id)} /> : null}
      <Card style={{ marginBottom: 16 }} className="lh-square-filters">
        <Input.Search
          size="large"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onSearch={(value) => set({ q: value })}
          enterButton={
            <Button type="primary" icon={<SearchOutlined />} data-testid="square-search-button">
              {t('selection.square.search')}
            </Button>
          }
          allowClear
          maxLength={60}
          placeholder={t('selection.square.searchPlaceholder')}
          data-testid="square-search"
          style={{ marginBottom: 16 }}
        />
        <Row gutter={[12, 12]} align="middle">
          <Col xs={24} sm={12} lg={6}>
            <TreeSelect
              allowClear
              style={{ width: '100%' }}
              value={filters.category}
              onChange={(v: string | undefined) => set({ ...(v ? { category: v } : { category: undefined }) })}
              treeData={categoryTree(categories.data ?? [], locale, false)}
              treeNodeLabelProp="label"
              showSearch={{ treeNodeFilterProp: 'search' }}
              placeholder={t('selection.square.category')}
              data-testid="square-category"
            />
          </Col>
          <Col xs={12} sm={6} lg={4}>
            <Select<number>
              allowClear
              style={{ width: '100%' }}
              value={filters.band}
              onChange={(v) => set({ band: v })}
              placeholder={t('selection.square.priceBand')}
              data-testid="square-price"
              options={PRICE_BANDS.map(([min, max], i) => ({
                value: i,
                label: max === null ? t('selection.square.priceAbove', { min }) : `¥${min}–${max}`,
              }))}
            />
          </Col>
          <Col xs={12} sm={6} lg={4}>
            <Select<number>
              allowClear
              style={{ width: '100%' }}
              value={filters.commissionMin}
              onChange={(v) => set({ commissionMin: v })}
              placeholder={t('selection.square.commissionMin')}
              data-testid="square-commission"
              options={COMMISSION_MINS.map((v) => ({ value: v, label: t('selection.square.commissionAtLeast', { pct: v }) }))}
            />
          </Col>
          <Col xs={24} sm={12} lg={5}>
            <Space wrap>
              <Checkbox checked={filters.inStock} onChange={(e) => set({ inStock: e.target.checked })} data-testid="square-in-stock">
                {t('selection.square.inStock')}
              </Checkbox>
              <Checkbox
                checked={filters.sampleAvailable}
                onChange={(e) => set({ sampleAvailable: e.target.checked })}
                data-testid="square-sample"
              >
                {t('selection.square.sampleAvailable')}
              </Checkbox>
            </Space>
          </Col>
          <Col xs={24} sm={12} lg={5}>
            <Select<Sort>
              style={{ width: '100%' }}
              value={filters.sort}
              onChange={(v) => set({ sort: v })}
              data-testid="square-sort"
              prefix={t('selection.square.sort')}
              options={SORTS.map((s) => ({ value: s, label: t(`selection.sort.${s}`) }))}
            />
          </Col>
        </Row>
      </Card>

      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 12, gap: 8, flexWrap: 'wrap' }}>
        <Typography.Text type="secondary" data-testid="square-total">
          {pool.data
            ? t('selection.square.total', { total: pool.data.total >= 1000 ? '1000+' : pool.data.total, ms: pool.data.tookMs })
            : '\u00a0'}
        </Typography.Text>
      </div>

      {pool.error ? (
        <QueryError error={pool.error} onRetry={() => void pool.refetch()} />
      ) : pool.isPending ? (
        <Row gutter={[16, 16]}>
          {[0, 1, 2, 3].map((i) => (
            <Col key={i} xs={24} sm={12} lg={8} xl={6}>
              <Card>
                <Skeleton active />
              </Card>
            </Col>
          ))}
        </Row>
      ) : pool.data.items.length === 0 ? (
        <Card>
          <Empty description={t('selection.square.empty')} data-testid="square-empty" />
        </Card>
      ) : (
        <>
          <Row gutter={[16, 16]} data-testid="square-results">
            {pool.data.items.map((c) => (
              <Col key={c.productId} xs={24} sm={12} lg={8} xl={6}>
                <ProductCard card={c} onOpen={() => open(c.productId)} {...(isStreamer ? { onSample: () => setSampleFor(c) } : {})} />
              </Col>
            ))}
          </Row>
          <div style={{ display: 'flex', justifyContent: 'center', marginTop: 24 }}>
            <Pagination
              current={filters.page}
              pageSize={PAGE_SIZE}
              total={Math.min(pool.data.total, 50 * PAGE_SIZE)}
              showSizeChanger={false}
              hideOnSinglePage
              onChange={(page) => setFilters((f) => ({ ...f, page }))}
            />
          </div>
        </>
      )}

      <PoolProductDrawer
        productId={openProduct}
        onClose={() => open(null)}
        {...(isStreamer
          ? {
              onSample: (c: SelectionCard) => setSampleFor(c),
              onPropose: (c: SelectionCard) => setProposeFor(c),
            }
          : {})}
      />
      <SampleRequestModal card={sampleFor} onClose={() => setSampleFor(null)} />
      {isStreamer ? (
        <AgreementCreateModal
          open={proposeFor !== null}
          onClose={() => setProposeFor(null)}
          presetProduct={proposeFor ? cardOption(proposeFor) : undefined}
        />
      ) : null}
    </div>
  );
}

function ProductCard({ card: c, onOpen, onSample }: { card: SelectionCard; onOpen: () => void; onSample?: () => void }) {
  const { t } = useI18n();
  return (
    <Card
      hoverable
      className="lh-pool-card"
      data-testid="pool-card"
      data-product-id={c.productId}
      cover={
        <button type="button" className="lh-pool-cover" onClick={onOpen} aria-label={c.title}>
          {c.coverImageId ? (
            <img src={productImageUrl(c.productId, c.coverImageId)} alt="" loading="lazy" />
          ) : (
            <span className="lh-pool-cover-empty">
              <PictureOutlined />
            </span>
          )}
          <span className="lh-pool-commission" data-testid="pool-commission">
            {t('selection.card.commission')} {formatBp(c.commissionBp)}
          </span>
        </button>
      }
      actions={[
        <Button key="open" type="link" icon={<AppstoreOutlined />} onClick={onOpen} data-testid="pool-open">
          {t('selection.card.detail')}
        </Button>,
        ...(onSample
          ? [
              <Button
                key="sample"
                type="link"
                icon={<GiftOutlined />}
                disabled={!c.sampleAvailable}
                onClick={onSample}
                data-testid="pool-request-sample"
              >
                {t('selection.card.requestSample')}
              </Button>,
            ]
          : []),
      ]}
    >
      <Typography.Paragraph strong ellipsis={{ rows: 2 }} style={{ minHeight: 44, marginBottom: 6 }} data-testid="pool-title">
        {c.title}
      </Typography.Paragraph>
      <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, display: 'block' }}>
        {c.merchantName}
        {c.brandName ? ` · ${c.brandName}` : ''}
      </Typography.Text>
      <div className="lh-pool-price" data-testid="pool-price">
        {formatFenRange(c.minPriceFen, c.maxPriceFen)}
      </div>
      <Space size={[4, 4]} wrap>
        {c.planTypes.map((p) => (
          <PlanTypeTag key={p} type={p} />
        ))}
        {c.sampleAvailable ? (
          <Tag color="green" style={{ marginInlineEnd: 0 }}>
            {t('selection.card.samples')}
          </Tag>
        ) : null}
      </Space>
      <div className="lh-pool-meta">
        <span>
          <FireOutlined /> {t('selection.card.sales', { count: c.salesCount.toLocaleString() })}
        </span>
        <span>{t('selection.card.stock', { count: c.stock.toLocaleString() })}</span>
      </div>
    </Card>
  );
}
