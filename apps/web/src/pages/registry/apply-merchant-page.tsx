/** 商家入驻 / 我要开店: company details with a live credit-code check, categories, deposit, licences. */
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Col, Form, Input, InputNumber, Row, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n.ts';
import { isApiError } from '../../lib/api-client.ts';
import type { MerchantCategory, RegisterMerchantRequest } from '../../lib/api-types.ts';
import { endpoints } from '../../lib/endpoints.ts';
import { applyFieldError } from '../../lib/form-errors.ts';
import { ApplyLayout, collectDocuments, DocumentField, type DocumentValues, SectionTitle, useAfterSubmit } from './apply-layout.tsx';
import { checkCreditCode, checkMobile, normalizeIdentifier } from './identifiers.ts';
import { CATEGORIES, categoryLabel } from './registry-labels.tsx';
import { registryErrorMessage } from './registry-errors.ts';

interface MerchantForm {
  name: string;
  creditCode: string;
  legalRepresentative: string;
  contactPhone: string;
  address: string;
  district?: string;
  categories: MerchantCategory[];
  depositYuan: number;
  docs?: DocumentValues;
}

const FIELDS = ['name', 'creditCode', 'legalRepresentative', 'contactPhone', 'address', 'district', 'categories'] as const;
const FLOW = ['registry.flow.merchant.1', 'registry.flow.merchant.2', 'registry.flow.merchant.3'] as const;
const NOTES = ['registry.note.merchant', 'registry.note.documents', 'registry.note.privacy'] as const;
const FOOD: readonly MerchantCategory[] = ['food', 'health_food'];
const QUALIFICATION_TYPES = ['food_licence', 'cosmetics_filing', 'medical_device_registration', 'brand_authorization'] as const;
type QualificationType = (typeof QUALIFICATION_TYPES)[number];

function isQualificationType(value: string): value is QualificationType {
  return (QUALIFICATION_TYPES as readonly string[]).includes(value);
}

export function ApplyMerchantPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<MerchantForm>();
  const [formError, setFormError] = useState<string | null>(null);
  const afterSubmit = useAfterSubmit();
  const categories = Form.useWatch('categories', form) ?? [];
  const creditCode = Form.useWatch('creditCode', form) ?? '';
  const needsFoodLicence = categories.some((c) => FOOD.includes(c));
  const needsCosmeticsFiling = categories.includes('cosmetics');

  const submit = useMutation({
    mutationFn: (values: MerchantForm) => {
      const documents = collectDocuments(values.docs);
      const body: RegisterMerchantRequest = {
        name: values.name.trim(),
        creditCode: normalizeIdentifier(values.creditCode),
        legalRepresentative: values.legalRepresentative.trim(),
        contactPhone: values.contactPhone.trim(),
        address: values.address.trim(),
        categories: values.categories,
        depositFen: Math.round((values.depositYuan ?? 0) * 100),
        documents,
      };
      const district = values.district?.trim();
      if (district) body.district = district;
      const qualifications = documents.flatMap((d) => (isQualificationType(d.docType) ? [{ type: d.docType, documentId: d.id }] : []));
      if (qualifications.length > 0) body.qualifications = qualifications;
      return endpoints.registerMerchant(body);
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
      testId="apply-merchant-page"
      title={t('registry.apply.merchantTitle')}
      subtitle={t('registry.apply.merchantSubtitle')}
      flow={FLOW}
      notes={NOTES}
    >
      <Form<MerchantForm>
        form={form}
        layout="vertical"
        data-testid="apply-merchant-form"
        initialValues={{ categories: [], depositYuan: 5000 }}
        onFinish={(values) => submit.mutate(values)}
        onFinishFailed={() => setFormError(t('registry.apply.fixErrors'))}
        onValuesChange={() => setFormError(null)}
        scrollToFirstError
      >
        <SectionTitle>{t('registry.form.basic')}</SectionTitle>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t('registry.form.merchantName')} rules={[required, length(2, 100)]}>
              <Input placeholder={t('registry.form.merchantNamePlaceholder')} data-testid="merchant-name" maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="creditCode"
              label={t('registry.form.creditCode')}
              validateTrigger={['onChange', 'onBlur']}
              extra={
                creditCode && checkCreditCode(creditCode).ok ? (
                  <Typography.Text type="success" style={{ fontSize: 12 }} data-testid="credit-code-ok">
                    {t('registry.form.creditCodeOk')}
                  </Typography.Text>
                ) : undefined
              }
              rules={[
                required,
                {
                  validator: (_rule, value: string | undefined) => {
                    if (!value?.trim()) return Promise.resolve();
                    const result = checkCreditCode(value);
                    return result.ok ? Promise.resolve() : Promise.reject(new Error(t(result.message)));
                  },
                },
              ]}
            >
              <Input
                className="lh-mono"
                placeholder={t('registry.form.creditCodePlaceholder')}
                data-testid="merchant-credit-code"
                maxLength={24}
                autoComplete="off"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="legalRepresentative" label={t('registry.form.legalRepresentative')} rules={[required, length(2, 30)]}>
              <Input data-testid="merchant-legal-rep" maxLength={30} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="contactPhone"
              label={t('registry.form.contactPhone')}
              validateTrigger={['onChange', 'onBlur']}
              rules={[
                required,
                {
                  validator: (_rule, value: string | undefined) =>
                    !value?.trim() || checkMobile(value) ? Promise.resolve() : Promise.reject(new Error(t('registry.v.mobile'))),
                },
              ]}
            >
              <Input data-testid="merchant-phone" maxLength={20} autoComplete="tel" />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="address" label={t('registry.form.address')} rules={[required, length(4, 200)]}>
              <Input data-testid="merchant-address" maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="district" label={t('registry.form.district')} rules={[length(1, 50)]}>
              <Input data-testid="merchant-district" maxLength={50} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="categories"
          label={t('registry.form.categories')}
          rules={[{ type: 'array', min: 1, message: t('registry.v.categories') }]}
        >
          <Checkbox.Group className="lh-topic-grid" data-testid="merchant-categories">
            {CATEGORIES.map((category) => (
              <Checkbox key={category} value={category} data-testid={`category-${category}`}>
                {categoryLabel(t, category)}
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
        <Form.Item name="depositYuan" label={t('registry.form.deposit')} rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber<number>
            min={0}
            max={10_000_000}
            step={1000}
            precision={2}
            style={{ width: 220 }}
            suffix={t('registry.form.depositUnit')}
            data-testid="merchant-deposit"
          />
        </Form.Item>

        <SectionTitle>{t('registry.form.documents')}</SectionTitle>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <DocumentField docType="business_licence" requirement="required" />
          </Col>
          <Col xs={24} md={12}>
            <DocumentField docType="food_licence" requirement="conditional" requiredNow={needsFoodLicence} />
          </Col>
          <Col xs={24} md={12}>
            <DocumentField docType="cosmetics_filing" requirement="conditional" requiredNow={needsCosmeticsFiling} />
          </Col>
          <Col xs={24} md={12}>
            <DocumentField docType="brand_authorization" requirement="optional" multiple />
          </Col>
        </Row>

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
