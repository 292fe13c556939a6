/**
 * One complaint (`/complaints/:id`) for every party it concerns: the facts (order, merchant, streamer, claim — names,
 * never ids), the current step with its deadline and live countdown, the outcome, the timeline both sides see (who
 * in Chinese, what in Chinese, notes), and the viewer's actions at this step: the consumer accepts an offer,
 * escalates (to mediation; after a failed mediation to the regulator) or withdraws; the merchant accepts, offers or
 * rejects; the mediator decides a remedy (fraud compensation computed by the server) or dismisses; the regulator
 * accepts or refuses with a reason, then mediates an accepted complaint within 45 working days: 调解成立 with a
 * remedy (the mediator's form) or 终止调解 with a reason.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ClaimKind, ComplaintDetail, ComplaintRemedy, ComplaintRole, ComplaintStatus } from '@livehub/contracts';
import { CLAIM_KINDS, COMPLAINT_REMEDIES } from '@livehub/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Radio,
  Result,
  Row,
  Skeleton,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { isMessageKey, useI18n } from '../../i18n/index.ts';
import { isApiError } from '../../lib/api-client.ts';
import { endpoints } from '../../lib/endpoints.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { formatFen, yuanToFen } from '../../lib/money.ts';
import { useMe } from '../../lib/session.ts';
import { complaintKeys, useComplaint } from '../../queries/complaints.ts';
import { notificationKeys } from '../../queries/notifications.ts';
import { ComplaintStatusTag, Countdown } from './complaint-parts.tsx';
import { deskOf } from './complaints-page.tsx';

const ROLE_COLOR: Record<ComplaintRole, string> = {
  consumer: 'blue',
  merchant: 'orange',
  mediator: 'purple',
  regulator: 'red',
  system: 'default',
};

/** The statuses whose step has a deadline someone must meet (the others are final or wait for the consumer). */
const TIMED: readonly ComplaintStatus[] = ['awaiting_merchant', 'negotiating', 'mediating', 'escalated', 'accepted_by_regulator'];

type Dialog =
  | { kind: 'merchant_counter' }
  | { kind: 'merchant_accept' }
  | { kind: 'merchant_reject' }
  | { kind: 'decide' }
  | { kind: 'dismiss' }
  | { kind: 'regulator_accept' }
  | { kind: 'regulator_refuse' }
  | { kind: 'regulator_mediate' }
  | { kind: 'regulator_close' }
  | { kind: 'withdraw' }
  | { kind: 'escalate' };

interface DialogValues {
  note?: string;
  kind?: ClaimKind;
  remedy?: ComplaintRemedy;
  amount?: number;
}

export function ComplaintPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const me = useMe();
  const desk = deskOf(me.role);
  const q = useComplaint(id, { refetchInterval: 15_000 });
  const [dialog, setDialog] = useState<Dialog | null>(null);

  if (q.isPending) return <Skeleton active />;
  if (q.error || !q.data)
    return (
      <Result
        status="404"
        title={
          isApiError(q.error) && q.error.status !== 404 ? errorMessage(q.error, t('common.networkError')) : t('complaint.detail.notFound')
        }
        extra={
          <Link to="/complaints">
            <Button>{t('complaint.detail.back')}</Button>
          </Link>
        }
      />
    );
  const c = q.data;
  const refundable = Math.max(0, c.paidFen);
  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            {t('complaint.detail.title')}
            <ComplaintStatusTag status={c.status} />
          </Space>
        }
        subtitle={`${c.orderNo ?? ''} · ${c.merchantName ?? ''} · ${t(`complaint.category.${c.category}`)}`}
        testId="complaint-title"
        extra={
          <Link to="/complaints">
            <Button>{t('complaint.detail.back')}</Button>
          </Link>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <StepCard c={c} />
          {c.obligation ? <ObligationCard c={c} desk={desk} /> : null}
          <Card title={t('complaint.detail.description')} size="small" style={{ marginTop: 16 }}>
            <Descriptions column={{ xs: 1, sm: 2 }} size="small" data-testid="complaint-facts">
              <Descriptions.Item label={t('complaint.detail.order')}>{c.orderNo ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('complaint.detail.merchant')}>{c.merchantName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('complaint.detail.streamer')}>
                {c.streamerName ?? '—'}
                {c.liveSessionId ? (
                  <Tag color="magenta" style={{ marginInlineStart: 6 }}>
                    {t('complaint.detail.fromRoom')}
                  </Tag>
                ) : null}
              </Descriptions.Item>
              <Descriptions.Item label={t('complaint.detail.category')}>{t(`complaint.category.${c.category}`)}</Descriptions.Item>
              <Descriptions.Item label={t('complaint.detail.claim')}>
                {t(`complaint.claim.${c.claim.kind}`)} {formatFen(c.claim.amountFen)}
              </Descriptions.Item>
              <Descriptions.Item label={t('complaint.detail.paid')}>{formatFen(c.paidFen)}</Descriptions.Item>
              <Descriptions.Item label={t('complaint.detail.filedAt')}>{dayjs(c.filedAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
              <Descriptions.Item label={t('complaint.detail.phone')}>{c.contactPhone ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('complaint.detail.evidence')}>
                {t('complaint.detail.evidenceCount', { count: c.evidenceDocumentIds.length })}
                {c.evidenceDocumentIds.map((id, i) => (
                  // every party to the complaint may open the consumer's evidence (the document store's grant; audited)
                  <a
                    key={id}
                    href={`/api/documents/${id}/content`}
                    target="_blank"
                    rel="noreferrer"
                    style={{ marginLeft: 8 }}
                    data-testid="complaint-evidence-link"
                  >
                    {t('complaint.detail.evidenceItem', { n: i + 1 })}
                  </a>
                ))}
              </Descriptions.Item>
            </Descriptions>
            <Typography.Paragraph style={{ marginTop: 12, whiteSpace: 'pre-wrap' }} data-testid="complaint-description">
              {c.description}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Actions c={c} desk={desk} open={setDialog} />
          <Card title={t('complaint.detail.timeline')} size="small" style={{ marginTop: 16 }}>
            <ComplaintTimeline c={c} />
          </Card>
        </Col>
      </Row>
      <StepDialog c={c} dialog={dialog} refundable={refundable} onClose={() => setDialog(null)} />
    </>
  );
}

function StepCard({ c }: { c: ComplaintDetail }) {
  const { t } = useI18n();
  const answer = c.answer;
  return (
    <Card size="small" data-testid="complaint-step">
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('complaint.detail.step')}>
          <ComplaintStatusTag status={c.status} />
        </Descriptions.Item>
        {TIMED.includes(c.status) && c.dueAt ? (
          <Descriptions.Item label={t('complaint.detail.deadline')}>
            <Space wrap>
              <span>{dayjs(c.dueAt).format('YYYY-MM-DD HH:mm')}</span>
              <Countdown dueAt={c.dueAt} overdue={c.overdue} />
            </Space>
          </Descriptions.Item>
        ) : null}
        {answer ? (
          <Descriptions.Item label={t('complaint.detail.answer')}>
            {t(`complaint.answer.${answer.answer}`)}
            {answer.offer
              ? ` · ${t('complaint.detail.offer', { kind: t(`complaint.claim.${answer.offer.kind}`), amount: formatFen(answer.offer.amountFen) })}`
              : ''}
          </Descriptions.Item>
        ) : null}
        {c.outcome ? (
          <Descriptions.Item label={t('complaint.detail.outcome')}>
            <Space wrap data-testid="complaint-outcome">
              <Typography.Text strong>
                {t('complaint.detail.outcomeText', {
                  remedy: t(`complaint.remedy.${c.outcome.remedy}`),
                  amount: formatFen(c.outcome.amountFen),
                })}
              </Typography.Text>
              <Tag color={c.outcome.upheld ? 'red' : 'green'}>{t(c.outcome.upheld ? 'complaint.upheld' : 'complaint.settled')}</Tag>
            </Space>
          </Descriptions.Item>
        ) : null}
        {c.closingReason ? <Descriptions.Item label={t('complaint.detail.reason')}>{c.closingReason}</Descriptions.Item> : null}
      </Descriptions>
      {c.status === 'escalated' ? (
        <Alert type="info" showIcon style={{ marginTop: 8 }} message={t('complaint.regulatorAcceptance')} />
      ) : null}
      {c.status === 'accepted_by_regulator' ? (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 8 }}
          message={t('complaint.regulatorMediation')}
          data-testid="complaint-regulator-mediation"
        />
      ) : null}
      {c.status === 'regulator_closed' ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          message={t('complaint.regulatorClosedHint')}
          data-testid="complaint-court-hint"
        />
      ) : null}
    </Card>
  );
}

const OBLIGATION_COLOR: Record<NonNullable<ComplaintDetail['obligation']>['status'], string> = {
  due: 'orange',
  paid_by_merchant: 'green',
  advanced: 'red',
  partially_recovered: 'volcano',
  recovered: 'blue',
};

/**
 * 赔付: what the resolution obliges the merchant to pay and by when; whether the merchant paid, or the platform's fund
 * paid the consumer first (先行赔付) and what it recovered from the merchant's deposit and balance. The merchant pays
 * here while the deadline holds.
 */
function ObligationCard({ c, desk }: { c: ComplaintDetail; desk: ReturnType<typeof deskOf> }) {
  const { t } = useI18n();
  const step = useStep(c.id);
  const o = c.obligation;
  if (!o) return null;
  const overdue = Date.parse(o.dueAt) < Date.now();
  return (
    <Card title={t('complaint.pay.title')} size="small" style={{ marginTop: 16 }} data-testid="complaint-obligation" data-status={o.status}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('complaint.pay.amount')}>
          <Space wrap>
            <Typography.Text strong>{formatFen(o.amountFen)}</Typography.Text>
            <Tag color={OBLIGATION_COLOR[o.status]} data-testid="complaint-obligation-status">
              {t(`complaint.pay.status.${o.status}`)}
            </Tag>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('complaint.pay.dueAt')}>
          <Space wrap>
            <span>{dayjs(o.dueAt).format('YYYY-MM-DD HH:mm')}</span>
            {o.status === 'due' ? <Countdown dueAt={o.dueAt} overdue={overdue} /> : null}
          </Space>
        </Descriptions.Item>
        {o.paidByMerchantFen > 0 ? (
          <Descriptions.Item label={t('complaint.pay.paidByMerchant')}>{formatFen(o.paidByMerchantFen)}</Descriptions.Item>
        ) : null}
        {o.advancedFen > 0 ? (
          <>
            <Descriptions.Item label={t('complaint.pay.advanced')}>{formatFen(o.advancedFen)}</Descriptions.Item>
            <Descriptions.Item label={t('complaint.pay.recovered')}>
              <span data-testid="complaint-obligation-recovered">
                {t('complaint.pay.recoveredFrom', {
                  deposit: formatFen(o.recoveredFromDepositFen),
                  balance: formatFen(o.recoveredFromBalanceFen),
                })}
              </span>
            </Descriptions.Item>
            {o.outstandingFen > 0 ? (
              <Descriptions.Item label={t('complaint.pay.outstanding')}>{formatFen(o.outstandingFen)}</Descriptions.Item>
            ) : null}
          </>
        ) : null}
      </Descriptions>
      {o.status === 'due' && desk === 'merchant' ? (
        overdue ? (
          <Alert type="warning" showIcon message={t('complaint.pay.overdue')} />
        ) : (
          <Popconfirm
            title={t('complaint.pay.confirm', { amount: formatFen(o.amountFen) })}
            okText={t('complaint.pay.submit')}
            cancelText={t('common.cancel')}
            onConfirm={() => step.mutate(() => endpoints.payComplaint(c.id))}
          >
            <Button type="primary" loading={step.isPending} data-testid="complaint-pay">
              {t('complaint.pay.submit')}
            </Button>
          </Popconfirm>
        )
      ) : null}
      {o.status === 'due' && desk === 'consumer' ? (
        <Typography.Text type="secondary">{t('complaint.pay.consumerHint')}</Typography.Text>
      ) : null}
    </Card>
  );
}

function ComplaintTimeline({ c }: { c: ComplaintDetail }) {
  const { t } = useI18n();
  const actionLabel = (a: string) => {
    const key = `complaint.action.${a}`;
    return isMessageKey(key) ? t(key) : a;
  };
  return (
    <Timeline
      data-testid="complaint-timeline"
      items={c.timeline.map((e) => ({
        color: e.role === 'system' ? 'gray' : e.action === 'mediator_decide' || e.action === 'regulator_mediate' ? 'green' : 'blue',
        children: (
          <div data-testid="complaint-entry" data-action={e.action}>
            <Space wrap size={6}>
              <Tag color={ROLE_COLOR[e.role]}>{t(`complaint.role.${e.role}`)}</Tag>
              <Typography.Text strong>{actionLabel(e.action)}</Typography.Text>
            </Space>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {dayjs(e.at).format('YYYY-MM-DD HH:mm')} · {t(`complaint.status.${e.toStatus}`)}
              </Typography.Text>
            </div>
            {e.note ? <Typography.Paragraph style={{ margin: '4px 0 0' }}>{e.note}</Typography.Paragraph> : null}
          </div>
        ),
      }))}
    />
  );
}

function Actions({ c, desk, open }: { c: ComplaintDetail; desk: ReturnType<typeof deskOf>; open: (d: Dialog) => void }) {
  const { t } = useI18n();
  const act = useStep(c.id);
  const late = c.overdue;
  const buttons: React.ReactNode[] = [];
  if (desk === 'consumer') {
    if (c.status === 'negotiating' && c.answer?.offer && !late)
      buttons.push(
        <Popconfirm
          key="accept"
          title={t('complaint.act.acceptOfferConfirm')}
          onConfirm={() => act.mutate(() => endpoints.acceptComplaintOffer(c.id))}
        >
          <Button type="primary" data-testid="complaint-accept-offer" loading={act.isPending}>
            {t('complaint.act.acceptOffer')}
          </Button>
        </Popconfirm>,
      );
    if ((c.status === 'awaiting_merchant' || c.status === 'negotiating') && !late)
      buttons.push(
        <Button key="escalate" data-testid="complaint-escalate" onClick={() => open({ kind: 'escalate' })}>
          {t('complaint.act.escalate')}
        </Button>,
      );
    if (c.status === 'mediation_failed')
      buttons.push(
        <Button key="escalate" type="primary" data-testid="complaint-escalate" onClick={() => open({ kind: 'escalate' })}>
          {t('complaint.act.escalateRegulator')}
        </Button>,
      );
    if (['awaiting_merchant', 'negotiating', 'mediating', 'mediation_failed'].includes(c.status))
      buttons.push(
        <Button key="withdraw" danger data-testid="complaint-withdraw" onClick={() => open({ kind: 'withdraw' })}>
          {t('complaint.act.withdraw')}
        </Button>,
      );
  }
  if (desk === 'merchant' && (c.status === 'awaiting_merchant' || c.status === 'negotiating') && !late) {
    buttons.push(
      <Button key="accept" type="primary" data-testid="complaint-merchant-accept" onClick={() => open({ kind: 'merchant_accept' })}>
        {t('complaint.act.merchantAccept')}
      </Button>,
    );
    if (c.status === 'awaiting_merchant')
      buttons.push(
        <Button key="counter" data-testid="complaint-merchant-counter" onClick={() => open({ kind: 'merchant_counter' })}>
          {t('complaint.act.merchantCounter')}
        </Button>,
        <Button key="reject" danger data-testid="complaint-merchant-reject" onClick={() => open({ kind: 'merchant_reject' })}>
          {t('complaint.act.merchantReject')}
        </Button>,
      );
  }
  if (desk === 'mediator' && c.status === 'mediating' && !late)
    buttons.push(
      <Button key="decide" type="primary" data-testid="complaint-decide" onClick={() => open({ kind: 'decide' })}>
        {t('complaint.act.decide')}
      </Button>,
      <Button key="dismiss" danger data-testid="complaint-dismiss" onClick={() => open({ kind: 'dismiss' })}>
        {t('complaint.act.dismiss')}
      </Button>,
    );
  if (desk === 'regulator' && c.status === 'escalated')
    buttons.push(
      <Button key="accept" type="primary" data-testid="complaint-regulator-accept" onClick={() => open({ kind: 'regulator_accept' })}>
        {t('complaint.act.regulatorAccept')}
      </Button>,
      <Button key="refuse" danger data-testid="complaint-regulator-refuse" onClick={() => open({ kind: 'regulator_refuse' })}>
        {t('complaint.act.regulatorRefuse')}
      </Button>,
    );
  // 行政调解: within its 45 working days; past them the sweep terminates it
  if (desk === 'regulator' && c.status === 'accepted_by_regulator' && !late)
    buttons.push(
      <Button key="mediate" type="primary" data-testid="complaint-regulator-mediate" onClick={() => open({ kind: 'regulator_mediate' })}>
        {t('complaint.act.regulatorMediate')}
      </Button>,
      <Button key="close" danger data-testid="complaint-regulator-close" onClick={() => open({ kind: 'regulator_close' })}>
        {t('complaint.act.regulatorClose')}
      </Button>,
    );
  return (
    <Card title={t('complaint.act.title')} size="small" data-testid="complaint-actions">
      {buttons.length > 0 ? <Space wrap>{buttons}</Space> : <Typography.Text type="secondary">{t('complaint.act.none')}</Typography.Text>}
    </Card>
  );
}

/** One step through the API; the complaint, the lists and the inbox refresh afterwards. */
function useStep(id: string) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (call: () => Promise<unknown>) => call(),
    onSuccess: () => {
      message.success(t('complaint.act.done'));
      void queryClient.invalidateQueries({ queryKey: complaintKeys.all });
      void queryClient.invalidateQueries({ queryKey: complaintKeys.one(id) });
      void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    },
    onError: (e) => message.error(errorMessage(e, t('common.networkError'))),
  });
}

const DIALOG_TITLE: Record<Dialog['kind'], Parameters<ReturnType<typeof useI18n>['t']>[0]> = {
  merchant_accept: 'complaint.act.merchantAccept',
  merchant_counter: 'complaint.act.merchantCounter',
  merchant_reject: 'complaint.act.merchantReject',
  decide: 'complaint.act.decide',
  dismiss: 'complaint.act.dismiss',
  regulator_accept: 'complaint.act.regulatorAccept',
  regulator_refuse: 'complaint.act.regulatorRefuse',
  regulator_mediate: 'complaint.act.regulatorMediate',
  regulator_close: 'complaint.act.regulatorClose',
  withdraw: 'complaint.act.withdraw',
  escalate: 'complaint.act.escalate',
};

function StepDialog({
  c,
  dialog,
  refundable,
  onClose,
}: {
  c: ComplaintDetail;
  dialog: Dialog | null;
  refundable: number;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<DialogValues>();
  const remedy = Form.useWatch('remedy', form);
  const kind = dialog?.kind;
  const step = useMutation({
    mutationFn: (v: DialogValues) => {
      const note = v.note?.trim() ?? '';
      const amountFen = v.amount !== undefined ? yuanToFen(v.amount) : undefined;
      switch (kind) {
        case 'merchant_accept':
          return endpoints.answerComplaint(c.id, { answer: 'accept', note });
        case 'merchant_reject':
          return endpoints.answerComplaint(c.id, { answer: 'reject', note });
        case 'merchant_counter':
          return endpoints.answerComplaint(c.id, {
            answer: 'counter',
            note,
            offer: { kind: v.kind ?? 'refund', amountFen: amountFen ?? 0 },
          });
        case 'decide':
        case 'regulator_mediate': {
          const body = {
            remedy: v.remedy ?? 'refund',
            note,
            ...(v.remedy === 'fraud_compensation' || amountFen === undefined ? {} : { amountFen }),
          };
          return kind === 'decide' ? endpoints.decideComplaint(c.id, body) : endpoints.regulatorMediateComplaint(c.id, body);
        }
        case 'dismiss':
          return endpoints.dismissComplaint(c.id, note);
        case 'regulator_accept':
          return endpoints.regulatorDecideComplaint(c.id, 'accept', note);
        case 'regulator_refuse':
          return endpoints.regulatorDecideComplaint(c.id, 'refuse', note);
        case 'regulator_close':
          return endpoints.regulatorCloseComplaint(c.id, note);
        case 'withdraw':
          return endpoints.withdrawComplaint(c.id, note || undefined);
        case 'escalate':
          return endpoints.escalateComplaint(c.id, note || undefined);
        default:
          throw new Error('no step');
      }
    },
    onSuccess: () => {
      message.success(t('complaint.act.done'));
      void queryClient.invalidateQueries({ queryKey: complaintKeys.all });
      void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
      form.resetFields();
      onClose();
    },
    onError: (e) => {
      if (isApiError(e) && e.field) {
        const f = e.field;
        const name = f.includes('amountFen') ? 'amount' : f === 'reason' || f === 'note' ? 'note' : f === 'remedy' ? 'remedy' : null;
        if (name) {
          form.setFields([{ name, errors: [e.message] }]);
          return;
        }
      }
      message.error(errorMessage(e, t('common.networkError')));
    },
  });
  if (!dialog || !kind) return null;
  const noteOptional = kind === 'withdraw' || kind === 'escalate';
  const isReason =
    kind === 'dismiss' || kind === 'regulator_accept' || kind === 'regulator_refuse' || kind === 'regulator_close' || kind === 'withdraw';
  // the platform's 调解台 and the regulator's 调解成立 take the same remedy form
  const isRemedy = kind === 'decide' || kind === 'regulator_mediate';
  const needsAmount = kind === 'merchant_counter' || (isRemedy && remedy !== 'fraud_compensation');
  const title = kind === 'escalate' && c.status === 'mediation_failed' ? t('complaint.act.escalateRegulator') : t(DIALOG_TITLE[kind]);
  return (
    <Modal
      open
      title={title}
      onCancel={() => {
        form.resetFields();
        onClose();
      }}
      okText={t('complaint.act.submit')}
      okButtonProps={
        {
          loading: step.isPending,
          danger: kind === 'dismiss' || kind === 'regulator_refuse' || kind === 'regulator_close',
          'data-testid': 'complaint-step-submit',
        } as never
      }
      onOk={() => void form.validateFields().then((v) => step.mutate(v))}
      destroyOnHidden
    >
      <Form<DialogValues>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'refund', remedy: c.category === 'fraud' ? 'fraud_compensation' : c.claim.kind }}
        data-testid="complaint-step-form"
      >
        {isRemedy ? (
          <Form.Item name="remedy" label={t('complaint.act.remedy')} rules={[{ required: true }]}>
            <Radio.Group
              data-testid="complaint-remedy"
              options={COMPLAINT_REMEDIES.map((r) => ({ value: r, label: t(`complaint.remedy.${r}`) }))}
            />
          </Form.Item>
        ) : null}
        {isRemedy && remedy === 'fraud_compensation' ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message={t('complaint.act.fraudComputed')}
            data-testid="complaint-fraud-computed"
          />
        ) : null}
        {kind === 'merchant_counter' ? (
          <Form.Item name="kind" label={t('complaint.act.kind')} rules={[{ required: true }]}>
            <Radio.Group optionType="button" options={CLAIM_KINDS.map((k) => ({ value: k, label: t(`complaint.claim.${k}`) }))} />
          </Form.Item>
        ) : null}
        {needsAmount ? (
          <Form.Item
            name="amount"
            label={t('complaint.act.amount')}
            rules={[{ required: true, message: t('complaint.act.required') }]}
            extra={t('complaint.act.maxAmount', { amount: formatFen(refundable) })}
          >
            <InputNumber<number> min={0.01} precision={2} prefix="¥" style={{ width: 200 }} data-testid="complaint-step-amount" />
          </Form.Item>
        ) : null}
        <Form.Item
          name="note"
          label={isReason ? t('complaint.act.reason') : noteOptional ? t('complaint.act.noteOptional') : t('complaint.act.note')}
          rules={
            noteOptional
              ? [{ min: 2, message: t('complaint.act.reasonPlaceholder') }]
              : [
                  { required: true, message: t('complaint.act.required') },
                  { min: 2, message: t('complaint.act.reasonPlaceholder') },
                ]
          }
        >
          <Input.TextArea
            rows={3}
            maxLength={1000}
            placeholder={isReason ? t('complaint.act.reasonPlaceholder') : t('complaint.act.notePlaceholder')}
            data-testid="complaint-step-note"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
