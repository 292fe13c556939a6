/** 服务机构登记: a professional service provider (供应链 / 数据 / 技术 …) and its services; the caller becomes its staff. */
import { Checkbox, Col, Form, Input, Row } from 'antd';
import { useI18n } from '../../i18n/index.ts';
import type { ProviderService, RegisterProviderRequest } from '../../lib/api-types.ts';
import { endpoints } from '../../lib/endpoints.ts';
import { OrgRegisterForm, useApplyRules, useOrgRegistration } from './apply-form.tsx';
import { ApplyLayout, SectionTitle } from './apply-layout.tsx';
import { normalizeIdentifier } from './identifiers.ts';
import { ContactPhoneField, CreditCodeField, HostBaseField } from './org-register-fields.tsx';
import { PROVIDER_SERVICES, serviceLabel } from './registry-labels.tsx';

interface ProviderForm {
  name: string;
  creditCode: string;
  services: ProviderService[];
  contactPhone: string;
  hostBaseOrgId?: string;
}

const FIELDS = ['name', 'creditCode', 'services', 'contactPhone', 'hostBaseOrgId'] as const;
const FLOW = ['registry.flow.provider.1', 'registry.flow.provider.2', 'registry.flow.provider.3', 'registry.flow.provider.4'] as const;
const NOTES = ['registry.note.orgRegistry', 'registry.note.hostBase', 'registry.note.relogin', 'registry.note.privacy'] as const;

export function ApplyProviderPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<ProviderForm>();
  const { required, length } = useApplyRules();

  const registration = useOrgRegistration({
    form,
    fields: FIELDS,
    mutationFn: (values: ProviderForm) => {
      const body: RegisterProviderRequest = {
        name: values.name.trim(),
        creditCode: normalizeIdentifier(values.creditCode),
        services: values.services,
        contactPhone: values.contactPhone.trim(),
      };
      if (values.hostBaseOrgId) body.hostBaseOrgId = values.hostBaseOrgId;
      return endpoints.registerProvider(body);
    },
  });

  return (
    <ApplyLayout
      testId="apply-provider-page"
      title={t('registry.apply.providerTitle')}
      subtitle={t('registry.apply.providerSubtitle')}
      flow={FLOW}
      notes={NOTES}
    >
      <OrgRegisterForm<ProviderForm>
        registration={registration}
        description={t('registry.apply.registeredProvider')}
        testId="apply-provider-form"
        initialValues={{ services: [] }}
      >
        <SectionTitle>{t('registry.form.basic')}</SectionTitle>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t('registry.form.orgName')} rules={[required, length(2, 100)]}>
              <Input placeholder={t('registry.form.merchantNamePlaceholder')} data-testid="provider-name" maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <CreditCodeField testId="provider-credit-code" />
          </Col>
          <Col xs={24} md={12}>
            <ContactPhoneField testId="provider-phone" />
          </Col>
          <Col xs={24} md={12}>
            <HostBaseField testId="provider-host-base" />
          </Col>
        </Row>
        <Form.Item
          name="services"
          label={t('registry.form.services')}
          rules={[{ type: 'array', required: true, min: 1, message: t('registry.v.services') }]}
        >
          <Checkbox.Group className="lh-topic-grid" data-testid="provider-services">
            {PROVIDER_SERVICES.map((service) => (
              <Checkbox key={service} value={service} data-testid={`service-${service}`}>
                {serviceLabel(t, service)}
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
      </OrgRegisterForm>
    </ApplyLayout>
  );
}
