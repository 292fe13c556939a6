/** 商家入驻 / 我要开店: company details with a live credit-code check, categories, deposit, licences. */
import { Checkbox, Col, Form, Input, InputNumber, Row } from 'antd';
import { useI18n } from '../../i18n/index.ts';
import type { MerchantCategory, RegisterMerchantRequest } from '../../lib/api-types.ts';
import { endpoints } from '../../lib/endpoints.ts';
import { ApplyForm, isDocumentError, useApplyRules, useSubmitWithFieldErrors } from './apply-form.tsx';
import { ApplyLayout, collectDocuments, DocumentField, type DocumentValues, SectionTitle, useAfterSubmit } from './apply-layout.tsx';
import { normalizeIdentifier } from './identifiers.ts';
import { ContactPhoneField, CreditCodeField } from './org-register-fields.tsx';
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
  const afterSubmit = useAfterSubmit();
  const { required, length } = useApplyRules();
  const categories = Form.useWatch('categories', form) ?? [];
  const needsFoodLicence = categories.some((c) => FOOD.includes(c));
  const needsCosmeticsFiling = categories.includes('cosmetics');

  const submission = useSubmitWithFieldErrors({
    form,
    fields: FIELDS,
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
    onSuccess: afterSubmit,
    errorMessage: registryErrorMessage,
    isFormLevel: isDocumentError,
  });

  return (
    <ApplyLayout
      testId="apply-merchant-page"
      title={t('registry.apply.merchantTitle')}
      subtitle={t('registry.apply.merchantSubtitle')}
      flow={FLOW}
      notes={NOTES}
    >
      <ApplyForm<MerchantForm>
        submission={submission}
        testId="apply-merchant-form"
        initialValues={{ categories: [], depositYuan: 5000 }}
        submitLabel={t('registry.apply.submit')}
        hint={t('registry.upload.hint')}
      >
        <SectionTitle>{t('registry.form.basic')}</SectionTitle>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t('registry.form.merchantName')} rules={[required, length(2, 100)]}>
              <Input placeholder={t('registry.form.merchantNamePlaceholder')} data-testid="merchant-name" maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <CreditCodeField testId="merchant-credit-code" />
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="legalRepresentative" label={t('registry.form.legalRepresentative')} rules={[required, length(2, 30)]}>
              <Input data-testid="merchant-legal-rep" maxLength={30} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <ContactPhoneField testId="merchant-phone" />
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
      </ApplyForm>
    </ApplyLayout>
  );
}
