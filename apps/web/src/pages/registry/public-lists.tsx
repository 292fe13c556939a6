/** 公示名单: certified live bases and streamers, masked (GET /api/public/bases, /api/public/streamers; no login). */
import { BankOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { Card, Input, Space, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../i18n/index.ts';
import type { PublicBase, PublicStreamer } from '../../lib/api-types.ts';
import { QueryTable } from '../../components/query-table.tsx';
import { usePublicBases, usePublicStreamers } from '../../queries/registry.ts';
import { labelOr } from '../../lib/labels.ts';
import { marketerLevelLabel, topicLabel } from './registry-labels.tsx';
import { IconTitle } from '../../components/icon-title.tsx';

const date = (value: string | null) => (value ? dayjs(value).format('YYYY-MM-DD') : '—');

export function PublicLists() {
  const { t } = useI18n();
  const bases = usePublicBases();
  const streamers = usePublicStreamers();
  const [search, setSearch] = useState('');
  const needle = search.trim().toLowerCase();
  const matches = (...fields: (string | null | undefined)[]) => !needle || fields.some((f) => f?.toLowerCase().includes(needle));
  const baseRows = (bases.data?.items ?? []).filter((b) => matches(b.name, b.district, b.focus, b.operatorName));
  const streamerRows = (streamers.data?.items ?? []).filter((s) =>
    matches(s.displayName, s.realName, s.virtualLabel, ...s.topics.map((topic) => topicLabel(t, topic))),
  );

  const baseColumns: TableColumnsType<PublicBase> = [
    { title: t('registry.public.name'), key: 'name', render: (_: unknown, b) => <Typography.Text strong>{b.name ?? '—'}</Typography.Text> },
    { title: t('registry.public.district'), dataIndex: 'district', width: 140 },
    { title: t('registry.public.area'), dataIndex: 'areaM2', width: 120, align: 'right', render: (v: number) => v.toLocaleString() },
    { title: t('registry.public.operator'), dataIndex: 'operatorName', width: 140 },
    { title: t('registry.public.focus'), dataIndex: 'focus', render: (v: string | null) => v ?? '—' },
    {
      title: t('registry.public.level'),
      dataIndex: 'level',
      width: 90,
      render: (v: string | null) =>
        v ? <Tag color={v === 'municipal' ? 'gold' : 'blue'}>{labelOr(t, `registry.baseLevel.${v}`, v)}</Tag> : '—',
    },
    {
      title: t('registry.public.status'),
      dataIndex: 'status',
      width: 100,
      render: (v: string) => (
        <Tag color={v === 'certified' ? 'success' : 'warning'} style={{ marginInlineEnd: 0 }}>
          {labelOr(t, `registry.baseStatus.${v}`, v)}
        </Tag>
      ),
    },
    { title: t('registry.public.certifiedUntil'), dataIndex: 'certifiedUntil', width: 120, render: date },
  ];

  const streamerColumns: TableColumnsType<PublicStreamer> = [
    {
      title: t('registry.public.displayName'),
      key: 'displayName',
      render: (_: unknown, s) => (
        <Space size={6}>
          <Typography.Text strong>{s.displayName}</Typography.Text>
          {s.virtual ? (
            <Tag color="purple" style={{ marginInlineEnd: 0 }}>
              {t('registry.public.virtual')}
              {s.virtualLabel ? ` · ${s.virtualLabel}` : ''}
            </Tag>
          ) : null}
        </Space>
      ),
    },
    { title: t('registry.public.realName'), dataIndex: 'realName', width: 110 },
    {
      title: t('registry.public.topics'),
      dataIndex: 'topics',
      render: (v: string[]) => (
        <Space size={[4, 4]} wrap>
          {v.map((topic) => (
            <Tag key={topic} style={{ marginInlineEnd: 0 }}>
              {topicLabel(t, topic)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('registry.public.marketerLevel'),
      dataIndex: 'marketerLevel',
      width: 150,
      render: (v: string | null) => (v ? marketerLevelLabel(t, v) : '—'),
    },
    {
      title: t('registry.public.status'),
      dataIndex: 'status',
      width: 100,
      render: (v: string) => (
        <Tag color="success" style={{ marginInlineEnd: 0 }}>
          {labelOr(t, `registry.streamerStatus.${v}`, v)}
        </Tag>
      ),
    },
    { title: t('registry.public.certifiedUntil'), dataIndex: 'certifiedUntil', width: 120, render: date },
  ];

  // both lists page, scroll and say "none" alike
  const listTable = {
    pagination: { pageSize: 10, hideOnSinglePage: true },
    scroll: { x: 900 },
    locale: { emptyText: t('registry.public.empty') },
  };
  const count = (n: number | undefined) => (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t('registry.public.count', { count: n ?? 0 })}
    </Typography.Text>
  );

  return (
    <>
      <Input.Search
        allowClear
        size="large"
        placeholder={t('registry.public.search')}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        style={{ marginBottom: 16, maxWidth: 480 }}
        data-testid="public-search"
      />
      <Card
        title={<IconTitle icon={<BankOutlined style={{ color: '#fa8c16' }} />}>{t('registry.public.bases')}</IconTitle>}
        extra={count(baseRows.length)}
        style={{ marginBottom: 16 }}
      >
        <QueryTable<PublicBase>
          query={bases}
          rowKey="orgId"
          data-testid="public-bases-table"
          columns={baseColumns}
          dataSource={baseRows}
          {...listTable}
        />
      </Card>
      <Card
        title={<IconTitle icon={<VideoCameraOutlined style={{ color: '#f4442e' }} />}>{t('registry.public.streamers')}</IconTitle>}
        extra={count(streamerRows.length)}
      >
        <QueryTable<PublicStreamer>
          query={streamers}
          rowKey="userId"
          data-testid="public-streamers-table"
          columns={streamerColumns}
          dataSource={streamerRows}
          {...listTable}
        />
      </Card>
    </>
  );
}
