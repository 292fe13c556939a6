/**
 * The product under review, on its application page (商品审核): what the reviewer decides on — title, category path
 * with its rule, claims, pictures, SKUs with prices, and the automatic pre-check findings with rule and basis.
 */
import { ShoppingOutlined } from '@ant-design/icons';
import { Card, Col, Empty, Row, Skeleton, Space, Typography } from 'antd';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n/index.ts';
import { isApiError } from '../../lib/api-client.ts';
import { useProduct } from '../../queries/catalog.ts';
import { ProductChecks } from './product-checks.tsx';
import { ProductInfoCard, SkuTable } from './product-page.tsx';
import { ProductStatusTag } from './selection-labels.tsx';
import './selection.css';

export function ProductReviewPanel({ productId }: { productId: string }) {
  const { t } = useI18n();
  const product = useProduct(productId, { staleTime: 0 });
  const title = (
    <Space>
      <ShoppingOutlined />
      {t('catalog.review.panel')}
    </Space>
  );
  if (product.error)
    return (
      <Card title={title} style={{ marginBottom: 16 }} data-testid="product-review-panel">
        {isApiError(product.error) && product.error.status === 404 ? (
          <Empty description={t('catalog.notFound')} />
        ) : (
          <QueryError error={product.error} onRetry={() => void product.refetch()} />
        )}
      </Card>
    );
  if (!product.data)
    return (
      <Card title={title} style={{ marginBottom: 16 }}>
        <Skeleton active />
      </Card>
    );
  const p = product.data;
  return (
    <div data-testid="product-review-panel" data-product-id={p.id}>
      <Card title={title} style={{ marginBottom: 16 }} extra={<ProductStatusTag status={p.status} />}>
        <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="review-product-title">
          {p.title}
        </Typography.Title>
        <Typography.Text type="secondary">{p.merchantName}</Typography.Text>
        <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
          <Col xs={24}>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {t('catalog.checks.title')}
            </Typography.Title>
            <ProductChecks checks={p.checks} />
          </Col>
          <Col xs={24}>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {t('catalog.detail.skus')}
            </Typography.Title>
            <SkuTable product={p} />
          </Col>
        </Row>
      </Card>
      <ProductInfoCard product={p} title={t('catalog.review.content')} />
    </div>
  );
}
