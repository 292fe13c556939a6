/** Confirm / dismiss a review item: a reason is required (2–500 characters), validated as the reviewer types. */
import { Alert, Button, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { type MessageKey, useI18n } from '../../i18n.ts';

export type ReviewDecision = 'confirm' | 'dismiss';

export const REASON_MIN = 2;
export const REASON_MAX = 500;

const PRESETS: Record<ReviewDecision, readonly MessageKey[]> = {
  confirm: ['review.preset.confirm1', 'review.preset.confirm2', 'review.preset.confirm3'],
  dismiss: ['review.preset.dismiss1', 'review.preset.dismiss2', 'review.preset.dismiss3'],
};

interface DecisionForm {
  reason: string;
}

export function DecisionModal({
  decision,
  loading,
  error,
  onCancel,
  onSubmit,
}: {
  /** null → closed */
  decision: ReviewDecision | null;
  loading: boolean;
  error: string | null;
  onCancel: () => void;
  onSubmit: (reason: string) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<DecisionForm>();
  const reason = Form.useWatch('reason', form) ?? '';
  const trimmed = reason.trim();
  const valid = trimmed.length >= REASON_MIN && trimmed.length <= REASON_MAX;

  useEffect(() => {
    if (decision) form.resetFields();
  }, [decision, form]);

  const isConfirm = decision === 'confirm';
  return (
    <Modal
      open={decision !== null}
      title={isConfirm ? t('review.confirmTitle') : t('review.dismissTitle')}
      onCancel={onCancel}
      destroyOnHidden
      data-testid="decision-modal"
      footer={
        <Space>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            danger={isConfirm}
            loading={loading}
            disabled={!valid}
            data-testid="decision-submit"
            onClick={() => form.submit()}
          >
            {isConfirm ? t('review.confirmSubmit') : t('review.dismissSubmit')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{isConfirm ? t('review.confirmHint') : t('review.dismissHint')}</Typography.Paragraph>
      <Form<DecisionForm> form={form} layout="vertical" preserve={false} onFinish={(values) => onSubmit(values.reason.trim())}>
        <Form.Item
          name="reason"
          label={t('review.reason')}
          validateTrigger={['onChange', 'onBlur']}
          rules={[
            { required: true, whitespace: true, message: t('review.reasonRequired') },
            {
              validator: (_rule, value: string | undefined) => {
                const length = (value ?? '').trim().length;
                if (length > 0 && length < REASON_MIN) return Promise.reject(new Error(t('review.reasonTooShort', { min: REASON_MIN })));
                if (length > REASON_MAX) return Promise.reject(new Error(t('review.reasonTooLong', { max: REASON_MAX })));
                return Promise.resolve();
              },
            },
          ]}
        >
          <Input.TextArea
            data-testid="decision-reason"
            autoFocus
            rows={4}
            showCount
            maxLength={REASON_MAX}
            placeholder={isConfirm ? t('review.confirmPlaceholder') : t('review.dismissPlaceholder')}
          />
        </Form.Item>
      </Form>
      {decision ? (
        <Space size={[6, 6]} wrap>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('review.presets')}
          </Typography.Text>
          {PRESETS[decision].map((key) => (
            <Tag.CheckableTag
              key={key}
              checked={trimmed === t(key)}
              onChange={() => {
                form.setFieldValue('reason', t(key));
                void form.validateFields(['reason']);
              }}
            >
              {t(key)}
            </Tag.CheckableTag>
          ))}
        </Space>
      ) : null}
      {error ? <Alert style={{ marginTop: 16 }} type="error" showIcon title={error} data-testid="decision-error" /> : null}
    </Modal>
  );
}
