/**
 * 申诉 (a party contests one of its own credit events): the appeal dialog — the event it concerns, a reason of 10 to
 * 500 characters and optional evidence — and 我的申诉, the party's appeals with their status and the reviewer's
 * decision. The platform decides appeals in 审批 (workflow kind `credit_appeal`).
 */
import type { CreditAppealCreate, CreditAppealView, CreditEventView } from '@livehub/contracts';
import { Card, Form, Input, Space, type TableColumnsType, Typography } from 'antd';
import { FormModal } from '../../components/form-modal.tsx';
import { QueryTable } from '../../components/query-table.tsx';
import { useI18n } from '../../i18n/index.ts';
import { useFormMutation } from '../../lib/form-mutation.ts';
import { creditApi, creditKeys, useCreditAppeals } from '../../queries/credit.ts';
import { AppealTag, eventDataLabel, eventKindLabel, formatDay, formatTime } from './credit-labels.tsx';

const REASON_MIN = 10;
const REASON_MAX = 500;
const EVIDENCE_MAX = 2000;

interface AppealValues {
  reason: string;
  evidence?: string;
}

/** What an appeal concerns, in words: 投诉成立 · 2026-12-04 · 严重程度 3 级. */
function EventLine({ event }: { event: CreditEventView }) {
  const { t } = useI18n();
  const data = eventDataLabel(t, event.data);
  return (
    <span>
      {eventKindLabel(t, event.kind)} · {formatDay(event.at)}
      {data ? ` · ${data}` : ''}
    </span>
  );
}

export function AppealModal({ event, onClose }: { event: CreditEventView | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<AppealValues>();
  const mutation = useFormMutation<AppealValues, CreditAppealView>({
    form,
    mutationFn: (v) => {
      const evidence = v.evidence?.trim();
      const body: CreditAppealCreate = { reason: v.reason.trim(), ...(evidence ? { evidence } : {}) };
      return creditApi.appeal(event?.id ?? '', body);
    },
    fields: ['reason', 'evidence'],
    success: 'credit.appeal.sent',
    onSuccess: onClose,
    invalidate: [creditKeys.all],
  });
  const length = { min: REASON_MIN, max: REASON_MAX };
  return (
    <FormModal<AppealValues>
      open={event !== null}
      title={t('credit.appeal.title', { kind: event ? eventKindLabel(t, event.kind) : '' })}
      onClose={onClose}
      form={form}
      onFinish={(v) => mutation.mutate(v)}
      pending={mutation.isPending}
      okText={t('credit.appeal.submit')}
      okTestId="credit-appeal-submit"
      testId="credit-appeal-modal"
      width={560}
      intro={
        <Space orientation="vertical" size={4} style={{ marginBottom: 12 }}>
          {event ? (
            <Typography.Text strong data-testid="credit-appeal-event">
              <EventLine event={event} />
            </Typography.Text>
          ) : null}
          <Typography.Text type="secondary">{t('credit.appeal.hint')}</Typography.Text>
        </Space>
      }
    >
      <Form.Item
        name="reason"
        label={t('credit.appeal.reason')}
        validateTrigger={['onChange', 'onBlur']}
        rules={[
          { required: true, whitespace: true, message: t('credit.appeal.reasonRequired') },
          {
            validator: (_, value: string | undefined) => {
              const n = (value ?? '').trim().length;
              return n === 0 || (n >= REASON_MIN && n <= REASON_MAX)
                ? Promise.resolve()
                : Promise.reject(new Error(t('credit.appeal.reasonLength', length)));
            },
          },
        ]}
      >
        <Input.TextArea
          rows={4}
          showCount
          maxLength={REASON_MAX}
          placeholder={t('credit.appeal.reasonPlaceholder', length)}
          data-testid="credit-appeal-reason"
        />
      </Form.Item>
      <Form.Item name="evidence" label={t('credit.appeal.evidence')} extra={t('credit.appeal.evidenceHint')}>
        <Input.TextArea rows={3} showCount maxLength={EVIDENCE_MAX} data-testid="credit-appeal-evidence" />
      </Form.Item>
    </FormModal>
  );
}

/** 我的申诉: the party's appeals, newest first, each with the event, the reason, the status and the decision. */
export function MyAppealsCard({ events }: { events: Map<string, CreditEventView> }) {
  const { t } = useI18n();
  const appeals = useCreditAppeals();
  const columns: TableColumnsType<CreditAppealView> = [
    {
      title: t('credit.col.kind'),
      key: 'event',
      render: (_, a) => {
        const event = events.get(a.eventId);
        return event ? <EventLine event={event} /> : t('credit.kind.unknown');
      },
    },
    {
      title: t('credit.appeal.reason'),
      key: 'reason',
      render: (_, a) => (
        <Space orientation="vertical" size={0}>
          <Typography.Paragraph ellipsis={{ rows: 2, tooltip: a.reason }} style={{ margin: 0 }}>
            {a.reason}
          </Typography.Paragraph>
          {a.evidence ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('credit.appeal.evidenceShort', { text: a.evidence })}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    { title: t('credit.col.status'), key: 'status', width: 110, render: (_, a) => <AppealTag status={a.status} /> },
    { title: t('credit.appeal.filedAt'), key: 'at', width: 150, render: (_, a) => formatTime(a.createdAt) },
    {
      title: t('credit.appeal.decision'),
      key: 'decision',
      render: (_, a) =>
        a.decidedAt ? (
          <Space orientation="vertical" size={0}>
            <Typography.Text>{a.decisionNote ?? ''}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatTime(a.decidedAt)}
            </Typography.Text>
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('credit.appeal.pending')}</Typography.Text>
        ),
    },
  ];
  return (
    <Card title={t('credit.appeals')} data-testid="credit-appeals">
      <QueryTable<CreditAppealView>
        query={appeals}
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={appeals.data?.items ?? []}
        pagination={(appeals.data?.items.length ?? 0) > 10 ? { pageSize: 10 } : false}
        locale={{ emptyText: t('credit.appeals.empty') }}
        scroll={{ x: 760 }}
      />
    </Card>
  );
}
