/** 主播认证: real name and ID number (GB 11643 check, age rule), topics, digital-human details, documents. */
import { Alert, Button, Card, Checkbox, Col, Form, Input, Result, Row, Select, Skeleton, Switch, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../i18n/index.ts';
import { isApiError } from '../../lib/api-client.ts';
import type { MarketerLevel, RegisterStreamerRequest, StreamerTopic } from '../../lib/api-types.ts';
import { endpoints } from '../../lib/endpoints.ts';
import { useMyStreamerRegistration } from '../../queries/registry.ts';
import { ApplyForm, isDocumentError, useApplyRules, useSubmitWithFieldErrors } from './apply-form.tsx';
import { ApplyLayout, collectDocuments, DocumentField, type DocumentValues, SectionTitle, useAfterSubmit } from './apply-layout.tsx';
import { checkIdNumber, normalizeIdentifier, UUID_PATTERN } from './identifiers.ts';
import { LiveGateCard, REAPPLY_STATUSES } from './live-gate-card.tsx';
import { LICENSED_TOPICS, MARKETER_LEVELS, marketerLevelLabel, TOPICS, topicLabel } from './registry-labels.tsx';
import { registryErrorMessage } from './registry-errors.ts';

interface StreamerForm {
  realName: string;
  idNumber: string;
  topics: StreamerTopic[];
  marketerLevel?: MarketerLevel;
  mcnOrgId?: string;
  isVirtual?: boolean;
  virtual?: { operatorUserId?: string; label?: string };
  docs?: DocumentValues;
}

const FIELDS = ['realName', 'idNumber', 'topics', 'marketerLevel', 'mcnOrgId', 'virtual'] as const;
const FLOW = ['registry.flow.streamer.1', 'registry.flow.streamer.2', 'registry.flow.streamer.3', 'registry.flow.streamer.4'] as const;
const NOTES = ['registry.note.streamer', 'registry.note.documents', 'registry.note.privacy'] as const;

export function ApplyStreamerPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [form] = Form.useForm<StreamerForm>();
  const afterSubmit = useAfterSubmit();
  const { required, length } = useApplyRules();
  const mine = useMyStreamerRegistration({ staleTime: 0 });

  const idNumber = Form.useWatch('idNumber', form) ?? '';
  const topics = Form.useWatch('topics', form) ?? [];
  const isVirtual = Form.useWatch('isVirtual', form) === true;
  const id = checkIdNumber(idNumber);
  const minor = id.ok && id.age >= 16 && id.age < 18;
  const licensed = topics.filter((topic) => LICENSED_TOPICS.includes(topic));

  const submission = useSubmitWithFieldErrors({
    form,
    fields: FIELDS,
    mutationFn: (values: StreamerForm) => {
      const documents = collectDocuments(values.docs);
      const body: RegisterStreamerRequest = {
        realName: values.realName.trim(),
        idNumber: normalizeIdentifier(values.idNumber),
        topics: values.topics,
        documents,
      };
      if (values.marketerLevel) body.marketerLevel = values.marketerLevel;
      const mcn = values.mcnOrgId?.trim();
      if (mcn) body.mcnOrgId = mcn;
      const consent = documents.find((d) => d.docType === 'likeness_consent');
      if (values.isVirtual && values.virtual?.operatorUserId && values.virtual.label && consent) {
        body.virtual = {
          operatorUserId: values.virtual.operatorUserId.trim(),
          label: values.virtual.label.trim(),
          likenessConsentDocId: consent.id,
        };
      }
      return endpoints.registerStreamer(body);
    },
    onSuccess: afterSubmit,
    errorMessage: registryErrorMessage,
    isFormLevel: (error) => isDocumentError(error) || (isApiError(error) && error.field === 'virtual.likenessConsentDocId'),
  });

  const layout = (children: ReactNode, aside?: ReactNode) => (
    <ApplyLayout
      testId="apply-streamer-page"
      title={t('registry.apply.streamerTitle')}
      subtitle={t('registry.apply.streamerSubtitle')}
      flow={FLOW}
      notes={NOTES}
      aside={aside}
    >
      {children}
    </ApplyLayout>
  );

  if (mine.isPending) return layout(<Skeleton active paragraph={{ rows: 8 }} />);
  const profile = mine.data?.profile;
  if (profile && !REAPPLY_STATUSES.includes(profile.status)) {
    return layout(
      <Result
        status="info"
        data-testid="already-applied"
        title={t('registry.apply.alreadyStreamer')}
        extra={
          <Button type="primary" onClick={() => navigate('/applications')}>
            {t('registry.apply.viewProgress')}
          </Button>
        }
      >
        <LiveGateCard showApplyButton={false} />
      </Result>,
    );
  }

  const idHelp = id.ok ? t(minor ? 'registry.v.idHintMinor' : 'registry.v.idHint', { date: id.birthDate, age: id.age }) : undefined;

  return layout(
    <ApplyForm<StreamerForm>
      submission={submission}
      testId="apply-streamer-form"
      initialValues={{ topics: [], isVirtual: false }}
      submitLabel={t('registry.apply.submit')}
      hint={t('registry.upload.hint')}
    >
      <SectionTitle>{t('registry.form.identity')}</SectionTitle>
      <Row gutter={16}>
        <Col xs={24} md={10}>
          <Form.Item name="realName" label={t('registry.form.realName')} rules={[required, length(2, 30)]}>
            <Input data-testid="streamer-real-name" maxLength={30} autoComplete="name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={14}>
          <Form.Item
            name="idNumber"
            label={t('registry.form.idNumber')}
            validateTrigger={['onChange', 'onBlur']}
            extra={
              idHelp ? (
                <Typography.Text type={minor ? 'warning' : 'success'} className="lh-id-hint" data-testid="id-number-hint">
                  {idHelp}
                </Typography.Text>
              ) : undefined
            }
            rules={[
              required,
              {
                validator: (_rule, value: string | undefined) => {
                  if (!value?.trim()) return Promise.resolve();
                  const result = checkIdNumber(value);
                  if (!result.ok) return Promise.reject(new Error(t(result.message)));
                  if (result.age < 16) return Promise.reject(new Error(t('registry.v.idUnder16')));
                  return Promise.resolve();
                },
              },
            ]}
          >
            <Input
              data-testid="streamer-id-number"
              className="lh-mono"
              maxLength={20}
              placeholder={t('registry.form.idNumberPlaceholder')}
              autoComplete="off"
            />
          </Form.Item>
        </Col>
      </Row>

      <SectionTitle>{t('registry.form.profile')}</SectionTitle>
      <Form.Item name="topics" label={t('registry.form.topics')} rules={[{ type: 'array', min: 1, message: t('registry.v.topics') }]}>
        <Checkbox.Group className="lh-topic-grid" data-testid="streamer-topics">
          {TOPICS.map((topic) => (
            <Checkbox key={topic} value={topic} data-testid={`topic-${topic}`}>
              {topicLabel(t, topic)}
              {LICENSED_TOPICS.includes(topic) ? (
                <Tag color="orange" variant="filled" style={{ marginInlineStart: 6, fontSize: 11, lineHeight: '18px' }}>
                  {t('registry.form.topicsLicensed')}
                </Tag>
              ) : null}
            </Checkbox>
          ))}
        </Checkbox.Group>
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={10}>
          <Form.Item name="marketerLevel" label={t('registry.form.marketerLevel')}>
            <Select<MarketerLevel>
              allowClear
              data-testid="streamer-marketer-level"
              options={MARKETER_LEVELS.map((level) => ({ value: level, label: marketerLevelLabel(t, level) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={14}>
          <Form.Item name="mcnOrgId" label={t('registry.form.mcnOrgId')} rules={[{ pattern: UUID_PATTERN, message: t('registry.v.uuid') }]}>
            <Input className="lh-mono" data-testid="streamer-mcn" allowClear />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="isVirtual" label={t('registry.form.virtual')} valuePropName="checked" extra={t('registry.form.virtualHint')}>
        <Switch data-testid="streamer-virtual" />
      </Form.Item>
      {isVirtual ? (
        <Card size="small" style={{ marginBottom: 16, background: '#fafafa' }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name={['virtual', 'operatorUserId']}
                label={t('registry.form.virtualOperator')}
                rules={[required, { pattern: UUID_PATTERN, message: t('registry.v.uuid') }]}
              >
                <Input className="lh-mono" data-testid="streamer-virtual-operator" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['virtual', 'label']} label={t('registry.form.virtualLabel')} rules={[required, length(2, 40)]}>
                <Input placeholder={t('registry.form.virtualLabelPlaceholder')} data-testid="streamer-virtual-label" />
              </Form.Item>
            </Col>
          </Row>
          <DocumentField docType="likeness_consent" requirement="conditional" requiredNow />
        </Card>
      ) : null}

      <SectionTitle>{t('registry.form.documents')}</SectionTitle>
      {licensed.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('registry.apply.licenceNeeded', { topics: licensed.map((topic) => topicLabel(t, topic)).join('、') })}
        />
      ) : null}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <DocumentField docType="id_card" requirement="required" />
        </Col>
        <Col xs={24} md={12}>
          <DocumentField docType="guardian_consent" requirement="conditional" requiredNow={minor} />
        </Col>
        <Col xs={24} md={12}>
          <DocumentField docType="professional_licence" requirement="conditional" requiredNow={licensed.length > 0} />
        </Col>
        <Col xs={24} md={12}>
          <DocumentField docType="training_certificate" requirement="optional" />
        </Col>
      </Row>
    </ApplyForm>,
    <LiveGateCard style={{ marginBottom: 16 }} showApplyButton={false} />,
  );
}
