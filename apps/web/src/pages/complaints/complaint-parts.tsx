/**
 * What the complaint pages share: the status tag, the live countdown to the current step's deadline (已逾期 when it
 * has passed), and 我要投诉 — the filing form opened from the order page and from the live room.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ClaimKind, ComplaintCategory, ComplaintStatus, ComplaintView } from '@livehub/contracts';
import { CLAIM_KINDS, COMPLAINT_CATEGORIES } from '@livehub/contracts';
import { Alert, App, Checkbox, Form, Input, InputNumber, Modal, Radio, Select, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { DocumentUpload } from '../../components/document-upload.tsx';
import { type Translate, useI18n } from '../../i18n/index.ts';
import { isApiError } from '../../lib/api-client.ts';
import type { OrderView, RegistryDocument } from '../../lib/api-types.ts';
import { endpoints } from '../../lib/endpoints.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { formatFen, yuanToFen } from '../../lib/money.ts';
import { complaintKeys } from '../../queries/complaints.ts';
import { useNow } from '../orders/order-labels.tsx';

const STATUS_COLOR: Record<ComplaintStatus, string> = {
  awaiting_merchant: 'orange',
  negotiating: 'gold',
  mediating: 'processing',
  mediation_failed: 'volcano',
  escalated: 'purple',
  accepted_by_regulator: 'geekblue',
  refused_by_regulator: 'default',
  resolved: 'success',
  dismissed: 'default',
  withdrawn: 'default',
  regulator_closed: 'default',
};

export function ComplaintStatusTag({ status }: { status: ComplaintStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="complaint-status" data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`complaint.status.${status}`)}
    </Tag>
  );
}

/** 2 天 3 小时 / 5 小时 12 分 / 8 分 3 秒 */
export function formatLeft(t: Translate, ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return t('complaint.days', { d, h });
  if (h > 0) return t('complaint.hours', { h, m });
  return t('complaint.minutes', { m, s: s % 60 });
}

/** The time left until `dueAt`, ticking every second; 已逾期 in red once past (or when the server says so). */
export function Countdown({ dueAt, overdue }: { dueAt: string | null; overdue?: boolean }) {
  const { t } = useI18n();
  const now = useNow(dueAt !== null);
  if (!dueAt) return <Typography.Text type="secondary">{t('complaint.countdown.none')}</Typography.Text>;
  const left = Date.parse(dueAt) - now;
  if (overdue || left < 0)
    return (
      <Tag color="red" data-testid="complaint-countdown" data-overdue="true" style={{ marginInlineEnd: 0 }}>
        {t('complaint.countdown.overdue')}
      </Tag>
    );
  const urgent = left < 12 * 3_600_000;
  return (
    <Typography.Text data-testid="complaint-countdown" data-overdue="false" type={urgent ? 'danger' : undefined} strong={urgent}>
      {t('complaint.countdown.left', { time: formatLeft(t, left) })}
    </Typography.Text>
  );
}

/** Open complaints first by the nearest deadline (overdue first), then the closed ones newest first. */
export function byUrgency(a: ComplaintView, b: ComplaintView): number {
  const da = a.dueAt ? Date.parse(a.dueAt) : Number.POSITIVE_INFINITY;
  const db = b.dueAt ? Date.parse(b.dueAt) : Number.POSITIVE_INFINITY;
  if (da !== db) return da - db;
  return Date.parse(b.filedAt) - Date.parse(a.filedAt);
}

interface FileValues {
  category: ComplaintCategory;
  claim: { kind: ClaimKind; amountFen: number };
  description: string;
  evidenceDocumentIds?: RegistryDocument[];
  contactPhone?: string;
  fromRoom?: boolean;
}

const FORM_FIELDS = ['category', 'claim', 'description', 'evidenceDocumentIds', 'contactPhone', 'liveSessionId'];

/**
 * 我要投诉: category, claim (kind and amount in yuan, with the maximum the order allows shown; fraud's Art. 55 award
 * is computed by the server, whose refusal names the bound), description, evidence, call-back phone. Errors of the
 * API are shown on their fields.
 */
export function FileComplaintModal({
  order,
  open,
  fromRoom,
  onClose,
}: {
  order: OrderView | null;
  open: boolean;
  /** opened in the live room of the order's session: the complaint names that session */
  fromRoom?: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FileValues>();
  const category = Form.useWatch('category', form);
  const kind = Form.useWatch(['claim', 'kind'], form);
  const refundable = order ? Math.max(0, order.totalFen - order.refundedFen) : 0;
  const sessionId = order?.attribution.sessionId ?? null;

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const file = useMutation({
    mutationFn: (v: FileValues) => {
      if (!order) throw new Error('no order');
      const phone = v.contactPhone?.trim();
      return endpoints.fileComplaint({
        orderId: order.id,
        category: v.category,
        claim: { kind: v.claim.kind, amountFen: yuanToFen(v.claim.amountFen) },
        description: v.description.trim(),
        evidenceDocumentIds: (v.evidenceDocumentIds ?? []).map((d) => d.id),
        ...(phone ? { contactPhone: phone } : {}),
        ...(sessionId && (v.fromRoom ?? fromRoom) ? { liveSessionId: sessionId } : {}),
      });
    },
    onSuccess: (c) => {
      message.success(t('complaint.file.filed'));
      void queryClient.invalidateQueries({ queryKey: complaintKeys.all });
      onClose();
      navigate(`/complaints/${c.id}`);
    },
    onError: (e) => {
      if (isApiError(e) && e.field) {
        const path = e.field.split('.');
        const head = path[0] ?? '';
        if (FORM_FIELDS.includes(head)) {
          const name = head === 'claim' ? ['claim', path[1] ?? 'amountFen'] : head === 'liveSessionId' ? 'fromRoom' : head;
          form.setFields([{ name: name as never, errors: [e.message] }]);
          return;
        }
      }
      message.error(errorMessage(e, t('common.networkError')));
    },
  });

  const fraud = category === 'fraud' && kind === 'compensation';
  return (
    <Modal
      open={open}
      title={t('complaint.file.title')}
      onCancel={onClose}
      okText={t('complaint.file.submit')}
      okButtonProps={{ loading: file.isPending, 'data-testid': 'complaint-file-submit' } as never}
      onOk={() => void form.validateFields().then((v) => file.mutate(v))}
      destroyOnHidden
      width={560}
      data-testid="complaint-file-modal"
    >
      {order ? (
        <Form<FileValues>
          form={form}
          layout="vertical"
          initialValues={{ category: 'false_advertising', claim: { kind: 'refund' }, fromRoom: Boolean(fromRoom && sessionId) }}
          data-testid="complaint-file-form"
        >
          <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
            {t('complaint.file.order')}：{order.orderNo} · {order.merchantName} · {order.lines.map((l) => l.title).join('、')} ·{' '}
            {formatFen(order.totalFen)}
          </Typography.Paragraph>
          <Form.Item name="category" label={t('complaint.file.category')} rules={[{ required: true }]}>
            <Select
              data-testid="complaint-category"
              options={COMPLAINT_CATEGORIES.map((c) => ({ value: c, label: t(`complaint.category.${c}`) }))}
            />
          </Form.Item>
          <Form.Item name={['claim', 'kind']} label={t('complaint.file.claimKind')} rules={[{ required: true }]}>
            <Radio.Group
              data-testid="complaint-claim-kind"
              optionType="button"
              options={CLAIM_KINDS.map((k) => ({ value: k, label: t(`complaint.claim.${k}`) }))}
            />
          </Form.Item>
          <Form.Item
            name={['claim', 'amountFen']}
            label={t('complaint.file.amount')}
            rules={[{ required: true, message: t('complaint.act.required') }]}
            extra={fraud ? t('complaint.file.maxFraud') : t('complaint.file.max', { amount: formatFen(refundable) })}
          >
            <InputNumber<number>
              min={0.01}
              precision={2}
              prefix="¥"
              style={{ width: 200 }}
              {...(fraud ? {} : { max: refundable / 100 })}
              data-testid="complaint-amount"
            />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('complaint.file.description')}
            rules={[
              { required: true, message: t('complaint.act.required') },
              { min: 10, message: t('complaint.file.descriptionShort') },
            ]}
          >
            <Input.TextArea
              rows={4}
              maxLength={2000}
              showCount
              placeholder={t('complaint.file.descriptionPlaceholder')}
              data-testid="complaint-description"
            />
          </Form.Item>
          <Form.Item name="evidenceDocumentIds" label={t('complaint.file.evidence')}>
            <DocumentUpload docType="other" multiple hint={t('complaint.file.evidenceHint')} />
          </Form.Item>
          <Form.Item
            name="contactPhone"
            label={t('complaint.file.phone')}
            extra={t('complaint.file.phoneHint')}
            rules={[{ pattern: /^1\d{10}$/, message: t('complaint.file.phoneInvalid') }]}
          >
            <Input maxLength={11} style={{ width: 200 }} data-testid="complaint-phone" />
          </Form.Item>
          {sessionId ? (
            <Form.Item name="fromRoom" valuePropName="checked">
              <Checkbox data-testid="complaint-from-room">
                {t('complaint.file.fromRoom')}
                {order.attribution.sessionTitle ? `：${order.attribution.sessionTitle}` : ''}
              </Checkbox>
            </Form.Item>
          ) : null}
          <Alert type="info" showIcon message={t('complaint.file.deadlineNote')} />
        </Form>
      ) : null}
    </Modal>
  );
}
