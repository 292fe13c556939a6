/** Confirm an application action; a reason (1–1000 characters) is required when the engine says so. */
import { Alert, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../../i18n.ts';
import type { ApplicationAction } from '../../lib/api-types.ts';
import { bi } from './registry-labels.tsx';

export const REASON_MAX = 1000;

/** Actions that end or reduce a grant: shown as danger buttons. */
export const DANGER_ACTIONS: ReadonlySet<string> = new Set([
  'reject',
  'revoke',
  'exit',
  'suspend',
  'downgrade',
  'uphold_objection',
  'withdraw',
]);
/** Actions that move an application forward: shown as primary buttons. */
export const PRIMARY_ACTIONS: ReadonlySet<string> = new Set(['approve', 'resubmit', 'renew', 'reinstate', 'dismiss_objection']);

interface ReasonForm {
  reason?: string;
}

export function ReasonModal({
  action,
  loading,
  error,
  onCancel,
  onSubmit,
}: {
  /** null → closed */
  action: ApplicationAction | null;
  loading: boolean;
  error: string | null;
  onCancel: () => void;
  onSubmit: (reason: string | undefined) => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<ReasonForm>();
  const reason = Form.useWatch('reason', form) ?? '';
  const required = action?.requiresReason === true;
  const valid = (!required || reason.trim().length > 0) && reason.trim().length <= REASON_MAX;

  useEffect(() => {
    if (action) form.resetFields();
  }, [action, form]);

  const label = action ? bi(locale, action.label) : '';
  const danger = action ? DANGER_ACTIONS.has(action.action) : false;
  return (
    <Modal
      open={action !== null}
      title={label}
      onCancel={onCancel}
      destroyOnHidden
      data-testid="reason-modal"
      footer={
        <Space>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            danger={danger}
            loading={loading}
            disabled={!valid}
            onClick={() => form.submit()}
            data-testid="reason-submit"
          >
            {t('registry.reason.submit')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('registry.reason.confirmHint', { action: label })}</Typography.Paragraph>
      <Form<ReasonForm> form={form} layout="vertical" preserve={false} onFinish={(values) => onSubmit(values.reason?.trim() || undefined)}>
        <Form.Item
          name="reason"
          label={required ? t('registry.reason.label') : t('registry.reason.optionalLabel')}
          validateTrigger={['onChange', 'onBlur']}
          rules={[
            { required, whitespace: true, message: t('registry.reason.required') },
            { max: REASON_MAX, message: t('registry.reason.tooLong') },
          ]}
        >
          <Input.TextArea
            autoFocus
            rows={4}
            showCount
            maxLength={REASON_MAX}
            placeholder={t('registry.reason.placeholder')}
            data-testid="reason-input"
          />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} data-testid="reason-error" /> : null}
    </Modal>
  );
}
