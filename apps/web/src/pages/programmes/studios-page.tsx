/**
 * 共享直播间 (base operator): the base's studios (equipment, opening hours in China time, hourly price, active),
 * the bookings of the coming weeks and the utilisation of the last 30 days (booked ÷ open hours, ECharts).
 */
import type { BookingView, StudioInputBody, StudioView } from '@livehub/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Checkbox,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useMemo, useState } from 'react';
import { EChart, type EChartOption } from '../../components/echart.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { type MessageKey, useI18n } from '../../i18n/index.ts';
import { applyFieldError, errorMessage } from '../../lib/form-errors.ts';
import { fenToYuan, formatFen, yuanToFen } from '../../lib/money.ts';
import { programmesApi, programmesKeys, useBaseBookings, useOwnStudios, useUtilisation } from '../../queries/programmes.ts';
import { BookingStatusTag, hoursText, minutesText, slotText } from './programme-labels.tsx';

interface DayForm {
  closed: boolean;
  open: number;
  close: number;
}
interface StudioForm {
  name: string;
  equipment: string[];
  days: DayForm[];
  priceYuan: number;
  active: boolean;
}

const HALF_HOURS = Array.from({ length: 49 }, (_, i) => i * 30);
const DEFAULT_DAYS: DayForm[] = Array.from({ length: 7 }, () => ({ closed: false, open: 540, close: 1320 }));
/** fields an error may name on the form (opening hours errors are shown as a message) */
const FIELDS = ['name', 'equipment', 'active'] as const;

function toForm(s: StudioView | null): StudioForm {
  if (!s) return { name: '', equipment: ['摄像机', '补光灯'], days: DEFAULT_DAYS, priceYuan: 200, active: true };
  return {
    name: s.name,
    equipment: s.equipment,
    days: s.openingHours.map((d) => (d ? { closed: false, open: d.open, close: d.close } : { closed: true, open: 540, close: 1320 })),
    priceYuan: fenToYuan(s.pricePerHourFen),
    active: s.active,
  };
}

function toBody(f: StudioForm): StudioInputBody {
  return {
    name: f.name,
    equipment: f.equipment,
    openingHours: f.days.map((d) => (d.closed ? null : { open: d.open, close: d.close })),
    pricePerHourFen: yuanToFen(f.priceYuan),
    active: f.active,
  };
}

export function StudiosPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const studios = useOwnStudios();
  const bookings = useBaseBookings();
  const util = useUtilisation();
  const [editing, setEditing] = useState<StudioView | 'new' | null>(null);
  const [form] = Form.useForm<StudioForm>();

  const save = useMutation({
    mutationFn: (f: StudioForm) =>
      editing && editing !== 'new' ? programmesApi.updateStudio(editing.id, toBody(f)) : programmesApi.createStudio(toBody(f)),
    onSuccess: async () => {
      message.success(t('studios.saved'));
      setEditing(null);
      await qc.invalidateQueries({ queryKey: programmesKeys.all });
    },
    onError: (e) => {
      if (!applyFieldError(form, e, FIELDS)) message.error(errorMessage(e, t('studios.save')));
    },
  });

  const open = (s: StudioView | 'new') => {
    form.setFieldsValue(toForm(s === 'new' ? null : s));
    setEditing(s);
  };

  const columns: TableColumnsType<StudioView> = [
    { title: t('studios.name'), dataIndex: 'name' },
    { title: t('studios.equipment'), dataIndex: 'equipment', render: (e: string[]) => e.map((x) => <Tag key={x}>{x}</Tag>) },
    { title: t('studios.hours'), dataIndex: 'openingHours', render: (_: unknown, s) => <small>{hoursText(s.openingHours, t)}</small> },
    { title: t('studios.price'), dataIndex: 'pricePerHourFen', render: (f: number) => formatFen(f) },
    {
      title: t('studios.active'),
      dataIndex: 'active',
      render: (a: boolean) => (a ? <Tag color="green">{t('studios.activeYes')}</Tag> : <Tag>{t('studios.activeNo')}</Tag>),
    },
    { title: t('booking.actions'), key: 'edit', render: (_: unknown, s) => <Button onClick={() => open(s)}>{t('studios.edit')}</Button> },
  ];

  const bookingColumns: TableColumnsType<BookingView> = [
    { title: t('booking.time'), key: 'time', render: (_: unknown, b) => slotText(b) },
    { title: t('booking.studio'), dataIndex: 'studioName' },
    { title: t('booking.booker'), dataIndex: 'bookerRole', render: (r: BookingView['bookerRole']) => t(`booking.role.${r}` as MessageKey) },
    { title: t('booking.purpose'), dataIndex: 'purpose' },
    { title: t('booking.session'), dataIndex: 'sessionTitle', render: (v: string | null | undefined) => v ?? '—' },
    { title: t('booking.price'), dataIndex: 'priceFen', render: (f: number) => formatFen(f) },
    { title: t('booking.status'), dataIndex: 'status', render: (s: BookingView['status']) => <BookingStatusTag status={s} t={t} /> },
  ];

  const option = useMemo<EChartOption | null>(() => {
    const u = util.data;
    if (!u) return null;
    const pct = (r: number) => Math.round(r * 1000) / 10;
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v) => `${v}%` },
      legend: { top: 0 },
      grid: { left: 40, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: u.days.map((d) => d.day.slice(5)) },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        { name: t('studios.utilisationBase'), type: 'line', data: u.days.map((d) => pct(d.rate)), lineStyle: { width: 3 } },
        ...u.studios.map((s) => ({ name: s.name, type: 'bar' as const, data: s.days.map((d) => pct(d.rate)) })),
      ],
    };
  }, [util.data, t]);

  return (
    <>
      <PageHeader title={t('studios.title')} subtitle={t('studios.subtitle')} />
      <Card
        title={t('studios.listTitle')}
        extra={
          <Button type="primary" onClick={() => open('new')} data-testid="studio-add">
            {t('studios.add')}
          </Button>
        }
        style={{ marginBottom: 16 }}
      >
        <Table
          rowKey="id"
          columns={columns}
          dataSource={studios.data ?? []}
          loading={studios.isLoading}
          pagination={false}
          locale={{ emptyText: <Empty description={t('studios.empty')} /> }}
        />
      </Card>
      <Card title={t('studios.utilisationTitle')} style={{ marginBottom: 16 }}>
        {util.data ? (
          <p>
            {t('studios.utilisationTotal', {
              booked: util.data.bookedHours.toFixed(1),
              open: util.data.openHours.toFixed(0),
              rate: `${(util.data.rate * 100).toFixed(1)}%`,
            })}
          </p>
        ) : null}
        {option ? <EChart option={option} height={320} testId="studio-utilisation-chart" /> : null}
      </Card>
      <Card title={t('studios.bookingsTitle')}>
        <Table
          rowKey="id"
          columns={bookingColumns}
          dataSource={bookings.data ?? []}
          loading={bookings.isLoading}
          pagination={{ pageSize: 20 }}
          locale={{ emptyText: <Empty description={t('booking.noBookings')} /> }}
        />
      </Card>
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('studios.add') : t('studios.edit')}
        okText={t('studios.save')}
        cancelText={t('studios.cancel')}
        confirmLoading={save.isPending}
        onOk={() => form.submit()}
        onCancel={() => setEditing(null)}
        width={720}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(f) => save.mutate(f)} preserve={false}>
          <Form.Item name="name" label={t('studios.name')} rules={[{ required: true, max: 60 }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="equipment" label={t('studios.equipment')}>
            <Select mode="tags" placeholder={t('studios.equipmentHint')} open={false} />
          </Form.Item>
          <Form.Item label={t('studios.hours')}>
            <Form.List name="days">
              {(fields) =>
                fields.map((f, i) => (
                  <Space key={f.key} style={{ display: 'flex', marginBottom: 4 }}>
                    <span style={{ width: 40, display: 'inline-block' }}>{t(`studios.weekday.${i}` as MessageKey)}</span>
                    <Form.Item name={[f.name, 'closed']} valuePropName="checked" noStyle>
                      <Checkbox>{t('studios.closed')}</Checkbox>
                    </Form.Item>
                    <Form.Item name={[f.name, 'open']} noStyle>
                      <Select style={{ width: 100 }} options={HALF_HOURS.slice(0, 48).map((m) => ({ value: m, label: minutesText(m) }))} />
                    </Form.Item>
                    –
                    <Form.Item name={[f.name, 'close']} noStyle>
                      <Select style={{ width: 100 }} options={HALF_HOURS.slice(1).map((m) => ({ value: m, label: minutesText(m) }))} />
                    </Form.Item>
                  </Space>
                ))
              }
            </Form.List>
          </Form.Item>
          <Form.Item name="priceYuan" label={t('studios.price')} rules={[{ required: true }]}>
            <InputNumber min={0} step={10} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="active" label={t('studios.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
