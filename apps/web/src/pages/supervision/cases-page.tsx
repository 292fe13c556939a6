/**
 * 案件 (docs/supervision.md "Cases"): a regulator's department's cases — 立案 from an open clue, then in the drawer
 * the steps (调查取证 → 告知 → 陈述申辩 → 处罚决定 → 执行 → 结案), the evidence with its content and chain hashes,
 * the log, and the action the case's state allows; the decision document (PDF) to download.
 */
import { FileSearchOutlined } from '@ant-design/icons';
import {
  CASE_EVIDENCE_KINDS,
  type CaseDecide,
  type CaseEvidenceKind,
  type CaseMeasure,
  type CaseStatus,
  type CaseView,
  type ClueView,
} from '@livehub/contracts';
import {
  App,
  Alert,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Steps,
  Table,
  type TableColumnsType,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { FormModal } from '../../components/form-modal.tsx';
import { REASON_MAX, TransferFields } from './transfer-fields.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { QueryTable } from '../../components/query-table.tsx';
import { type MessageKey, type Translate, useI18n } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { useCase, useCases, useCaseStep, useClueDepartments, useClues } from '../../queries/supervision.ts';

const time = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');
const STATUS_COLOR: Record<CaseStatus, string> = {
  investigating: 'processing',
  notified: 'warning',
  stated: 'cyan',
  decided: 'magenta',
  executed: 'green',
  closed: 'default',
};
const STEP_OF: Record<CaseStatus, number> = { investigating: 0, notified: 1, stated: 2, decided: 3, executed: 4, closed: 5 };
export const statusLabel = (t: Translate, s: CaseStatus) => t(`cases.status.${s}` as MessageKey);
export const measureText = (t: Translate, m: CaseMeasure, productName: string | null): string => {
  const label = t(`cases.measure.${m.kind}` as MessageKey);
  if (m.kind === 'fine') return `${label} ¥${(m.amountFen / 100).toFixed(2)}`;
  if (m.kind === 'suspend_live') return `${label} ${m.days} ${t('cases.days')}`;
  if (m.kind === 'rectify') return `${label}：${m.requirement}`;
  if (m.kind === 'takedown') return `${label}「${productName ?? t('cases.theProduct')}」`;
  return label;
};

export function CasesPage() {
  const { t } = useI18n();
  const cases = useCases();
  // ?case=<id> (the inbox's link for a case transferred or shared to the department) opens its drawer
  const [params, setParams] = useSearchParams();
  const [openId, setOpenIdState] = useState<string | null>(() => params.get('case'));
  const setOpenId = (id: string | null) => {
    setOpenIdState(id);
    if (id === null && params.has('case')) setParams({}, { replace: true });
  };
  const [filing, setFiling] = useState(false);

  const columns: TableColumnsType<CaseView> = [
    { title: t('cases.col.caseNo'), key: 'no', width: 210, render: (_, c) => <span data-testid="case-no">{c.caseNo}</span> },
    {
      title: t('cases.col.party'),
      key: 'party',
      render: (_, c) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong data-testid="case-party">
            {c.partyName}
          </Typography.Text>
          {c.subjectName ? <Typography.Text type="secondary">{c.subjectName}</Typography.Text> : null}
        </Space>
      ),
    },
    { title: t('cases.col.summary'), dataIndex: 'summary' },
    {
      title: t('cases.col.status'),
      key: 'status',
      width: 110,
      render: (_, c) => (
        <Tag color={STATUS_COLOR[c.status]} data-testid="case-status">
          {statusLabel(t, c.status)}
        </Tag>
      ),
    },
    {
      title: t('cases.col.department'),
      key: 'dept',
      width: 150,
      render: (_, c) => (
        <Space size={4}>
          {c.departmentName ?? t('clues.office')}
          {c.held ? null : <Tag color="purple">{t('cases.joint.tag')}</Tag>}
        </Space>
      ),
    },
    { title: t('cases.col.openedAt'), key: 'at', width: 150, render: (_, c) => time(c.openedAt) },
  ];

  return (
    <>
      <PageHeader
        title={t('cases.title')}
        subtitle={t('cases.subtitle')}
        testId="cases-title"
        extra={
          <Button type="primary" onClick={() => setFiling(true)} data-testid="case-open">
            {t('cases.open')}
          </Button>
        }
      />
      <Card>
        <QueryTable<CaseView>
          query={cases}
          rowKey="id"
          columns={columns}
          dataSource={cases.data ?? []}
          pagination={(cases.data?.length ?? 0) > 20 ? { pageSize: 20 } : false}
          locale={{ emptyText: t('cases.empty') }}
          scroll={{ x: 960 }}
          onRow={(c) => ({ onClick: () => setOpenId(c.id), style: { cursor: 'pointer' }, 'data-testid': 'case-row' }) as never}
          data-testid="cases-table"
        />
      </Card>
      <OpenCaseModal open={filing} onClose={() => setFiling(false)} onOpened={(id) => setOpenId(id)} />
      <CaseDrawer id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}

function OpenCaseModal({ open, onClose, onOpened }: { open: boolean; onClose: () => void; onOpened: (id: string) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ clueId: string; summary: string }>();
  const clues = useClues({ status: 'open', rule: null, minRisk: null }, { enabled: open });
  const step = useCaseStep();
  const [error, setError] = useState<string | null>(null);
  const label = (c: ClueView) => `${c.subjectName} · ${t(`clues.rule.${c.rule}` as MessageKey)} · ${c.summary.zh}`;
  return (
    <FormModal<{ clueId: string; summary: string }>
      open={open}
      title={t('cases.open.title')}
      onClose={() => {
        setError(null);
        onClose();
      }}
      form={form}
      onFinish={(v) =>
        step.mutate(
          { kind: 'open', clueId: v.clueId, summary: v.summary.trim() },
          {
            onSuccess: (c) => {
              form.resetFields();
              onClose();
              onOpened((c as CaseView).id);
            },
            onError: (e) => setError(errorMessage(e, t('common.networkError'))),
          },
        )
      }
      pending={step.isPending}
      okText={t('cases.open')}
      okTestId="case-open-submit"
      testId="case-open-modal"
      onValuesChange={() => setError(null)}
      error={error}
      errorTestId="case-open-error"
    >
      <Form.Item name="clueId" label={t('cases.open.clue')} rules={[{ required: true, message: t('cases.open.clueRequired') }]}>
        <Select
          showSearch
          optionFilterProp="label"
          options={(clues.data ?? []).map((c) => ({ value: c.id, label: label(c) }))}
          data-testid="case-open-clue"
        />
      </Form.Item>
      <Form.Item
        name="summary"
        label={t('cases.col.summary')}
        rules={[{ required: true, whitespace: true, min: 4, message: t('cases.required4') }]}
      >
        <Input.TextArea rows={2} maxLength={2000} placeholder={t('cases.open.summaryPlaceholder')} data-testid="case-open-summary" />
      </Form.Item>
    </FormModal>
  );
}

type Dialog = 'evidence' | 'notify' | 'decide' | 'transfer' | 'joint' | null;

function CaseDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const detail = useCase(id ?? '', { enabled: id !== null });
  const step = useCaseStep();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [error, setError] = useState<string | null>(null);
  const departments = useClueDepartments({ enabled: id !== null });
  const [transferForm] = Form.useForm<{ departmentCode: string; reason: string }>();
  const [jointForm] = Form.useForm<{ departmentCodes: string[]; note?: string }>();
  const c = detail.data?.case;
  const others = (departments.data ?? []).filter((d) => d.code !== c?.departmentCode);
  const invitable = others.filter((d) => !c?.jointDepartments.some((j) => j.code === d.code));
  const close = () => {
    setDialog(null);
    setError(null);
  };
  const run = (s: Parameters<typeof step.mutate>[0], done: MessageKey) =>
    step.mutate(s, {
      onSuccess: () => {
        close();
        void message.success(t(done));
      },
      onError: (e) => {
        const text = errorMessage(e, t('common.networkError'));
        if (dialog) setError(text);
        else void message.error(text);
      },
    });

  const actions = !c ? null : !c.held ? (
    <Space>
      <Tag color="purple" data-testid="case-joint-tag">
        {t('cases.joint.readOnly')}
      </Tag>
      {c.status === 'investigating' ? (
        <Button onClick={() => setDialog('evidence')} data-testid="case-add-evidence">
          {t('cases.action.evidence')}
        </Button>
      ) : null}
    </Space>
  ) : (
    <Space>
      {c.status !== 'closed' ? (
        <>
          <Button onClick={() => setDialog('joint')} disabled={invitable.length === 0} data-testid="case-joint">
            {t('cases.action.joint')}
          </Button>
          <Button onClick={() => setDialog('transfer')} disabled={others.length === 0} data-testid="case-transfer">
            {t('cases.action.transfer')}
          </Button>
        </>
      ) : null}
      {c.status === 'investigating' ? (
        <>
          <Button onClick={() => setDialog('evidence')} data-testid="case-add-evidence">
            {t('cases.action.evidence')}
          </Button>
          <Button type="primary" onClick={() => setDialog('notify')} disabled={c.evidenceCount === 0} data-testid="case-notify">
            {t('cases.action.notify')}
          </Button>
        </>
      ) : null}
      {c.status === 'stated' || c.status === 'notified' ? (
        <Button type="primary" onClick={() => setDialog('decide')} data-testid="case-decide">
          {t('cases.action.decide')}
        </Button>
      ) : null}
      {c.status === 'decided' ? (
        <Button
          type="primary"
          danger
          onClick={() => run({ kind: 'execute', id: c.id }, 'cases.done.execute')}
          loading={step.isPending}
          data-testid="case-execute"
        >
          {t('cases.action.execute')}
        </Button>
      ) : null}
      {c.status === 'executed' ? (
        <Button onClick={() => run({ kind: 'close', id: c.id }, 'cases.done.close')} loading={step.isPending} data-testid="case-close">
          {t('cases.action.close')}
        </Button>
      ) : null}
    </Space>
  );

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={860}
      title={
        <Space>
          <FileSearchOutlined />
          {c ? c.caseNo : t('cases.title')}
        </Space>
      }
      extra={actions}
      data-testid="case-drawer"
    >
      {detail.isError ? <QueryError error={detail.error} onRetry={() => void detail.refetch()} /> : null}
      {c && detail.data ? (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Steps
            size="small"
            current={STEP_OF[c.status]}
            status={c.status === 'closed' ? 'finish' : 'process'}
            items={(['investigating', 'notified', 'stated', 'decided', 'executed', 'closed'] as const).map((s) => ({
              title: s === 'stated' && c.statementLapsed ? t('cases.lapsed') : statusLabel(t, s),
            }))}
            data-testid="case-steps"
          />
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('cases.col.party')}>
              <span data-testid="case-drawer-party">{c.partyName}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('cases.col.status')}>
              <Tag color={STATUS_COLOR[c.status]} data-testid="case-drawer-status">
                {statusLabel(t, c.status)}
              </Tag>
            </Descriptions.Item>
            {c.subjectName ? <Descriptions.Item label={t('cases.subject')}>{c.subjectName}</Descriptions.Item> : null}
            <Descriptions.Item label={t('cases.col.department')}>{c.departmentName ?? t('clues.office')}</Descriptions.Item>
            <Descriptions.Item label={t('cases.joint')}>
              <span data-testid="case-joint-departments">
                {c.jointDepartments.length > 0 ? c.jointDepartments.map((d) => d.name).join('、') : t('cases.joint.none')}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('cases.col.summary')} span={2}>
              {c.summary}
            </Descriptions.Item>
            {c.notice ? (
              <>
                <Descriptions.Item label={t('cases.notice.facts')} span={2}>
                  {c.notice.facts}
                </Descriptions.Item>
                <Descriptions.Item label={t('cases.notice.intended')}>{c.notice.intended}</Descriptions.Item>
                <Descriptions.Item label={t('cases.notice.due')}>
                  <span data-testid="case-due">{time(c.notice.defenceDueAt)}</span>
                </Descriptions.Item>
              </>
            ) : null}
            {c.statement ? (
              <Descriptions.Item label={t('cases.statement')} span={2}>
                <Space direction="vertical" size={2}>
                  <span data-testid="case-statement">{c.statement.text}</span>
                  {c.statement.documentIds.map((d, i) => (
                    <Typography.Link key={d} href={`/api/documents/${d}/content`} target="_blank" data-testid="case-statement-doc">
                      {t('cases.document', { n: i + 1 })}
                    </Typography.Link>
                  ))}
                </Space>
              </Descriptions.Item>
            ) : c.statementLapsed ? (
              <Descriptions.Item label={t('cases.statement')} span={2}>
                {t('cases.lapsed')}
              </Descriptions.Item>
            ) : null}
            {c.decision ? (
              <Descriptions.Item label={t('cases.decision')} span={2}>
                <Space direction="vertical" size={2}>
                  {c.decision.measures.map((m) => (
                    <Typography.Text key={m.kind} data-testid="case-measure">
                      {measureText(t, m, c.subjectName)}
                    </Typography.Text>
                  ))}
                  <Typography.Link href={`/api/supervision/cases/${c.id}/decision.pdf`} data-testid="case-pdf">
                    {t('cases.download')}
                  </Typography.Link>
                </Space>
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <Card
            size="small"
            title={t('cases.evidence')}
            extra={
              <Tag color={detail.data.chainValid ? 'green' : 'red'} data-testid="case-chain">
                {detail.data.chainValid ? t('cases.chain.valid') : t('cases.chain.broken')}
              </Tag>
            }
          >
            <Table
              size="small"
              rowKey="seq"
              pagination={false}
              dataSource={detail.data.evidence}
              locale={{ emptyText: t('cases.evidence.empty') }}
              columns={[
                { title: '#', dataIndex: 'seq', width: 40 },
                {
                  title: t('cases.evidence.kind'),
                  key: 'kind',
                  width: 100,
                  render: (_, e) => <Tag>{t(`cases.evidence.${e.kind}` as MessageKey)}</Tag>,
                },
                {
                  title: t('cases.evidence.what'),
                  key: 'what',
                  render: (_, e) => <span data-testid="case-evidence-summary">{e.summary}</span>,
                },
                {
                  title: t('cases.evidence.hashes'),
                  key: 'hash',
                  width: 230,
                  render: (_, e) => (
                    <Space direction="vertical" size={0}>
                      <Typography.Text code copyable={{ text: e.contentHash }}>
                        {t('cases.evidence.content')} {e.contentHash.slice(0, 12)}…
                      </Typography.Text>
                      <Typography.Text code copyable={{ text: e.hash }} data-testid="case-evidence-hash">
                        {t('cases.evidence.chain')} {e.hash.slice(0, 12)}…
                      </Typography.Text>
                    </Space>
                  ),
                },
              ]}
              data-testid="case-evidence"
            />
          </Card>
          <Card size="small" title={t('cases.log')}>
            <Timeline
              data-testid="case-log"
              items={detail.data.entries.map((e) => ({
                children: (
                  <Space size={8} wrap>
                    <Typography.Text strong>{t(`cases.log.${e.action}` as MessageKey)}</Typography.Text>
                    {e.action === 'transferred' && e.toDepartmentName ? (
                      <Typography.Text>
                        {t('cases.log.fromTo', { from: e.fromDepartmentName ?? '', to: e.toDepartmentName })}
                      </Typography.Text>
                    ) : e.action === 'joined' && e.toDepartmentName ? (
                      <Typography.Text>{e.toDepartmentName}</Typography.Text>
                    ) : null}
                    {(e.action === 'transferred' || e.action === 'joined') && e.note ? (
                      <Typography.Text type="secondary">{e.note}</Typography.Text>
                    ) : null}
                    <Typography.Text type="secondary">{time(e.at)}</Typography.Text>
                    <Typography.Text type="secondary">{e.actorName ?? t('clues.log.system')}</Typography.Text>
                  </Space>
                ),
              }))}
            />
          </Card>
        </Space>
      ) : null}
      {c ? (
        <>
          <EvidenceModal open={dialog === 'evidence'} caseId={c.id} clueId={c.clueId} onClose={close} />
          <NotifyModal
            open={dialog === 'notify'}
            onClose={close}
            pending={step.isPending}
            error={error}
            onSubmit={(body) => run({ kind: 'notify', id: c.id, body }, 'cases.done.notify')}
          />
          <DecideModal
            open={dialog === 'decide'}
            c={c}
            onClose={close}
            pending={step.isPending}
            error={error}
            onSubmit={(body) => run({ kind: 'decide', id: c.id, body }, 'cases.done.decide')}
          />
          <FormModal<{ departmentCode: string; reason: string }>
            open={dialog === 'transfer'}
            title={t('cases.transfer.title')}
            onClose={close}
            form={transferForm}
            onFinish={(v) =>
              run(
                { kind: 'transfer', id: c.id, body: { departmentCode: v.departmentCode, reason: v.reason.trim() } },
                'cases.done.transfer',
              )
            }
            pending={step.isPending}
            okText={t('cases.action.transfer')}
            okTestId="case-transfer-submit"
            testId="case-transfer-modal"
            onValuesChange={() => setError(null)}
            error={error}
            errorTestId="case-transfer-error"
            intro={t('cases.transfer.intro')}
          >
            <TransferFields departments={others} testIdPrefix="case" />
          </FormModal>
          <FormModal<{ departmentCodes: string[]; note?: string }>
            open={dialog === 'joint'}
            title={t('cases.joint.title')}
            onClose={close}
            form={jointForm}
            onFinish={(v) =>
              run(
                {
                  kind: 'joint',
                  id: c.id,
                  body: { departmentCodes: v.departmentCodes, ...(v.note?.trim() ? { note: v.note.trim() } : {}) },
                },
                'cases.done.joint',
              )
            }
            pending={step.isPending}
            okText={t('cases.action.joint')}
            okTestId="case-joint-submit"
            testId="case-joint-modal"
            onValuesChange={() => setError(null)}
            error={error}
            errorTestId="case-joint-error"
            intro={t('cases.joint.intro')}
          >
            <Form.Item
              name="departmentCodes"
              label={t('cases.joint.departments')}
              rules={[{ required: true, message: t('clues.transfer.departmentRequired') }]}
            >
              <Select
                mode="multiple"
                options={invitable.map((d) => ({ value: d.code, label: d.name }))}
                data-testid="case-joint-departments-select"
              />
            </Form.Item>
            <Form.Item name="note" label={t('cases.joint.note')}>
              <Input.TextArea rows={2} maxLength={REASON_MAX} data-testid="case-joint-note" />
            </Form.Item>
          </FormModal>
        </>
      ) : null}
    </Drawer>
  );
}

/** Evidence from the clue's own links (by kind and time), or any item of the chain by its number. */
function EvidenceModal({ open, caseId, clueId, onClose }: { open: boolean; caseId: string; clueId: string; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ pick?: string; kind?: CaseEvidenceKind; refId?: string; note?: string }>();
  const clues = useClues({ status: null, rule: null, minRisk: null }, { enabled: open });
  const clue = clues.data?.find((c) => c.id === clueId);
  const fromClue = (clue?.evidence ?? []).filter((e) => e.kind === 'violation' || e.kind === 'complaint' || e.kind === 'order');
  const step = useCaseStep();
  const [error, setError] = useState<string | null>(null);
  return (
    <FormModal<{ pick?: string; kind?: CaseEvidenceKind; refId?: string; note?: string }>
      open={open}
      title={t('cases.action.evidence')}
      onClose={() => {
        setError(null);
        onClose();
      }}
      form={form}
      onFinish={(v) => {
        const [kind, refId] = v.pick ? (v.pick.split(':') as [CaseEvidenceKind, string]) : [v.kind, v.refId?.trim()];
        if (!kind || !refId) {
          setError(t('cases.evidence.pickRequired'));
          return;
        }
        step.mutate(
          { kind: 'evidence', id: caseId, body: { kind, refId, ...(v.note?.trim() ? { note: v.note.trim() } : {}) } },
          {
            onSuccess: () => {
              form.resetFields();
              onClose();
            },
            onError: (e) => setError(errorMessage(e, t('common.networkError'))),
          },
        );
      }}
      pending={step.isPending}
      okText={t('cases.action.evidence')}
      okTestId="case-evidence-submit"
      testId="case-evidence-modal"
      onValuesChange={() => setError(null)}
      error={error}
      errorTestId="case-evidence-error"
    >
      <Form.Item name="pick" label={t('cases.evidence.fromClue')}>
        <Select
          allowClear
          options={fromClue.map((e, i) => ({
            value: `${e.kind}:${e.id}`,
            label: `${i + 1}. ${t(`cases.evidence.${e.kind}` as MessageKey)} · ${time(e.at)}`,
          }))}
          data-testid="case-evidence-pick"
        />
      </Form.Item>
      <Space.Compact style={{ width: '100%' }}>
        <Form.Item name="kind" label={t('cases.evidence.kind')} style={{ width: 160 }}>
          <Select
            options={CASE_EVIDENCE_KINDS.map((k) => ({ value: k, label: t(`cases.evidence.${k}` as MessageKey) }))}
            data-testid="case-evidence-kind"
          />
        </Form.Item>
        <Form.Item name="refId" label={t('cases.evidence.ref')} style={{ flex: 1 }}>
          <Input placeholder={t('cases.evidence.refPlaceholder')} data-testid="case-evidence-ref" />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="note" label={t('cases.evidence.note')}>
        <Input maxLength={500} data-testid="case-evidence-note" />
      </Form.Item>
    </FormModal>
  );
}

function NotifyModal(props: {
  open: boolean;
  onClose: () => void;
  pending: boolean;
  error: string | null;
  onSubmit: (b: { facts: string; intended: string; legalBasis: string }) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ facts: string; intended: string; legalBasis: string }>();
  const req = (min: number) => [{ required: true, whitespace: true, min, message: t(min === 4 ? 'cases.required4' : 'cases.required2') }];
  return (
    <FormModal<{ facts: string; intended: string; legalBasis: string }>
      open={props.open}
      title={t('cases.action.notify')}
      onClose={props.onClose}
      form={form}
      onFinish={(v) => props.onSubmit({ facts: v.facts.trim(), intended: v.intended.trim(), legalBasis: v.legalBasis.trim() })}
      pending={props.pending}
      okText={t('cases.action.notify')}
      okTestId="case-notify-submit"
      testId="case-notify-modal"
      error={props.error}
      errorTestId="case-notify-error"
    >
      <Alert type="info" showIcon message={t('cases.notify.hint')} style={{ marginBottom: 12 }} />
      <Form.Item name="facts" label={t('cases.notice.facts')} rules={req(4)}>
        <Input.TextArea rows={3} maxLength={4000} data-testid="case-notify-facts" />
      </Form.Item>
      <Form.Item name="intended" label={t('cases.notice.intended')} rules={req(2)}>
        <Input.TextArea rows={2} maxLength={2000} data-testid="case-notify-intended" />
      </Form.Item>
      <Form.Item name="legalBasis" label={t('cases.legalBasis')} rules={req(2)}>
        <Input maxLength={1000} data-testid="case-notify-basis" />
      </Form.Item>
    </FormModal>
  );
}

interface DecideForm {
  kinds: CaseMeasure['kind'][];
  fineYuan?: number;
  requirement?: string;
  days?: number;
  reasoning: string;
  legalBasis: string;
}

function DecideModal(props: {
  open: boolean;
  c: CaseView;
  onClose: () => void;
  pending: boolean;
  error: string | null;
  onSubmit: (b: CaseDecide) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<DecideForm>();
  const kinds = Form.useWatch('kinds', form) ?? [];
  const { c } = props;
  const allowed = (k: CaseMeasure['kind']) =>
    k === 'takedown'
      ? c.subjectKind === 'product' && c.partyKind === 'organization'
      : k === 'suspend_live' || k === 'revoke_certification'
        ? c.partyKind === 'user'
        : true;
  const submit = (v: DecideForm) => {
    const measures: CaseMeasure[] = v.kinds.map((k): CaseMeasure => {
      if (k === 'fine') return { kind: 'fine', amountFen: Math.round((v.fineYuan ?? 0) * 100) };
      if (k === 'rectify') return { kind: 'rectify', requirement: (v.requirement ?? '').trim() };
      if (k === 'takedown') return { kind: 'takedown', productId: c.subjectId as string };
      if (k === 'suspend_live') return { kind: 'suspend_live', days: v.days ?? 1 };
      return { kind: k };
    });
    props.onSubmit({ measures, reasoning: v.reasoning.trim(), legalBasis: v.legalBasis.trim() });
  };
  return (
    <FormModal<DecideForm>
      open={props.open}
      title={t('cases.action.decide')}
      onClose={props.onClose}
      form={form}
      onFinish={submit}
      pending={props.pending}
      okText={t('cases.action.decide')}
      okTestId="case-decide-submit"
      testId="case-decide-modal"
      error={props.error}
      errorTestId="case-decide-error"
    >
      {c.statementLapsed || (c.status === 'notified' && !c.statement) ? (
        <Alert type="warning" showIcon message={t('cases.decide.noStatement')} style={{ marginBottom: 12 }} />
      ) : null}
      <Form.Item name="kinds" label={t('cases.decide.measures')} rules={[{ required: true, message: t('cases.decide.measuresRequired') }]}>
        <Checkbox.Group
          options={(['warning', 'fine', 'rectify', 'takedown', 'suspend_live', 'revoke_certification'] as const).map((k) => ({
            value: k,
            label:
              k === 'takedown' && c.subjectName
                ? `${t('cases.measure.takedown')}「${c.subjectName}」`
                : t(`cases.measure.${k}` as MessageKey),
            disabled: !allowed(k),
          }))}
          data-testid="case-decide-measures"
        />
      </Form.Item>
      {kinds.includes('fine') ? (
        <Form.Item
          name="fineYuan"
          label={t('cases.decide.fineYuan')}
          rules={[{ required: true, type: 'number', min: 1, message: t('cases.decide.fineRequired') }]}
        >
          <InputNumber min={1} precision={2} style={{ width: 200 }} data-testid="case-decide-fine" />
        </Form.Item>
      ) : null}
      {kinds.includes('rectify') ? (
        <Form.Item
          name="requirement"
          label={t('cases.decide.requirement')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('cases.required2') }]}
        >
          <Input maxLength={1000} data-testid="case-decide-requirement" />
        </Form.Item>
      ) : null}
      {kinds.includes('suspend_live') ? (
        <Form.Item
          name="days"
          label={t('cases.decide.days')}
          rules={[{ required: true, type: 'number', min: 1, max: 365, message: t('cases.decide.daysRequired') }]}
        >
          <InputNumber min={1} max={365} data-testid="case-decide-days" />
        </Form.Item>
      ) : null}
      <Form.Item
        name="reasoning"
        label={t('cases.decide.reasoning')}
        rules={[{ required: true, whitespace: true, min: 4, message: t('cases.required4') }]}
      >
        <Input.TextArea rows={3} maxLength={4000} data-testid="case-decide-reasoning" />
      </Form.Item>
      <Form.Item
        name="legalBasis"
        label={t('cases.legalBasis')}
        rules={[{ required: true, whitespace: true, min: 2, message: t('cases.required2') }]}
      >
        <Input maxLength={1000} data-testid="case-decide-basis" />
      </Form.Item>
    </FormModal>
  );
}
