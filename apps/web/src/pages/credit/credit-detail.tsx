/**
 * One party's credit, explained (我的信用, and the platform's and regulators' drawer): the tier and total, each
 * dimension as a chart, the measures in force with the tier that imposes them, every contribution with its event,
 * decay, the 首违不罚 tag and how to improve, the tier history and the events as recorded. The party itself may
 * appeal an event (申诉) from its row; everyone who may read the credit may download the signed report (PDF).
 */
import { FilePdfOutlined, SafetyCertificateOutlined, StopOutlined } from '@ant-design/icons';
import type { CreditDetail, CreditEventView } from '@livehub/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, List, Row, Space, Table, type TableColumnsType, Tag, Timeline, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { EChart, type EChartOption } from '../../components/echart.tsx';
import { IconTitle } from '../../components/icon-title.tsx';
import { ReasonDialog, useReasonAction } from '../../components/reason-dialog.tsx';
import { useI18n } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { bi } from '../../lib/labels.ts';
import { creditApi, creditKeys, creditReportUrl } from '../../queries/credit.ts';
import {
  eventDataLabel,
  eventKindLabel,
  formatDay,
  formatPoints,
  formatTime,
  moveReasonLabel,
  partyKindLabel,
  TIER_COLOR,
  TierTag,
} from './credit-labels.tsx';

type Contribution = CreditDetail['contributions'][number];

/** The score's head: total, tier and since when, the model, the report download. */
function ScoreCard({ detail }: { detail: CreditDetail }) {
  const { t } = useI18n();
  return (
    <Card data-testid="credit-score">
      <Space size={32} wrap align="center">
        <div>
          <Typography.Text type="secondary">{t('credit.total')}</Typography.Text>
          <div data-testid="credit-total" style={{ fontSize: 40, fontWeight: 600, lineHeight: 1.2, color: TIER_COLOR[detail.tier] }}>
            {detail.total.toFixed(2)}
          </div>
        </div>
        <div>
          <Typography.Text type="secondary">{t('credit.tierTitle')}</Typography.Text>
          <div style={{ marginTop: 6 }}>
            <Space>
              <span style={{ fontSize: 18 }}>
                <TierTag tier={detail.tier} testId="credit-tier" />
              </span>
              <Typography.Text type="secondary">{t('credit.tierSince', { date: formatDay(detail.tierSince) })}</Typography.Text>
            </Space>
          </div>
        </div>
        <Space orientation="vertical" size={2}>
          <Typography.Text strong>
            {detail.partyName} · {partyKindLabel(t, detail.partyKind)}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('credit.modelVersion', { version: detail.modelVersion })} · {t('credit.computedAt', { time: formatTime(detail.computedAt) })}
          </Typography.Text>
        </Space>
        <Button icon={<FilePdfOutlined />} href={creditReportUrl(detail.partyId)} target="_blank" data-testid="credit-report">
          {t('credit.report')}
        </Button>
      </Space>
    </Card>
  );
}

/** Each dimension's score (0–100) as a bar, named in the UI language with its weight. */
function DimensionsChart({ detail }: { detail: CreditDetail }) {
  const { t, locale } = useI18n();
  const option = useMemo<EChartOption>(() => {
    const dims = [...detail.dimensions].reverse();
    return {
      grid: { left: 130, right: 48, top: 8, bottom: 24 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', min: 0, max: 100 },
      yAxis: {
        type: 'category',
        data: dims.map((d) => t('credit.dimensionWeight', { name: bi(locale, d), weight: d.weightBp / 100 })),
      },
      series: [
        {
          name: t('credit.score'),
          type: 'bar',
          barMaxWidth: 22,
          label: { show: true, position: 'right', formatter: (p: { value: unknown }) => Number(p.value).toFixed(2) },
          data: dims.map((d) => ({
            value: d.score,
            itemStyle: { color: d.score >= 90 ? TIER_COLOR.A : d.score >= 75 ? TIER_COLOR.B : d.score >= 60 ? TIER_COLOR.C : TIER_COLOR.D },
          })),
        },
      ],
    };
  }, [detail.dimensions, t, locale]);
  return (
    <Card title={t('credit.dimensions')} data-testid="credit-dimensions">
      <EChart option={option} height={Math.max(160, detail.dimensions.length * 52)} testId="credit-dimensions-chart" />
      <Space wrap size={[16, 4]}>
        {detail.dimensions.map((d) => (
          <Typography.Text key={d.key} data-testid={`credit-dimension-${d.key}`}>
            {bi(locale, d)} <Typography.Text strong>{d.score.toFixed(2)}</Typography.Text>
          </Typography.Text>
        ))}
      </Space>
    </Card>
  );
}

/** The measures in force and the tier that imposes them (暂停参加秒杀活动 …). */
function MeasuresCard({ detail }: { detail: CreditDetail }) {
  const { t, locale } = useI18n();
  return (
    <Card title={t('credit.measures')} data-testid="credit-measures">
      {detail.measures.length === 0 ? (
        <Alert type="success" showIcon icon={<SafetyCertificateOutlined />} title={t('credit.measures.none')} />
      ) : (
        <>
          <Alert
            type={detail.tier === 'D' ? 'error' : 'warning'}
            showIcon
            title={t('credit.measures.reason', { tier: detail.tier, label: t(`credit.tier.${detail.tier}`) })}
            style={{ marginBottom: 8 }}
          />
          <List
            size="small"
            dataSource={detail.measures}
            renderItem={(m) => (
              <List.Item data-testid={`credit-measure-${m.code}`}>
                <IconTitle icon={<StopOutlined style={{ color: TIER_COLOR[detail.tier] }} />}>{bi(locale, m)}</IconTitle>
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  );
}

/** Whether the party may appeal the event behind a contribution: a real event that cost points or a warning. */
const appealable = (c: Contribution, events: Map<string, CreditEventView>): boolean =>
  events.has(c.eventId) && (c.points < 0 || c.waived !== undefined);

function ContributionsTable({
  detail,
  events,
  onAppeal,
}: {
  detail: CreditDetail;
  events: Map<string, CreditEventView>;
  onAppeal: ((c: Contribution) => void) | null;
}) {
  const { t, locale } = useI18n();
  const dimension = new Map(detail.dimensions.map((d) => [d.key, bi(locale, d)]));
  const columns: TableColumnsType<Contribution> = [
    {
      title: t('credit.col.kind'),
      key: 'kind',
      render: (_, c) => {
        const event = events.get(c.eventId);
        const data = event ? eventDataLabel(t, event.data) : '';
        return (
          <Space orientation="vertical" size={0}>
            <Space size={6}>
              <span>{eventKindLabel(t, c.kind)}</span>
              {c.waived ? (
                <Tag color="cyan" data-testid="credit-first-offence">
                  {t('credit.firstOffence')}
                </Tag>
              ) : null}
            </Space>
            {data ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {data}
              </Typography.Text>
            ) : null}
          </Space>
        );
      },
    },
    { title: t('credit.col.at'), key: 'at', width: 120, render: (_, c) => formatDay(c.at) },
    { title: t('credit.col.dimension'), key: 'dimension', width: 90, render: (_, c) => dimension.get(c.dimension) ?? '' },
    {
      title: t('credit.col.points'),
      key: 'points',
      width: 90,
      align: 'right',
      render: (_, c) => (
        <Typography.Text type={c.points < 0 ? 'danger' : c.points > 0 ? 'success' : 'secondary'}>{formatPoints(c.points)}</Typography.Text>
      ),
    },
    { title: t('credit.col.decay'), key: 'decay', width: 90, align: 'right', render: (_, c) => `${Math.round(c.decay * 100)}%` },
    { title: t('credit.col.hint'), key: 'hint', render: (_, c) => (c.hint ? bi(locale, c.hint) : '') },
  ];
  if (onAppeal)
    columns.push({
      title: t('credit.col.actions'),
      key: 'actions',
      width: 90,
      render: (_, c) =>
        appealable(c, events) ? (
          <Button size="small" onClick={() => onAppeal(c)} data-testid="credit-appeal">
            {t('credit.appeal')}
          </Button>
        ) : null,
    });
  return (
    <Card title={t('credit.contributions')}>
      <Table<Contribution>
        rowKey={(c) => `${c.eventId}:${c.dimension}`}
        size="middle"
        columns={columns}
        dataSource={detail.contributions}
        pagination={detail.contributions.length > 20 ? { pageSize: 20 } : false}
        locale={{ emptyText: t('credit.contributions.empty') }}
        scroll={{ x: 860 }}
        data-testid="credit-contributions"
      />
    </Card>
  );
}

function TierHistory({ detail }: { detail: CreditDetail }) {
  const { t } = useI18n();
  return (
    <Card title={t('credit.history')} data-testid="credit-history">
      {detail.tierMoves.length === 0 ? (
        <Typography.Text type="secondary">{t('credit.history.empty')}</Typography.Text>
      ) : (
        <Timeline
          items={detail.tierMoves.map((m) => ({
            key: `${m.at}:${m.to}`,
            color: TIER_COLOR[m.to],
            content: (
              <Space orientation="vertical" size={0}>
                <Space size={6}>
                  {m.from ? <TierTag tier={m.from} /> : <Typography.Text type="secondary">{t('credit.history.first')}</Typography.Text>}
                  <span>→</span>
                  <TierTag tier={m.to} />
                  <span>
                    {t('credit.total')} {m.total.toFixed(2)}
                  </span>
                </Space>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatTime(m.at)} · {moveReasonLabel(t, m.reason)}
                </Typography.Text>
              </Space>
            ),
          }))}
        />
      )}
    </Card>
  );
}

function EventsTable({ events }: { events: CreditEventView[] }) {
  const { t } = useI18n();
  const columns: TableColumnsType<CreditEventView> = [
    { title: t('credit.col.kind'), key: 'kind', render: (_, e) => eventKindLabel(t, e.kind) },
    { title: t('credit.col.at'), key: 'at', width: 160, render: (_, e) => formatTime(e.at) },
    { title: t('credit.col.detail'), key: 'data', render: (_, e) => eventDataLabel(t, e.data) },
    {
      title: t('credit.col.status'),
      key: 'status',
      render: (_, e) =>
        e.voidedAt ? (
          <Space size={4}>
            <Tag>{t('credit.event.voided')}</Tag>
            <Typography.Text type="secondary">{e.voidReason ?? ''}</Typography.Text>
          </Space>
        ) : (
          <Tag color="processing">{t('credit.event.active')}</Tag>
        ),
    },
  ];
  return (
    <Card title={t('credit.events')}>
      <Table<CreditEventView>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={events}
        pagination={events.length > 20 ? { pageSize: 20 } : false}
        locale={{ emptyText: t('credit.events.empty') }}
        data-testid="credit-events"
      />
    </Card>
  );
}

/** The whole explanation of one party's credit; `own`: the party itself reads it and may appeal. */
export function CreditDetailView({ detail, own }: { detail: CreditDetail; own: boolean }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const events = useMemo(() => new Map(detail.events.map((e) => [e.id, e])), [detail.events]);
  const [target, setTarget] = useState<Contribution | null>(null);
  const appeal = useReasonAction(
    (reason: string) => creditApi.appeal(target?.eventId as string, reason),
    async () => {
      setTarget(null);
      await queryClient.invalidateQueries({ queryKey: creditKeys.all });
    },
    'credit.appeal.sent',
    (e) => errorMessage(e, t('common.networkError')),
  );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="credit-detail">
      <ScoreCard detail={detail} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <DimensionsChart detail={detail} />
        </Col>
        <Col xs={24} xl={12}>
          <MeasuresCard detail={detail} />
        </Col>
      </Row>
      <ContributionsTable
        detail={detail}
        events={events}
        onAppeal={
          own
            ? (c) => {
                setTarget(c);
                appeal.start();
              }
            : null
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={8}>
          <TierHistory detail={detail} />
        </Col>
        <Col xs={24} xl={16}>
          <EventsTable events={detail.events} />
        </Col>
      </Row>
      {own ? (
        <ReasonDialog
          {...appeal.dialog}
          title={t('credit.appeal.title', { kind: target ? eventKindLabel(t, target.kind) : '' })}
          hint={t('credit.appeal.hint')}
          submitLabel={t('credit.appeal.submit')}
          danger={false}
          testIds={{
            modal: 'credit-appeal-modal',
            input: 'credit-appeal-reason',
            submit: 'credit-appeal-submit',
            error: 'credit-appeal-error',
          }}
        />
      ) : null}
    </Space>
  );
}
