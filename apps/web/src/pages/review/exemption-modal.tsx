/** 转为豁免词: a platform admin turns a dismissed hit into an exemption of its rule. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { useI18n } from '../../i18n/index.ts';
import type { ScreeningHit } from '../../lib/api-types.ts';
import { endpoints } from '../../lib/endpoints.ts';
import { applyFieldError, errorMessage } from '../../lib/form-errors.ts';
import { categoryLabel } from '../compliance/compliance-labels.tsx';
import { complianceKeys } from '../../queries/compliance.ts';

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
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ExemptionForm>();
  const rules = [...new Map(hits.map((hit) => [hit.rule, hit])).values()];
  const first = rules[0];

  const add = useMutation({
    mutationFn: (values: ExemptionForm) => endpoints.addExemption({ ruleId: values.ruleId, text: values.text.trim(), reviewItemId }),
    onSuccess: async () => {
      message.success(t('review.exemption.added'));
      onClose();
      await queryClient.invalidateQueries({ queryKey: complianceKeys.rulePack });
    },
    onError: (error) => {
      if (!applyFieldError(form, error, FIELDS)) message.error(errorMessage(error, t('common.networkError')));
    },
  });

  return (
    <Modal
      open={open}
      title={t('review.exemption.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('review.exemption.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending}
      okButtonProps={{ 'data-testid': 'exemption-submit' } as Record<string, string>}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('review.exemption.hint')}</Typography.Paragraph>
      <Form<ExemptionForm>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={first ? { ruleId: first.rule, text: first.matched } : undefined}
        onFinish={(values) => add.mutate(values)}
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
      </Form>
    </Modal>
  );
}
