/**
 * 政策服务包 (enterprises) and 人才政策 (streamers): what LiveHub knows of me, the open policies with the verdict on
 * it (符合 / 接近符合 with what is missing / 暂不符合, and why, condition by condition), applying with the declared
 * facts and documents, and my applications.
 */
import type { MatchedPolicyView, PolicyApplicationView } from '@livehub/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Empty, Form, Input, InputNumber, List, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DocumentUpload } from '../../components/document-upload.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { type MessageKey, useI18n } from '../../i18n/index.ts';
import type { DocumentKind, RegistryDocument } from '../../lib/api-types.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { formatFen, yuanToFen } from '../../lib/money.ts';
import { policiesApi, policiesKeys, useMatchedPolicies, useMyPolicyApplications } from '../../queries/policies.ts';
import { docKindLabel } from '../registry/registry-labels.tsx';
import { ApplicationStatusTag, benefitText, EligibilityTag, ReasonLine } from './policy-labels.tsx';

interface ApplyForm {
  declared: Record<string, number | undefined>;
  documents: Record<string, RegistryDocument[] | undefined>;
  requestedYuan?: number;
  note?: string;
}

const MONEY_FACTS = new Set(['revenueFen']);

export function PolicyPackagesPage({ talent = false }: { talent?: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  // The verdicts are judged from other contexts' facts (orders, credit, the registry), which this page's writes never
  // invalidate: read them fresh on every visit rather than from a cache up to 30 s old.
  const matched = useMatchedPolicies({ staleTime: 0 });
  const mine = useMyPolicyApplications();
  // The dialog holds the policy's id, not a copy of its verdict: what it shows missing is always the latest read.
  const [applyingId, setApplyingId] = useState<string | null>(null);
  const applying = matched.data?.items.find((m) => m.policy.id === applyingId) ?? null;
  const [form] = Form.useForm<ApplyForm>();
  const refresh = () => qc.invalidateQueries({ queryKey: policiesKeys.all });
  const openApply = (m: MatchedPolicyView) => {
    setApplyingId(m.policy.id);
    // judged again as the dialog opens: the facts may have moved since the list was read
    void qc.invalidateQueries({ queryKey: policiesKeys.matched });
  };

  const apply = useMutation({
    mutationFn: (v: ApplyForm) => {
      const p = applying as MatchedPolicyView;
      const declared = Object.fromEntries(
        Object.entries(v.declared ?? {})
          .filter(([, x]) => typeof x === 'number')
          .map(([k, x]) => [k, MONEY_FACTS.has(k) ? Math.round((x as number) * 1_000_000) : x]),
      );
      const documents = Object.values(v.documents ?? {}).flatMap((docs) =>
        (docs ?? []).map((d) => ({ id: d.id, docType: d.docType as DocumentKind })),
      );
      return policiesApi.apply(p.policy.id, {
        declared,
        documents,
        requestedFen: typeof v.requestedYuan === 'number' ? yuanToFen(v.requestedYuan) : null,
        note: v.note?.trim() || null,
      });
    },
    onSuccess: () => {
      message.success(t('policies.submitted'));
      setApplyingId(null);
      form.resetFields();
      void refresh();
    },
    onError: (e) => {
      message.error(errorMessage(e, t('policies.submit')));
      // a refusal (not eligible, already applied) means the verdict shown was out of date: read it again
      void refresh();
    },
  });

  const withdraw = useMutation({
    mutationFn: (id: string) => policiesApi.withdrawApplication(id),
    onSuccess: () => void refresh(),
    onError: (e) => message.error(errorMessage(e, t('policies.withdraw'))),
  });

  const facts = matched.data?.facts ?? [];
  const items = matched.data?.items ?? [];
  return (
    <div data-testid="policy-packages-page">
      <PageHeader
        title={t(talent ? 'policies.talentTitle' : 'policies.title')}
        subtitle={t(talent ? 'policies.talentSubtitle' : 'policies.subtitle')}
      />
      <Card title={t('policies.facts')} size="small" style={{ marginBottom: 16 }} loading={matched.isLoading}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          {facts.map((f) => (
            <Descriptions.Item key={f.fact} label={f.label}>
              {f.value ?? (
                <Typography.Text type="secondary">{t(f.selfDeclared ? 'policies.selfDeclared' : 'policies.unknown')}</Typography.Text>
              )}
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Card>
      <List
        loading={matched.isLoading}
        locale={{ emptyText: <Empty description={t('policies.empty')} /> }}
        dataSource={items}
        renderItem={(m) => (
          <Card
            key={m.policy.id}
            size="small"
            style={{ marginBottom: 12 }}
            data-testid={`policy-${m.policy.title}`}
            title={
              <Space>
                <EligibilityTag status={m.status} />
                {m.policy.title}
              </Space>
            }
            extra={
              m.application && (m.application.status === 'in_review' || m.application.status === 'returned') ? (
                <ApplicationStatusTag status={m.application.status} />
              ) : (
                <Button type="primary" disabled={m.status === 'not_eligible'} onClick={() => openApply(m)}>
                  {t('policies.apply')}
                </Button>
              )
            }
          >
            <Typography.Paragraph>{m.policy.summary}</Typography.Paragraph>
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('policies.issuer')}>{m.policy.issuerName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('policies.benefit')}>{benefitText(t, m.policy.benefit)}</Descriptions.Item>
              <Descriptions.Item label={t('policies.deadline')}>
                {m.policy.applyUntil ? new Date(m.policy.applyUntil).toLocaleDateString('zh-CN') : t('policies.noDeadline')}
              </Descriptions.Item>
              <Descriptions.Item label={t('policies.documents')}>
                {m.policy.documents.map((d) => docKindLabel(t, d)).join('、') || '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('policies.basis')} span={2}>
                {m.policy.basis}
              </Descriptions.Item>
            </Descriptions>
            <div style={{ marginTop: 8 }}>
              {m.reasons.map((r) => (
                <ReasonLine key={r.text} text={r.text} outcome={r.outcome} />
              ))}
            </div>
          </Card>
        )}
      />
      <Card title={t('policies.mine')} size="small">
        <Table<PolicyApplicationView>
          rowKey="id"
          size="small"
          loading={mine.isLoading}
          dataSource={mine.data ?? []}
          locale={{ emptyText: t('policies.mineEmpty') }}
          pagination={false}
          columns={[
            { title: t('policies.col.policy'), dataIndex: 'policyTitle' },
            { title: t('policies.col.status'), dataIndex: 'status', render: (s: string) => <ApplicationStatusTag status={s} /> },
            {
              title: t('policies.col.requested'),
              dataIndex: 'requestedFen',
              render: (v: number | null) => (v === null ? '—' : formatFen(v)),
            },
            { title: t('policies.col.granted'), dataIndex: 'grantedFen', render: (v: number | null) => (v === null ? '—' : formatFen(v)) },
            {
              title: t('policies.col.paid'),
              key: 'paid',
              render: (_: unknown, a) =>
                a.paidFen === null || a.paidAt === null
                  ? '—'
                  : t('policies.paid', { amount: formatFen(a.paidFen), date: new Date(a.paidAt).toLocaleDateString('zh-CN') }),
            },
            { title: t('policies.col.reason'), dataIndex: 'decisionReason', render: (v: string | null) => v ?? '—' },
            { title: t('policies.col.submittedAt'), dataIndex: 'createdAt', render: (v: string) => new Date(v).toLocaleString('zh-CN') },
            {
              title: '',
              key: 'actions',
              render: (_: unknown, a) =>
                a.status === 'in_review' || a.status === 'returned' ? (
                  <Button size="small" onClick={() => withdraw.mutate(a.id)}>
                    {t('policies.withdraw')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <Modal
        open={applying !== null}
        title={applying ? t('policies.applyTitle', { title: applying.policy.title }) : ''}
        onCancel={() => setApplyingId(null)}
        onOk={() => form.submit()}
        okText={t('policies.submit')}
        confirmLoading={apply.isPending}
        destroyOnHidden
      >
        {applying && (
          <Form<ApplyForm> form={form} layout="vertical" onFinish={(v) => apply.mutate(v)}>
            {applying.declare.length > 0 && <Typography.Paragraph type="secondary">{t('policies.declareHint')}</Typography.Paragraph>}
            {applying.declare.map((f) => (
              <Form.Item key={f} name={['declared', f]} label={t(`policies.fact.${f}` as MessageKey)} rules={[{ required: true }]}>
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
            ))}
            {applying.policy.documents.map((d) => (
              <Form.Item key={d} name={['documents', d]} label={docKindLabel(t, d)} rules={[{ required: true }]}>
                <DocumentUpload docType={d as DocumentKind} />
              </Form.Item>
            ))}
            {applying.policy.benefit.amountFen === null && applying.policy.benefit.capFen !== null && (
              <Form.Item name="requestedYuan" label={t('policies.requested')}>
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
            )}
            <Form.Item name="note" label={t('policies.note')}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
            {applying.missing.length > 0 && (
              <div>
                <Tag color="gold">{t('policies.missing')}</Tag>
                {applying.missing.map((x) => (
                  <div key={x}>{x}</div>
                ))}
              </div>
            )}
          </Form>
        )}
      </Modal>
    </div>
  );
}

export function TalentPoliciesPage() {
  return <PolicyPackagesPage talent />;
}
