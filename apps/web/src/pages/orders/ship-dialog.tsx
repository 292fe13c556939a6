/**
 * Carrier and tracking number, as the merchant ships an order (发货) and the buyer sends a return back (寄回). The
 * API's field errors (carrier, trackingNo) land on their field; anything else shows under the form.
 */
import type { ShipmentRequest } from '@livehub/contracts';
import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { SubmitFooter } from '../../components/submit-footer.tsx';
import { useI18n } from '../../i18n/index.ts';
import { applyFieldError, errorMessage } from '../../lib/form-errors.ts';
import { carrierOptions } from './order-labels.tsx';

export function ShipDialog({
  open,
  title,
  hint,
  submitLabel,
  onCancel,
  onSubmit,
}: {
  open: boolean;
  title: ReactNode;
  hint?: ReactNode;
  submitLabel: ReactNode;
  onCancel: () => void;
  /** resolves when shipped (the dialog closes from the caller), rejects with the API error */
  onSubmit: (body: ShipmentRequest) => Promise<unknown>;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<ShipmentRequest>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(null);
    }
  }, [open, form]);

  const finish = async (values: ShipmentRequest) => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit({ carrier: values.carrier, trackingNo: values.trackingNo.trim() });
    } catch (e) {
      if (!applyFieldError(form, e, ['carrier', 'trackingNo'])) setError(errorMessage(e, t('common.networkError')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onCancel}
      destroyOnHidden
      data-testid="ship-modal"
      footer={
        <SubmitFooter onCancel={onCancel} onSubmit={() => form.submit()} loading={busy} testId="ship-submit">
          {submitLabel}
        </SubmitFooter>
      }
    >
      {hint ? <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph> : null}
      <Form<ShipmentRequest> form={form} layout="vertical" requiredMark={false} onFinish={(v) => void finish(v)}>
        <Form.Item name="carrier" label={t('ship.carrier')} rules={[{ required: true, message: t('common.required') }]}>
          <Select placeholder={t('ship.carrierPlaceholder')} options={carrierOptions(t)} data-testid="ship-carrier" />
        </Form.Item>
        <Form.Item
          name="trackingNo"
          label={t('ship.trackingNo')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          style={{ marginBottom: 0 }}
        >
          <Input maxLength={40} placeholder={t('ship.trackingNoPlaceholder')} className="lh-mono" data-testid="ship-tracking" />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon style={{ marginTop: 12 }} title={error} data-testid="ship-error" /> : null}
    </Modal>
  );
}
