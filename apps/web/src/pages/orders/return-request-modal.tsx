/**
 * 申请售后: which lines and how many, 七天无理由 or 质量问题, and why. The window (returnBy) is shown; whether a line
 * may go back without a reason is the API's call — its refusal (returns.exempt: a statutory exception such as fresh
 * food or custom-made goods; returns.window_closed: past the 7 days) is shown as it says it.
 */
import { useMutation } from '@tanstack/react-query';
import { Alert, Checkbox, Form, Input, InputNumber, Modal, Radio, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { SubmitFooter } from '../../components/submit-footer.tsx';
import { useI18n } from '../../i18n/index.ts';
import { isApiError } from '../../lib/api-client.ts';
import type { OrderView, ReturnView } from '../../lib/api-types.ts';
import { endpoints } from '../../lib/endpoints.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { formatFen } from '../../lib/money.ts';
import { NoReasonBadge } from './order-labels.tsx';

interface ReturnValues {
  kind: ReturnView['kind'];
  reason: string;
}

export function ReturnRequestModal({
  order,
  open,
  onClose,
  onDone,
}: {
  order: OrderView;
  open: boolean;
  onClose: () => void;
  onDone: (r: ReturnView) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<ReturnValues>();
  const returnable = order.lines.filter((l) => l.qty - l.returnedQty > 0);
  const [picked, setPicked] = useState<Record<number, number>>({});
  const [error, setError] = useState<{ code: string; text: string } | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the dialog opens, not as the lines re-render
  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    // every line that can still go back, all of it, is the usual case
    setPicked(Object.fromEntries(returnable.map((l) => [l.lineNo, l.qty - l.returnedQty])));
  }, [open, form]);

  const lines = Object.entries(picked)
    .map(([lineNo, qty]) => ({ lineNo: Number(lineNo), qty }))
    .filter((l) => l.qty > 0);
  const amountFen = lines.reduce((sum, l) => sum + (order.lines.find((x) => x.lineNo === l.lineNo)?.unitPriceFen ?? 0) * l.qty, 0);

  const request = useMutation({
    mutationFn: (values: ReturnValues) => endpoints.requestReturn(order.id, { kind: values.kind, reason: values.reason.trim(), lines }),
    onMutate: () => setError(null),
    onSuccess: (r) => onDone(r),
    onError: (e) => {
      const text = errorMessage(e, t('common.networkError'));
      if (isApiError(e) && e.field === 'reason') form.setFields([{ name: 'reason', errors: [text] }]);
      else setError({ code: isApiError(e) ? e.code : 'network.error', text });
    },
  });

  return (
    <Modal
      open={open}
      title={t('return.request.title')}
      onCancel={onClose}
      destroyOnHidden
      data-testid="return-modal"
      footer={
        <SubmitFooter
          onCancel={onClose}
          onSubmit={() => form.submit()}
          loading={request.isPending}
          disabled={lines.length === 0}
          testId="return-submit"
        >
          {t('return.request.submit')}
        </SubmitFooter>
      }
    >
      {order.returnBy ? (
        <Typography.Paragraph type="secondary" data-testid="return-by">
          {t('return.request.window', { date: dayjs(order.returnBy).format('YYYY-MM-DD HH:mm') })}
        </Typography.Paragraph>
      ) : null}
      <div className="lh-return-lines">
        {returnable.map((l) => {
          const left = l.qty - l.returnedQty;
          const qty = picked[l.lineNo] ?? 0;
          return (
            <div key={l.lineNo} className="lh-return-line" data-testid="return-line" data-line-no={l.lineNo}>
              <Checkbox
                checked={qty > 0}
                onChange={(e) => setPicked((p) => ({ ...p, [l.lineNo]: e.target.checked ? left : 0 }))}
                data-testid="return-line-check"
              />
              <div style={{ flex: 1, minWidth: 0 }}>
                <Typography.Text ellipsis style={{ display: 'block' }}>
                  {l.title}
                </Typography.Text>
                <Space size={6} wrap>
                  <span className="lh-buyer-muted">{l.skuName}</span>
                  <NoReasonBadge allowed={l.noReasonReturn} />
                </Space>
              </div>
              <InputNumber
                size="small"
                min={0}
                max={left}
                precision={0}
                value={qty}
                onChange={(n) => setPicked((p) => ({ ...p, [l.lineNo]: typeof n === 'number' ? n : 0 }))}
                style={{ width: 64 }}
                data-testid="return-line-qty"
              />
            </div>
          );
        })}
      </div>
      <Form<ReturnValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ kind: 'no_reason' }}
        onFinish={(values) => request.mutate(values)}
        style={{ marginTop: 16 }}
      >
        <Form.Item name="kind" label={t('return.request.kind')}>
          <Radio.Group
            data-testid="return-kind"
            options={[
              { value: 'no_reason', label: <span data-testid="return-kind-no_reason">{t('order.returnKind.no_reason')}</span> },
              { value: 'quality', label: <span data-testid="return-kind-quality">{t('order.returnKind.quality')}</span> },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('return.request.reason')}
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            { min: 2, message: t('return.request.reasonShort') },
          ]}
        >
          <Input.TextArea
            rows={3}
            maxLength={300}
            showCount
            placeholder={t('return.request.reasonPlaceholder')}
            data-testid="return-reason"
          />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">{t('return.request.amount', { amount: formatFen(amountFen) })}</Typography.Text>
      {error ? (
        <Alert type="error" showIcon style={{ marginTop: 12 }} title={error.text} data-testid="return-error" data-code={error.code} />
      ) : null}
    </Modal>
  );
}
