/** 直播基地认定申报: the base, its operator and its application materials; reviewed by the commerce department. */
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Col, Form, Input, InputNumber, Row, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n.ts';
import { isApiError } from '../../lib/api-client.ts';
import type { RegisterBaseRequest } from '../../lib/api-types.ts';
import { endpoints } from '../../lib/endpoints.ts';
import { applyFieldError } from '../../lib/form-errors.ts';
import { ApplyLayout, collectDocuments, DocumentField, type DocumentValues, SectionTitle, useAfterSubmit } from './apply-layout.tsx';
import { registryErrorMessage } from './registry-errors.ts';

interface BaseForm {
  name: string;
  address: string;
  district: string;
  areaM2: number;
  operatorName: string;
  focus?: string;
  docs?: DocumentValues;
}

const FIELDS = ['name', 'address', 'district', 'areaM2', 'operatorName', 'focus'] as const;
const FLOW = [
  'registry.flow.base.1',
  'registry.flow.base.2',
  'registry.flow.base.3',
  'registry.flow.base.4',
  'registry.flow.base.5',
] as const;
const NOTES = ['registry.note.base', 'registry.note.documents', 'registry.note.privacy'] as const;

export function ApplyBasePage() {
  const { t } = useI18n();
  const [form] = Form.useForm<BaseForm>();
  const [formError, setFormError] = useState<string | null>(null);
  const afterSubmit = useAfterSubmit();

  const submit = useMutation({
    mutationFn: (values: BaseForm) => {
      const body: RegisterBaseRequest = {
        name: values.name.trim(),
        address: values.address.trim(),
        district: values.district.trim(),
        areaM2: Math.round(values.areaM2),
        operatorName: values.operatorName.trim(),
        documents: collectDocuments(values.docs),
      };
      const focus = values.focus?.trim();
      if (focus) body.focus = focus;
      return endpoints.registerBase(body);
    },
    onMutate: () => setFormError(null),
    onSuccess: afterSubmit,
    onError: (error) => {
      const onDocuments = isApiError(error) && error.field?.startsWith('documents');
      if (!onDocuments && applyFieldError(form, error, FIELDS)) return;
      setFormError(registryErrorMessage(t, error));
    },
  });

  const length = (min: number, max: number) => ({ min, max, message: t('registry.v.length', { min, max }) });
  const required = { required: true, whitespace: true, message: t('common.required') };

  return (
    <ApplyLayout
      testId="apply-base-page"
      title={t('registry.apply.baseTitle')}
      subtitle={t('registry.apply.baseSubtitle')}
      flow={FLOW}
      notes={NOTES}
    >
      <Form<BaseForm>
        form={form}
        layout="vertical"
        data-testid="apply-base-form"
        onFinish={(values) => submit.mutate(values)}
        onFinishFailed={() => setFormError(t('registry.apply.fixErrors'))}
        onValuesChange={() => setFormError(null)}
        scrollToFirstError
      >
        <SectionTitle>{t('registry.form.basic')}</SectionTitle>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t('registry.form.baseName')} rules={[required, length(2, 100)]}>
              <Input data-testid="base-name" maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="operatorName" label={t('registry.form.operatorName')} rules={[required, length(2, 60)]}>
              <Input data-testid="base-operator" maxLength={60} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="address" label={t('registry.form.baseAddress')} rules={[required, length(4, 200)]}>
              <Input data-testid="base-address" maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="district" label={t('registry.form.baseDistrict')} rules={[required, length(1, 50)]}>
              <Input data-testid="base-district" maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="areaM2"
              label={t('registry.form.areaM2')}
              rules={[
                { required: true, message: t('common.required') },
                { type: 'number', min: 100, message: t('registry.v.areaMin') },
              ]}
            >
              <InputNumber<number> min={0} max={10_000_000} precision={0} suffix="㎡" style={{ width: '100%' }} data-testid="base-area" />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="focus" label={t('registry.form.focus')} rules={[length(1, 100)]}>
              <Input placeholder={t('registry.form.focusPlaceholder')} data-testid="base-focus" maxLength={100} />
            </Form.Item>
          </Col>
        </Row>

        <SectionTitle>{t('registry.form.documents')}</SectionTitle>
        <DocumentField docType="base_materials" requirement="required" multiple />

        {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} data-testid="apply-error" /> : null}
        <div style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
          <Button type="primary" htmlType="submit" size="large" loading={submit.isPending} data-testid="apply-submit">
            {t('registry.apply.submit')}
          </Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('registry.upload.hint')}
          </Typography.Text>
        </div>
      </Form>
    </ApplyLayout>
  );
}
