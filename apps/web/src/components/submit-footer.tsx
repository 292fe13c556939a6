/**
 * The footer of a modal whose OK button is its own (a test id, 危险 red, disabled until the input is valid): 取消 and
 * the submit button side by side.
 */
import { Button, Space } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.ts';

export function SubmitFooter({
  onCancel,
  onSubmit,
  loading,
  danger = false,
  disabled = false,
  testId,
  children,
}: {
  onCancel: () => void;
  onSubmit: () => void;
  /** the request is running: the button spins */
  loading: boolean;
  danger?: boolean;
  disabled?: boolean;
  /** the submit button's data-testid */
  testId: string;
  /** the submit button's text */
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Space>
      <Button onClick={onCancel}>{t('common.cancel')}</Button>
      <Button type="primary" danger={danger} loading={loading} disabled={disabled} onClick={onSubmit} data-testid={testId}>
        {children}
      </Button>
    </Space>
  );
}
