/** 转为豁免词: a platform admin turns a dismissed hit into an exemption of its rule. */
import { Form, Input, Select, Typography } from 'antd';
import { FormModal } from '../../components/form-modal.tsx';
import { useI18n } from '../../i18n/index.ts';
import type { ScreeningHit } from '../../lib/api-types.ts';
import { endpoints } from '../../lib/endpoints.ts';
import { useFormMutation } from '../../lib/form-mutation.ts';
import { complianceKeys } from '../../queries/compliance.ts';
import { categoryLabel } from '../compliance/compliance-labels.tsx';

interface ExemptionForm {
  ruleId: string;
  text: string;
}

const FIELDS = ['ruleId', 'text'] as const;

export function ExemptionModal({
  open,
  reviewItemId,
  hits,
  onClose,
}: {
  open: boolean;
  reviewItemId: string;
  hits: readonly ScreeningHit[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<ExemptionForm>();
  const rules = [...new Map(hits.map((hit) => [hit.rule, hit])).values()];
  const first = rules[0];

  const add = useFormMutation({
    form,
    mutationFn: (values: ExemptionForm) => endpoints.addExemption({ ruleId: values.ruleId, text: values.text.trim(), reviewItemId }),
    fields: FIELDS,
    success: 'review.exemption.added',
    onSuccess: onClose,
    invalidate: [complianceKeys.rulePack],
  });

  return (
    <FormModal<ExemptionForm>
      open={open}
      title={t('review.exemption.title')}
      onClose={onClose}
      form={form}
      onFinish={add.mutate}
      pending={add.isPending}
      okText={t('review.exemption.submit')}
      okButtonProps={{ 'data-testid': 'exemption-submit' } as Record<string, string>}
      intro={<Typography.Paragraph type="secondary">{t('review.exemption.hint')}</Typography.Paragraph>}
      {...(first ? { initialValues: { ruleId: first.rule, text: first.matched } } : {})}
    >
      <Form.Item name="ruleId" label={t('review.exemption.rule')} rules={[{ required: true, message: t('common.required') }]}>
        <Select
          data-testid="exemption-rule"
          options={rules.map((hit) => ({ value: hit.rule, label: `${hit.rule} · ${categoryLabel(t, hit.category)}` }))}
          onChange={(ruleId: string) => {
            const hit = rules.find((h) => h.rule === ruleId);
            if (hit) form.setFieldValue('text', hit.matched);
          }}
        />
      </Form.Item>
      <Form.Item
        name="text"
        label={t('review.exemption.text')}
        extra={t('review.exemption.textHint')}
        rules={[
          { required: true, whitespace: true, message: t('common.required') },
          { max: 50, message: t('review.exemption.textTooLong') },
        ]}
      >
        <Input data-testid="exemption-text" maxLength={50} showCount />
      </Form.Item>
    </FormModal>
  );
}
