/** Confirm / dismiss a review item: a reason is required (2–500 characters), validated as the reviewer types. */
import { Space, Tag, Typography } from 'antd';
import { type MessageKey, useI18n } from '../../i18n/index.ts';
import { ReasonDialog } from '../../components/reason-dialog.tsx';

export type ReviewDecision = 'confirm' | 'dismiss';

export const REASON_MIN = 2;
export const REASON_MAX = 500;

const PRESETS: Record<ReviewDecision, readonly MessageKey[]> = {
  confirm: ['review.preset.confirm1', 'review.preset.confirm2', 'review.preset.confirm3'],
  dismiss: ['review.preset.dismiss1', 'review.preset.dismiss2', 'review.preset.dismiss3'],
};

export function DecisionModal({
  decision,
  loading,
  error,
  onCancel,
  onSubmit,
  count,
}: {
  /** null → closed */
  decision: ReviewDecision | null;
  /** a batch decision: how many items it takes */
  count?: number;
  loading: boolean;
  error: string | null;
  onCancel: () => void;
  onSubmit: (reason: string) => void;
}) {
  const { t } = useI18n();
  const isConfirm = decision === 'confirm';
  return (
    <ReasonDialog
      open={decision !== null}
      resetKey={decision}
      title={
        count !== undefined
          ? t(isConfirm ? 'review.batch.confirmTitle' : 'review.batch.dismissTitle', { count })
          : isConfirm
            ? t('review.confirmTitle')
            : t('review.dismissTitle')
      }
      hint={isConfirm ? t('review.confirmHint') : t('review.dismissHint')}
      label={t('review.reason')}
      placeholder={isConfirm ? t('review.confirmPlaceholder') : t('review.dismissPlaceholder')}
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
      maxLength={REASON_MAX}
      isValid={(trimmed) => trimmed.length >= REASON_MIN && trimmed.length <= REASON_MAX}
      submitLabel={isConfirm ? t('review.confirmSubmit') : t('review.dismissSubmit')}
      danger={isConfirm}
      loading={loading}
      error={error}
      errorStyle={{ marginTop: 16 }}
      testIds={{ modal: 'decision-modal', input: 'decision-reason', submit: 'decision-submit', error: 'decision-error' }}
      onCancel={onCancel}
      onSubmit={onSubmit}
    >
      {({ trimmed, setReason }) =>
        decision ? (
          <Space size={[6, 6]} wrap>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('review.presets')}
            </Typography.Text>
            {PRESETS[decision].map((key) => (
              <Tag.CheckableTag key={key} checked={trimmed === t(key)} onChange={() => setReason(t(key))}>
                {t(key)}
              </Tag.CheckableTag>
            ))}
          </Space>
        ) : null
      }
    </ReasonDialog>
  );
}
