/**
 * 监管线索: a regulator's department queue — each clue's risk, the party, product or session it is about (by name),
 * what raised it in words, how many signals fed it, its department; a drawer with the evidence and the log; 移送 to
 * another department with a reason; 不予立案 with a reason. The joint office as a whole sees every department's.
 */
import { AlertOutlined } from '@ant-design/icons';
import { CLUE_RULES, type ClueRule, type ClueStatus, type ClueView } from '@livehub/contracts';
import {
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Form,
  Input,
  List,
  Segmented,
  Select,
  Space,
  type TableColumnsType,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { FormModal } from '../../components/form-modal.tsx';
import { REASON_MAX, REASON_MIN, TransferFields } from './transfer-fields.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { QueryTable } from '../../components/query-table.tsx';
import { ReasonDialog } from '../../components/reason-dialog.tsx';
import { type MessageKey, type Translate, useI18n } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { type ClueFilter, useClue, useClueDepartments, useClueSharingLog, useClues, useClueStep } from '../../queries/supervision.ts';

const RISK_COLOR: Record<number, string> = { 1: 'blue', 2: 'orange', 3: 'red' };

const ruleLabel = (t: Translate, rule: ClueRule) => t(`clues.rule.${rule}` as MessageKey);
const riskLabel = (t: Translate, risk: number) => t(`clues.risk.${risk}` as MessageKey);
const time = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/** Where a piece of evidence is read in the web app (null: no page of its own). */
function evidenceLink(e: ClueView['evidence'][number]): string | null {
  if (e.kind === 'violation') return '/violations';
  if (e.kind === 'complaint') return `/complaints/${e.id}`;
  if (e.kind === 'report') return '/reports';
  if (e.kind === 'credit_party') return '/credit/supervision';
  return null;
}

export function CluesPage() {
  const { t } = useI18n();
  const [filter, setFilter] = useState<ClueFilter>({ status: 'open', rule: null, minRisk: null });
  const [openId, setOpenId] = useState<string | null>(null);
  const clues = useClues(filter);

  const columns: TableColumnsType<ClueView> = [
    {
      title: t('clues.col.risk'),
      key: 'risk',
      width: 100,
      render: (_, c) => (
        <Tag color={RISK_COLOR[c.riskLevel]} data-testid="clue-risk">
          {riskLabel(t, c.riskLevel)}
        </Tag>
      ),
    },
    {
      title: t('clues.col.subject'),
      key: 'subject',
      render: (_, c) => (
        <Space size={6}>
          <Typography.Text strong data-testid="clue-subject">
            {c.subjectName}
          </Typography.Text>
          <Tag>{t(`clues.subject.${c.subjectKind}` as MessageKey)}</Tag>
          {c.held ? null : (
            <Tag color="purple" data-testid="clue-shared-tag">
              {t('clues.sharedToUs')}
            </Tag>
          )}
        </Space>
      ),
    },
    { title: t('clues.col.rule'), key: 'rule', width: 130, render: (_, c) => <span data-testid="clue-rule">{ruleLabel(t, c.rule)}</span> },
    { title: t('clues.col.summary'), key: 'summary', render: (_, c) => c.summary.zh },
    { title: t('clues.col.signals'), dataIndex: 'signals', width: 80, align: 'right' },
    {
      title: t('clues.col.department'),
      key: 'department',
      width: 120,
      render: (_, c) => <span data-testid="clue-department">{c.departmentName ?? t('clues.office')}</span>,
    },
    { title: t('clues.col.lastAt'), key: 'lastAt', width: 150, render: (_, c) => time(c.lastAt) },
  ];

  return (
    <>
      <PageHeader title={t('clues.title')} subtitle={t('clues.subtitle')} testId="clues-title" />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Segmented<ClueStatus | 'any'>
            value={filter.status ?? 'any'}
            onChange={(v) => setFilter({ ...filter, status: v === 'any' ? null : v })}
            options={[
              { value: 'open', label: t('clues.status.open') },
              { value: 'dismissed', label: t('clues.status.dismissed') },
              { value: 'filed', label: t('clues.status.filed') },
              { value: 'any', label: t('clues.filter.any') },
            ]}
            data-testid="clues-status"
          />
          <Select<ClueRule | 'any'>
            value={filter.rule ?? 'any'}
            style={{ width: 160 }}
            onChange={(v) => setFilter({ ...filter, rule: v === 'any' ? null : v })}
            options={[
              { value: 'any', label: `${t('clues.filter.rule')}：${t('clues.filter.any')}` },
              ...CLUE_RULES.map((r) => ({ value: r, label: ruleLabel(t, r) })),
            ]}
            data-testid="clues-rule"
          />
          <Select<number>
            value={filter.minRisk ?? 0}
            style={{ width: 150 }}
            onChange={(v) => setFilter({ ...filter, minRisk: v === 0 ? null : v })}
            options={[
              { value: 0, label: `${t('clues.filter.risk')}：${t('clues.filter.any')}` },
              { value: 2, label: t('clues.riskAtLeast', { level: riskLabel(t, 2) }) },
              { value: 3, label: riskLabel(t, 3) },
            ]}
            data-testid="clues-risk"
          />
        </Space>
        <QueryTable<ClueView>
          query={clues}
          rowKey="id"
          columns={columns}
          dataSource={clues.data ?? []}
          pagination={(clues.data?.length ?? 0) > 20 ? { pageSize: 20 } : false}
          locale={{ emptyText: t('clues.empty') }}
          scroll={{ x: 960 }}
          onRow={(c) =>
            ({ onClick: () => setOpenId(c.id), style: { cursor: 'pointer' }, 'data-testid': 'clue-row', 'data-clue-id': c.id }) as never
          }
          data-testid="clues-table"
        />
      </Card>
      <SharingLogCard />
      <ClueDrawer id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}

/** 信息共享记录: what was sent to, shared with or read from the caller's department, by whom and why. */
function SharingLogCard() {
  const { t } = useI18n();
  const log = useClueSharingLog();
  type Row = NonNullable<typeof log.data>[number];
  const columns: TableColumnsType<Row> = [
    { title: t('clues.sharing.at'), key: 'at', width: 150, render: (_, e) => time(e.at) },
    { title: t('clues.sharing.action'), key: 'action', width: 90, render: (_, e) => <Tag>{t(`clues.log.${e.action}` as MessageKey)}</Tag> },
    { title: t('clues.sharing.clue'), key: 'clue', render: (_, e) => `${e.clueSubjectName} · ${ruleLabel(t, e.clueRule)}` },
    {
      title: t('clues.sharing.route'),
      key: 'route',
      render: (_, e) => t('clues.log.fromTo', { from: e.fromDepartment ?? t('clues.office'), to: e.toDepartment ?? t('clues.office') }),
    },
    { title: t('clues.sharing.actor'), key: 'actor', width: 140, render: (_, e) => e.actorName ?? t('clues.log.system') },
    { title: t('clues.sharing.note'), key: 'note', render: (_, e) => e.note ?? '—' },
  ];
  return (
    <Card title={t('clues.sharing.title')} style={{ marginTop: 16 }}>
      <QueryTable<Row>
        query={log}
        rowKey={(e) => `${e.at}-${e.clueId}-${e.action}-${e.toDepartment ?? ''}-${e.actorName ?? ''}`}
        columns={columns}
        dataSource={log.data ?? []}
        pagination={(log.data?.length ?? 0) > 10 ? { pageSize: 10 } : false}
        locale={{ emptyText: t('clues.sharing.empty') }}
        scroll={{ x: 900 }}
        data-testid="clues-sharing-log"
      />
    </Card>
  );
}

function ClueDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const detail = useClue(id ?? '', { enabled: id !== null });
  const departments = useClueDepartments({ enabled: id !== null });
  const step = useClueStep();
  const [dialog, setDialog] = useState<'transfer' | 'share' | 'dismiss' | null>(null);
  const [shareForm] = Form.useForm<{ departmentCodes: string[]; reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ departmentCode: string; reason: string }>();
  const clue = detail.data?.clue;
  const others = (departments.data ?? []).filter((d) => d.code !== clue?.departmentCode);

  const close = () => {
    setDialog(null);
    setError(null);
  };
  const transfer = (v: { departmentCode: string; reason: string }) => {
    if (!clue) return;
    step.mutate(
      { id: clue.id, kind: 'transfer', departmentCode: v.departmentCode, reason: v.reason.trim() },
      {
        onSuccess: (c) => {
          close();
          onClose();
          void message.success(t('clues.transfer.done', { department: c.departmentName ?? t('clues.office') }));
        },
        onError: (e) => setError(errorMessage(e, t('common.networkError'))),
      },
    );
  };
  const share = (v: { departmentCodes: string[]; reason: string }) => {
    if (!clue) return;
    step.mutate(
      { id: clue.id, kind: 'share', departmentCodes: v.departmentCodes, reason: v.reason.trim() },
      {
        onSuccess: (c) => {
          close();
          shareForm.resetFields();
          void message.success(t('clues.share.done', { departments: c.sharedWith.join('、') }));
        },
        onError: (e) => setError(errorMessage(e, t('common.networkError'))),
      },
    );
  };
  const dismiss = (reason: string) => {
    if (!clue) return;
    step.mutate(
      { id: clue.id, kind: 'dismiss', reason },
      {
        onSuccess: () => {
          close();
          void message.success(t('clues.dismiss.done'));
        },
        onError: (e) => setError(errorMessage(e, t('common.networkError'))),
      },
    );
  };

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={640}
      title={
        <Space>
          <AlertOutlined />
          {t('clues.detail.title')}
        </Space>
      }
      extra={
        clue && !clue.held ? (
          <Tag color="purple">{t('clues.sharedReadOnly')}</Tag>
        ) : clue?.status === 'open' ? (
          <Space>
            <Button onClick={() => setDialog('transfer')} disabled={others.length === 0} data-testid="clue-transfer">
              {t('clues.transfer')}
            </Button>
            <Button onClick={() => setDialog('share')} disabled={others.length === 0} data-testid="clue-share">
              {t('clues.share')}
            </Button>
            <Button danger onClick={() => setDialog('dismiss')} data-testid="clue-dismiss">
              {t('clues.dismiss')}
            </Button>
          </Space>
        ) : null
      }
      data-testid="clue-drawer"
    >
      {detail.isError ? <QueryError error={detail.error} onRetry={() => void detail.refetch()} /> : null}
      {clue ? (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('clues.col.subject')}>
              <Space size={6}>
                <Typography.Text strong>{clue.subjectName}</Typography.Text>
                <Tag>{t(`clues.subject.${clue.subjectKind}` as MessageKey)}</Tag>
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('clues.col.rule')}>
              <Space size={6}>
                {ruleLabel(t, clue.rule)}
                <Tag color={RISK_COLOR[clue.riskLevel]}>{riskLabel(t, clue.riskLevel)}</Tag>
                <Tag color={clue.status === 'open' ? 'processing' : 'default'}>{t(`clues.status.${clue.status}` as MessageKey)}</Tag>
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('clues.col.summary')}>
              <span data-testid="clue-summary">{clue.summary.zh}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('clues.col.department')}>
              <span data-testid="clue-drawer-department">{clue.departmentName ?? t('clues.office')}</span>
            </Descriptions.Item>
            {clue.sharedWith.length > 0 ? (
              <Descriptions.Item label={t('clues.detail.sharedWith')}>
                <span data-testid="clue-shared-with">{clue.sharedWith.join('、')}</span>
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('clues.col.signals')}>{clue.signals}</Descriptions.Item>
            <Descriptions.Item label={t('clues.detail.firstAt')}>{time(clue.firstAt)}</Descriptions.Item>
            <Descriptions.Item label={t('clues.col.lastAt')}>{time(clue.lastAt)}</Descriptions.Item>
            {clue.closingReason ? (
              <Descriptions.Item label={t('clues.detail.closingReason')}>{clue.closingReason}</Descriptions.Item>
            ) : null}
          </Descriptions>
          <Card size="small" title={t('clues.detail.evidence')}>
            <List
              size="small"
              dataSource={clue.evidence}
              renderItem={(e) => {
                const link = evidenceLink(e);
                return (
                  <List.Item
                    extra={
                      link ? (
                        <Typography.Link href={link} target="_blank">
                          {t('clues.evidence.open')}
                        </Typography.Link>
                      ) : null
                    }
                  >
                    <Space size={8}>
                      <Tag>{t(`clues.evidence.${e.kind}` as MessageKey)}</Tag>
                      <Typography.Text type="secondary">{time(e.at)}</Typography.Text>
                    </Space>
                  </List.Item>
                );
              }}
              data-testid="clue-evidence"
            />
          </Card>
          <Card size="small" title={t('clues.detail.log')}>
            <Timeline
              data-testid="clue-log"
              items={(detail.data?.entries ?? []).map((e) => ({
                color:
                  e.action === 'dismissed' || e.action === 'viewed'
                    ? 'gray'
                    : e.action === 'transferred' || e.action === 'shared'
                      ? 'orange'
                      : 'blue',
                children: (
                  <Space direction="vertical" size={0}>
                    <Space size={8}>
                      <Typography.Text strong>{t(`clues.log.${e.action}` as MessageKey)}</Typography.Text>
                      <Typography.Text type="secondary">{time(e.at)}</Typography.Text>
                      <Typography.Text type="secondary">{e.actorName ?? t('clues.log.system')}</Typography.Text>
                    </Space>
                    {(e.action === 'transferred' || e.action === 'shared' || e.action === 'viewed') && e.toDepartment ? (
                      <Typography.Text>
                        {t('clues.log.fromTo', { from: e.fromDepartment ?? t('clues.office'), to: e.toDepartment })}
                      </Typography.Text>
                    ) : e.action === 'transferred' && e.fromDepartment && e.toDepartment ? (
                      <Typography.Text>{t('clues.log.fromTo', { from: e.fromDepartment, to: e.toDepartment })}</Typography.Text>
                    ) : e.toDepartment ? (
                      <Typography.Text>{t('clues.log.to', { department: e.toDepartment })}</Typography.Text>
                    ) : null}
                    {e.note ? <Typography.Text>{e.note}</Typography.Text> : null}
                  </Space>
                ),
              }))}
            />
          </Card>
        </Space>
      ) : null}
      <FormModal<{ departmentCodes: string[]; reason: string }>
        open={dialog === 'share'}
        title={t('clues.share.title')}
        onClose={close}
        form={shareForm}
        onFinish={share}
        pending={step.isPending}
        okText={t('clues.share')}
        okTestId="clue-share-submit"
        testId="clue-share-modal"
        onValuesChange={() => setError(null)}
        error={error}
        errorTestId="clue-share-error"
        intro={t('clues.share.intro')}
      >
        <Form.Item
          name="departmentCodes"
          label={t('clues.share.departments')}
          rules={[{ required: true, message: t('clues.transfer.departmentRequired') }]}
        >
          <Select mode="multiple" options={others.map((d) => ({ value: d.code, label: d.name }))} data-testid="clue-share-departments" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('clues.share.reason')}
          rules={[
            { required: true, whitespace: true, message: t('clues.transfer.reasonRequired') },
            { min: REASON_MIN, message: t('clues.dismiss.reasonTooShort', { min: REASON_MIN }) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={REASON_MAX} data-testid="clue-share-reason" />
        </Form.Item>
      </FormModal>
      <FormModal<{ departmentCode: string; reason: string }>
        open={dialog === 'transfer'}
        title={t('clues.transfer.title')}
        onClose={close}
        form={form}
        onFinish={transfer}
        pending={step.isPending}
        okText={t('clues.transfer')}
        okTestId="clue-transfer-submit"
        testId="clue-transfer-modal"
        onValuesChange={() => setError(null)}
        error={error}
        errorTestId="clue-transfer-error"
      >
        <TransferFields departments={others} testIdPrefix="clue" placeholder={t('clues.transfer.reasonPlaceholder')} />
      </FormModal>
      <ReasonDialog
        open={dialog === 'dismiss'}
        resetKey={clue?.id}
        title={t('clues.dismiss.title')}
        hint={t('clues.dismiss.hint')}
        label={t('clues.dismiss.reason')}
        placeholder={t('clues.dismiss.placeholder')}
        rules={[
          { required: true, whitespace: true, message: t('clues.dismiss.reasonRequired') },
          { min: REASON_MIN, message: t('clues.dismiss.reasonTooShort', { min: REASON_MIN }) },
        ]}
        maxLength={REASON_MAX}
        isValid={(trimmed) => trimmed.length >= REASON_MIN}
        submitLabel={t('clues.dismiss')}
        danger
        loading={step.isPending}
        error={error}
        testIds={{ modal: 'clue-dismiss-modal', input: 'clue-dismiss-reason', submit: 'clue-dismiss-submit', error: 'clue-dismiss-error' }}
        onCancel={close}
        onSubmit={dismiss}
      />
    </Drawer>
  );
}
