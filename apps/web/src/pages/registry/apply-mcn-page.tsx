/** MCN 机构登记: the agency's details with a live credit-code check and an optional host base; the caller becomes its manager. */
import { Col, Form, Input, Row } from 'antd';
import { useI18n } from '../../i18n/index.ts';
import type { RegisterMcnRequest } from '../../lib/api-types.ts';
import { endpoints } from '../../lib/endpoints.ts';
import { OrgRegisterForm, useApplyRules, useOrgRegistration } from './apply-form.tsx';
import { ApplyLayout, SectionTitle } from './apply-layout.tsx';
import { normalizeIdentifier } from './identifiers.ts';
import { ContactPhoneField, CreditCodeField, HostBaseField } from './org-register-fields.tsx';

interface McnForm {
  name: string;
  creditCode: string;
  legalRepresentative: string;
  contactPhone: string;
  hostBaseOrgId?: string;
}

const FIELDS = ['name', 'creditCode', 'legalRepresentative', 'contactPhone', 'hostBaseOrgId'] as const;
const FLOW = ['registry.flow.mcn.1', 'registry.flow.mcn.2', 'registry.flow.mcn.3', 'registry.flow.mcn.4'] as const;
const NOTES = ['registry.note.orgRegistry', 'registry.note.hostBase', 'registry.note.relogin', 'registry.note.privacy'] as const;

export function ApplyMcnPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<McnForm>();
  const { required, length } = useApplyRules();

  const registration = useOrgRegistration({
    form,
    fields: FIELDS,
    mutationFn: (values: McnForm) => {
      const body: RegisterMcnRequest = {
        name: values.name.trim(),
        creditCode: normalizeIdentifier(values.creditCode),
        legalRepresentative: values.legalRepresentative.trim(),
        contactPhone: values.contactPhone.trim(),
      };
      if (values.hostBaseOrgId) body.hostBaseOrgId = values.hostBaseOrgId;
      return endpoints.registerMcn(body);
    },
  });

  return (
    <ApplyLayout
      testId="apply-mcn-page"
      title={t('registry.apply.mcnTitle')}
      subtitle={t('registry.apply.mcnSubtitle')}
      flow={FLOW}
      notes={NOTES}
    >
      <OrgRegisterForm<McnForm> registration={registration} description={t('registry.apply.registeredMcn')} testId="apply-mcn-form">
        <SectionTitle>{t('registry.form.basic')}</SectionTitle>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t('registry.form.orgName')} rules={[required, length(2, 100)]}>
              <Input placeholder={t('registry.form.merchantNamePlaceholder')} data-testid="mcn-name" maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <CreditCodeField testId="mcn-credit-code" />
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="legalRepresentative" label={t('registry.form.legalRepresentative')} rules={[required, length(2, 30)]}>
              <Input data-testid="mcn-legal-rep" maxLength={30} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <ContactPhoneField testId="mcn-phone" />
          </Col>
          <Col xs={24}>
            <HostBaseField testId="mcn-host-base" />
          </Col>
        </Row>
      </OrgRegisterForm>
    </ApplyLayout>
  );
}
