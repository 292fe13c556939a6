/** Confirm an application action; a reason (1–1000 characters) is required when the engine says so. */
import { useI18n } from '../../i18n/index.ts';
import type { ApplicationAction } from '../../lib/api-types.ts';
import { ReasonDialog } from '../../components/reason-dialog.tsx';
import { bi } from '../../lib/labels.ts';

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
  const required = action?.requiresReason === true;
  const label = action ? bi(locale, action.label) : '';
  return (
    <ReasonDialog
      open={action !== null}
      resetKey={action}
      title={label}
      hint={t('registry.reason.confirmHint', { action: label })}
      label={required ? t('registry.reason.label') : t('registry.reason.optionalLabel')}
      placeholder={t('registry.reason.placeholder')}
      rules={[
        { required, whitespace: true, message: t('registry.reason.required') },
        { max: REASON_MAX, message: t('registry.reason.tooLong') },
      ]}
      maxLength={REASON_MAX}
      isValid={(trimmed) => (!required || trimmed.length > 0) && trimmed.length <= REASON_MAX}
      submitLabel={t('registry.reason.submit')}
      danger={action ? DANGER_ACTIONS.has(action.action) : false}
      loading={loading}
      error={error}
      testIds={{ modal: 'reason-modal', input: 'reason-input', submit: 'reason-submit', error: 'reason-error' }}
      onCancel={onCancel}
      onSubmit={(trimmed) => onSubmit(trimmed || undefined)}
    />
  );
}
