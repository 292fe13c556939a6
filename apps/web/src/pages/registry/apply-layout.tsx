/** The frame every application form shares: header, the form card, and a side card with the process and notes. */
import { InfoCircleOutlined, NodeIndexOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Card, Col, Form, Row, Steps, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { type MessageKey, useI18n } from '../../i18n/index.ts';
import type { DocumentKind, RegistrationCreated, RegistryDocument } from '../../lib/api-types.ts';
import { registryKeys } from '../../queries/registry.ts';
import { shellKeys } from '../../queries/shell.ts';
import { DocumentLabel, DocumentUpload, type Requirement } from '../../components/document-upload.tsx';
import { labelOr } from '../../lib/labels.ts';
import { DOC_KINDS, docKindLabel } from './registry-labels.tsx';
import './registry.css';

export type DocumentValues = Partial<Record<DocumentKind, RegistryDocument[]>>;

function isDocumentKind(value: string): value is DocumentKind {
  return (DOC_KINDS as readonly string[]).includes(value);
}

/** The uploaded documents of a form as the API's document references. */
export function collectDocuments(docs: DocumentValues | undefined): { id: string; docType: DocumentKind }[] {
  return Object.values(docs ?? {})
    .flat()
    .flatMap((doc) => (doc && isDocumentKind(doc.docType) ? [{ id: doc.id, docType: doc.docType }] : []));
}

/** A document upload as a form field; `requirement: 'required'` (or a true `requiredNow`) makes it mandatory. */
export function DocumentField({
  docType,
  requirement,
  requiredNow,
  multiple = false,
}: {
  docType: DocumentKind;
  requirement: Requirement;
  /** for conditional documents: whether the current answers make it mandatory */
  requiredNow?: boolean;
  multiple?: boolean;
}) {
  const { t } = useI18n();
  const mandatory = requirement === 'required' || requiredNow === true;
  const hint = labelOr(t, `registry.docHint.${docType}`, '');
  return (
    <Form.Item
      name={['docs', docType]}
      label={<DocumentLabel docType={docType} requirement={mandatory ? 'required' : requirement} />}
      rules={[
        {
          validator: (_rule, value: RegistryDocument[] | undefined) =>
            mandatory && (value ?? []).length === 0
              ? Promise.reject(new Error(t('registry.v.docRequired', { doc: docKindLabel(t, docType) })))
              : Promise.resolve(),
        },
      ]}
    >
      <DocumentUpload docType={docType} multiple={multiple} hint={hint || undefined} />
    </Form.Item>
  );
}

export function SectionTitle({ children }: { children: ReactNode }) {
  return <div className="lh-form-section">{children}</div>;
}

/** After a successful submission: refresh what changed and open the new application's timeline. */
export function useAfterSubmit(): (created: RegistrationCreated) => Promise<void> {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async (created) => {
    message.success(t('registry.apply.submitted'));
    await queryClient.invalidateQueries({ queryKey: registryKeys.allApplications });
    await queryClient.invalidateQueries({ queryKey: registryKeys.myStreamer });
    // a merchant or base registration may have added an organization membership
    await queryClient.invalidateQueries({ queryKey: shellKeys.me });
    navigate(`/applications/${created.applicationId}`);
  };
}

export function ApplyLayout({
  testId,
  title,
  subtitle,
  flow,
  notes,
  aside,
  children,
}: {
  testId: string;
  title: string;
  subtitle: string;
  flow: readonly MessageKey[];
  notes: readonly MessageKey[];
  /** extra content above the process card (e.g. the live-gate card) */
  aside?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div data-testid={testId}>
      <PageHeader title={title} subtitle={subtitle} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card>{children}</Card>
        </Col>
        <Col xs={24} xl={8}>
          {aside}
          <Card
            title={
              <span>
                <NodeIndexOutlined style={{ marginInlineEnd: 8 }} />
                {t('registry.apply.flow')}
              </span>
            }
            size="small"
            style={{ marginBottom: 16 }}
          >
            <Steps
              orientation="vertical"
              size="small"
              current={-1}
              items={flow.map((key) => ({ title: t(key), status: 'wait' as const }))}
            />
          </Card>
          <Card
            size="small"
            title={
              <span>
                <InfoCircleOutlined style={{ marginInlineEnd: 8 }} />
                {t('registry.apply.notes')}
              </span>
            }
          >
            <ul className="lh-notes">
              {notes.map((key) => (
                <li key={key}>
                  <Typography.Text type="secondary">{t(key)}</Typography.Text>
                </li>
              ))}
            </ul>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
