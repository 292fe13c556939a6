/** 直播基地认定申报: the base, its operator and its application materials; reviewed by the commerce department. */
import { Col, Form, Input, InputNumber, Row } from 'antd';
import { useI18n } from '../../i18n/index.ts';
import type { RegisterBaseRequest } from '../../lib/api-types.ts';
import { endpoints } from '../../lib/endpoints.ts';
import { ApplyForm, isDocumentError, useApplyRules, useSubmitWithFieldErrors } from './apply-form.tsx';
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
  const afterSubmit = useAfterSubmit();
  const { required, length } = useApplyRules();

  const submission = useSubmitWithFieldErrors({
    form,
    fields: FIELDS,
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
    onSuccess: afterSubmit,
    errorMessage: registryErrorMessage,
    isFormLevel: isDocumentError,
  });

  return (
    <ApplyLayout
      testId="apply-base-page"
      title={t('registry.apply.baseTitle')}
      subtitle={t('registry.apply.baseSubtitle')}
      flow={FLOW}
      notes={NOTES}
    >
      <ApplyForm<BaseForm>
        submission={submission}
        testId="apply-base-form"
        submitLabel={t('registry.apply.submit')}
        hint={t('registry.upload.hint')}
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
      </ApplyForm>
    </ApplyLayout>
  );
}
