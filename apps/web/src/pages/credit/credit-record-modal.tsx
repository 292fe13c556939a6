/**
 * 记录信用事件 (platform admins): an administrative penalty, an upheld complaint or a completed training for a party
 * picked by name — merchants, MCNs and live bases from the organizations, streamers from the certified streamers —
 * or the party of the list row it was opened from. The score moves at once.
 */
import { type CreditEventCreate, type CreditEventView, MANUAL_CREDIT_EVENT_KINDS } from '@livehub/contracts';
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormModal } from '../../components/form-modal.tsx';
import { useI18n } from '../../i18n/index.ts';
import { useFormMutation } from '../../lib/form-mutation.ts';
import { creditApi, creditKeys } from '../../queries/credit.ts';
import { eventKindLabel } from './credit-labels.tsx';
import { useCreditPartyOptions } from './credit-party-options.tsx';

type ManualKind = (typeof MANUAL_CREDIT_EVENT_KINDS)[number];

interface RecordValues {
  partyId: string;
  kind: ManualKind;
  severity?: number;
  hours?: number;
  at?: Dayjs | null;
  note?: string;
}

export function CreditRecordModal({
  open,
  preset,
  onClose,
}: {
  open: boolean;
  /** the party of the row the modal was opened from */
  preset: { partyId: string; partyName: string } | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<RecordValues>();
  const kind = Form.useWatch('kind', form);
  const parties = useCreditPartyOptions(preset);
  const mutation = useFormMutation<RecordValues, CreditEventView>({
    form,
    mutationFn: (v) => {
      const body: CreditEventCreate = {
        partyId: v.partyId,
        kind: v.kind,
        data: v.kind === 'training.completed' ? { hours: v.hours ?? 0 } : { severity: v.severity ?? 1 },
        ...(v.at ? { at: v.at.toISOString() } : {}),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      };
      return creditApi.record(body);
    },
    fields: ['partyId', 'kind', 'at', 'note'],
    success: 'credit.record.done',
    onSuccess: onClose,
    invalidate: [creditKeys.all],
  });
  return (
    <FormModal<RecordValues>
      open={open}
      title={t('credit.record')}
      onClose={onClose}
      form={form}
      onFinish={(v) => mutation.mutate(v)}
      pending={mutation.isPending}
      okText={t('credit.record.submit')}
      okTestId="credit-record-ok"
      testId="credit-record-modal"
      initialValues={{ kind: 'case.penalty', severity: 1, hours: 1, ...(preset ? { partyId: preset.partyId } : {}) }}
    >
      <Form.Item name="partyId" label={t('credit.record.party')} rules={[{ required: true, message: t('common.required') }]}>
        <Select
          showSearch={{ optionFilterProp: 'search' }}
          options={parties.options}
          loading={parties.loading}
          placeholder={t('credit.record.partyPlaceholder')}
          data-testid="credit-record-party"
        />
      </Form.Item>
      <Form.Item name="kind" label={t('credit.record.kind')} rules={[{ required: true, message: t('common.required') }]}>
        <Select
          options={MANUAL_CREDIT_EVENT_KINDS.map((k) => ({
            value: k,
            label: <span data-testid={`credit-kind-${k}`}>{eventKindLabel(t, k)}</span>,
          }))}
          data-testid="credit-record-kind"
        />
      </Form.Item>
      {kind === 'training.completed' ? (
        <Form.Item name="hours" label={t('credit.record.hours')} rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber min={0.5} max={100} step={0.5} style={{ width: 160 }} data-testid="credit-record-hours" />
        </Form.Item>
      ) : (
        <Form.Item name="severity" label={t('credit.record.severity')} rules={[{ required: true, message: t('common.required') }]}>
          <Select
            options={[1, 2, 3].map((n) => ({
              value: n,
              label: <span data-testid={`credit-severity-${n}`}>{t(`credit.record.severity.${n as 1 | 2 | 3}`)}</span>,
            }))}
            style={{ width: 160 }}
            data-testid="credit-record-severity"
          />
        </Form.Item>
      )}
      <Form.Item name="at" label={t('credit.record.at')}>
        <DatePicker showTime style={{ width: 240 }} />
      </Form.Item>
      <Form.Item name="note" label={t('credit.record.note')} rules={[{ min: 2, max: 200, message: t('common.required') }]}>
        <Input.TextArea rows={2} maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
