/** 申请详情: an application's path (Steps), timeline, joint-review board, documents, actions and objections. */
import { eventKindLabel } from '../credit/credit-labels.tsx';
import { DownloadOutlined, FileImageOutlined, FilePdfOutlined, HistoryOutlined, ProfileOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Result, Row, Skeleton, Space, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useParams } from 'react-router';
import { BackButton } from '../../components/back-button.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { type Translate, useI18n } from '../../i18n/index.ts';
import { isApiError } from '../../lib/api-client.ts';
import type { ApplicationAction, ApplicationView } from '../../lib/api-types.ts';
import { documentContentUrl, endpoints } from '../../lib/endpoints.ts';
import { useMe } from '../../lib/session.ts';
import { canAccessPath } from '../../nav.ts';
import { ProductReviewPanel } from '../selection/product-review-panel.tsx';
import { registryKeys, useApplication } from '../../queries/registry.ts';
import { ApplicationSteps, EventTimeline } from './application-progress.tsx';
import { hasJointReview, JointReviewBoard } from './joint-review-board.tsx';
import { LiveGateCard } from './live-gate-card.tsx';
import { ObjectionBox } from './objection-box.tsx';
import { DANGER_ACTIONS, PRIMARY_ACTIONS, ReasonModal } from './reason-modal.tsx';
import { bi, formatBytes } from '../../lib/labels.ts';
import { ApplicationStatusTag, categoryLabel, docKindLabel, KindTag, marketerLevelLabel, topicLabel } from './registry-labels.tsx';
import { isStaleError, registryErrorMessage } from './registry-errors.ts';
import './registry.css';
import { IconTitle } from '../../components/icon-title.tsx';

function DocumentsCard({ app }: { app: ApplicationView }) {
  const { t } = useI18n();
  return (
    <Card title={t('registry.app.documents')} style={{ marginBottom: 16 }} data-testid="application-documents">
      {app.documents.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('registry.app.noDocuments')} />
      ) : (
        app.documents.map((doc) => (
          <div key={doc.id} className="lh-doc-row" data-testid="document-row" data-doc-type={doc.docType}>
            <span style={{ fontSize: 22, color: doc.fileType === 'pdf' ? '#f5222d' : '#1677ff' }}>
              {doc.fileType === 'pdf' ? <FilePdfOutlined /> : <FileImageOutlined />}
            </span>
            <div style={{ flex: 1, minWidth: 0 }}>
              <div>
                <Typography.Text strong>{docKindLabel(t, doc.docType)}</Typography.Text>
              </div>
              <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, display: 'block' }}>
                {doc.filename} · {formatBytes(doc.size)} ·{' '}
                <Tooltip title={`SHA-256 ${doc.sha256}`}>
                  <span className="lh-mono">{doc.sha256.slice(0, 10)}</span>
                </Tooltip>
              </Typography.Text>
            </div>
            <Button type="link" size="small" icon={<DownloadOutlined />} href={documentContentUrl(doc.id)} download data-testid="doc-link">
              {t('registry.app.download')}
            </Button>
          </div>
        ))
      )}
    </Card>
  );
}

function stringList(value: unknown): string[] | null {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : null;
}

/** The submitted form, for the fields every kind shares; unknown fields are not shown. */
function dataRows(t: Translate, data: Record<string, unknown>): { key: string; label: string; value: ReactNode }[] {
  const rows: { key: string; label: string; value: ReactNode }[] = [];
  const text = (key: string) => (typeof data[key] === 'string' && data[key] !== '' ? String(data[key]) : null);
  const name = text('name');
  if (name) rows.push({ key: 'name', label: t('registry.data.name'), value: name });
  const code = text('creditCode');
  if (code) rows.push({ key: 'creditCode', label: t('registry.data.creditCode'), value: <span className="lh-mono">{code}</span> });
  const categories = stringList(data.categories);
  if (categories)
    rows.push({ key: 'categories', label: t('registry.data.categories'), value: categories.map((c) => categoryLabel(t, c)).join('、') });
  if (typeof data.depositFen === 'number') {
    rows.push({
      key: 'depositFen',
      label: t('registry.data.depositFen'),
      value: `¥${(data.depositFen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 })}`,
    });
  }
  if (typeof data.age === 'number')
    rows.push({ key: 'age', label: t('registry.data.age'), value: t('registry.data.ageValue', { age: data.age }) });
  const topics = stringList(data.topics);
  if (topics) rows.push({ key: 'topics', label: t('registry.data.topics'), value: topics.map((c) => topicLabel(t, c)).join('、') });
  const level = text('marketerLevel');
  if (level) rows.push({ key: 'marketerLevel', label: t('registry.data.marketerLevel'), value: marketerLevelLabel(t, level) });
  if (typeof data.virtual === 'boolean') {
    rows.push({ key: 'virtual', label: t('registry.data.virtual'), value: data.virtual ? t('registry.data.yes') : t('registry.data.no') });
  }
  const district = text('district');
  if (district) rows.push({ key: 'district', label: t('registry.data.district'), value: district });
  if (typeof data.areaM2 === 'number')
    rows.push({ key: 'areaM2', label: t('registry.data.areaM2'), value: `${data.areaM2.toLocaleString()} ㎡` });
  const operator = text('operatorName');
  if (operator) rows.push({ key: 'operatorName', label: t('registry.data.operatorName'), value: operator });
  const focus = text('focus');
  if (focus) rows.push({ key: 'focus', label: t('registry.data.focus'), value: focus });
  // 信用申诉: the contested event and the party's reason and evidence
  const eventKind = text('eventKind');
  if (eventKind) rows.push({ key: 'eventKind', label: t('registry.data.eventKind'), value: eventKindLabel(t, eventKind) });
  const eventAt = text('eventAt');
  if (eventAt) rows.push({ key: 'eventAt', label: t('registry.data.eventAt'), value: dayjs(eventAt).format('YYYY-MM-DD HH:mm') });
  const reason = text('reason');
  if (reason) rows.push({ key: 'reason', label: t('registry.data.appealReason'), value: reason });
  const evidence = text('evidence');
  if (evidence) rows.push({ key: 'evidence', label: t('registry.data.appealEvidence'), value: evidence });
  return rows;
}

export function ApplicationPage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [acting, setActing] = useState<ApplicationAction | null>(null);
  const [modalError, setModalError] = useState<string | null>(null);
  const [pageError, setPageError] = useState<string | null>(null);

  const detail = useApplication(id, { staleTime: 0 });

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: registryKeys.application(id) });
    await queryClient.invalidateQueries({ queryKey: registryKeys.allApplications });
    await queryClient.invalidateQueries({ queryKey: registryKeys.myStreamer });
  };

  const act = useMutation({
    mutationFn: (input: { action: ApplicationAction; reason: string | undefined; version: number }) =>
      endpoints.actOnApplication(id, {
        action: input.action.action,
        ...(input.reason ? { reason: input.reason } : {}),
        expectVersion: input.version,
      }),
    onMutate: () => {
      setModalError(null);
      setPageError(null);
    },
    onSuccess: async (next, input) => {
      queryClient.setQueryData(registryKeys.application(id), next);
      setActing(null);
      message.success(t('registry.app.actionDone', { action: bi(locale, input.action.label) }));
      await refresh();
    },
    onError: async (error) => {
      const text = registryErrorMessage(t, error);
      if (isStaleError(error)) {
        setActing(null);
        setPageError(text);
        await refresh();
      } else {
        setModalError(text);
      }
    },
  });

  const backToApprovals = canAccessPath(me.role, '/approvals') && detail.data?.applicantUserId !== me.user.id;
  const back = (
    <BackButton to={backToApprovals ? '/approvals' : '/applications'} testId="application-back">
      {backToApprovals ? t('registry.app.backToApprovals') : t('registry.app.backToList')}
    </BackButton>
  );

  if (detail.error) {
    const missing = isApiError(detail.error) && detail.error.status === 404;
    return (
      <div data-testid="application-page">
        <PageHeader title={t('registry.app.title')} extra={back} />
        {missing ? (
          <Result status="404" subTitle={t('registry.app.notFound')} />
        ) : (
          <QueryError error={detail.error} onRetry={() => void detail.refetch()} />
        )}
      </div>
    );
  }
  if (!detail.data) {
    return (
      <div data-testid="application-page">
        <PageHeader title={t('registry.app.title')} extra={back} />
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      </div>
    );
  }

  const app = detail.data;
  const joint = hasJointReview(app);
  const votes = app.actions.filter((a) => a.kind === 'vote');
  const others = joint ? app.actions.filter((a) => a.kind !== 'vote') : app.actions;
  const rows = dataRows(t, app.data);
  const isOwnStreamer = app.kind === 'streamer_certification' && app.subjectId === me.user.id;
  const open = (action: ApplicationAction) => {
    setModalError(null);
    setActing(action);
  };

  return (
    <div
      data-testid="application-page"
      data-application-id={app.id}
      data-step={app.step}
      data-status={app.status}
      data-version={app.version}
    >
      <PageHeader
        title={
          <Space size={12} wrap>
            {app.subjectName ?? bi(locale, app.kindTitle)}
            <ApplicationStatusTag status={app.status} />
          </Space>
        }
        subtitle={
          <Space size={12} wrap>
            <KindTag kind={app.kind} title={bi(locale, app.kindTitle)} />
            <span>{t('registry.app.submittedAt', { time: dayjs(app.createdAt).format('YYYY-MM-DD HH:mm') })}</span>
            <span className="lh-mono" style={{ fontSize: 12 }}>
              {app.id}
            </span>
          </Space>
        }
        extra={back}
      />

      {pageError ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={pageError}
          data-testid="application-error"
          closable={{ onClose: () => setPageError(null) }}
        />
      ) : null}

      <Card title={t('registry.app.progress')} style={{ marginBottom: 16 }}>
        <ApplicationSteps app={app} />
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          {app.subjectType === 'product' ? <ProductReviewPanel productId={app.subjectId} /> : null}
          {joint ? <JointReviewBoard app={app} actions={votes} onAction={open} busy={act.isPending} /> : null}
          <Card title={<IconTitle icon={<HistoryOutlined />}>{t('registry.app.timeline')}</IconTitle>}>
            <EventTimeline app={app} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('registry.app.actions')} style={{ marginBottom: 16 }} data-testid="application-actions">
            {others.length === 0 ? (
              <Typography.Text type="secondary" data-testid="no-actions">
                {t('registry.app.noActions')}
              </Typography.Text>
            ) : (
              <Space wrap>
                {others.map((action) => (
                  <Button
                    key={action.action}
                    type={PRIMARY_ACTIONS.has(action.action) ? 'primary' : 'default'}
                    danger={DANGER_ACTIONS.has(action.action)}
                    onClick={() => open(action)}
                    loading={act.isPending && acting?.action === action.action}
                    data-testid={`action-${action.action}`}
                  >
                    {bi(locale, action.label)}
                  </Button>
                ))}
              </Space>
            )}
          </Card>
          {isOwnStreamer ? <LiveGateCard style={{ marginBottom: 16 }} showApplicationLink={false} /> : null}
          <ObjectionBox app={app} onFiled={refresh} />
          {app.subjectType === 'product' && app.documents.length === 0 ? null : <DocumentsCard app={app} />}
          {rows.length > 0 ? (
            <Card title={<IconTitle icon={<ProfileOutlined />}>{t('registry.app.data')}</IconTitle>}>
              <Descriptions column={1} size="small" colon={false} styles={{ label: { width: 110 } }} data-testid="application-data">
                {rows.map((row) => (
                  <Descriptions.Item key={row.key} label={row.label}>
                    {row.value}
                  </Descriptions.Item>
                ))}
              </Descriptions>
            </Card>
          ) : null}
        </Col>
      </Row>

      <ReasonModal
        action={acting}
        loading={act.isPending}
        error={modalError}
        onCancel={() => setActing(null)}
        onSubmit={(reason) => {
          if (acting) act.mutate({ action: acting, reason, version: app.version });
        }}
      />
    </div>
  );
}
