/**
 * 商品详情 (merchant): the review status with the pre-check findings and the reviewer's reasons, submit / resubmit,
 * the product's content, its SKUs with price changes and the price history (7-day lowest price), and the commission
 * plans that put it in the selection pool.
 */
import { EditOutlined, HistoryOutlined, PlusOutlined, SendOutlined, StopOutlined, TagsOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Image,
  Input,
  InputNumber,
  Modal,
  Row,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { type HTMLAttributes, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { YuanInput } from '../../components/amount-inputs.tsx';
import { BackButton } from '../../components/back-button.tsx';
import { DetailPending } from '../../components/detail-pending.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { FormModal } from '../../components/form-modal.tsx';
import { useI18n } from '../../i18n/index.ts';
import { useMe } from '../../lib/session.ts';
import { requiredTextRule } from '../../lib/form-rules.ts';
import type { ProductSku, ProductView } from '../../lib/api-types.ts';
import { endpoints, productImageUrl } from '../../lib/endpoints.ts';
import { ReasonDialog, useReasonAction } from '../../components/reason-dialog.tsx';
import { labelOr } from '../../lib/labels.ts';
import { catalogKeys, useCategories, usePriceHistory, useProduct } from '../../queries/catalog.ts';
import { registryKeys } from '../../queries/registry.ts';
import { formatFen, yuanToFen } from '../../lib/money.ts';
import { PlansCard } from './plans-card.tsx';
import { FindStreamersCard } from './matching-panels.tsx';
import { ProductChecks } from './product-checks.tsx';
import { effectiveRule, categoryPathText, LiveRuleTag, ProductStatusTag } from './selection-labels.tsx';
import { applyRenamedFieldError, selectionErrorMessage } from './selection-errors.ts';
import './selection.css';
import { IMPORT_MODE_LABELS } from '@livehub/contracts';
import { IconTitle } from '../../components/icon-title.tsx';

const SUBMITTABLE: ReadonlySet<ProductView['status']> = new Set(['draft', 'returned', 'rejected', 'delisted']);

export function ProductPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const detail = useProduct(id, { staleTime: 0 });

  const store = async (p: ProductView) => {
    queryClient.setQueryData(catalogKeys.product(id), p);
    await queryClient.invalidateQueries({ queryKey: catalogKeys.products });
  };

  const submit = useMutation({
    mutationFn: () => endpoints.submitProduct(id),
    onSuccess: async (r) => {
      await store(r.product);
      await queryClient.invalidateQueries({ queryKey: registryKeys.allApplications });
      if (r.product.status === 'rejected') message.error(t('catalog.detail.preCheckFailed'));
      else message.success(t('catalog.detail.submitted'));
    },
    onError: (e) => message.error(selectionErrorMessage(t, e)),
  });
  const delist = useReasonAction(
    (reason) => endpoints.delistProduct(id, reason),
    store,
    'catalog.detail.delisted',
    (e) => selectionErrorMessage(t, e),
  );

  const back = (
    <BackButton to="/products" testId="product-back">
      {t('catalog.detail.back')}
    </BackButton>
  );
  if (detail.error || !detail.data) {
    return (
      <DetailPending query={detail} testId="product-page" title={t('catalog.detail.title')} extra={back} notFound={t('catalog.notFound')} />
    );
  }
  const p = detail.data;
  const canSubmit = SUBMITTABLE.has(p.status);

  return (
    <div data-testid="product-page" data-product-id={p.id} data-status={p.status}>
      <PageHeader
        title={
          <Space size={12} wrap>
            <span data-testid="product-heading">{p.title}</span>
            <ProductStatusTag status={p.status} />
            {p.crossBorder ? (
              <Tag color="geekblue" data-testid="product-cross-border-badge">
                {t('catalog.crossBorder.badge')}
              </Tag>
            ) : null}
          </Space>
        }
        subtitle={`${categoryPathText(locale, p.categoryPath)} · ${p.merchantName}`}
        extra={
          <Space wrap>
            {back}
            {p.status !== 'in_review' ? (
              <Button icon={<EditOutlined />} onClick={() => navigate(`/products/${p.id}/edit`)} data-testid="product-edit">
                {t('catalog.detail.edit')}
              </Button>
            ) : null}
            {p.status === 'approved' ? (
              <Button danger icon={<StopOutlined />} onClick={delist.start} data-testid="product-delist">
                {t('catalog.detail.delist')}
              </Button>
            ) : null}
            {canSubmit ? (
              <Button
                type="primary"
                icon={<SendOutlined />}
                loading={submit.isPending}
                onClick={() => submit.mutate()}
                data-testid="product-submit"
              >
                {p.status === 'returned' ? t('catalog.detail.resubmit') : t('catalog.detail.submit')}
              </Button>
            ) : null}
          </Space>
        }
      />

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <ReviewCard product={p} />
          <SkusCard product={p} onChanged={store} />
          <PlansCard product={p} />
          {me.role === 'merchant_staff' ? <FindStreamersCard product={p} /> : null}
        </Col>
        <Col xs={24} xl={9}>
          <ProductInfoCard product={p} />
        </Col>
      </Row>

      <ReasonDialog
        {...delist.dialog}
        title={t('catalog.detail.delist')}
        hint={t('catalog.detail.delistHint')}
        submitLabel={t('catalog.detail.delist')}
        danger
        testIds={{ modal: 'delist-modal', input: 'delist-reason', submit: 'delist-submit', error: 'delist-error' }}
      />
    </div>
  );
}

function ReviewCard({ product: p }: { product: ProductView }) {
  const { t } = useI18n();
  const reason = p.statusReason === 'content_changed' ? t('catalog.detail.contentChanged') : p.statusReason;
  const alert =
    p.status === 'rejected'
      ? { type: 'error' as const, title: t('catalog.detail.rejected') }
      : p.status === 'returned'
        ? { type: 'warning' as const, title: t('catalog.detail.returned') }
        : p.status === 'in_review'
          ? { type: 'info' as const, title: t('catalog.detail.inReview') }
          : p.status === 'approved'
            ? { type: 'success' as const, title: t('catalog.detail.approved') }
            : p.status === 'delisted'
              ? { type: 'warning' as const, title: t('catalog.detail.delistedNote') }
              : { type: 'info' as const, title: t('catalog.detail.draft') };
  return (
    <Card
      title={t('catalog.detail.review')}
      style={{ marginBottom: 16 }}
      data-testid="product-review"
      extra={
        p.reviewApplicationId ? (
          <Link to={`/applications/${p.reviewApplicationId}`} data-testid="product-review-link">
            {t('catalog.detail.reviewTimeline')}
          </Link>
        ) : null
      }
    >
      <Alert
        type={alert.type}
        showIcon
        style={{ marginBottom: 16 }}
        title={alert.title}
        description={reason ? <span data-testid="product-status-reason">{reason}</span> : undefined}
        data-testid="product-review-alert"
      />
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('catalog.checks.title')}
      </Typography.Title>
      <ProductChecks checks={p.checks} />
    </Card>
  );
}

/** The product's content as the reviewer and the selection square see it. */
export function ProductInfoCard({ product: p, title }: { product: ProductView; title?: string }) {
  const { t, locale } = useI18n();
  const categories = useCategories();
  const rule = categories.data ? effectiveRule(categories.data, p.categoryId) : null;
  return (
    <Card title={title ?? t('catalog.detail.info')} style={{ marginBottom: 16 }} data-testid="product-info">
      {p.imageIds.length > 0 ? (
        <div className="lh-product-gallery" data-testid="product-gallery">
          <Image.PreviewGroup>
            {p.imageIds.map((img) => (
              <Image key={img} src={productImageUrl(p.id, img)} width={88} height={88} style={{ objectFit: 'cover', borderRadius: 8 }} />
            ))}
          </Image.PreviewGroup>
        </div>
      ) : null}
      <Descriptions column={1} size="small" colon={false} styles={{ label: { width: 96 } }}>
        <Descriptions.Item label={t('catalog.field.category')}>
          <Space size={6} wrap>
            <span data-testid="product-category-path">{categoryPathText(locale, p.categoryPath)}</span>
            {rule ? <LiveRuleTag rule={rule.rule} small /> : null}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('catalog.field.brand')}>
          {p.brand ? (
            <Space size={6}>
              {p.brand.name}
              {p.brand.protected ? (
                <Tag color="red" style={{ marginInlineEnd: 0 }}>
                  {t('catalog.brand.protected')}
                </Tag>
              ) : null}
            </Space>
          ) : (
            t('common.none')
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('catalog.field.referencePrice')}>
          {p.referencePriceFen === null ? t('common.none') : <span className="lh-strike">{formatFen(p.referencePriceFen)}</span>}
        </Descriptions.Item>
        {p.crossBorder ? (
          <Descriptions.Item label={t('catalog.editor.crossBorder')}>
            <Space size={[8, 4]} wrap data-testid="product-cross-border">
              <Tag color="geekblue" style={{ marginInlineEnd: 0 }}>
                {t('catalog.crossBorder.badge')}
              </Tag>
              <span>{t('catalog.crossBorder.origin', { origin: p.crossBorder.originName })}</span>
              <span>{t('catalog.crossBorder.declared', { amount: formatFen(p.crossBorder.declaredValueFen) })}</span>
              <span>{IMPORT_MODE_LABELS[p.crossBorder.importMode]}</span>
            </Space>
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('catalog.field.claims')}>
          {p.claims.length === 0 ? (
            t('common.none')
          ) : (
            <Space size={[4, 4]} wrap data-testid="product-claims-view">
              {p.claims.map((c) => (
                <Tag key={c} color="volcano" style={{ marginInlineEnd: 0 }}>
                  {c}
                </Tag>
              ))}
            </Space>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('catalog.field.description')}>
          {p.description ? (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{p.description}</Typography.Paragraph>
          ) : (
            t('common.none')
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('catalog.field.sampleAvailable')}>
          {p.sampleAvailable ? t('catalog.detail.samplesLeft', { count: p.sampleStock }) : t('catalog.detail.noSamples')}
        </Descriptions.Item>
        <Descriptions.Item label={t('catalog.detail.qualificationDocs')}>
          {p.qualificationDocIds.length > 0 ? t('catalog.detail.docCount', { count: p.qualificationDocIds.length }) : t('common.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('catalog.col.updatedAt')}>{dayjs(p.updatedAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** A product's SKUs: price, stock and the 7-day lowest price; with actions when `onEdit` / `onHistory` are given. */
export function SkuTable({
  product: p,
  onEdit,
  onHistory,
}: {
  product: ProductView;
  onEdit?: (sku: ProductSku) => void;
  onHistory?: (sku: ProductSku) => void;
}) {
  const { t } = useI18n();
  const columns: TableColumnsType<ProductSku> = [
    {
      title: t('catalog.sku.name'),
      key: 'name',
      render: (_: unknown, s) => (
        <div>
          <Typography.Text strong>{s.name}</Typography.Text>
          {s.code ? (
            <div>
              <Typography.Text type="secondary" className="lh-mono" style={{ fontSize: 12 }}>
                {s.code}
              </Typography.Text>
            </div>
          ) : null}
        </div>
      ),
    },
    {
      title: t('catalog.sku.price'),
      key: 'price',
      width: 120,
      render: (_: unknown, s) => <span data-testid="sku-price">{formatFen(s.priceFen)}</span>,
    },
    { title: t('catalog.sku.stock'), key: 'stock', width: 100, render: (_: unknown, s) => s.stock.toLocaleString() },
    { title: t('catalog.sku.lowest7d'), key: 'lowest', width: 130, render: (_: unknown, s) => formatFen(s.lowest7dPriceFen) },
  ];
  if (onEdit || onHistory)
    columns.push({
      key: 'actions',
      width: 170,
      render: (_: unknown, s) => (
        <Space size={0}>
          {onEdit ? (
            <Button type="link" size="small" onClick={() => onEdit(s)} data-testid="sku-edit">
              {t('catalog.sku.edit')}
            </Button>
          ) : null}
          {onHistory ? (
            <Button type="link" size="small" icon={<HistoryOutlined />} onClick={() => onHistory(s)} data-testid="sku-history">
              {t('catalog.sku.history')}
            </Button>
          ) : null}
        </Space>
      ),
    });
  return (
    <Table<ProductSku>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={p.skus}
      pagination={false}
      scroll={{ x: 560 }}
      onRow={(s) => ({ 'data-testid': 'sku-table-row', 'data-sku-id': s.id }) as HTMLAttributes<HTMLElement>}
    />
  );
}

function SkusCard({ product: p, onChanged }: { product: ProductView; onChanged: (p: ProductView) => Promise<void> }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<ProductSku | 'new' | null>(null);
  const [history, setHistory] = useState<ProductSku | null>(null);
  return (
    <Card
      title={<IconTitle icon={<TagsOutlined />}>{t('catalog.detail.skus')}</IconTitle>}
      style={{ marginBottom: 16 }}
      data-testid="product-skus"
      extra={
        <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="sku-new">
          {t('catalog.sku.add')}
        </Button>
      }
    >
      <SkuTable product={p} onEdit={setEditing} onHistory={setHistory} />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '12px 0 0' }}>
        {t('catalog.sku.priceNote')}
      </Typography.Paragraph>
      <SkuModal product={p} sku={editing} onClose={() => setEditing(null)} onSaved={onChanged} />
      <PriceHistoryModal product={p} sku={history} onClose={() => setHistory(null)} />
    </Card>
  );
}

interface SkuValues {
  name: string;
  priceYuan: number;
  stock: number;
  code?: string;
}

function SkuModal({
  product,
  sku,
  onClose,
  onSaved,
}: {
  product: ProductView;
  sku: ProductSku | 'new' | null;
  onClose: () => void;
  onSaved: (p: ProductView) => Promise<void>;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SkuValues>();
  const [error, setError] = useState<string | null>(null);
  const isNew = sku === 'new';
  const save = useMutation({
    mutationFn: (v: SkuValues) => {
      const priceFen = yuanToFen(v.priceYuan);
      if (sku === 'new' || sku === null)
        return endpoints.addSku(product.id, {
          name: v.name.trim(),
          priceFen,
          stock: v.stock,
          ...(v.code?.trim() ? { code: v.code.trim() } : {}),
        });
      return endpoints.updateSku(product.id, sku.id, {
        ...(v.name.trim() !== sku.name ? { name: v.name.trim() } : {}),
        ...(priceFen !== sku.priceFen ? { priceFen } : {}),
        ...(v.stock !== sku.stock ? { stock: v.stock } : {}),
      });
    },
    onMutate: () => setError(null),
    onSuccess: async (p) => {
      await onSaved(p);
      await queryClient.invalidateQueries({ queryKey: catalogKeys.prices(product.id) });
      message.success(t('common.success'));
      onClose();
    },
    onError: (e) => {
      if (!applyRenamedFieldError(form, e, ['name', 'priceYuan', 'stock', 'code'], { priceFen: 'priceYuan' }))
        setError(selectionErrorMessage(t, e));
    },
  });
  const initial = sku && sku !== 'new' ? { name: sku.name, priceYuan: sku.priceFen / 100, stock: sku.stock } : { stock: 0 };
  return (
    <FormModal<SkuValues>
      open={sku !== null}
      title={isNew ? t('catalog.sku.add') : t('catalog.sku.editTitle')}
      onClose={onClose}
      form={form}
      onFinish={(v) => save.mutate(v)}
      pending={save.isPending}
      okText={t('common.save')}
      okTestId="sku-save"
      testId="sku-modal"
      initialValues={initial}
      error={error}
      errorTestId="sku-error"
    >
      <Form.Item name="name" label={t('catalog.sku.name')} rules={[requiredTextRule(t)]}>
        <Input maxLength={60} data-testid="sku-modal-name" />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item
            name="priceYuan"
            label={t('catalog.sku.price')}
            rules={[{ required: true, message: t('common.required') }]}
            extra={
              sku && sku !== 'new' && sku.lowest7dPriceFen !== null
                ? t('catalog.sku.lowestHint', { price: formatFen(sku.lowest7dPriceFen) })
                : undefined
            }
          >
            <YuanInput min={0.01} max={10_000_000} data-testid="sku-modal-price" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="stock" label={t('catalog.sku.stock')} rules={[{ required: true, message: t('common.required') }]}>
            <InputNumber<number> min={0} max={10_000_000} precision={0} style={{ width: '100%' }} data-testid="sku-modal-stock" />
          </Form.Item>
        </Col>
      </Row>
      {isNew ? (
        <Form.Item name="code" label={t('catalog.sku.code')}>
          <Input maxLength={40} className="lh-mono" />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}

function PriceHistoryModal({ product, sku, onClose }: { product: ProductView; sku: ProductSku | null; onClose: () => void }) {
  const { t } = useI18n();
  const history = usePriceHistory(product.id, sku?.id ?? '', { enabled: sku !== null, staleTime: 0 });
  const points = [...(history.data?.points ?? [])].sort((a, b) => b.validFrom.localeCompare(a.validFrom));
  return (
    <Modal
      open={sku !== null}
      title={t('catalog.sku.historyTitle', { name: sku?.name ?? '' })}
      onCancel={onClose}
      footer={null}
      width={640}
      data-testid="price-history"
    >
      {history.error ? (
        <QueryError error={history.error} onRetry={() => void history.refetch()} />
      ) : (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col span={12}>
              <Statistic title={t('catalog.sku.currentPrice')} value={sku ? formatFen(sku.priceFen) : '—'} />
            </Col>
            <Col span={12}>
              <Statistic
                title={t('catalog.sku.lowest7d')}
                value={history.data ? formatFen(history.data.lowest7dPriceFen) : '—'}
                styles={{ content: { color: '#cf1322' } }}
                data-testid="price-lowest7d"
              />
            </Col>
          </Row>
          <Table
            rowKey={(pt) => `${pt.validFrom}-${pt.priceFen}`}
            size="small"
            loading={history.isPending}
            pagination={false}
            dataSource={points}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
            columns={[
              { title: t('catalog.sku.price'), key: 'price', render: (_: unknown, pt) => formatFen(pt.priceFen) },
              {
                title: t('catalog.price.source'),
                key: 'source',
                render: (_: unknown, pt) => labelOr(t, `catalog.price.source.${pt.source}`, pt.source),
              },
              { title: t('catalog.price.from'), key: 'from', render: (_: unknown, pt) => dayjs(pt.validFrom).format('YYYY-MM-DD HH:mm') },
              {
                title: t('catalog.price.to'),
                key: 'to',
                render: (_: unknown, pt) =>
                  pt.validTo ? dayjs(pt.validTo).format('YYYY-MM-DD HH:mm') : <Tag color="green">{t('catalog.price.current')}</Tag>,
              },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '12px 0 0' }}>
            {t('catalog.price.note')}
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
