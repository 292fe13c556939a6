/**
 * One party's credit, explained (我的信用, and the platform's and regulators' drawer): the tier and total, each
 * dimension as a chart, the enforcement modes in force (观察期, 监管沙盒 with their end dates) and the measures with
 * the reason of each, every contribution with its event, decay, the 首违不罚 tag and how to improve, the tier history
 * and the events as recorded with their appeal's status, and the signed report (PDF, and its number and hash). The
 * party itself may appeal an event (申诉) from its row, follows its appeals (我的申诉) and completes the training
 * tasks of its waived first offences (培训任务).
 */
import { ExperimentOutlined, EyeOutlined, SafetyCertificateOutlined, StopOutlined } from '@ant-design/icons';
import type { CreditDetail, CreditEventView } from '@livehub/contracts';
import { Alert, Button, Card, Col, List, Row, Space, Table, type TableColumnsType, Tag, Timeline, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { EChart, type EChartOption } from '../../components/echart.tsx';
import { IconTitle } from '../../components/icon-title.tsx';
import { useI18n } from '../../i18n/index.ts';
import { bi } from '../../lib/labels.ts';
import { AppealModal, MyAppealsCard } from './credit-appeal.tsx';
import {
  AppealTag,
  eventDataLabel,
  eventKindLabel,
  formatDay,
  formatPoints,
  formatTime,
  modeLabel,
  moveReasonLabel,
  partyKindLabel,
  TIER_COLOR,
  TierTag,
} from './credit-labels.tsx';
import { CreditReportCard } from './credit-report-card.tsx';
import { CreditTasksCard } from './credit-tasks-card.tsx';

type Contribution = CreditDetail['contributions'][number];

/** The score's head: total, tier and since when, the model. */
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

/** The enforcement modes in force (观察期, 监管沙盒…), each with what it changed and until when. */
function ModesInForce({ detail }: { detail: CreditDetail }) {
  const { t, locale } = useI18n();
  const modes = detail.modes ?? [];
  if (modes.length === 0) return null;
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%', marginBottom: 12 }} data-testid="credit-modes">
      {modes.map((m) => (
        <Alert
          key={`${m.mode}:${m.zh}`}
          type="info"
          showIcon
          icon={m.mode === 'sandbox' ? <ExperimentOutlined /> : <EyeOutlined />}
          data-testid={`credit-mode-${m.mode}`}
          title={
            <Space size={6} wrap>
              <Tag color={m.mode === 'sandbox' ? 'purple' : 'cyan'}>{modeLabel(t, m.mode)}</Tag>
              <span>{bi(locale, m)}</span>
              {m.until ? <Typography.Text type="secondary">{t('credit.mode.until', { date: formatDay(m.until) })}</Typography.Text> : null}
            </Space>
          }
        />
      ))}
    </Space>
  );
}

/** The modes in force, then the measures, each with why it applies (the tier, or the mode that set it). */
function MeasuresCard({ detail }: { detail: CreditDetail }) {
  const { t, locale } = useI18n();
  return (
    <Card title={t('credit.measures')} data-testid="credit-measures">
      <ModesInForce detail={detail} />
      {detail.measures.length === 0 ? (
        <Alert type="success" showIcon icon={<SafetyCertificateOutlined />} title={t('credit.measures.none')} />
      ) : (
        <>
          <Alert
            type={detail.tier === 'D' ? 'error' : 'warning'}
            showIcon
            title={
              // each measure says why: the tier, or an enforcement mode that set it
              detail.measures.some((m) => m.because)
                ? t('credit.measures.intro')
                : t('credit.measures.reason', { tier: detail.tier, label: t(`credit.tier.${detail.tier}`) })
            }
            style={{ marginBottom: 8 }}
          />
          <List
            size="small"
            dataSource={detail.measures}
            renderItem={(m) => (
              <List.Item data-testid={`credit-measure-${m.code}`}>
                <Space orientation="vertical" size={0}>
                  <IconTitle icon={<StopOutlined style={{ color: TIER_COLOR[detail.tier] }} />}>{bi(locale, m)}</IconTitle>
                  {m.because ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12, paddingInlineStart: 22 }} data-testid="credit-measure-because">
                      {t('credit.measures.because', { because: bi(locale, m.because) })}
                    </Typography.Text>
                  ) : null}
                </Space>
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  );
}

/**
 * Whether the party may appeal the event behind a contribution: a real event in force that cost points or a warning,
 * with no appeal open (a rejected appeal may be followed by another).
 */
function appealable(c: Contribution, events: Map<string, CreditEventView>): boolean {
  const event = events.get(c.eventId);
  if (!event || event.voidedAt || event.appeal === 'open') return false;
  return c.points < 0 || c.waived !== undefined;
}

function ContributionsTable({
  detail,
  events,
  onAppeal,
}: {
  detail: CreditDetail;
  events: Map<string, CreditEventView>;
  onAppeal: ((event: CreditEventView) => void) | null;
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
              {event?.appeal ? <AppealTag status={event.appeal} /> : null}
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
      render: (_, c) => {
        const event = events.get(c.eventId);
        return event && appealable(c, events) ? (
          <Button size="small" onClick={() => onAppeal(event)} data-testid="credit-appeal">
            {t('credit.appeal')}
          </Button>
        ) : null;
      },
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
      render: (_, e) => (
        <Space size={4} wrap>
          {e.voidedAt ? (
            <Tag data-testid="credit-event-voided">{t('credit.event.voided')}</Tag>
          ) : (
            <Tag color="processing">{t('credit.event.active')}</Tag>
          )}
          {e.appeal ? <AppealTag status={e.appeal} /> : null}
          {e.voidedAt && e.voidReason ? <Typography.Text type="secondary">{e.voidReason}</Typography.Text> : null}
        </Space>
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

/** The whole explanation of one party's credit; `own`: the party itself reads it, may appeal and has its tasks. */
export function CreditDetailView({ detail, own }: { detail: CreditDetail; own: boolean }) {
  const events = useMemo(() => new Map(detail.events.map((e) => [e.id, e])), [detail.events]);
  const [target, setTarget] = useState<CreditEventView | null>(null);
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
      {own ? <CreditTasksCard /> : null}
      <ContributionsTable detail={detail} events={events} onAppeal={own ? setTarget : null} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={8}>
          <TierHistory detail={detail} />
        </Col>
        <Col xs={24} xl={16}>
          <EventsTable events={detail.events} />
        </Col>
      </Row>
      {own ? <MyAppealsCard events={events} /> : null}
      <CreditReportCard partyId={detail.partyId} />
      {own ? <AppealModal event={target} onClose={() => setTarget(null)} /> : null}
    </Space>
  );
}
