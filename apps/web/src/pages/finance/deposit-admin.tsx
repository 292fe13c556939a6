/**
 * The platform's 保证金 desk: the requirement per category (data: set, change, remove), any merchant's deposit card,
 * and the deduction dialog (to the advance-compensation fund, with a reason; a top-up notice when it falls short).
 */
import type { DepositRequirementView } from '@livehub/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Popconfirm, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { YuanInput } from '../../components/amount-inputs.tsx';
import { FormModal } from '../../components/form-modal.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { useFormMutation } from '../../lib/form-mutation.ts';
import { formatFen, yuanToFen } from '../../lib/money.ts';
import { useCategories } from '../../queries/catalog.ts';
import { useOrgs } from '../../queries/identity.ts';
import { payoutApi, payoutKeys, useDepositRequirements } from '../../queries/payouts.ts';
import { DepositCard } from './deposit-card.tsx';
import { formatTime } from './payouts-labels.tsx';

interface RequirementValues {
  categoryId: string;
  /** yuan on screen, under the API's field name */
  amountFen: number;
}

export function DepositRequirementsPanel() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const requirements = useDepositRequirements();
  const categories = useCategories();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<RequirementValues>();
  const save = useFormMutation<RequirementValues, unknown>({
    form,
    mutationFn: (v) => payoutApi.setRequirement(v.categoryId, yuanToFen(v.amountFen)),
    fields: ['categoryId', 'amountFen'],
    success: 'deposit.admin.saved',
    onSuccess: () => setOpen(false),
    invalidate: [payoutKeys.deposits],
  });
  const remove = useMutation({
    mutationFn: (categoryId: string) => payoutApi.setRequirement(categoryId, 0),
    onSuccess: async () => {
      message.success(t('deposit.admin.saved'));
      await queryClient.invalidateQueries({ queryKey: payoutKeys.deposits });
    },
    onError: (e) => message.error(errorMessage(e, t('common.networkError'))),
  });
  const options = (categories.data ?? []).map((c) => ({ value: c.id, label: c.nameZh }));
  return (
    <Card
      title={t('deposit.admin.amount')}
      extra={
        <Button type="primary" onClick={() => setOpen(true)} data-testid="deposit-requirement-open">
          {t('deposit.admin.set')}
        </Button>
      }
    >
      <Table<DepositRequirementView>
        rowKey="categoryId"
        size="middle"
        loading={requirements.isPending}
        dataSource={requirements.data ?? []}
        pagination={false}
        columns={[
          { title: t('deposit.admin.category'), dataIndex: 'categoryName' },
          { title: t('deposit.admin.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => formatFen(v) },
          { title: t('deposit.admin.updated'), dataIndex: 'updatedAt', render: (v: string) => formatTime(v) },
          {
            title: '',
            key: 'remove',
            render: (_: unknown, r) => (
              <Popconfirm title={`${t('deposit.admin.remove')}?`} onConfirm={() => remove.mutate(r.categoryId)}>
                <Button size="small">{t('deposit.admin.remove')}</Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <FormModal<RequirementValues>
        open={open}
        title={t('deposit.admin.set')}
        onClose={() => setOpen(false)}
        form={form}
        onFinish={(v) => save.mutate(v)}
        pending={save.isPending}
        okText={t('common.save')}
      >
        <Form.Item name="categoryId" label={t('deposit.admin.category')} rules={[{ required: true, message: t('common.required') }]}>
          <Select showSearch optionFilterProp="label" options={options} data-testid="deposit-requirement-category" />
        </Form.Item>
        <Form.Item name="amountFen" label={t('deposit.admin.amount')} rules={[{ required: true, message: t('common.required') }]}>
          <YuanInput min={0} data-testid="deposit-requirement-amount" />
        </Form.Item>
      </FormModal>
    </Card>
  );
}

interface DeductValues {
  merchantOrgId: string;
  amountFen: number;
  reason: string;
}

export function DepositDeductionDialog({ open, merchantOrgId, onClose }: { open: boolean; merchantOrgId?: string; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const merchants = useOrgs('merchant');
  const [form] = Form.useForm<DeductValues>();
  const deduct = useFormMutation<DeductValues, { topUpRequired: boolean }>({
    form,
    mutationFn: (v) => payoutApi.deduct(v.merchantOrgId, yuanToFen(v.amountFen), v.reason.trim()),
    fields: ['merchantOrgId', 'amountFen', 'reason'],
    onSuccess: (r) => {
      message.success(t(r.topUpRequired ? 'deposit.admin.deductedTopUp' : 'deposit.admin.deducted'));
      onClose();
    },
    invalidate: [payoutKeys.deposits],
  });
  return (
    <FormModal<DeductValues>
      open={open}
      title={t('deposit.admin.deduct')}
      onClose={onClose}
      form={form}
      onFinish={(v) => deduct.mutate(v)}
      pending={deduct.isPending}
      okText={t('deposit.admin.deduct')}
      okButtonProps={{ danger: true }}
      {...(merchantOrgId ? { initialValues: { merchantOrgId } } : {})}
    >
      <Form.Item name="merchantOrgId" label={t('deposit.admin.merchant')} rules={[{ required: true, message: t('common.required') }]}>
        <Select
          showSearch
          optionFilterProp="label"
          options={(merchants.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
          data-testid="deposit-deduct-merchant"
        />
      </Form.Item>
      <Form.Item name="amountFen" label={t('deposit.admin.deductAmount')} rules={[{ required: true, message: t('common.required') }]}>
        <YuanInput min={0.01} data-testid="deposit-deduct-amount" />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('deposit.admin.deductReason')}
        rules={[{ required: true, whitespace: true, min: 2, message: t('common.required') }]}
      >
        <Input.TextArea maxLength={200} rows={3} data-testid="deposit-deduct-reason" />
      </Form.Item>
    </FormModal>
  );
}

export function DepositAdminPage() {
  const { t } = useI18n();
  const merchants = useOrgs('merchant');
  const [merchantOrgId, setMerchantOrgId] = useState<string | undefined>();
  const [deducting, setDeducting] = useState(false);
  return (
    <>
      <PageHeader
        title={t('deposit.admin.title')}
        subtitle={t('deposit.admin.subtitle')}
        extra={
          <Button danger onClick={() => setDeducting(true)} data-testid="deposit-deduct-open">
            {t('deposit.admin.deduct')}
          </Button>
        }
      />
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <DepositRequirementsPanel />
        <Card title={t('deposit.admin.lookup')}>
          <Select
            showSearch
            allowClear
            style={{ minWidth: 320 }}
            optionFilterProp="label"
            placeholder={t('deposit.admin.merchant')}
            value={merchantOrgId}
            onChange={(v) => setMerchantOrgId(v)}
            options={(merchants.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
        </Card>
        {merchantOrgId ? <DepositCard merchantOrgId={merchantOrgId} /> : null}
      </Space>
      <DepositDeductionDialog open={deducting} {...(merchantOrgId ? { merchantOrgId } : {})} onClose={() => setDeducting(false)} />
    </>
  );
}
