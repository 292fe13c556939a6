/** 申请提现: amount (yuan on screen, fen on the wire), bank card or WeChat, holder; one Idempotency-Key per dialog. */
import type { PayoutMethod, PayoutRequest } from '@livehub/contracts';
import { Form, Input, Radio } from 'antd';
import { useMemo } from 'react';
import { YuanInput } from '../../components/amount-inputs.tsx';
import { FormModal } from '../../components/form-modal.tsx';
import { useI18n } from '../../i18n/index.ts';
import { useFormMutation } from '../../lib/form-mutation.ts';
import { formatFen, yuanToFen } from '../../lib/money.ts';
import { payoutApi, payoutKeys } from '../../queries/payouts.ts';

interface Values {
  /** yuan on screen, under the API's field name so its errors land on it */
  amountFen: number;
  method: PayoutMethod;
  accountName: string;
  accountNo: string;
  bankName?: string;
}

export function WithdrawModal({ open, availableFen, onClose }: { open: boolean; availableFen: number; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const method = Form.useWatch('method', form) ?? 'bank';
  // one key per opened dialog: a retried submit is the same request, a new dialog a new one
  const key = useMemo(() => (open ? `payout-${crypto.randomUUID()}` : ''), [open]);
  const mutation = useFormMutation<Values, unknown>({
    form,
    mutationFn: (v) => {
      const body: PayoutRequest = {
        amountFen: yuanToFen(v.amountFen),
        method: v.method,
        accountName: v.accountName.trim(),
        accountNo: v.accountNo.trim(),
        ...(v.method === 'bank' && v.bankName ? { bankName: v.bankName.trim() } : {}),
      };
      return payoutApi.request(body, key);
    },
    fields: ['amountFen', 'method', 'accountName', 'accountNo', 'bankName'],
    success: 'payout.requested',
    onSuccess: onClose,
    invalidate: [payoutKeys.all],
  });
  return (
    <FormModal<Values>
      open={open}
      title={t('payout.withdraw')}
      onClose={onClose}
      form={form}
      onFinish={(v) => mutation.mutate(v)}
      pending={mutation.isPending}
      okText={t('payout.form.submit')}
      initialValues={{ method: 'bank' }}
      formTestId="withdraw-form"
    >
      <Form.Item
        name="amountFen"
        label={t('payout.form.amount')}
        extra={t('payout.form.max', { amount: formatFen(availableFen) })}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <YuanInput min={0.01} max={availableFen / 100} data-testid="withdraw-amount" />
      </Form.Item>
      <Form.Item name="method" label={t('payout.form.method')}>
        <Radio.Group
          options={[
            { value: 'bank', label: t('payout.method.bank') },
            { value: 'wechat', label: t('payout.method.wechat') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="accountName"
        label={t('payout.form.accountName')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input maxLength={40} data-testid="withdraw-holder" />
      </Form.Item>
      <Form.Item
        name="accountNo"
        label={t('payout.form.accountNo')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input maxLength={64} className="lh-mono" data-testid="withdraw-account" />
      </Form.Item>
      {method === 'bank' ? (
        <Form.Item
          name="bankName"
          label={t('payout.form.bankName')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={60} data-testid="withdraw-bank" />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}
