/** 申请样品: a streamer asks the merchant for a sample, with where to send it (kept encrypted; lists show it masked). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, type ButtonProps, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../i18n/index.ts';
import { requiredLengthRules, requiredTextRule } from '../../lib/form-rules.ts';
import type { SelectionCard } from '../../lib/api-types.ts';
import { endpoints } from '../../lib/endpoints.ts';
import { selectionKeys, usePoolProduct } from '../../queries/selection.ts';
import { formatFen } from '../../lib/money.ts';
import { applyRenamedFieldError, selectionErrorMessage } from './selection-errors.ts';

interface SampleValues {
  skuId?: string;
  recipient: string;
  phone: string;
  address: string;
  note?: string;
}

const MOBILE = /^1[3-9]\d{9}$/;

export function SampleRequestModal({ card, onClose }: { card: SelectionCard | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SampleValues>();
  const [error, setError] = useState<string | null>(null);
  const detail = usePoolProduct(card?.productId ?? '', { enabled: card !== null, staleTime: 15_000 });
  const request = useMutation({
    mutationFn: (v: SampleValues) =>
      endpoints.requestSample({
        productId: card?.productId ?? '',
        ...(v.skuId ? { skuId: v.skuId } : {}),
        recipient: v.recipient.trim(),
        phone: v.phone.replace(/[\s-]/g, ''),
        address: v.address.trim(),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      }),
    onMutate: () => setError(null),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: selectionKeys.allSamples });
      onClose();
      message.success({
        content: (
          <span>
            {t('sample.requested')} <Typography.Link onClick={() => navigate('/samples')}>{t('sample.goInbox')}</Typography.Link>
          </span>
        ),
      });
    },
    onError: (e) => {
      if (!applyRenamedFieldError(form, e, ['skuId', 'recipient', 'phone', 'address', 'note'])) setError(selectionErrorMessage(t, e));
    },
  });
  return (
    <Modal
      open={card !== null}
      title={t('sample.requestTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('sample.submit')}
      okButtonProps={{ 'data-testid': 'sample-submit' } as ButtonProps}
      confirmLoading={request.isPending}
      destroyOnHidden
      data-testid="sample-request-modal"
    >
      <Typography.Paragraph>
        <Typography.Text strong>{card?.title}</Typography.Text>
        <br />
        <Typography.Text type="secondary">{card?.merchantName}</Typography.Text>
      </Typography.Paragraph>
      <Form<SampleValues>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) => request.mutate(v)}
        onValuesChange={() => setError(null)}
      >
        {detail.data && detail.data.product.skus.length > 1 ? (
          <Form.Item name="skuId" label={t('sample.sku')}>
            <Select<string>
              allowClear
              placeholder={t('sample.skuPlaceholder')}
              options={detail.data.product.skus.map((s) => ({ value: s.id, label: `${s.name} · ${formatFen(s.priceFen)}` }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item name="recipient" label={t('sample.recipient')} rules={requiredLengthRules(t, 2, 30)}>
          <Input maxLength={30} autoComplete="name" data-testid="sample-recipient" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('sample.phone')}
          rules={[
            requiredTextRule(t),
            {
              validator: (_r, v: string | undefined) =>
                !v || MOBILE.test(v.replace(/[\s-]/g, '')) ? Promise.resolve() : Promise.reject(new Error(t('register.phoneInvalid'))),
            },
          ]}
        >
          <Input maxLength={20} inputMode="tel" autoComplete="tel" data-testid="sample-phone" />
        </Form.Item>
        <Form.Item name="address" label={t('sample.address')} rules={requiredLengthRules(t, 6, 200)}>
          <Input.TextArea rows={2} maxLength={200} autoComplete="street-address" data-testid="sample-address" />
        </Form.Item>
        <Form.Item name="note" label={t('sample.note')}>
          <Input.TextArea rows={2} maxLength={500} placeholder={t('sample.notePlaceholder')} data-testid="sample-note" />
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('sample.privacy')}
      </Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} data-testid="sample-error" /> : null}
    </Modal>
  );
}
