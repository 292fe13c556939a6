/**
 * 预约直播间 (MCN managers, streamers, merchant staff): the active studios of certified bases, booking one on the
 * half-hour (China time) for 1–8 hours, and the caller's own bookings with cancel and check-in (optionally naming
 * the live session held in the studio).
 */
import type { BookingView, StudioView } from '@livehub/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../i18n/index.ts';
import { applyFieldError, errorMessage } from '../../lib/form-errors.ts';
import { formatFen } from '../../lib/money.ts';
import { useMe } from '../../lib/session.ts';
import { useLiveSessions } from '../../queries/live.ts';
import { programmesApi, programmesKeys, useBookableStudios, useBookingStanding, useMyBookings } from '../../queries/programmes.ts';
import { BookingStatusTag, chinaTime, hoursText, slotText } from './programme-labels.tsx';

interface BookForm {
  startsAt: Dayjs;
  hours: number;
  purpose: string;
}
const FIELDS = ['startsAt', 'purpose'] as const;
const HOURS = Array.from({ length: 15 }, (_, i) => 1 + i * 0.5);

/** The picked wall-clock time read as China time (the studios' time), whatever the browser's zone. */
function chinaInstant(d: Dayjs): Date {
  return new Date(Date.parse(`${d.format('YYYY-MM-DDTHH:mm')}:00+08:00`));
}

export function BookStudioPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const me = useMe();
  const studios = useBookableStudios();
  const mine = useMyBookings();
  const standing = useBookingStanding();
  const sessions = useLiveSessions('mine', { enabled: me.role === 'streamer' || me.role === 'mcn_manager' });
  const [studio, setStudio] = useState<StudioView | null>(null);
  const [checking, setChecking] = useState<BookingView | null>(null);
  const [sessionId, setSessionId] = useState<string | undefined>();
  const [form] = Form.useForm<BookForm>();
  const refresh = () => qc.invalidateQueries({ queryKey: programmesKeys.all });

  const book = useMutation({
    mutationFn: (f: BookForm) => {
      const startsAt = chinaInstant(f.startsAt);
      return programmesApi.book({
        studioId: studio?.id ?? '',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + f.hours * 3_600_000).toISOString(),
        purpose: f.purpose,
      });
    },
    onSuccess: async () => {
      message.success(t('booking.booked'));
      setStudio(null);
      await refresh();
    },
    onError: (e) => {
      if (!applyFieldError(form, e, FIELDS)) message.error(errorMessage(e, t('booking.book')));
    },
  });
  const cancel = useMutation({
    mutationFn: (id: string) => programmesApi.cancel(id),
    onSuccess: refresh,
    onError: (e) => message.error(errorMessage(e, t('booking.cancelAction'))),
  });
  const checkIn = useMutation({
    mutationFn: (b: BookingView) => programmesApi.checkIn(b.id, sessionId),
    onSuccess: async () => {
      message.success(t('booking.checkedIn'));
      setChecking(null);
      await refresh();
    },
    onError: (e) => message.error(errorMessage(e, t('booking.checkIn'))),
  });

  const studioColumns: TableColumnsType<StudioView> = [
    { title: t('booking.base'), dataIndex: 'baseName' },
    { title: t('booking.studio'), dataIndex: 'name' },
    { title: t('studios.equipment'), dataIndex: 'equipment', render: (e: string[]) => e.map((x) => <Tag key={x}>{x}</Tag>) },
    { title: t('studios.hours'), key: 'hours', render: (_: unknown, s) => <small>{hoursText(s.openingHours, t)}</small> },
    { title: t('studios.price'), dataIndex: 'pricePerHourFen', render: (f: number) => formatFen(f) },
    {
      title: t('booking.actions'),
      key: 'book',
      render: (_: unknown, s) => (
        <Button
          type="primary"
          onClick={() => {
            form.setFieldsValue({ startsAt: dayjs().add(1, 'day').hour(10).minute(0), hours: 2, purpose: '' });
            setStudio(s);
          }}
        >
          {t('booking.book')}
        </Button>
      ),
    },
  ];

  const bookingColumns: TableColumnsType<BookingView> = [
    { title: t('booking.time'), key: 'time', render: (_: unknown, b) => slotText(b) },
    { title: t('booking.base'), dataIndex: 'baseName' },
    { title: t('booking.studio'), dataIndex: 'studioName' },
    { title: t('booking.purpose'), dataIndex: 'purpose' },
    { title: t('booking.session'), dataIndex: 'sessionTitle', render: (v: string | null | undefined) => v ?? '—' },
    { title: t('booking.price'), dataIndex: 'priceFen', render: (f: number) => formatFen(f) },
    { title: t('booking.status'), dataIndex: 'status', render: (s: BookingView['status']) => <BookingStatusTag status={s} t={t} /> },
    {
      title: t('booking.actions'),
      key: 'actions',
      render: (_: unknown, b) =>
        b.status === 'booked' ? (
          <Space>
            <Button
              size="small"
              onClick={() => {
                setSessionId(undefined);
                setChecking(b);
              }}
            >
              {t('booking.checkIn')}
            </Button>
            <Popconfirm title={t('booking.cancelConfirm')} onConfirm={() => cancel.mutate(b.id)}>
              <Button size="small" danger>
                {t('booking.cancelAction')}
              </Button>
            </Popconfirm>
          </Space>
        ) : null,
    },
  ];

  const suspendedUntil = standing.data?.suspendedUntil;
  return (
    <>
      <PageHeader title={t('booking.title')} subtitle={t('booking.subtitle')} />
      {suspendedUntil ? (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} message={t('booking.suspended', { until: chinaTime(suspendedUntil) })} />
      ) : standing.data && standing.data.incidents > 0 ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('booking.incidents', { count: standing.data.incidents })} />
      ) : null}
      <Card title={t('booking.studios')} style={{ marginBottom: 16 }}>
        <Table
          rowKey="id"
          columns={studioColumns}
          dataSource={studios.data ?? []}
          loading={studios.isLoading}
          pagination={false}
          locale={{ emptyText: <Empty description={t('booking.noStudios')} /> }}
        />
      </Card>
      <Card title={t('booking.mine')}>
        <Table
          rowKey="id"
          columns={bookingColumns}
          dataSource={mine.data ?? []}
          loading={mine.isLoading}
          pagination={{ pageSize: 20 }}
          locale={{ emptyText: <Empty description={t('booking.noBookings')} /> }}
        />
      </Card>
      <Modal
        open={studio !== null}
        title={studio ? `${t('booking.book')} · ${studio.baseName ?? ''} ${studio.name}` : ''}
        okText={t('booking.book')}
        cancelText={t('studios.cancel')}
        confirmLoading={book.isPending}
        onOk={() => form.submit()}
        onCancel={() => setStudio(null)}
        destroyOnHidden
      >
        {studio ? (
          <p>
            <small>{hoursText(studio.openingHours, t)}</small>
          </p>
        ) : null}
        <Form form={form} layout="vertical" onFinish={(f) => book.mutate(f)} preserve={false}>
          <Form.Item name="startsAt" label={t('booking.startsAt')} rules={[{ required: true }]}>
            <DatePicker showTime={{ format: 'HH:mm', minuteStep: 30 }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.Item name="hours" label={t('booking.hours')} rules={[{ required: true }]}>
            <Select style={{ width: 120 }} options={HOURS.map((h) => ({ value: h, label: String(h) }))} />
          </Form.Item>
          <Form.Item name="purpose" label={t('booking.purpose')} rules={[{ required: true, max: 200 }]}>
            <Input placeholder={t('booking.purposeHint')} maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={checking !== null}
        title={t('booking.checkIn')}
        okText={t('booking.checkIn')}
        cancelText={t('studios.cancel')}
        confirmLoading={checkIn.isPending}
        onOk={() => checking && checkIn.mutate(checking)}
        onCancel={() => setChecking(null)}
        destroyOnHidden
      >
        {checking ? <p>{slotText(checking)}</p> : null}
        {sessions.data && sessions.data.length > 0 ? (
          <Form layout="vertical">
            <Form.Item label={t('booking.checkInSession')}>
              <Select
                allowClear
                value={sessionId}
                onChange={setSessionId}
                options={sessions.data
                  .filter((s) => s.status === 'scheduled' || s.status === 'live')
                  .map((s) => ({ value: s.id, label: `${s.title} · ${chinaTime(s.scheduledAt)}` }))}
              />
            </Form.Item>
          </Form>
        ) : null}
      </Modal>
    </>
  );
}
