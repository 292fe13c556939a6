/**
 * What 信用管理 and 信用监管 share: the distribution (parties per tier per kind, the histogram of totals) and the
 * tier moves per day as ECharts charts, and the parties by score with tier and kind filters, "load more" and a
 * drawer with a party's whole explanation (the 我的信用 view, read as the platform or a regulator).
 */
import {
  CREDIT_PARTY_KINDS,
  CREDIT_TIERS,
  type CreditPartyKind,
  type CreditStats,
  type CreditSummary,
  type CreditTier,
} from '@livehub/contracts';
import { Button, Card, Col, Drawer, Row, Select, Space, type TableColumnsType } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { EChart, type EChartOption } from '../../components/echart.tsx';
import { PageLoading } from '../../components/page-loading.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { QueryTable } from '../../components/query-table.tsx';
import { useI18n } from '../../i18n/index.ts';
import { type CreditListFilter, useCreditParties, useCreditParty, useCreditStats } from '../../queries/credit.ts';
import { CreditDetailView } from './credit-detail.tsx';
import { formatDay, partyKindLabel, TIER_COLOR, TierTag, tierLabel } from './credit-labels.tsx';

const KIND_COLOR: Record<CreditPartyKind, string> = { merchant: '#fa541c', streamer: '#722ed1', mcn: '#13c2c2', base: '#2f54eb' };

function TierDistributionChart({ stats }: { stats: CreditStats }) {
  const { t } = useI18n();
  const option = useMemo<EChartOption>(
    () => ({
      grid: { left: 40, right: 16, top: 40, bottom: 28 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: CREDIT_TIERS.map((tier) => tierLabel(t, tier)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: CREDIT_PARTY_KINDS.map((kind) => ({
        name: partyKindLabel(t, kind),
        type: 'bar' as const,
        stack: 'parties',
        barMaxWidth: 48,
        itemStyle: { color: KIND_COLOR[kind] },
        data: CREDIT_TIERS.map((tier) => stats.byTier.find((b) => b.tier === tier && b.partyKind === kind)?.parties ?? 0),
      })),
    }),
    [stats, t],
  );
  return <EChart option={option} height={280} testId="credit-chart-tiers" />;
}

function HistogramChart({ stats }: { stats: CreditStats }) {
  const { t } = useI18n();
  const option = useMemo<EChartOption>(
    () => ({
      grid: { left: 40, right: 16, top: 24, bottom: 48 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: {
        type: 'category',
        data: stats.histogram.map((b) => t('credit.stats.band', { from: b.from, to: b.from === 90 ? 100 : b.from + 9 })),
        axisLabel: { interval: 0, rotate: 40, fontSize: 11 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t('credit.stats.parties'),
          type: 'bar',
          barMaxWidth: 40,
          data: stats.histogram.map((b) => ({
            value: b.parties,
            itemStyle: { color: b.from >= 90 ? TIER_COLOR.A : b.from >= 70 ? TIER_COLOR.B : b.from >= 60 ? TIER_COLOR.C : TIER_COLOR.D },
          })),
        },
      ],
    }),
    [stats, t],
  );
  return <EChart option={option} height={280} testId="credit-chart-histogram" />;
}

function MovesChart({ stats }: { stats: CreditStats }) {
  const { t } = useI18n();
  const option = useMemo<EChartOption>(
    () => ({
      grid: { left: 40, right: 16, top: 40, bottom: 28 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: stats.movesByDay.map((d) => d.day.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t('credit.stats.up'),
          type: 'line',
          showSymbol: false,
          itemStyle: { color: TIER_COLOR.A },
          data: stats.movesByDay.map((d) => d.up),
        },
        {
          name: t('credit.stats.down'),
          type: 'line',
          showSymbol: false,
          itemStyle: { color: TIER_COLOR.D },
          data: stats.movesByDay.map((d) => d.down),
        },
      ],
    }),
    [stats, t],
  );
  return <EChart option={option} height={280} testId="credit-chart-moves" />;
}

export function CreditCharts() {
  const { t } = useI18n();
  const stats = useCreditStats();
  if (stats.error) return <QueryError error={stats.error} onRetry={() => void stats.refetch()} />;
  if (!stats.data) return <PageLoading />;
  return (
    <Row gutter={[16, 16]} data-testid="credit-charts">
      <Col xs={24} xl={8}>
        <Card title={t('credit.stats.byTier')}>
          <TierDistributionChart stats={stats.data} />
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card title={t('credit.stats.histogram')}>
          <HistogramChart stats={stats.data} />
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card title={t('credit.stats.moves', { days: stats.data.movesByDay.length })}>
          <MovesChart stats={stats.data} />
        </Card>
      </Col>
    </Row>
  );
}

/** A party's explanation in a drawer, read as the platform or a regulator. */
function PartyDrawer({ party, onClose }: { party: CreditSummary | null; onClose: () => void }) {
  const { t } = useI18n();
  const detail = useCreditParty(party?.partyId ?? '', { enabled: party !== null });
  return (
    <Drawer
      open={party !== null}
      onClose={onClose}
      size={1100}
      title={party ? t('credit.drawer.title', { name: party.partyName }) : ''}
      destroyOnHidden
      data-testid="credit-party-drawer"
    >
      {detail.error ? (
        <QueryError error={detail.error} onRetry={() => void detail.refetch()} />
      ) : detail.data ? (
        <CreditDetailView detail={detail.data} own={false} />
      ) : (
        <PageLoading />
      )}
    </Drawer>
  );
}

/** The parties by score, lowest first, filtered by tier and kind; `rowActions` adds the platform's actions. */
export function CreditPartiesCard({ rowActions }: { rowActions?: (party: CreditSummary) => ReactNode }) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<CreditListFilter>({});
  const [open, setOpen] = useState<CreditSummary | null>(null);
  const list = useCreditParties(filter);
  const columns: TableColumnsType<CreditSummary> = [
    { title: t('credit.col.party'), key: 'party', render: (_, p) => p.partyName },
    { title: t('credit.col.partyKind'), key: 'kind', width: 110, render: (_, p) => partyKindLabel(t, p.partyKind) },
    { title: t('credit.col.total'), key: 'total', width: 100, align: 'right', render: (_, p) => p.total.toFixed(2) },
    { title: t('credit.col.tier'), key: 'tier', width: 90, render: (_, p) => <TierTag tier={p.tier} /> },
    { title: t('credit.col.tierSince'), key: 'since', width: 130, render: (_, p) => formatDay(p.tierSince) },
    {
      title: t('credit.col.actions'),
      key: 'actions',
      width: 200,
      render: (_, p) => (
        <Space>
          <Button size="small" onClick={() => setOpen(p)} data-testid="credit-party-view">
            {t('credit.list.view')}
          </Button>
          {rowActions?.(p)}
        </Space>
      ),
    },
  ];
  return (
    <Card
      title={t('credit.list.title')}
      extra={
        <Space wrap>
          <Select<CreditTier>
            allowClear
            style={{ width: 140 }}
            placeholder={t('credit.filter.tier')}
            value={filter.tier}
            onChange={(tier) => setFilter((f) => ({ ...f, tier }))}
            options={CREDIT_TIERS.map((tier) => ({ value: tier, label: tierLabel(t, tier) }))}
            data-testid="credit-filter-tier"
          />
          <Select<CreditPartyKind>
            allowClear
            style={{ width: 140 }}
            placeholder={t('credit.filter.kind')}
            value={filter.partyKind}
            onChange={(partyKind) => setFilter((f) => ({ ...f, partyKind }))}
            options={CREDIT_PARTY_KINDS.map((kind) => ({ value: kind, label: partyKindLabel(t, kind) }))}
            data-testid="credit-filter-kind"
          />
        </Space>
      }
    >
      <QueryTable<CreditSummary>
        query={list}
        rowKey="partyId"
        columns={columns}
        dataSource={list.items}
        pagination={false}
        locale={{ emptyText: t('credit.list.empty') }}
        data-testid="credit-parties"
      />
      {list.hasNextPage ? (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} data-testid="credit-parties-more">
            {t('credit.list.more')}
          </Button>
        </div>
      ) : null}
      <PartyDrawer party={open} onClose={() => setOpen(null)} />
    </Card>
  );
}
