/**
 * 实时监测大屏: the district's live commerce now for a regulator — counters (在播场次, 在线观看, 今日成交额, 今日违规命中,
 * 今日举报), GMV per minute and screening hits per minute by category over the last hour (ECharts), the riskiest rooms
 * with their score and reasons (a row opens the session's page: transcript, hits, recording), and the same by
 * district and by base. The server pushes a fresh snapshot over Server-Sent Events (queries/wall.ts).
 */
import { EyeOutlined, FlagOutlined, FundOutlined, VideoCameraOutlined, WarningOutlined } from '@ant-design/icons';
import type { WallArea, WallRoom, WallSnapshot } from '@livehub/contracts';
import type { ScreeningCategory } from '../../lib/api-types.ts';
import { Badge, Card, Col, ConfigProvider, Empty, Row, Space, Table, type TableColumnsType, Tabs, Tag, Typography, theme } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { EChart, type EChartOption } from '../../components/echart.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoading } from '../../components/page-loading.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { type MessageKey, type Translate, useI18n } from '../../i18n/index.ts';
import { formatFen } from '../../lib/money.ts';
import { useWall, useWallStream } from '../../queries/wall.ts';
import { categoryLabel } from '../compliance/compliance-labels.tsx';
import './wall.css';

const LEVEL_COLOR: Record<WallRoom['level'], string> = { none: 'default', low: 'blue', medium: 'orange', high: 'red' };
const CATEGORY_COLORS = ['#ff4d4f', '#fa8c16', '#fadb14', '#52c41a', '#13c2c2', '#1677ff', '#722ed1', '#eb2f96'];
const AXIS = {
  axisLine: { lineStyle: { color: '#5b6b8c' } },
  axisLabel: { color: '#aab4c8' },
  splitLine: { lineStyle: { color: '#1f2a44' } },
};

export function WallPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const wall = useWall({ refetchInterval: 30_000 });
  const connected = useWallStream();
  if (wall.isPending) return <PageLoading />;
  if (wall.isError) return <QueryError error={wall.error} onRetry={() => void wall.refetch()} />;
  const s = wall.data;
  return (
    <ConfigProvider theme={{ algorithm: theme.darkAlgorithm }}>
      <div className="lh-wall" data-testid="wall">
        <PageHeader
          testId="wall-title"
          title={t('wall.title')}
          subtitle={t('wall.subtitle')}
          extra={
            <Space>
              <Badge
                status={connected ? 'processing' : 'warning'}
                text={<span className="lh-wall-dim">{t(connected ? 'wall.live' : 'wall.reconnecting')}</span>}
              />
              <span className="lh-wall-dim" data-testid="wall-updated">
                {t('wall.updatedAt', { time: dayjs(s.at).format('HH:mm:ss') })}
              </span>
            </Space>
          }
        />
        <Counters s={s} t={t} />
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <Card className="lh-wall-card" title={t('wall.chart.gmv')}>
              <GmvChart s={s} t={t} />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card className="lh-wall-card" title={t('wall.chart.hits')}>
              <HitsChart s={s} t={t} />
            </Card>
          </Col>
          <Col xs={24}>
            <Card
              className="lh-wall-card"
              title={
                <Space>
                  <WarningOutlined style={{ color: '#ff4d4f' }} />
                  {t('wall.rooms.title')}
                </Space>
              }
            >
              <Typography.Paragraph className="lh-wall-dim" style={{ marginTop: 0 }}>
                {t('wall.rooms.hint', { minutes: s.riskWindowMinutes })}
              </Typography.Paragraph>
              <RoomsTable rooms={s.rooms} t={t} en={locale === 'en-US'} onOpen={(id) => navigate(`/supervision/wall/rooms/${id}`)} />
            </Card>
          </Col>
          <Col xs={24}>
            <Card className="lh-wall-card">
              <Tabs
                items={[
                  {
                    key: 'district',
                    label: t('wall.areas.district'),
                    children: <AreasTable areas={s.byDistrict} t={t} none={t('wall.areas.unknownDistrict')} testId="wall-districts" />,
                  },
                  {
                    key: 'base',
                    label: t('wall.areas.base'),
                    children: <AreasTable areas={s.byBase} t={t} none={t('wall.areas.noBase')} testId="wall-bases" />,
                  },
                ]}
              />
            </Card>
          </Col>
        </Row>
      </div>
    </ConfigProvider>
  );
}

function Counters({ s, t }: { s: WallSnapshot; t: Translate }) {
  const items = [
    { key: 'liveSessions', icon: <VideoCameraOutlined />, value: String(s.counters.liveSessions), color: '#40a9ff' },
    { key: 'viewers', icon: <EyeOutlined />, value: s.counters.viewers.toLocaleString('zh-CN'), color: '#36cfc9' },
    { key: 'gmvToday', icon: <FundOutlined />, value: formatFen(s.counters.gmvTodayFen), color: '#ffc53d' },
    { key: 'hitsToday', icon: <WarningOutlined />, value: String(s.counters.hitsToday), color: '#ff7a45' },
    { key: 'reportsToday', icon: <FlagOutlined />, value: String(s.counters.reportsToday), color: '#f759ab' },
  ];
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {items.map((x) => (
        <Col key={x.key} xs={12} md={8} xl={24 / 5} style={{ flex: '1 1 0' }}>
          <Card className="lh-wall-card lh-wall-counter" data-testid={`wall-counter-${x.key}`}>
            <div className="lh-wall-dim">
              <span style={{ color: x.color, marginRight: 8 }}>{x.icon}</span>
              {t(`wall.counter.${x.key}` as MessageKey)}
            </div>
            <div className="lh-wall-figure" style={{ color: x.color }}>
              {x.value}
            </div>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function GmvChart({ s, t }: { s: WallSnapshot; t: Translate }) {
  const option = useMemo<EChartOption>(
    () => ({
      grid: { left: 64, right: 16, top: 24, bottom: 32 },
      tooltip: { trigger: 'axis', valueFormatter: (v) => formatFen(Math.round(Number(v) * 100)) },
      xAxis: { type: 'category', data: s.minutes.map((m) => dayjs(m).format('HH:mm')), ...AXIS },
      yAxis: {
        type: 'value',
        minInterval: 1,
        ...AXIS,
        axisLabel: { color: '#aab4c8', formatter: (v: number) => `¥${v.toLocaleString('zh-CN')}` },
      },
      series: [
        {
          name: t('wall.chart.gmvSeries'),
          type: 'line',
          smooth: true,
          showSymbol: false,
          data: s.gmvPerMinute.map((f) => f / 100),
          lineStyle: { color: '#ffc53d', width: 2 },
          itemStyle: { color: '#ffc53d' },
          areaStyle: { color: 'rgba(255,197,61,0.15)' },
        },
      ],
    }),
    [s, t],
  );
  return <EChart option={option} height={260} testId="wall-gmv-chart" />;
}

function HitsChart({ s, t }: { s: WallSnapshot; t: Translate }) {
  const option = useMemo<EChartOption>(
    () => ({
      grid: { left: 40, right: 16, top: 40, bottom: 32 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0, textStyle: { color: '#aab4c8' } },
      xAxis: { type: 'category', data: s.minutes.map((m) => dayjs(m).format('HH:mm')), ...AXIS },
      yAxis: { type: 'value', minInterval: 1, ...AXIS },
      series: s.hitsPerMinute.map((c, i) => ({
        name: categoryLabel(t, c.category as ScreeningCategory),
        type: 'bar' as const,
        stack: 'hits',
        data: c.counts,
        itemStyle: { color: CATEGORY_COLORS[i % CATEGORY_COLORS.length] },
      })),
    }),
    [s, t],
  );
  return <EChart option={option} height={260} testId="wall-hits-chart" />;
}

function RoomsTable({ rooms, t, en, onOpen }: { rooms: WallRoom[]; t: Translate; en: boolean; onOpen: (id: string) => void }) {
  const columns: TableColumnsType<WallRoom> = [
    {
      title: t('wall.col.score'),
      dataIndex: 'score',
      width: 110,
      render: (_: unknown, r) => (
        <Space direction="vertical" size={2}>
          <span className="lh-wall-score" style={{ color: r.level === 'high' ? '#ff4d4f' : r.level === 'medium' ? '#fa8c16' : '#40a9ff' }}>
            {r.score}
          </span>
          <Tag color={LEVEL_COLOR[r.level]}>{t(`wall.level.${r.level}` as MessageKey)}</Tag>
        </Space>
      ),
    },
    {
      title: t('wall.col.room'),
      dataIndex: 'title',
      render: (_: unknown, r) => (
        <Space direction="vertical" size={2}>
          <Typography.Link data-testid="wall-room-link">{r.title}</Typography.Link>
          <span className="lh-wall-dim">
            {t('wall.col.streamer')}：{r.streamerName}
          </span>
          {r.crossBorder.length > 0 && (
            <Space size={[4, 4]} wrap data-testid="wall-room-cross-border">
              {r.crossBorder.map((x) => (
                <Tag
                  key={x.productId}
                  color={x.flagged || x.openClue ? 'red' : 'geekblue'}
                  title={t('wall.crossBorder.tip', {
                    title: x.title,
                    origin: x.originName,
                    declared: formatFen(x.declaredValueFen),
                    median: x.medianFen === null ? '—' : formatFen(x.medianFen),
                    units: x.units,
                  })}
                >
                  {t('wall.crossBorder.tag', { mode: t(`wall.crossBorder.mode.${x.importMode}` as MessageKey), origin: x.originName })}
                  {x.flagged || x.openClue ? ` · ${t('wall.crossBorder.flag')}` : ''}
                </Tag>
              ))}
            </Space>
          )}
        </Space>
      ),
    },
    { title: t('wall.col.merchants'), dataIndex: 'merchantNames', render: (_: unknown, r) => r.merchantNames.join('、') || '—' },
    {
      title: t('wall.col.place'),
      dataIndex: 'district',
      render: (_: unknown, r) => [r.district ?? t('wall.areas.unknownDistrict'), r.baseName ?? t('wall.areas.noBase')].join(' / '),
    },
    { title: t('wall.col.viewers'), dataIndex: 'viewers', align: 'right' },
    { title: t('wall.col.gmv'), dataIndex: 'gmvFen', align: 'right', render: (v: number) => formatFen(v) },
    {
      title: t('wall.col.reasons'),
      dataIndex: 'reasons',
      width: '36%',
      render: (_: unknown, r) => (
        <ul className="lh-wall-reasons" data-testid="wall-room-reasons">
          {r.reasons.map((x) => (
            <li key={`${x.key}-${x.category ?? ''}-${x.zh}`}>
              <Tag color="volcano">{t('wall.points', { points: x.points })}</Tag>
              {en ? x.en : x.zh}
            </li>
          ))}
        </ul>
      ),
    },
  ];
  return (
    <Table<WallRoom>
      rowKey="sessionId"
      size="middle"
      pagination={false}
      columns={columns}
      dataSource={rooms}
      locale={{ emptyText: <Empty description={t('wall.rooms.empty')} /> }}
      onRow={(r) =>
        ({
          onClick: () => onOpen(r.sessionId),
          style: { cursor: 'pointer' },
          'data-testid': 'wall-room-row',
        }) as React.HTMLAttributes<HTMLElement>
      }
      data-testid="wall-rooms"
    />
  );
}

function AreasTable({ areas, t, none, testId }: { areas: WallArea[]; t: Translate; none: string; testId: string }) {
  const columns: TableColumnsType<WallArea> = [
    { title: t('wall.areas.name'), dataIndex: 'name', render: (v: string | null) => v ?? none },
    { title: t('wall.areas.liveSessions'), dataIndex: 'liveSessions', align: 'right' },
    { title: t('wall.areas.viewers'), dataIndex: 'viewers', align: 'right' },
    { title: t('wall.areas.gmv'), dataIndex: 'gmvFen', align: 'right', render: (v: number) => formatFen(v) },
    { title: t('wall.areas.hits'), dataIndex: 'hits', align: 'right' },
    {
      title: t('wall.areas.risky'),
      dataIndex: 'riskyRooms',
      align: 'right',
      render: (v: number) => (v > 0 ? <Tag color="red">{v}</Tag> : v),
    },
  ];
  return (
    <Table<WallArea>
      rowKey={(a) => a.key ?? '—'}
      size="small"
      pagination={false}
      columns={columns}
      dataSource={areas}
      data-testid={testId}
    />
  );
}
