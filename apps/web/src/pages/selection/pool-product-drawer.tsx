/** A pool product as the selection square shows it: pictures, prices, SKUs, copy, and the plans that apply to me. */
import { FileProtectOutlined, GiftOutlined } from '@ant-design/icons';
import { Button, Descriptions, Drawer, Empty, Grid, Image, Result, Skeleton, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { HTMLAttributes } from 'react';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n/index.ts';
import { isApiError } from '../../lib/api-client.ts';
import type { PlanView, SelectionCard } from '../../lib/api-types.ts';
import { productImageUrl } from '../../lib/endpoints.ts';
import { usePoolProduct } from '../../queries/selection.ts';
import { formatBp, formatFen, formatFenRange } from '../../lib/money.ts';
import { SkuTable } from './product-page.tsx';
import { categoryPathText, PlanTypeTag } from './selection-labels.tsx';
import { WhyNotPanel } from './matching-panels.tsx';

export function PoolProductDrawer({
  productId,
  onClose,
  onSample,
  onPropose,
}: {
  productId: string | null;
  onClose: () => void;
  onSample?: (card: SelectionCard) => void;
  onPropose?: (card: SelectionCard) => void;
}) {
  const { t, locale } = useI18n();
  const screens = Grid.useBreakpoint();
  const detail = usePoolProduct(productId ?? '', { enabled: productId !== null, staleTime: 15_000 });
  const d = detail.data;
  const missing = isApiError(detail.error) && detail.error.status === 404;

  return (
    <Drawer
      open={productId !== null}
      onClose={onClose}
      size={screens.md ? 640 : '100%'}
      title={d ? d.product.title : t('selection.drawer.title')}
      data-testid="pool-drawer"
      destroyOnHidden
      extra={
        d && (onSample || onPropose) ? (
          <Space>
            {onPropose ? (
              <Button icon={<FileProtectOutlined />} onClick={() => onPropose(d.card)} data-testid="drawer-propose">
                {t('selection.drawer.propose')}
              </Button>
            ) : null}
            {onSample ? (
              <Button
                type="primary"
                icon={<GiftOutlined />}
                disabled={!d.card.sampleAvailable}
                onClick={() => onSample(d.card)}
                data-testid="drawer-request-sample"
              >
                {t('selection.card.requestSample')}
              </Button>
            ) : null}
          </Space>
        ) : null
      }
    >
      {detail.error ? (
        missing ? (
          <Result status="404" subTitle={t('selection.drawer.notVisible')} />
        ) : (
          <QueryError error={detail.error} onRetry={() => void detail.refetch()} />
        )
      ) : !d ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <div data-testid="pool-product" data-product-id={d.product.id}>
          {onSample ? <WhyNotPanel productId={d.product.id} /> : null}
          {d.product.imageIds.length > 0 ? (
            <div className="lh-product-gallery">
              <Image.PreviewGroup>
                {d.product.imageIds.map((img) => (
                  <Image
                    key={img}
                    src={productImageUrl(d.product.id, img)}
                    width={104}
                    height={104}
                    style={{ objectFit: 'cover', borderRadius: 8 }}
                  />
                ))}
              </Image.PreviewGroup>
            </div>
          ) : null}
          <div className="lh-pool-price" style={{ fontSize: 22 }}>
            {formatFenRange(d.card.minPriceFen, d.card.maxPriceFen)}
            {d.product.referencePriceFen !== null ? (
              <span className="lh-strike lh-ref-price">{formatFen(d.product.referencePriceFen)}</span>
            ) : null}
          </div>
          <Descriptions column={1} size="small" colon={false} styles={{ label: { width: 96 } }} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('selection.drawer.merchant')}>{d.card.merchantName}</Descriptions.Item>
            <Descriptions.Item label={t('catalog.field.category')}>{categoryPathText(locale, d.product.categoryPath)}</Descriptions.Item>
            {d.product.brand ? <Descriptions.Item label={t('catalog.field.brand')}>{d.product.brand.name}</Descriptions.Item> : null}
            <Descriptions.Item label={t('catalog.field.claims')}>
              <Space size={[4, 4]} wrap>
                {d.product.claims.length === 0
                  ? t('common.none')
                  : d.product.claims.map((c) => (
                      <Tag key={c} color="volcano" style={{ marginInlineEnd: 0 }}>
                        {c}
                      </Tag>
                    ))}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('selection.drawer.sales')}>{d.card.salesCount.toLocaleString()}</Descriptions.Item>
            <Descriptions.Item label={t('catalog.field.sampleAvailable')}>
              {d.card.sampleAvailable ? t('selection.drawer.samplesYes') : t('selection.drawer.samplesNo')}
            </Descriptions.Item>
          </Descriptions>
          {d.product.description ? (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} type="secondary">
              {d.product.description}
            </Typography.Paragraph>
          ) : null}

          <Typography.Title level={5}>{t('selection.drawer.plans')}</Typography.Title>
          <Table<PlanView>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={d.plans}
            scroll={{ x: 520 }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
            onRow={(p) => ({ 'data-testid': 'pool-plan', 'data-type': p.type }) as HTMLAttributes<HTMLElement>}
            style={{ marginBottom: 16 }}
            columns={[
              { title: t('selection.plan.type'), key: 'type', render: (_: unknown, p) => <PlanTypeTag type={p.type} /> },
              {
                title: t('selection.plan.commission'),
                key: 'commission',
                render: (_: unknown, p) => (
                  <Typography.Text strong style={{ color: '#f4442e' }}>
                    {formatBp(p.commissionBp)}
                  </Typography.Text>
                ),
              },
              { title: t('selection.plan.slotFee'), key: 'slot', render: (_: unknown, p) => formatFen(p.slotFeeFen) },
              { title: t('selection.plan.mcnFee'), key: 'mcn', render: (_: unknown, p) => formatBp(p.mcnServiceFeeBp) },
              {
                title: t('selection.plan.until'),
                key: 'until',
                render: (_: unknown, p) => dayjs(p.endsAt).format('YYYY-MM-DD'),
              },
            ]}
          />
          <Typography.Title level={5}>{t('catalog.detail.skus')}</Typography.Title>
          <SkuTable product={d.product} />
        </div>
      )}
    </Drawer>
  );
}
