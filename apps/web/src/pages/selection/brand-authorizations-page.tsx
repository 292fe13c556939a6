/**
 * 品牌授权: a merchant files the rights holder's authorization (品牌授权书) for a brand — needed to list a brand on
 * the key-trademark protection list (重点商标保护名录) it does not own — and sees the authorizations on file.
 */
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Form, Row, Select, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { BackButton } from '../../components/back-button.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n/index.ts';
import type { BrandAuthorization, RegistryDocument } from '../../lib/api-types.ts';
import { documentContentUrl, endpoints } from '../../lib/endpoints.ts';
import { DocumentUpload } from '../../components/document-upload.tsx';
import { catalogKeys, useBrandAuthorizations, useBrands } from '../../queries/catalog.ts';
import { BrandLabel } from './product-editor-page.tsx';
import { applyRenamedFieldError, selectionErrorMessage } from './selection-errors.ts';
import './selection.css';

interface AuthValues {
  brandId: string;
  document: RegistryDocument[];
  validUntil: Dayjs;
}

export function BrandAuthorizationsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<AuthValues>();
  const [error, setError] = useState<string | null>(null);
  /** remounts the upload after a filing, so its file list empties with the form */
  const [round, setRound] = useState(0);
  const brands = useBrands();
  const auths = useBrandAuthorizations({ staleTime: 0 });
  const brandName = (id: string) => brands.data?.find((b) => b.id === id)?.name ?? id.slice(0, 8);

  const file = useMutation({
    mutationFn: (v: AuthValues) =>
      endpoints.addBrandAuthorization({
        brandId: v.brandId,
        documentId: v.document[0]?.id ?? '',
        validUntil: v.validUntil.format('YYYY-MM-DD'),
      }),
    onMutate: () => setError(null),
    onSuccess: async () => {
      message.success(t('catalog.brandAuth.filed'));
      form.resetFields();
      setRound((n) => n + 1);
      await queryClient.invalidateQueries({ queryKey: catalogKeys.brandAuthorizations });
    },
    onError: (e) => {
      if (!applyRenamedFieldError(form, e, ['brandId', 'document', 'validUntil'], { documentId: 'document' }))
        setError(selectionErrorMessage(t, e));
    },
  });

  return (
    <div data-testid="brand-authorizations-page">
      <PageHeader
        title={t('catalog.brandAuth.title')}
        subtitle={t('catalog.brandAuth.subtitle')}
        extra={<BackButton to="/products">{t('catalog.detail.back')}</BackButton>}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card
            title={
              <span>
                <SafetyCertificateOutlined style={{ marginInlineEnd: 8 }} />
                {t('catalog.brandAuth.file')}
              </span>
            }
          >
            <Form<AuthValues> form={form} layout="vertical" onFinish={(v) => file.mutate(v)} onValuesChange={() => setError(null)}>
              <Form.Item name="brandId" label={t('catalog.field.brand')} rules={[{ required: true, message: t('common.required') }]}>
                <Select<string>
                  loading={brands.isPending}
                  showSearch={{ optionFilterProp: 'search' }}
                  placeholder={t('catalog.brandAuth.brandPlaceholder')}
                  data-testid="auth-brand"
                  options={(brands.data ?? []).map((b) => ({
                    value: b.id,
                    search: `${b.name} ${b.nameEn ?? ''}`,
                    label: <BrandLabel brand={b} />,
                  }))}
                />
              </Form.Item>
              <Form.Item
                name="document"
                label={t('registry.docKind.brand_authorization')}
                rules={[
                  {
                    validator: (_r, v: RegistryDocument[] | undefined) =>
                      (v ?? []).length > 0 ? Promise.resolve() : Promise.reject(new Error(t('catalog.brandAuth.docRequired'))),
                  },
                ]}
              >
                <DocumentUpload key={round} docType="brand_authorization" hint={t('catalog.brandAuth.docHint')} />
              </Form.Item>
              <Form.Item
                name="validUntil"
                label={t('catalog.brandAuth.validUntil')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} data-testid="auth-valid-until" />
              </Form.Item>
              {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
              <Button type="primary" htmlType="submit" loading={file.isPending} data-testid="auth-submit">
                {t('catalog.brandAuth.submit')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t('catalog.brandAuth.onFile')} style={{ marginBottom: 16 }}>
            {auths.error ? (
              <QueryError error={auths.error} onRetry={() => void auths.refetch()} />
            ) : (
              <Table<BrandAuthorization>
                rowKey="id"
                size="small"
                loading={auths.isPending}
                dataSource={auths.data ?? []}
                pagination={false}
                locale={{ emptyText: t('catalog.brandAuth.empty') }}
                columns={[
                  { title: t('catalog.field.brand'), key: 'brand', render: (_: unknown, a) => brandName(a.brandId) },
                  {
                    title: t('catalog.brandAuth.validUntil'),
                    key: 'validUntil',
                    render: (_: unknown, a) => dayjs(a.validUntil).format('YYYY-MM-DD'),
                  },
                  {
                    title: t('catalog.col.status'),
                    key: 'status',
                    render: (_: unknown, a) => {
                      const valid = a.status === 'valid' && dayjs(a.validUntil).isAfter(dayjs());
                      return (
                        <Tag color={valid ? 'success' : 'default'}>
                          {valid ? t('catalog.brandAuth.valid') : t('catalog.brandAuth.expired')}
                        </Tag>
                      );
                    },
                  },
                  {
                    key: 'doc',
                    render: (_: unknown, a) => (
                      <Button type="link" size="small" href={documentContentUrl(a.documentId)}>
                        {t('registry.app.download')}
                      </Button>
                    ),
                  },
                ]}
              />
            )}
          </Card>
          <Card title={t('catalog.brandAuth.protectedList')}>
            <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
              {t('catalog.brandAuth.protectedHint')}
            </Typography.Paragraph>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
              {(brands.data ?? []).filter((b) => b.protected).length === 0 ? (
                <Typography.Text type="secondary">{t('catalog.brandAuth.noProtected')}</Typography.Text>
              ) : (
                (brands.data ?? [])
                  .filter((b) => b.protected)
                  .map((b) => (
                    <Tag key={b.id} color="red">
                      {b.name}
                      {b.trademarkNo ? ` · ${b.trademarkNo}` : ''}
                    </Tag>
                  ))
              )}
            </div>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
