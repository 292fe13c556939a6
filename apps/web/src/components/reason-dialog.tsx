/**
 * The confirmation dialog with a reason that registry actions (通过 / 驳回 …) and review decisions (确认 / 驳回) share:
 * a hint, the reason box checked as the user types, a submit button enabled only for a valid reason, and the error.
 */
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import type { FormRule } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { type CSSProperties, type ReactNode, useEffect, useState } from 'react';
import { type MessageKey, useI18n } from '../i18n/index.ts';
import { SubmitFooter } from './submit-footer.tsx';

interface ReasonValues {
  reason?: string;
}

/** What the extra content under the reason box (e.g. preset reasons) can read and do. */
export interface ReasonControl {
  /** the reason as typed, trimmed */
  trimmed: string;
  /** replace the reason and validate it */
  setReason: (reason: string) => void;
}

export function ReasonDialog({
  open,
  resetKey,
  title,
  hint,
  label,
  placeholder,
  rules,
  maxLength,
  isValid,
  submitLabel,
  danger,
  loading,
  error,
  errorStyle,
  testIds,
  onCancel,
  onSubmit,
  children,
}: {
  open: boolean;
  /** the reason box is cleared whenever this changes while open */
  resetKey: unknown;
  title: ReactNode;
  hint: ReactNode;
  label: ReactNode;
  placeholder: string;
  rules: FormRule[];
  maxLength: number;
  /** whether the trimmed reason may be submitted */
  isValid: (trimmed: string) => boolean;
  submitLabel: ReactNode;
  danger: boolean;
  loading: boolean;
  error: string | null;
  errorStyle?: CSSProperties;
  testIds: { modal: string; input: string; submit: string; error: string };
  onCancel: () => void;
  /** called with the trimmed reason */
  onSubmit: (trimmed: string) => void;
  children?: (control: ReasonControl) => ReactNode;
}) {
  const [form] = Form.useForm<ReasonValues>();
  const reason = Form.useWatch('reason', form) ?? '';
  const trimmed = reason.trim();

  // biome-ignore lint/correctness/useExhaustiveDependencies: resetKey is the trigger, not a value read here
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, resetKey, form]);

  const setReason = (value: string) => {
    form.setFieldValue('reason', value);
    void form.validateFields(['reason']);
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onCancel}
      destroyOnHidden
      data-testid={testIds.modal}
      footer={
        <SubmitFooter
          onCancel={onCancel}
          onSubmit={() => form.submit()}
          loading={loading}
          danger={danger}
          disabled={!isValid(trimmed)}
          testId={testIds.submit}
        >
          {submitLabel}
        </SubmitFooter>
      }
    >
      <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
      <Form<ReasonValues> form={form} layout="vertical" preserve={false} onFinish={(values) => onSubmit((values.reason ?? '').trim())}>
        <Form.Item name="reason" label={label} validateTrigger={['onChange', 'onBlur']} rules={rules}>
          <Input.TextArea autoFocus rows={4} showCount maxLength={maxLength} placeholder={placeholder} data-testid={testIds.input} />
        </Form.Item>
      </Form>
      {children?.({ trimmed, setReason })}
      {error ? <Alert style={errorStyle} type="error" showIcon title={error} data-testid={testIds.error} /> : null}
    </Modal>
  );
}

/** The usual required reason box (原因, 2 to `max` characters): the props ReasonDialog takes for it. */
export function useRequiredReason(max = 500) {
  const { t } = useI18n();
  return {
    label: t('registry.reason.label'),
    placeholder: t('registry.reason.placeholder'),
    rules: [
      { required: true, whitespace: true, message: t('registry.reason.required') },
      { min: 2, max, message: t('registry.v.length', { min: 2, max }) },
    ] satisfies FormRule[],
    maxLength: max,
    isValid: (trimmed: string) => trimmed.length >= 2 && trimmed.length <= max,
  };
}

/**
 * An action that takes a required reason in a ReasonDialog (下架, 终止协议): `start` opens the dialog; the reason goes
 * to `send`; on success the dialog closes, `done` runs and `success` is said; a failure shows in the dialog as
 * `describe` words it.
 * Spread `dialog` into the ReasonDialog beside its title, hint, submit label and test ids.
 */
export function useReasonAction<R>(
  send: (reason: string) => Promise<R>,
  done: (result: R) => Promise<void>,
  success: MessageKey,
  describe: (error: unknown) => string,
) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reason = useRequiredReason();
  const mutation = useMutation({
    mutationFn: send,
    onMutate: () => setError(null),
    onSuccess: async (result: R) => {
      setOpen(false);
      await done(result);
      message.success(t(success));
    },
    onError: (e) => setError(describe(e)),
  });
  return {
    start: () => setOpen(true),
    dialog: {
      ...reason,
      open,
      resetKey: open,
      loading: mutation.isPending,
      error,
      onCancel: () => setOpen(false),
      onSubmit: (text: string) => mutation.mutate(text),
    },
  };
}
