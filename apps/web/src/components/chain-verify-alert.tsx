/** The outcome of recomputing a hash chain (audit log, violation evidence): a success or error alert. */
import type { AuditVerifyResult } from '@livehub/contracts';
import { Alert } from 'antd';
import { useI18n } from '../i18n/index.ts';
import { errorMessage } from '../lib/form-errors.ts';

interface Props {
  /** what the verification returned, or undefined before it ran */
  result: AuditVerifyResult | undefined;
  error: unknown;
  onClose: () => void;
  testId: string;
  okText: (checked: number) => string;
  brokenText: (r: AuditVerifyResult) => string;
}

export function ChainVerifyAlert({ result, error, onClose, testId, okText, brokenText }: Props) {
  const { t } = useI18n();
  if (result) {
    return (
      <Alert
        data-testid={testId}
        data-ok={result.ok ? 'true' : 'false'}
        style={{ marginBottom: 16 }}
        showIcon
        closable={{ onClose }}
        type={result.ok ? 'success' : 'error'}
        title={result.ok ? okText(result.checked) : brokenText(result)}
      />
    );
  }
  if (error) {
    return (
      <Alert
        data-testid={testId}
        data-ok="false"
        style={{ marginBottom: 16 }}
        showIcon
        type="error"
        title={errorMessage(error, t('common.networkError'))}
      />
    );
  }
  return null;
}
