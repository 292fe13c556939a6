/**
 * Picking a counterpart: certified streamers come from the public list (公示名单: display name, masked real name,
 * topics). There is no list of MCN agencies a merchant may read, so an MCN is offered through the certified
 * streamers signed to it and labelled by them.
 */
import { Select, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.ts';
import type { PublicStreamer } from '../lib/api-types.ts';
import { topicLabel } from '../pages/registry/registry-labels.tsx';
import { usePublicStreamers } from '../queries/registry.ts';
import { useSelectionMcns } from '../queries/selection.ts';

export function useCertifiedStreamers() {
  return usePublicStreamers({ staleTime: 5 * 60_000 });
}

function StreamerOption({ s }: { s: PublicStreamer }) {
  const { t } = useI18n();
  return (
    <Space size={6} wrap>
      <span>{s.displayName}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {s.realName}
      </Typography.Text>
      {s.topics.slice(0, 2).map((topic) => (
        <Tag key={topic} style={{ marginInlineEnd: 0, fontSize: 11, lineHeight: '18px' }}>
          {topicLabel(t, topic)}
        </Tag>
      ))}
      {s.virtual ? (
        <Tag color="purple" style={{ marginInlineEnd: 0, fontSize: 11, lineHeight: '18px' }}>
          {t('agreement.virtualStreamer')}
        </Tag>
      ) : null}
    </Space>
  );
}

/** A certified streamer as a form control (value: the streamer's user id). */
export function StreamerSelect({
  value,
  onChange,
  testId = 'streamer-select',
  disabled,
}: {
  value?: string;
  onChange?: (userId: string, streamer: PublicStreamer | undefined) => void;
  testId?: string;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const list = useCertifiedStreamers();
  const items = list.data?.items ?? [];
  return (
    <Select<string>
      value={value}
      disabled={disabled}
      onChange={(id) =>
        onChange?.(
          id,
          items.find((s) => s.userId === id),
        )
      }
      loading={list.isPending}
      showSearch={{ optionFilterProp: 'search' }}
      placeholder={t('agreement.streamerPlaceholder')}
      data-testid={testId}
      options={items.map((s) => ({
        value: s.userId,
        search: `${s.displayName} ${s.realName}`,
        label: <StreamerOption s={s} />,
      }))}
    />
  );
}

/** Plan partners: `streamer:<userId>` for each certified streamer and `mcn:<orgId>` for each MCN they are signed to. */
export function usePartnerOptions(): { loading: boolean; options: { value: string; search: string; label: ReactNode }[] } {
  const { t } = useI18n();
  const list = useCertifiedStreamers();
  const mcns = useSelectionMcns({ staleTime: 5 * 60_000 });
  const items = list.data?.items ?? [];
  const byMcn = new Map<string, string[]>();
  for (const m of mcns.data ?? []) byMcn.set(m.id, []);
  for (const s of items) if (s.mcnOrgId) byMcn.set(s.mcnOrgId, [...(byMcn.get(s.mcnOrgId) ?? []), s.displayName]);
  const mcnName = new Map((mcns.data ?? []).map((m) => [m.id, m.name]));
  return {
    loading: list.isPending || mcns.isPending,
    options: [
      ...items.map((s) => ({ value: `streamer:${s.userId}`, search: `${s.displayName} ${s.realName}`, label: <StreamerOption s={s} /> })),
      ...[...byMcn.entries()].map(([orgId, names]) => ({
        value: `mcn:${orgId}`,
        search: `MCN ${mcnName.get(orgId) ?? ''} ${names.join(' ')}`,
        label: (
          <Space size={6}>
            <Tag color="cyan" style={{ marginInlineEnd: 0 }}>
              MCN
            </Tag>
            <span>{mcnName.get(orgId) ?? t('selection.plan.mcnOf', { names: names.slice(0, 3).join('、'), count: names.length })}</span>
          </Space>
        ),
      })),
    ],
  };
}
