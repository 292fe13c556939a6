/** 审核详情: one review item with its hits, legal bases and session context; claim, confirm or dismiss it. */
import {
  CheckCircleOutlined,
  CloseCircleOutlined,
  LockOutlined,
  MessageOutlined,
  SafetyCertificateOutlined,
  StopOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Result, Row, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { BackButton } from '../../components/back-button.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n/index.ts';
import { isApiError } from '../../lib/api-client.ts';
import type { ReviewItemDetail, ScreeningHit } from '../../lib/api-types.ts';
import { endpoints, type ReviewDecisionResult } from '../../lib/endpoints.ts';
import { useMe } from '../../lib/session.ts';
import {
  CategoryTag,
  CategoryTags,
  DecisionTag,
  KindTag,
  productCategoryLabel,
  SEVERITY_STYLE,
  SeverityTag,
  StatusTag,
  viaLabel,
} from '../compliance/compliance-labels.tsx';
import { HighlightedText } from '../../components/highlighted-text.tsx';
import { complianceKeys } from '../../queries/compliance.ts';
import { reviewKeys, useReviewItem } from '../../queries/review.ts';
import '../compliance/compliance.css';
import { DecisionModal, type ReviewDecision } from './decision-modal.tsx';
import { ExemptionModal } from './exemption-modal.tsx';
import { reviewErrorMessage } from './review-errors.ts';
import { OrgName, PersonName, ProductName, RuleLabel, SessionName } from './review-names.tsx';
import { SlaCountdown } from './sla-countdown.tsx';

type Outcome = ReviewDecisionResult & { decision: ReviewDecision };

function HitCard({ hit, index, item }: { hit: ScreeningHit; index: number; item: ReviewItemDetail }) {
  const { t, locale } = useI18n();
  const rule = item.rules.find((r) => r.id === hit.rule);
  const style = SEVERITY_STYLE[hit.severity] ?? SEVERITY_STYLE[1];
  const explanation = hit.explanation ? (locale === 'zh-CN' ? hit.explanation.zh : hit.explanation.en) : null;
  return (
    <div className="lh-hit-card" style={{ borderLeftColor: style?.border }} data-testid="hit-detail" data-rule={hit.rule}>
      <Space size={8} wrap style={{ marginBottom: 10 }}>
        <span className="lh-hit-number" style={{ background: style?.border }}>
          {index}
        </span>
        <RuleLabel code={hit.rule} item={item} strong />
        <CategoryTag category={hit.category} />
        <SeverityTag severity={hit.severity} />
        <DecisionTag decision={hit.action} />
        <Tag variant="outlined" style={{ marginInlineEnd: 0 }}>
          {viaLabel(t, hit.via)}
        </Tag>
      </Space>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} colon={false}>
        <Descriptions.Item label={t('review.hit.matched')}>
          <Typography.Text mark strong>
            {hit.matched}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('review.hit.normalized')}>
          <Typography.Text code>{hit.normalized}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('review.hit.position')}>
          <Typography.Text type="secondary" className="lh-mono" style={{ fontSize: 12 }}>
            [{hit.start}, {hit.end})
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('review.hit.via')}>{viaLabel(t, hit.via)}</Descriptions.Item>
      </Descriptions>
      {explanation ? (
        <Typography.Paragraph style={{ margin: '6px 0 0' }}>
          <Typography.Text type="secondary">{t('review.hit.explanation')}：</Typography.Text>
          {explanation}
        </Typography.Paragraph>
      ) : null}
      <div className="lh-basis">
        <Space size={6} align="start">
          <SafetyCertificateOutlined style={{ color: '#cf1322', marginTop: 4 }} />
          <div>
            <Typography.Text strong>{rule ? `《${rule.law.replace(/^《|》$/g, '')}》${rule.article}` : hit.basis}</Typography.Text>
            {rule ? (
              <div>
                <Typography.Text type="secondary">{locale === 'zh-CN' ? rule.summaryZh : rule.summaryEn}</Typography.Text>
              </div>
            ) : null}
          </div>
        </Space>
      </div>
    </div>
  );
}

function ContextCard({ item }: { item: ReviewItemDetail }) {
  const { t } = useI18n();
  const context = [...item.context].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  return (
    <Card
      title={
        <Space>
          <MessageOutlined />
          {t('review.context')}
          {item.event.sessionRef ? (
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}>
              <SessionName event={item.event} />
            </Typography.Text>
          ) : null}
        </Space>
      }
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="review-context"
    >
      {context.length === 0 ? (
        <Typography.Text type="secondary">{t('review.noContext')}</Typography.Text>
      ) : (
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          {context.map((event) => (
            <div key={event.id} className="lh-context-item" data-testid="context-event">
              <Space size={8} style={{ marginBottom: 2 }}>
                <Typography.Text type="secondary" className="lh-mono" style={{ fontSize: 12 }}>
                  {dayjs(event.occurredAt).format('HH:mm:ss')}
                </Typography.Text>
                <KindTag kind={event.kind} />
              </Space>
              <div>{event.text}</div>
            </div>
          ))}
        </Space>
      )}
    </Card>
  );
}

export function ReviewItemPage() {
  const { t } = useI18n();
  const me = useMe();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [deciding, setDeciding] = useState<ReviewDecision | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [decisionError, setDecisionError] = useState<string | null>(null);
  const [exempting, setExempting] = useState(false);

  const detail = useReviewItem(id, { staleTime: 0 });

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: reviewKeys.reviewItem(id) });
    await queryClient.invalidateQueries({ queryKey: reviewKeys.queues });
  };

  const claim = useMutation({
    mutationFn: () => endpoints.claimReviewItem(id),
    onMutate: () => setActionError(null),
    onSuccess: async () => {
      message.success(t('review.claimed'));
      await refresh();
    },
    onError: async (error) => {
      setActionError(reviewErrorMessage(t, error));
      await refresh();
    },
  });

  const decide = useMutation({
    mutationFn: (input: { decision: ReviewDecision; reason: string }) => endpoints.decideReviewItem(id, input),
    onMutate: () => setDecisionError(null),
    onSuccess: async (result, input) => {
      setOutcome({ ...result, decision: input.decision });
      setDeciding(null);
      setActionError(null);
      message.success(input.decision === 'confirm' ? t('review.confirmed') : t('review.dismissed'));
      await refresh();
      await queryClient.invalidateQueries({ queryKey: complianceKeys.violations });
    },
    onError: async (error) => {
      const text = reviewErrorMessage(t, error);
      // a conflict means the item changed under us: close the dialog and show why on the page
      if (isApiError(error) && error.status === 409) {
        setDeciding(null);
        setActionError(text);
        await refresh();
      } else {
        setDecisionError(text);
      }
    },
  });

  const back = (
    <BackButton to="/review" testId="review-back">
      {t('review.backToQueue')}
    </BackButton>
  );

  if (detail.error) {
    return (
      <div data-testid="review-item-page">
        <PageHeader title={t('review.itemTitle')} extra={back} />
        <QueryError error={detail.error} onRetry={() => void detail.refetch()} />
      </div>
    );
  }
  if (!detail.data) {
    return (
      <div data-testid="review-item-page">
        <PageHeader title={t('review.itemTitle')} extra={back} />
        <Card>
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      </div>
    );
  }

  const item = detail.data;
  const pending = item.status === 'open' || item.status === 'claimed';
  const mine = item.status === 'claimed' && item.claimedBy === me.user.id;
  const claimedByOther = item.status === 'claimed' && item.claimedBy !== null && item.claimedBy !== me.user.id;
  const isAdmin = me.role === 'platform_admin';
  const dismissed = outcome?.decision === 'dismiss' || (!outcome && item.status === 'dismissed');

  const exemptionButton =
    isAdmin && dismissed && item.hits.length > 0 ? (
      <Button icon={<StopOutlined />} onClick={() => setExempting(true)} data-testid="exemption-button">
        {t('review.exemption.button')}
      </Button>
    ) : null;

  return (
    <div data-testid="review-item-page" data-item-id={item.id} data-status={item.status}>
      <PageHeader
        title={
          <Space size={12}>
            {t('review.itemTitle')}
            <StatusTag status={item.status} />
          </Space>
        }
        subtitle={
          <Space size={12} wrap>
            <span className="lh-mono">{item.id}</span>
            <span>{t('review.createdAt', { time: dayjs(item.createdAt).format('YYYY-MM-DD HH:mm:ss') })}</span>
          </Space>
        }
        extra={back}
      />

      {actionError ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={actionError}
          data-testid="review-action-error"
          closable={{ onClose: () => setActionError(null) }}
        />
      ) : null}

      {outcome ? (
        <Card style={{ marginBottom: 16 }}>
          {outcome.decision === 'confirm' ? (
            <Result
              data-testid="decision-result"
              data-decision="confirm"
              status="success"
              title={t('review.result.confirmedTitle')}
              subTitle={t('review.result.confirmedSub')}
              extra={[
                <Button key="queue" type="primary" onClick={() => navigate('/review')}>
                  {t('review.backToQueue')}
                </Button>,
                <Button key="violations" onClick={() => navigate('/violations')} data-testid="to-violations">
                  {t('review.result.toViolations')}
                </Button>,
              ]}
            >
              <Descriptions column={1} size="small" bordered>
                <Descriptions.Item label={t('review.result.violationId')}>
                  <Typography.Text className="lh-mono" copyable data-testid="violation-id">
                    {outcome.violationId ?? t('common.none')}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('review.result.evidenceHash')}>
                  <Typography.Text className="lh-mono" copyable data-testid="evidence-hash" style={{ wordBreak: 'break-all' }}>
                    {outcome.evidenceHash ?? t('common.none')}
                  </Typography.Text>
                </Descriptions.Item>
              </Descriptions>
            </Result>
          ) : (
            <Result
              data-testid="decision-result"
              data-decision="dismiss"
              status="info"
              title={t('review.result.dismissedTitle')}
              subTitle={t('review.result.dismissedSub')}
              extra={[
                <Button key="queue" type="primary" onClick={() => navigate('/review')}>
                  {t('review.backToQueue')}
                </Button>,
                exemptionButton,
              ]}
            />
          )}
        </Card>
      ) : null}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <ContextCard item={item} />
          <Card
            title={
              <Space>
                <UnorderedListOutlined />
                {t('review.content')}
                <KindTag kind={item.event.kind} />
              </Space>
            }
            extra={
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {dayjs(item.event.occurredAt).format('YYYY-MM-DD HH:mm:ss')}
              </Typography.Text>
            }
            style={{ marginBottom: 16 }}
          >
            <div className="lh-context-item lh-context-current">
              <HighlightedText text={item.event.text} hits={item.hits} numbered testId="review-text" size="large" />
            </div>
          </Card>
          <Card title={t('review.hits', { count: item.hits.length })}>
            {item.hits.length === 0 ? (
              <Empty description={t('review.noHits')} />
            ) : (
              item.hits.map((hit, i) => <HitCard key={`${hit.rule}-${hit.start}-${hit.end}`} hit={hit} index={i + 1} item={item} />)
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('review.actions')} style={{ marginBottom: 16 }} data-testid="review-actions">
            <Space orientation="vertical" size={12} style={{ width: '100%' }}>
              <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
                <Typography.Text type="secondary">{t('review.col.sla')}</Typography.Text>
                <SlaCountdown dueAt={item.dueAt} status={item.status} />
              </div>
              {mine ? <Alert type="info" showIcon title={t('review.claimedByMe')} data-testid="claimed-by-me" /> : null}
              {claimedByOther ? (
                <Alert
                  type="warning"
                  showIcon
                  title={t('review.claimedByOtherHint')}
                  description={item.claimedByName ? t('review.claimedByName', { name: item.claimedByName }) : undefined}
                />
              ) : null}
              {pending ? (
                <>
                  <Button
                    block
                    icon={<LockOutlined />}
                    disabled={mine}
                    loading={claim.isPending}
                    onClick={() => claim.mutate()}
                    data-testid="claim-button"
                  >
                    {mine ? t('review.claimedShort') : t('review.claim')}
                  </Button>
                  <Row gutter={8}>
                    <Col span={12}>
                      <Button
                        block
                        danger
                        type="primary"
                        icon={<CheckCircleOutlined />}
                        onClick={() => {
                          setDecisionError(null);
                          setDeciding('confirm');
                        }}
                        data-testid="confirm-button"
                      >
                        {t('review.confirm')}
                      </Button>
                    </Col>
                    <Col span={12}>
                      <Button
                        block
                        icon={<CloseCircleOutlined />}
                        onClick={() => {
                          setDecisionError(null);
                          setDeciding('dismiss');
                        }}
                        data-testid="dismiss-button"
                      >
                        {t('review.dismiss')}
                      </Button>
                    </Col>
                  </Row>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('review.actionsHint')}
                  </Typography.Text>
                </>
              ) : (
                <>
                  <Alert
                    type={item.status === 'confirmed' ? 'error' : 'success'}
                    showIcon
                    data-testid="review-decided"
                    title={item.status === 'confirmed' ? t('review.decidedConfirmed') : t('review.decidedDismissed')}
                    description={
                      <div>
                        {item.decidedByName ? <div>{t('review.decidedByName', { name: item.decidedByName })}</div> : null}
                        {item.decidedAt ? (
                          <div>{t('review.decidedAt', { time: dayjs(item.decidedAt).format('YYYY-MM-DD HH:mm:ss') })}</div>
                        ) : null}
                        {item.reason ? <div>{t('review.decidedReason', { reason: item.reason })}</div> : null}
                      </div>
                    }
                  />
                  {!outcome ? exemptionButton : null}
                </>
              )}
            </Space>
          </Card>
          <Card title={t('review.info')}>
            <Descriptions column={1} size="small" colon={false} styles={{ label: { width: 96 } }}>
              <Descriptions.Item label={t('review.col.severity')}>
                <SeverityTag severity={item.severity} />
              </Descriptions.Item>
              <Descriptions.Item label={t('review.col.categories')}>
                <CategoryTags categories={item.categories} />
              </Descriptions.Item>
              <Descriptions.Item label={t('review.machineDecision')}>
                <DecisionTag decision={item.event.decision} />
              </Descriptions.Item>
              <Descriptions.Item label={t('review.col.kind')}>
                <KindTag kind={item.event.kind} />
              </Descriptions.Item>
              <Descriptions.Item label={t('review.col.session')}>
                <SessionName event={item.event} />
              </Descriptions.Item>
              <Descriptions.Item label={t('review.streamer')}>
                <PersonName name={item.event.streamerName} id={item.event.streamerUserId} testId="review-streamer-name" />
              </Descriptions.Item>
              {item.event.senderUserId && item.event.senderUserId !== item.event.streamerUserId ? (
                <Descriptions.Item label={t('review.sender')}>
                  <PersonName name={item.event.senderName} id={item.event.senderUserId} testId="review-sender-name" />
                </Descriptions.Item>
              ) : null}
              <Descriptions.Item label={t('review.merchant')}>
                <OrgName name={item.event.merchantName} id={item.event.merchantOrgId} />
              </Descriptions.Item>
              <Descriptions.Item label={t('review.product')}>
                <ProductName name={item.event.productName} id={item.event.productRef} />
                {item.event.productCategory ? (
                  <Tag style={{ marginInlineStart: 6 }}>{productCategoryLabel(t, item.event.productCategory)}</Tag>
                ) : null}
              </Descriptions.Item>
              <Descriptions.Item label={t('review.occurrencesLabel')}>
                <Tooltip title={t('review.occurrencesHint')}>
                  <span data-testid="review-item-occurrences" data-count={item.occurrences}>
                    {item.occurrences > 1 ? <Tag color="orange">{t('review.occurrences', { count: item.occurrences })}</Tag> : '1'}
                  </span>
                </Tooltip>
              </Descriptions.Item>
              <Descriptions.Item label={t('review.firstSeen')}>{dayjs(item.firstSeenAt).format('YYYY-MM-DD HH:mm:ss')}</Descriptions.Item>
              {item.occurrences > 1 ? (
                <Descriptions.Item label={t('review.lastSeen')}>{dayjs(item.lastSeenAt).format('YYYY-MM-DD HH:mm:ss')}</Descriptions.Item>
              ) : null}
              <Descriptions.Item label={t('review.dueAt')}>{dayjs(item.dueAt).format('YYYY-MM-DD HH:mm:ss')}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
      </Row>

      <DecisionModal
        decision={deciding}
        loading={decide.isPending}
        error={decisionError}
        onCancel={() => setDeciding(null)}
        onSubmit={(reason) => {
          if (deciding) decide.mutate({ decision: deciding, reason });
        }}
      />
      {isAdmin ? <ExemptionModal open={exempting} reviewItemId={item.id} hits={item.hits} onClose={() => setExempting(false)} /> : null}
    </div>
  );
}
