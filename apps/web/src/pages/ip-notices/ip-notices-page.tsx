/**
 * 知识产权保护 (电子商务法 Art. 42–45): the notices the caller sees — every notice for the IP office and the platform,
 * a merchant's own as holder or as the noticed merchant — with their state, the mark, the product, the parties and the
 * days left of the holder's 15; a row opens the notice with its statements, its log and the steps the caller may take
 * (发出侵权通知, 提交反通知, 已投诉/已起诉, 撤回, 认定通知错误). The inbox items link here (`?notice=<id>`).
 */
import type { IpActionKind, IpNoticeStatus, IpNoticeView } from '@livehub/contracts';
import { IP_NOTICE_STATUSES } from '@livehub/contracts';
import { Alert, App, Button, Card, Descriptions, Drawer, Form, Input, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { DocumentUpload } from '../../components/document-upload.tsx';
import { FormModal } from '../../components/form-modal.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { type MessageKey, useI18n } from '../../i18n/index.ts';
import type { RegistryDocument } from '../../lib/api-types.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { useMe } from '../../lib/session.ts';
import { useBrands } from '../../queries/catalog.ts';
import { type IpNoticeFilter, useIpNotices, useIpNoticeStep } from '../../queries/ip-notices.ts';

const time = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');
/** the deadline ends at 24:00: shown as the last day at 24:00 */
const dueText = (iso: string) => `${dayjs(iso).subtract(1, 'ms').format('YYYY-MM-DD')} 24:00`;
const STATUS_COLOR: Record<IpNoticeStatus, string> = {
  taken_down: 'red',
  countered: 'orange',
  action_filed: 'volcano',
  restored: 'green',
  withdrawn: 'default',
  found_wrong: 'blue',
};

type Action = 'counter' | 'report_action' | 'withdraw' | 'find_wrong' | 'file';

export function IpNoticesPage() {
  const { t } = useI18n();
  const role = useMe().active?.role;
  const [params, setParams] = useSearchParams();
  const [filter, setFilter] = useState<IpNoticeFilter>({ status: null, side: null });
  const notices = useIpNotices(filter);
  const [action, setAction] = useState<{ kind: Action; notice: IpNoticeView | null } | null>(null);
  const focus = params.get('notice');
  const open = (notices.data ?? []).find((n) => n.id === focus) ?? null;
  const mayFile = role === 'merchant_staff' || role === 'regulator';
  return (
    <>
      <PageHeader
        title={t('ip.title')}
        subtitle={t('ip.subtitle')}
        testId="ip-title"
        extra={
          mayFile ? (
            <Button type="primary" onClick={() => setAction({ kind: 'file', notice: null })} data-testid="ip-file">
              {t('ip.file')}
            </Button>
          ) : null
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <span>{t('ip.filter.status')}</span>
          <Select<IpNoticeStatus | 'any'>
            style={{ width: 200 }}
            value={filter.status ?? 'any'}
            onChange={(v) => setFilter({ ...filter, status: v === 'any' ? null : v })}
            options={[
              { value: 'any', label: t('ip.filter.all') },
              ...IP_NOTICE_STATUSES.map((s) => ({ value: s, label: t(`ip.status.${s}` as MessageKey) })),
            ]}
            data-testid="ip-filter-status"
          />
          {role === 'merchant_staff' ? (
            <>
              <span>{t('ip.filter.side')}</span>
              <Select<'holder' | 'merchant' | 'any'>
                style={{ width: 180 }}
                value={filter.side ?? 'any'}
                onChange={(v) => setFilter({ ...filter, side: v === 'any' ? null : v })}
                options={[
                  { value: 'any', label: t('ip.filter.all') },
                  { value: 'holder', label: t('ip.side.holder') },
                  { value: 'merchant', label: t('ip.side.merchant') },
                ]}
              />
            </>
          ) : null}
        </Space>
      </Card>
      {notices.isError ? <QueryError error={notices.error} onRetry={() => void notices.refetch()} /> : null}
      <Table<IpNoticeView>
        rowKey="id"
        size="middle"
        loading={notices.isLoading}
        dataSource={notices.data ?? []}
        locale={{ emptyText: t('ip.empty') }}
        onRow={(n) => ({ onClick: () => setParams({ notice: n.id }), style: { cursor: 'pointer' } })}
        data-testid="ip-table"
        columns={[
          { title: t('ip.col.no'), dataIndex: 'noticeNo', render: (v: string) => <span data-testid="ip-no">{v}</span> },
          {
            title: t('ip.col.brand'),
            render: (_, n) => (
              <Space direction="vertical" size={0}>
                <span>{n.brandName}</span>
                {n.trademarkNo ? <Typography.Text type="secondary">{t('ip.trademarkNo', { no: n.trademarkNo })}</Typography.Text> : null}
              </Space>
            ),
          },
          { title: t('ip.col.product'), dataIndex: 'productName' },
          { title: t('ip.col.holder'), render: (_, n) => `${n.holderName}${n.filedByRole === 'office' ? t('ip.byOffice') : ''}` },
          { title: t('ip.col.merchant'), dataIndex: 'merchantName' },
          {
            title: t('ip.col.status'),
            render: (_, n) => (
              <Tag color={STATUS_COLOR[n.status]} data-testid="ip-status">
                {t(`ip.status.${n.status}` as MessageKey)}
              </Tag>
            ),
          },
          {
            title: t('ip.col.countdown'),
            render: (_, n) =>
              n.daysLeft === null ? (
                '—'
              ) : (
                <Tag color={n.daysLeft <= 3 ? 'red' : 'gold'} data-testid="ip-countdown">
                  {n.daysLeft === 0 ? t('ip.lastDay') : t('ip.daysLeft', { days: n.daysLeft })}
                </Tag>
              ),
          },
          { title: t('ip.col.filedAt'), render: (_, n) => time(n.filedAt) },
        ]}
      />
      <Drawer width={640} open={open !== null} onClose={() => setParams({})} title={open?.noticeNo} destroyOnHidden>
        {open ? <NoticeDetail n={open} onAction={(kind) => setAction({ kind, notice: open })} /> : null}
      </Drawer>
      {action ? <StepModal action={action.kind} notice={action.notice} onClose={() => setAction(null)} /> : null}
    </>
  );
}

function NoticeDetail({ n, onAction }: { n: IpNoticeView; onAction: (a: Action) => void }) {
  const { t } = useI18n();
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="ip-detail">
      {n.actions.includes('counter') ? <Alert type="warning" showIcon message={t('ip.rights.merchant')} /> : null}
      {n.actions.includes('report_action') && n.actionDueAt ? (
        <Alert type="warning" showIcon message={t('ip.rights.holder', { due: dueText(n.actionDueAt) })} />
      ) : null}
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('ip.col.status')}>
          <Tag color={STATUS_COLOR[n.status]}>{t(`ip.status.${n.status}` as MessageKey)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('ip.col.brand')}>
          {n.brandName}
          {n.trademarkNo ? `（${t('ip.trademarkNo', { no: n.trademarkNo })}）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('ip.col.product')}>{n.productName}</Descriptions.Item>
        <Descriptions.Item label={t('ip.col.holder')}>
          {n.holderName}
          {n.filedByRole === 'office' ? t('ip.byOffice') : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('ip.col.merchant')}>{n.merchantName}</Descriptions.Item>
        <Descriptions.Item label={t('ip.detail.takenDown')}>
          {n.takenDown ? t('ip.detail.takenDownYes') : t('ip.detail.takenDownNo')}
        </Descriptions.Item>
        <Descriptions.Item label={t('ip.detail.statement')}>
          <Space direction="vertical" size={0}>
            <span data-testid="ip-statement">{n.statement}</span>
            <Typography.Text type="secondary">{t('ip.detail.evidence', { count: n.evidenceDocumentIds.length })}</Typography.Text>
          </Space>
        </Descriptions.Item>
        {n.counterStatement ? (
          <Descriptions.Item label={t('ip.detail.counter')}>
            <Space direction="vertical" size={0}>
              <span data-testid="ip-counter">{n.counterStatement}</span>
              <Typography.Text type="secondary">{t('ip.detail.evidence', { count: n.counterEvidenceDocumentIds.length })}</Typography.Text>
            </Space>
          </Descriptions.Item>
        ) : null}
        {n.actionDueAt ? (
          <Descriptions.Item label={t('ip.detail.due')}>
            <span data-testid="ip-due">{dueText(n.actionDueAt)}</span>
          </Descriptions.Item>
        ) : null}
        {n.actionKind ? (
          <Descriptions.Item label={t('ip.detail.action')}>
            {t(`ip.kind.${n.actionKind}` as MessageKey)}：{n.actionReference}
          </Descriptions.Item>
        ) : null}
        {n.closingReason ? <Descriptions.Item label={t('ip.detail.closing')}>{n.closingReason}</Descriptions.Item> : null}
      </Descriptions>
      <Typography.Title level={5}>{t('ip.detail.log')}</Typography.Title>
      <Timeline
        items={n.entries.map((e) => ({
          children: (
            <Space direction="vertical" size={0}>
              <span>
                {time(e.at)} · {t(`ip.role.${e.role}` as MessageKey)} · {t(`ip.entry.${e.action}` as MessageKey)}
              </span>
              {e.note ? <Typography.Text type="secondary">{e.note}</Typography.Text> : null}
            </Space>
          ),
        }))}
      />
      <Space wrap>
        {n.actions.map((a) => (
          <Button
            key={a}
            type={a === 'counter' || a === 'report_action' ? 'primary' : 'default'}
            danger={a === 'find_wrong'}
            onClick={() => onAction(a as Action)}
            data-testid={`ip-action-${a}`}
          >
            {t(`ip.action.${a}` as MessageKey)}
          </Button>
        ))}
      </Space>
    </Space>
  );
}

interface StepValues {
  brandId?: string;
  productId?: string;
  statement?: string;
  kind?: IpActionKind;
  reference?: string;
  reason?: string;
}

function StepModal({ action, notice, onClose }: { action: Action; notice: IpNoticeView | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<StepValues>();
  const step = useIpNoticeStep();
  const brands = useBrands();
  const [docs, setDocs] = useState<RegistryDocument[]>([]);
  const [error, setError] = useState<string | null>(null);
  const evidence = docs.map((d) => d.id);
  const id = notice?.id ?? '';
  const finish = (v: StepValues) => {
    const input =
      action === 'file'
        ? {
            kind: 'file' as const,
            body: {
              brandId: v.brandId ?? '',
              productId: v.productId?.trim() ?? '',
              statement: v.statement ?? '',
              evidenceDocumentIds: evidence,
            },
          }
        : action === 'counter'
          ? { kind: 'counter' as const, id, body: { statement: v.statement ?? '', evidenceDocumentIds: evidence } }
          : action === 'report_action'
            ? {
                kind: 'report_action' as const,
                id,
                body: { kind: v.kind ?? 'complaint', reference: v.reference ?? '', evidenceDocumentIds: evidence },
              }
            : { kind: action, id, reason: v.reason ?? '' };
    step.mutate(input, {
      onSuccess: () => {
        void message.success(t('ip.done'));
        onClose();
      },
      onError: (e) => setError(errorMessage(e, t('common.networkError'))),
    });
  };
  const needsEvidence = action === 'file' || action === 'counter' || action === 'report_action';
  return (
    <FormModal<StepValues>
      open
      title={t(action === 'file' ? 'ip.file' : (`ip.action.${action}` as MessageKey))}
      onClose={onClose}
      form={form}
      onFinish={finish}
      pending={step.isPending}
      okText={t('ip.done')}
      okTestId="ip-step-ok"
      error={error}
      onValuesChange={() => setError(null)}
    >
      {action === 'file' ? (
        <>
          <Form.Item name="brandId" label={t('ip.form.brand')} extra={t('ip.form.brandHint')} rules={[{ required: true }]}>
            <Select
              options={(brands.data ?? [])
                .filter((b) => b.protected)
                .map((b) => ({ value: b.id, label: b.trademarkNo ? `${b.name}（${b.trademarkNo}）` : b.name }))}
              data-testid="ip-brand"
            />
          </Form.Item>
          <Form.Item name="productId" label={t('ip.form.product')} rules={[{ required: true }]}>
            <Input data-testid="ip-product" />
          </Form.Item>
        </>
      ) : null}
      {action === 'file' || action === 'counter' ? (
        <Form.Item
          name="statement"
          label={t(action === 'file' ? 'ip.form.statement' : 'ip.form.counterStatement')}
          rules={[{ required: true, min: 10 }]}
        >
          <Input.TextArea rows={4} maxLength={4000} data-testid="ip-statement-input" />
        </Form.Item>
      ) : null}
      {action === 'report_action' ? (
        <>
          <Form.Item name="kind" label={t('ip.form.kind')} initialValue="lawsuit" rules={[{ required: true }]}>
            <Select options={(['complaint', 'lawsuit'] as const).map((k) => ({ value: k, label: t(`ip.kind.${k}` as MessageKey) }))} />
          </Form.Item>
          <Form.Item name="reference" label={t('ip.form.reference')} rules={[{ required: true, min: 2 }]}>
            <Input maxLength={200} data-testid="ip-reference" />
          </Form.Item>
        </>
      ) : null}
      {action === 'withdraw' || action === 'find_wrong' ? (
        <Form.Item name="reason" label={t('ip.form.reason')} rules={[{ required: true, min: 2 }]}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="ip-reason" />
        </Form.Item>
      ) : null}
      {needsEvidence ? <DocumentUpload docType="other" multiple value={docs} onChange={setDocs} hint={t('ip.form.evidence')} /> : null}
    </FormModal>
  );
}
