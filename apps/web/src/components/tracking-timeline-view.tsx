/**
 * 物流轨迹 drawn: the carrier's Chinese name and the waybill number, then the carrier's pushes newest first — 揽收, 在途,
 * 派件, 签收, 疑难 — each with its time, place and text. Used by the orders pages (an order's package) and the samples
 * page (a sample's package, ADR 0043).
 */
import { Empty, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../i18n/index.ts';
import type { TrackingView } from '../lib/api-types.ts';

const COLOR: Record<TrackingView['status'], string> = {
  shipped: 'gray',
  picked_up: 'blue',
  in_transit: 'blue',
  out_for_delivery: 'orange',
  delivered: 'green',
  exception: 'red',
};

export function TrackingTimelineView({
  tracking: tr,
  loading,
}: {
  tracking: Omit<TrackingView, 'orderId'> | null | undefined;
  loading: boolean;
}) {
  const { t, locale } = useI18n();
  if (loading) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (!tr) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tracking.none')} />;
  return (
    <div data-testid="tracking">
      <Space size={8} style={{ marginBottom: 12 }} wrap>
        <span data-testid="tracking-carrier">{locale === 'en-US' ? tr.carrierName.en : tr.carrierName.zh}</span>
        <span className="lh-mono">{tr.trackingNo}</span>
        <Tag color={COLOR[tr.status]} data-testid="tracking-status">
          {t(`tracking.status.${tr.status}`)}
        </Tag>
      </Space>
      {tr.events.length === 0 ? (
        <Typography.Text type="secondary">{t('tracking.awaiting')}</Typography.Text>
      ) : (
        <Timeline
          items={tr.events.map((e, i) => ({
            color: COLOR[e.status],
            children: (
              <div data-testid="tracking-event" data-status={e.status}>
                <Typography.Text strong={i === 0}>{t(`tracking.status.${e.status}`)}</Typography.Text>
                <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                  {dayjs(e.time).format('MM-DD HH:mm')}
                  {e.location ? ` · ${e.location}` : ''}
                </Typography.Text>
                {e.description ? <div style={{ fontSize: 13 }}>{e.description}</div> : null}
              </div>
            ),
          }))}
        />
      )}
    </div>
  );
}
