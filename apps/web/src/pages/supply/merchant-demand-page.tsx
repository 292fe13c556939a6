/**
 * 实时需求与供应商 (merchant staff): the live demand of the merchant's products on live sessions now with the
 * sell-through chart per SKU, its alerts with 补货, the merchant's suppliers (add: a service provider or a factory,
 * for all products or some; remove), and the replenishment requests it made.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Empty, Form, List, Modal, Popconfirm, Row, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../i18n/index.ts';
import { applyFieldError, errorMessage } from '../../lib/form-errors.ts';
import { useMe } from '../../lib/session.ts';
import {
  supplyApi,
  supplyKeys,
  useDemandBoard,
  useDemandStream,
  useOwnProducts,
  useReplenishments,
  useSupplierOptions,
  useSuppliers,
} from '../../queries/supply.ts';
import { AlertList, LiveDemandCard, ReplenishmentTable } from './demand-parts.tsx';

interface AddForm {
  supplierOrgId: string;
  productIds: string[];
}

export function MerchantDemandPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const me = useMe();
  const connected = useDemandStream();
  const board = useDemandBoard();
  const suppliers = useSuppliers();
  const requests = useReplenishments();
  const [adding, setAdding] = useState(false);
  const options = useSupplierOptions({ enabled: adding });
  const products = useOwnProducts({ enabled: adding });
  const [form] = Form.useForm<AddForm>();
  const add = useMutation({
    mutationFn: (f: AddForm) =>
      supplyApi.addSupplier({ supplierOrgId: f.supplierOrgId, productIds: f.productIds?.length ? f.productIds : null }),
    onSuccess: () => {
      void message.success(t('supply.suppliers.added'));
      setAdding(false);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: supplyKeys.suppliers });
    },
    onError: (e) => {
      if (!applyFieldError(form, e, ['supplierOrgId', 'productIds'])) void message.error(errorMessage(e, t('supply.suppliers.add')));
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => supplyApi.removeSupplier(id),
    onSuccess: () => void qc.invalidateQueries({ queryKey: supplyKeys.suppliers }),
    onError: (e) => void message.error(errorMessage(e, t('supply.suppliers.remove'))),
  });
  const orgId = me.active?.orgId ?? null;
  return (
    <>
      <PageHeader title={t('supply.merchant.title')} subtitle={t('supply.merchant.subtitle')} />
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <LiveDemandCard connected={connected} loading={board.isLoading} sessions={board.data?.sessions ?? []} />
          <Card title={t('supply.requests')}>
            <ReplenishmentTable rows={requests.data ?? []} supplierOrgId={orgId} />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('supply.alerts')} style={{ marginBottom: 16 }}>
            <AlertList alerts={board.data?.alerts ?? []} canReplenish />
          </Card>
          <Card
            title={t('supply.suppliers')}
            loading={suppliers.isLoading}
            extra={
              <Button size="small" onClick={() => setAdding(true)}>
                {t('supply.suppliers.add')}
              </Button>
            }
          >
            {(suppliers.data ?? []).length === 0 ? (
              <Empty />
            ) : (
              <List
                dataSource={suppliers.data ?? []}
                renderItem={(l) => (
                  <List.Item
                    actions={[
                      <Popconfirm key="rm" title={t('supply.suppliers.remove')} onConfirm={() => remove.mutate(l.id)}>
                        <Button size="small" danger>
                          {t('supply.suppliers.remove')}
                        </Button>
                      </Popconfirm>,
                    ]}
                  >
                    <List.Item.Meta
                      title={
                        <Space>
                          {l.supplierName}
                          <Tag>{t(`supply.kind.${l.supplierKind}`)}</Tag>
                        </Space>
                      }
                      description={l.productIds === null ? t('supply.suppliers.all') : l.productNames.join('、')}
                    />
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      </Row>
      <Modal
        open={adding}
        title={t('supply.suppliers.add')}
        onCancel={() => setAdding(false)}
        onOk={() => form.submit()}
        confirmLoading={add.isPending}
      >
        <Form form={form} layout="vertical" onFinish={(f) => add.mutate(f)}>
          <Form.Item name="supplierOrgId" label={t('supply.suppliers.org')} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={(options.data ?? []).map((o) => ({
                value: o.id,
                label: `${o.name}（${t(`supply.kind.${o.kind as 'merchant'}`)}）`,
              }))}
            />
          </Form.Item>
          <Form.Item name="productIds" label={t('supply.suppliers.products')} extra={t('supply.suppliers.all')}>
            <Select
              mode="multiple"
              optionFilterProp="label"
              options={(products.data ?? []).map((p) => ({ value: p.id, label: p.title }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
