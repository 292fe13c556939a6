/**
 * What the finance pages share: the balance cards, the income-per-day chart, an account's lines table, and the
 * tab list a page extends (`FinanceTab[]`: the payouts, deposit and statements parts add their own entries).
 */
import { AlertOutlined, ClockCircleOutlined, SafetyCertificateOutlined, WalletOutlined } from '@ant-design/icons';
import type { BalanceGroup, FinanceBalance, FinanceBalances, FinanceDaily, FinanceLine } from '@livehub/contracts';
import { Button, Card, Col, Empty, Row, Segmented, Space, Table, type TableColumnsType, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useMemo } from 'react';
import { EChart, type EChartOption } from '../../components/echart.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { isMessageKey, type Translate, useI18n } from '../../i18n/index.ts';
import { formatFen } from '../../lib/money.ts';
import { useFinanceLines } from '../../queries/finance.ts';

/** Fen with its sign before the ¥: −¥600.00 (provider clearing, a debt). */
export function signedFen(fen: number): string {
  return fen < 0 ? `−${formatFen(-fen)}` : formatFen(fen);
}

/** One tab of a finance page. A page's tabs are an array: another part adds `{ key, label, element }` to it. */
export interface FinanceTab {
  key: string;
  label: ReactNode;
  element: ReactNode;
}

export function FinanceTabs({ tabs, testId }: { tabs: readonly FinanceTab[]; testId?: string }) {
  return (
    <Card data-testid={testId}>
      <Tabs items={tabs.map((tab) => ({ key: tab.key, label: tab.label, children: tab.element }))} />
    </Card>
  );
}

/** An account kind's label in the UI language; a kind this build has no message for keeps the server's label. */
export function accountLabel(t: Translate, kind: string, fallback: string): string {
  const key = `finance.account.${kind}`;
  return isMessageKey(key) ? t(key) : fallback;
}

export function entryLabel(t: Translate, line: Pick<FinanceLine, 'entryKind' | 'entryKindLabel'>): string {
  const key = `finance.entry.${line.entryKind}`;
  return isMessageKey(key) ? t(key) : line.entryKindLabel;
}

/** What a line is about, for a person: 订单 2026…, 退款 · 订单 …, 提现, 保证金扣划. */
export function refLabel(t: Translate, ref: FinanceLine['ref']): string {
  const no = ref.orderNo;
  switch (ref.type) {
    case 'order':
      return no ? t('finance.ref.order', { no }) : t('finance.ref.orderUnknown');
    case 'release':
      return no ? t('finance.ref.release', { no }) : t('finance.ref.orderUnknown');
    case 'refund':
      return no ? t('finance.ref.refund', { no }) : t('finance.ref.refundUnknown');
    default:
      return t(`finance.ref.${ref.type}`);
  }
}

const CARD_STYLE: Record<Exclude<BalanceGroup, 'other'>, { icon: ReactNode; color: string; bg: string }> = {
  pending: { icon: <ClockCircleOutlined />, color: '#d48806', bg: '#fff7e6' },
  available: { icon: <WalletOutlined />, color: '#389e0d', bg: '#f6ffed' },
  deposit: { icon: <SafetyCertificateOutlined />, color: '#1d39c4', bg: '#f0f5ff' },
  debt: { icon: <AlertOutlined />, color: '#cf1322', bg: '#fff1f0' },
};

/** A card with one sum of money, styled by its group. */
export function MoneyCard({
  group,
  title,
  hint,
  fen,
  testId,
}: {
  group: Exclude<BalanceGroup, 'other'>;
  title: string;
  hint: string;
  fen: number;
  testId: string;
}) {
  const s = CARD_STYLE[group];
  const alarming = group === 'debt' && fen < 0;
  return (
    <Card className="lh-stat-strip" data-testid={testId}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 14 }}>
        <span className="lh-stat-icon" style={{ color: s.color, background: s.bg }}>
          {s.icon}
        </span>
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {title}
          </Typography.Text>
          <div
            className="lh-money-figure"
            style={{ fontSize: 24, fontWeight: 600, lineHeight: 1.3, color: alarming ? s.color : undefined }}
          >
            {formatFen(group === 'debt' ? Math.abs(fen) : fen)}
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {hint}
          </Typography.Text>
        </div>
      </div>
    </Card>
  );
}

/** The cards of a party's balances: the groups it holds (待结算 / 可提现 / 保证金 / 欠款), in that order. */
export function BalanceCards({ balances, groups }: { balances: FinanceBalances; groups: ReadonlyArray<Exclude<BalanceGroup, 'other'>> }) {
  const { t } = useI18n();
  const fenOf: Record<Exclude<BalanceGroup, 'other'>, number> = {
    pending: balances.totals.pendingFen,
    available: balances.totals.availableFen,
    deposit: balances.totals.depositFen,
    debt: balances.totals.debtFen,
  };
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {groups.map((g) => (
        <Col key={g} xs={12} xl={24 / groups.length}>
          <MoneyCard
            group={g}
            testId={`balance-${g}`}
            title={t(`finance.card.${g}`)}
            hint={g === 'debt' && fenOf.debt === 0 ? t('finance.card.debtNone') : t(`finance.card.${g}Hint`)}
            fen={fenOf[g]}
          />
        </Col>
      ))}
    </Row>
  );
}

/** Money per day as bars (yuan on the axis, ¥ in the tooltip), for the income and fee charts. */
export function DailyChart({
  daily,
  series,
  testId,
  height = 280,
}: {
  daily: FinanceDaily;
  series: string;
  testId: string;
  height?: number;
}) {
  const option = useMemo<EChartOption>(
    () => ({
      grid: { left: 56, right: 16, top: 24, bottom: 32 },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v) => formatFen(Math.round(Number(v) * 100)),
      },
      xAxis: { type: 'category', data: daily.days.map((d) => dayjs(d.day).format('MM-DD')), axisTick: { alignWithLabel: true } },
      // whole yuan on the axis; with no income at all, a scale of ¥0–¥100 rather than fractions of a yuan
      yAxis: {
        type: 'value',
        minInterval: 1,
        ...(daily.days.every((d) => d.amountFen === 0) ? { max: 100 } : {}),
        axisLabel: { formatter: (v: number) => `¥${v.toLocaleString('zh-CN')}` },
      },
      series: [
        {
          name: series,
          type: 'bar',
          data: daily.days.map((d) => d.amountFen / 100),
          itemStyle: { color: '#fa541c', borderRadius: [3, 3, 0, 0] },
          barMaxWidth: 28,
        },
      ],
    }),
    [daily, series],
  );
  return <EChart option={option} height={height} testId={testId} />;
}

export const PERIODS = [7, 30, 90] as const;

export function PeriodSwitch({ days, onChange }: { days: number; onChange: (days: number) => void }) {
  const { t } = useI18n();
  return (
    <Segmented
      size="small"
      value={days}
      onChange={(v) => onChange(Number(v))}
      options={PERIODS.map((d) => ({ value: d, label: t(`finance.chart.days${d}`) }))}
    />
  );
}

/** The columns of an account's lines: time, entry kind, what it refers to, the signed amount, the balance after. */
function lineColumns(t: Translate): TableColumnsType<FinanceLine> {
  return [
    { title: t('finance.col.time'), key: 'time', width: 170, render: (_, l) => dayjs(l.postedAt).format('YYYY-MM-DD HH:mm:ss') },
    { title: t('finance.col.kind'), key: 'kind', width: 150, render: (_, l) => entryLabel(t, l) },
    { title: t('finance.col.ref'), key: 'ref', render: (_, l) => refLabel(t, l.ref) },
    {
      title: t('finance.col.amount'),
      key: 'amount',
      align: 'right',
      width: 140,
      render: (_, l) => (
        <span style={{ color: l.amountFen > 0 ? '#389e0d' : '#cf1322' }}>
          {l.amountFen > 0 ? '+' : '−'}
          {formatFen(Math.abs(l.amountFen))}
        </span>
      ),
    },
    { title: t('finance.col.balance'), key: 'balance', align: 'right', width: 140, render: (_, l) => signedFen(l.balanceAfterFen) },
    { title: t('finance.col.memo'), key: 'memo', render: (_, l) => l.memo ?? '' },
  ];
}

/** Lines read page by page (an account's, the fund's): the table, its error with a retry, and 加载更多. */
export interface LinePages {
  items: FinanceLine[];
  error: Error | null;
  isPending: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  refetch: () => unknown;
  fetchNextPage: () => unknown;
}

export function LinesList({ lines, testId }: { lines: LinePages; testId: string }) {
  const { t } = useI18n();
  if (lines.error) return <QueryError error={lines.error} onRetry={() => void lines.refetch()} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Table<FinanceLine>
        size="middle"
        rowKey={(l) => `${l.entryId}:${l.seq}`}
        loading={lines.isPending}
        columns={lineColumns(t)}
        dataSource={lines.items}
        pagination={false}
        locale={{ emptyText: <Empty description={t('finance.lines.empty')} /> }}
        data-testid={testId}
      />
      {lines.hasNextPage ? (
        <Button onClick={() => void lines.fetchNextPage()} loading={lines.isFetchingNextPage}>
          {t('finance.lines.more')}
        </Button>
      ) : null}
    </Space>
  );
}

/** The lines of one of the caller's accounts (a switch between its accounts), newest first, with 加载更多. */
export function LinesTable({ accounts, kind, onKind }: { accounts: FinanceBalance[]; kind: string; onKind: (kind: string) => void }) {
  const { t } = useI18n();
  const lines = useFinanceLines(kind);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Space wrap>
        <Typography.Text type="secondary">{t('finance.lines.account')}</Typography.Text>
        <Segmented
          value={kind}
          onChange={(v) => onKind(String(v))}
          options={accounts.map((a) => ({ value: a.kind, label: accountLabel(t, a.kind, a.label) }))}
          data-testid="lines-account"
        />
      </Space>
      <LinesList lines={lines} testId="finance-lines" />
    </Space>
  );
}
