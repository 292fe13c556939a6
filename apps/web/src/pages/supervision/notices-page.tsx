/**
 * 监管通知: what a regulator told the caller's organization (or the caller as a streamer) — the notice of an intended
 * penalty with its facts, measures and basis, the 陈述申辩 deadline and the form to state the party's case online
 * before it; then the decision with its document (PDF) to download.
 */
import { AuditOutlined } from '@ant-design/icons';
import type { CaseNoticeView } from '@livehub/contracts';
import { Alert, App, Button, Card, Descriptions, Empty, Input, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { DocumentUpload } from '../../components/document-upload.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n/index.ts';
import type { RegistryDocument } from '../../lib/api-types.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { useCaseStatement, useNotices } from '../../queries/supervision.ts';
import { measureText, statusLabel } from './cases-page.tsx';

const time = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

export function NoticesPage() {
  const { t } = useI18n();
  const notices = useNotices();
  const [params] = useSearchParams();
  const focus = params.get('case');
  return (
    <>
      <PageHeader title={t('notices.title')} subtitle={t('notices.subtitle')} testId="notices-title" />
      {notices.isError ? <QueryError error={notices.error} onRetry={() => void notices.refetch()} /> : null}
      {notices.data && notices.data.length === 0 ? <Empty description={t('notices.empty')} /> : null}
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {(notices.data ?? []).map((n) => (
          <NoticeCard key={n.id} n={n} focused={n.id === focus} />
        ))}
      </Space>
    </>
  );
}

function NoticeCard({ n, focused }: { n: CaseNoticeView; focused: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const statement = useCaseStatement();
  const [text, setText] = useState('');
  const [docs, setDocs] = useState<RegistryDocument[]>([]);
  const [error, setError] = useState<string | null>(null);
  const open = n.status === 'notified' && n.notice !== null && dayjs().isBefore(dayjs(n.notice.defenceDueAt));
  const submit = () =>
    statement.mutate(
      { id: n.id, text: text.trim(), documentIds: docs.map((d) => d.id) },
      {
        onSuccess: () => void message.success(t('notices.stated')),
        onError: (e) => setError(errorMessage(e, t('common.networkError'))),
      },
    );
  return (
    <Card
      title={
        <Space>
          <AuditOutlined />
          <span data-testid="notice-case-no">{n.caseNo}</span>
        </Space>
      }
      extra={<Tag data-testid="notice-status">{statusLabel(t, n.status)}</Tag>}
      style={focused ? { borderColor: '#1677ff' } : undefined}
      data-testid="notice-card"
    >
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('cases.col.party')}>{n.partyName}</Descriptions.Item>
        {n.subjectName ? <Descriptions.Item label={t('cases.subject')}>{n.subjectName}</Descriptions.Item> : null}
        <Descriptions.Item label={t('cases.col.summary')}>{n.summary}</Descriptions.Item>
        {n.notice ? (
          <>
            <Descriptions.Item label={t('cases.notice.facts')}>
              <span data-testid="notice-facts">{n.notice.facts}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('cases.notice.intended')}>{n.notice.intended}</Descriptions.Item>
            <Descriptions.Item label={t('cases.legalBasis')}>{n.notice.legalBasis}</Descriptions.Item>
            <Descriptions.Item label={t('cases.notice.due')}>
              <span data-testid="notice-due">{time(n.notice.defenceDueAt)}</span>
            </Descriptions.Item>
          </>
        ) : null}
        {n.statement ? (
          <Descriptions.Item label={t('cases.statement')}>
            <Space direction="vertical" size={0}>
              <span data-testid="notice-statement">{n.statement.text}</span>
              {n.statement.documentIds.length > 0 ? (
                <Typography.Text type="secondary">{t('cases.documents', { count: n.statement.documentIds.length })}</Typography.Text>
              ) : null}
            </Space>
          </Descriptions.Item>
        ) : n.statementLapsed ? (
          <Descriptions.Item label={t('cases.statement')}>{t('cases.lapsed')}</Descriptions.Item>
        ) : null}
        {n.decision ? (
          <Descriptions.Item label={t('cases.decision')}>
            <Space direction="vertical" size={2}>
              {n.decision.measures.map((m) => (
                <Typography.Text key={m.kind} data-testid="notice-measure">
                  {measureText(t, m, n.subjectName)}
                </Typography.Text>
              ))}
              <Typography.Text type="secondary">{n.decision.reasoning}</Typography.Text>
              <Typography.Link href={`/api/supervision/cases/${n.id}/decision.pdf`} data-testid="notice-pdf">
                {t('cases.download')}
              </Typography.Link>
            </Space>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {open ? (
        <Space direction="vertical" style={{ width: '100%', marginTop: 16 }}>
          <Alert type="warning" showIcon message={t('notices.rights', { due: time(n.notice?.defenceDueAt ?? '') })} />
          <Input.TextArea
            rows={4}
            maxLength={8000}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setError(null);
            }}
            placeholder={t('notices.placeholder')}
            data-testid="notice-statement-input"
          />
          <DocumentUpload docType="other" multiple value={docs} onChange={setDocs} hint={t('notices.documents')} />
          {error ? <Alert type="error" message={error} data-testid="notice-error" /> : null}
          <Button
            type="primary"
            onClick={submit}
            loading={statement.isPending}
            disabled={text.trim().length < 2}
            data-testid="notice-submit"
          >
            {t('notices.submit')}
          </Button>
        </Space>
      ) : null}
    </Card>
  );
}
