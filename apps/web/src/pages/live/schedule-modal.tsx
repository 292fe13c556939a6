/**
 * 预约直播 and 编辑商品: the products a streamer may put on a session are those of their live service agreements in
 * force (the version in force, not a pending amendment); co-hosts are other certified streamers.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, type ButtonProps, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../i18n/index.ts';
import type { LiveSessionView } from '../../lib/api-types.ts';
import { endpoints } from '../../lib/endpoints.ts';
import { useMe } from '../../lib/session.ts';
import { applyRenamedFieldError, selectionErrorMessage } from '../selection/selection-errors.ts';
import { useCertifiedStreamers } from '../../components/streamer-picker.tsx';
import { liveKeys } from '../../queries/live.ts';
import { useAgreementsInForce } from '../../queries/selection.ts';

export interface AgreedProduct {
  productId: string;
  title: string;
  merchantName: string;
}

/** The products of the caller's agreements in force, each once. */
export function useAgreedProducts() {
  const query = useAgreementsInForce({ staleTime: 60_000 });
  const products = useMemo(() => {
    const byId = new Map<string, AgreedProduct>();
    for (const a of query.data ?? []) {
      const version = a.versions.find((v) => v.version === a.inForceVersion);
      const listed = version?.terms.products;
      if (!Array.isArray(listed)) continue;
      for (const item of listed as unknown[]) {
        const productId = typeof item === 'object' && item !== null && 'productId' in item ? item.productId : null;
        if (typeof productId !== 'string' || byId.has(productId)) continue;
        byId.set(productId, { productId, title: a.productTitles[productId] ?? productId, merchantName: a.merchantName });
      }
    }
    return [...byId.values()];
  }, [query.data]);
  return { ...query, products };
}

function ProductSelect({ value, onChange }: { value?: string[]; onChange?: (ids: string[]) => void }) {
  const { t } = useI18n();
  const agreed = useAgreedProducts();
  return (
    <Select<string[]>
      mode="multiple"
      value={value}
      onChange={onChange}
      loading={agreed.isPending}
      placeholder={t('live.schedule.productsPlaceholder')}
      showSearch={{ optionFilterProp: 'search' }}
      data-testid="schedule-products"
      notFoundContent={agreed.isPending ? undefined : t('live.schedule.noAgreedProducts')}
      options={agreed.products.map((p) => ({
        value: p.productId,
        search: `${p.title} ${p.merchantName}`,
        label: (
          <span data-testid={`product-option-${p.productId}`}>
            {p.title}
            <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
              {p.merchantName}
            </Typography.Text>
          </span>
        ),
      }))}
    />
  );
}

function CoHostSelect({ value, onChange }: { value?: string[]; onChange?: (ids: string[]) => void }) {
  const { t } = useI18n();
  const me = useMe();
  const streamers = useCertifiedStreamers();
  return (
    <Select<string[]>
      mode="multiple"
      maxCount={3}
      allowClear
      value={value}
      onChange={onChange}
      loading={streamers.isPending}
      placeholder={t('live.schedule.coHostsPlaceholder')}
      showSearch={{ optionFilterProp: 'search' }}
      data-testid="schedule-cohosts"
      options={(streamers.data?.items ?? [])
        .filter((s) => s.userId !== me.user.id)
        .map((s) => ({ value: s.userId, search: `${s.displayName} ${s.realName}`, label: s.displayName }))}
    />
  );
}

interface ScheduleValues {
  title: string;
  scheduledAt: Dayjs;
  productIds: string[];
  coHostUserIds: string[];
}

const FIELDS = ['title', 'scheduledAt', 'productIds', 'coHostUserIds'] as const;
const WHOLE_LISTS = ['productIds', 'coHostUserIds'];

export function ScheduleModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [form] = Form.useForm<ScheduleValues>();
  const [error, setError] = useState<string | null>(null);
  const agreed = useAgreedProducts();

  const schedule = useMutation({
    mutationFn: (v: ScheduleValues) =>
      endpoints.scheduleSession({
        title: v.title.trim(),
        scheduledAt: v.scheduledAt.toISOString(),
        productIds: v.productIds ?? [],
        coHostUserIds: v.coHostUserIds ?? [],
      }),
    onSuccess: async (created) => {
      // the stream key comes back once here: keep it so the console shows it without another (audited) read
      queryClient.setQueryData(liveKeys.streamKey(created.session.id), created.stream);
      queryClient.setQueryData(liveKeys.liveSession(created.session.id), created.session);
      await queryClient.invalidateQueries({ queryKey: liveKeys.liveSessions('mine') });
      message.success(t('live.schedule.done'));
      form.resetFields();
      onClose();
      navigate(`/live/sessions/${created.session.id}`);
    },
    onError: (e) => {
      if (!applyRenamedFieldError(form, e, FIELDS, {}, WHOLE_LISTS)) setError(selectionErrorMessage(t, e));
    },
  });

  return (
    <Modal
      open={open}
      title={t('live.schedule.title')}
      okText={t('live.schedule.submit')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={schedule.isPending}
      okButtonProps={{ 'data-testid': 'schedule-submit' } as ButtonProps}
      destroyOnHidden
      width={600}
    >
      <Form<ScheduleValues>
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={{ scheduledAt: dayjs().add(10, 'minute').startOf('minute'), productIds: [], coHostUserIds: [] }}
        onFinish={(v) => {
          setError(null);
          schedule.mutate(v);
        }}
        onValuesChange={() => setError(null)}
      >
        <Form.Item
          name="title"
          label={t('live.schedule.sessionTitle')}
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            { min: 2, max: 60, message: t('live.schedule.titleLength') },
          ]}
        >
          <Input maxLength={60} showCount placeholder={t('live.schedule.titlePlaceholder')} data-testid="schedule-title" />
        </Form.Item>
        <Form.Item name="scheduledAt" label={t('live.schedule.time')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="schedule-time" />
        </Form.Item>
        <Form.Item
          name="productIds"
          label={t('live.schedule.products')}
          extra={t('live.schedule.productsHint')}
          rules={[{ required: true, type: 'array', min: 1, message: t('live.schedule.productsRequired') }]}
        >
          <ProductSelect />
        </Form.Item>
        {!agreed.isPending && agreed.products.length === 0 ? (
          <Alert type="warning" showIcon title={t('live.schedule.noAgreedProducts')} style={{ marginBottom: 16 }} />
        ) : null}
        <Form.Item name="coHostUserIds" label={t('live.schedule.coHosts')} extra={t('live.schedule.coHostsHint')}>
          <CoHostSelect />
        </Form.Item>
        {error ? <Alert type="error" showIcon title={error} data-testid="schedule-error" /> : null}
      </Form>
    </Modal>
  );
}

/** 编辑商品: replaces the products of a scheduled or live session (a product added live needs an agreement in force). */
export function ProductsModal({ session, open, onClose }: { session: LiveSessionView; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ productIds: string[] }>();
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (ids: string[]) => endpoints.setSessionProducts(session.id, ids),
    onSuccess: async (next) => {
      queryClient.setQueryData(liveKeys.liveSession(session.id), next);
      await queryClient.invalidateQueries({ queryKey: liveKeys.checklist(session.id) });
      await queryClient.invalidateQueries({ queryKey: liveKeys.liveSessions('mine') });
      message.success(t('common.success'));
      onClose();
    },
    onError: (e) => {
      if (!applyRenamedFieldError(form, e, ['productIds'], {}, ['productIds'])) setError(selectionErrorMessage(t, e));
    },
  });
  return (
    <Modal
      open={open}
      title={t('live.products.edit')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'products-submit' } as ButtonProps}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ productIds: session.products.map((p) => p.productId) }}
        onFinish={(v) => {
          setError(null);
          save.mutate(v.productIds ?? []);
        }}
      >
        <Form.Item name="productIds" label={t('live.schedule.products')} extra={t('live.schedule.productsHint')}>
          <ProductSelect />
        </Form.Item>
        {error ? <Alert type="error" showIcon title={error} data-testid="products-error" /> : null}
      </Form>
    </Modal>
  );
}
