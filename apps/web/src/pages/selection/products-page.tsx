/**
 * 商品管理: the merchant's products with their review status, price range and stock; new product, brand filings.
 * Newest first, a page at a time (加载更多); the status tabs filter on the server and show each status's count.
 */
import { PictureOutlined, PlusOutlined, ReloadOutlined, RightOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, Segmented, Space, type TableColumnsType, Typography } from 'antd';
import dayjs from 'dayjs';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryTable } from '../../components/query-table.tsx';
import { useI18n } from '../../i18n/index.ts';
import type { ProductView } from '../../lib/api-types.ts';
import { productImageUrl } from '../../lib/endpoints.ts';
import { useProductCounts, useProductPages } from '../../queries/catalog.ts';
import { formatFenRange } from '../../lib/money.ts';
import { categoryPathText, type ProductStatus, ProductStatusTag } from './selection-labels.tsx';
import './selection.css';

type Filter = 'all' | ProductStatus;
const FILTERS: readonly Filter[] = ['all', 'draft', 'in_review', 'returned', 'approved', 'rejected', 'delisted'];

export function ProductThumb({ product, size = 48 }: { product: Pick<ProductView, 'id' | 'imageIds'>; size?: number }) {
  const cover = product.imageIds[0];
  return (
    <span className="lh-thumb" style={{ width: size, height: size }}>
      {cover ? <img src={productImageUrl(product.id, cover)} alt="" loading="lazy" /> : <PictureOutlined />}
    </span>
  );
}

export function ProductsPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<Filter>('all');
  const list = useProductPages(filter === 'all' ? {} : { status: filter });
  const counts = useProductCounts({ staleTime: 0 });
  const count = (f: Filter): number | null => {
    if (!counts.data) return null;
    return f === 'all' ? Object.values(counts.data).reduce((a, b) => a + b, 0) : counts.data[f];
  };
  const refresh = () => {
    void list.refetch();
    void counts.refetch();
  };

  const columns: TableColumnsType<ProductView> = [
    {
      title: t('catalog.col.product'),
      key: 'title',
      render: (_: unknown, p) => (
        <Space size={12}>
          <ProductThumb product={p} />
          <div style={{ minWidth: 0 }}>
            <Typography.Text strong data-testid="product-title-cell">
              {p.title}
            </Typography.Text>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {categoryPathText(locale, p.categoryPath)}
                {p.brand ? ` · ${p.brand.name}` : ''}
              </Typography.Text>
            </div>
          </div>
        </Space>
      ),
    },
    {
      title: t('catalog.col.price'),
      key: 'price',
      width: 170,
      render: (_: unknown, p) => {
        const prices = p.skus.map((s) => s.priceFen);
        return prices.length ? formatFenRange(Math.min(...prices), Math.max(...prices)) : t('common.none');
      },
    },
    {
      title: t('catalog.col.stock'),
      key: 'stock',
      width: 100,
      render: (_: unknown, p) => p.skus.reduce((n, s) => n + s.stock, 0).toLocaleString(),
    },
    {
      title: t('catalog.col.status'),
      key: 'status',
      width: 220,
      render: (_: unknown, p) => (
        <div>
          <ProductStatusTag status={p.status} />
          {p.statusReason && (p.status === 'rejected' || p.status === 'returned' || p.status === 'delisted') ? (
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ fontSize: 12, margin: '4px 0 0' }}>
              {p.statusReason}
            </Typography.Paragraph>
          ) : null}
        </div>
      ),
    },
    {
      title: t('catalog.col.updatedAt'),
      key: 'updatedAt',
      width: 150,
      render: (_: unknown, p) => dayjs(p.updatedAt).format('YYYY-MM-DD HH:mm'),
    },
    { key: 'open', width: 40, render: () => <RightOutlined style={{ color: '#bfbfbf' }} /> },
  ];

  return (
    <div data-testid="products-page">
      <PageHeader
        title={t('catalog.list.title')}
        subtitle={t('catalog.list.subtitle')}
        extra={
          <Space wrap>
            <Button icon={<ReloadOutlined />} onClick={refresh}>
              {t('common.refresh')}
            </Button>
            <Button
              icon={<SafetyCertificateOutlined />}
              onClick={() => navigate('/products/brands')}
              data-testid="brand-authorizations-link"
            >
              {t('catalog.brandAuth.title')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/products/new')} data-testid="product-new">
              {t('catalog.list.new')}
            </Button>
          </Space>
        }
      />
      <Card>
        <div style={{ overflowX: 'auto', marginBottom: 16 }}>
          <Segmented<Filter>
            data-testid="product-filter"
            value={filter}
            onChange={setFilter}
            options={FILTERS.map((f) => ({
              value: f,
              label: `${f === 'all' ? t('common.all') : t(`catalog.status.${f}`)} ${count(f) ?? ''}`.trim(),
            }))}
          />
        </div>
        <QueryTable<ProductView>
          query={list}
          rowKey="id"
          columns={columns}
          dataSource={list.products}
          scroll={{ x: 860 }}
          pagination={false}
          locale={{ emptyText: t('catalog.list.empty') }}
          rowClassName={() => 'lh-click-row'}
          data-testid="products-table"
          onRow={(p) =>
            ({
              'data-testid': 'product-row',
              'data-product-id': p.id,
              'data-status': p.status,
              onClick: () => navigate(`/products/${p.id}`),
            }) as HTMLAttributes<HTMLElement>
          }
        />
        {list.hasMore ? (
          <Button
            block
            type="text"
            onClick={list.loadMore}
            loading={list.loadingMore}
            style={{ marginTop: 12 }}
            data-testid="products-more"
          >
            {t('common.loadMore')}
          </Button>
        ) : null}
      </Card>
    </div>
  );
}
