/** 违规记录: confirmed violations with their evidence hash; reviewers and regulators can verify the evidence chain. */
import { ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Descriptions, Space, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import type { HTMLAttributes } from 'react';
import { ChainVerifyAlert } from '../../components/chain-verify-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryTable } from '../../components/query-table.tsx';
import { useI18n } from '../../i18n/index.ts';
import type { EvidenceVerifyResult, ScreeningCategory, Violation } from '../../lib/api-types.ts';
import { endpoints } from '../../lib/endpoints.ts';
import { useMe } from '../../lib/session.ts';
import { useViolations } from '../../queries/compliance.ts';
import { CategoryTags, KindTag, SeverityTag } from './compliance-labels.tsx';
import { groupByName, useRuleNames } from './rule-names.ts';
import './compliance.css';

const LIMIT = 200;
const VERIFIER_ROLES = new Set(['platform_admin', 'reviewer', 'regulator']);

/** A name where there is one (the id one hover away); a reference the server could not name shows as such. */
function NamedRef({ value, name }: { value: string | null; name: string | null | undefined }) {
  const { t } = useI18n();
  if (!value) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <Tooltip title={value}>
      <Typography.Text data-testid="violation-ref">{name ?? t('violations.unnamed')}</Typography.Text>
    </Tooltip>
  );
}

export function ViolationsPage() {
  const { t } = useI18n();
  const me = useMe();
  const canVerify = VERIFIER_ROLES.has(me.role);
  const ruleName = useRuleNames();
  const violations = useViolations(LIMIT, { staleTime: 0 });
  const verify = useMutation<EvidenceVerifyResult>({ mutationFn: endpoints.verifyEvidence });
  const items = violations.data?.items ?? [];

  const columns: TableColumnsType<Violation> = [
    {
      title: t('violations.at'),
      dataIndex: 'confirmedAt',
      width: 160,
      render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss'),
    },
    {
      title: t('review.col.categories'),
      dataIndex: 'categories',
      width: 150,
      render: (v: ScreeningCategory[]) => <CategoryTags categories={v} />,
    },
    {
      title: t('violations.rules'),
      dataIndex: 'ruleIds',
      width: 220,
      render: (v: string[]) => (
        <Space size={[4, 4]} wrap>
          {groupByName(v, ruleName).map((g) => (
            <Tooltip key={g.name} title={<span style={{ whiteSpace: 'pre-line' }}>{g.title}</span>}>
              <Tag style={{ marginInlineEnd: 0, whiteSpace: 'normal' }} data-testid="violation-rule">
                {g.name}
              </Tag>
            </Tooltip>
          ))}
        </Space>
      ),
    },
    {
      title: t('review.col.severity'),
      dataIndex: 'severity',
      width: 90,
      render: (v: number) => <SeverityTag severity={v} />,
    },
    {
      title: t('violations.excerpt'),
      dataIndex: 'text',
      render: (v: string, row) => (
        <Space size={6} align="start">
          <KindTag kind={row.kind} />
          <Typography.Paragraph ellipsis={{ rows: 2, tooltip: v }} style={{ margin: 0 }}>
            {v}
          </Typography.Paragraph>
        </Space>
      ),
    },
    {
      title: t('violations.streamer'),
      dataIndex: 'streamerUserId',
      width: 90,
      render: (v: string | null, row) => <NamedRef value={v} name={row.streamerName} />,
    },
    {
      title: t('violations.merchant'),
      dataIndex: 'merchantOrgId',
      width: 90,
      render: (v: string | null, row) => <NamedRef value={v} name={row.merchantName} />,
    },
    {
      title: t('violations.evidence'),
      dataIndex: 'evidenceHash',
      width: 130,
      render: (v: string | null) =>
        v ? (
          <Tooltip title={v}>
            <Typography.Text code className="lh-mono" data-testid="violation-evidence-hash">
              {v.slice(0, 12)}
            </Typography.Text>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ),
    },
  ];

  return (
    <div data-testid="violations-page">
      <PageHeader
        title={t('violations.title')}
        subtitle={canVerify ? t('violations.subtitle') : t('violations.subtitleOwn')}
        extra={
          canVerify ? (
            <Button
              type="primary"
              icon={<SafetyCertificateOutlined />}
              loading={verify.isPending}
              onClick={() => verify.mutate()}
              data-testid="evidence-verify"
            >
              {t('violations.verify')}
            </Button>
          ) : null
        }
      />
      <ChainVerifyAlert
        testId="evidence-verify-result"
        result={verify.data}
        error={verify.error}
        onClose={() => verify.reset()}
        okText={(checked) => t('violations.verifyOk', { checked })}
        brokenText={(r) => t('violations.verifyBroken', { seq: r.firstBrokenSeq ?? '?', checked: r.checked, reason: r.reason ?? '' })}
      />
      <Card>
        <Space style={{ marginBottom: 16 }}>
          <Button icon={<ReloadOutlined />} onClick={() => void violations.refetch()}>
            {t('common.refresh')}
          </Button>
          {violations.data ? <Typography.Text type="secondary">{t('violations.count', { count: items.length })}</Typography.Text> : null}
        </Space>
        <QueryTable<Violation>
          query={violations}
          rowKey="id"
          data-testid="violations-table"
          columns={columns}
          dataSource={items}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 1000 }}
          locale={{ emptyText: t('violations.empty') }}
          onRow={(row) => ({ 'data-testid': 'violation-row', 'data-violation-id': row.id }) as HTMLAttributes<HTMLElement>}
          expandable={{
            expandedRowRender: (row) => (
              <Descriptions size="small" column={{ xs: 1, lg: 2 }} bordered>
                <Descriptions.Item label={t('violations.fullText')} span={2}>
                  {row.text}
                </Descriptions.Item>
                <Descriptions.Item label={t('violations.reason')} span={2}>
                  {row.reason}
                </Descriptions.Item>
                <Descriptions.Item label={t('review.col.session')}>
                  <NamedRef value={row.sessionRef} name={row.sessionTitle} />
                </Descriptions.Item>
                <Descriptions.Item label={t('review.product')}>
                  <NamedRef value={row.productRef} name={row.productTitle} />
                </Descriptions.Item>
                <Descriptions.Item label={t('violations.id')}>
                  <span className="lh-mono">{row.id}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('violations.reviewItem')}>
                  <span className="lh-mono">{row.reviewItemId}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('violations.evidence')} span={2}>
                  <Typography.Text
                    className="lh-mono"
                    copyable={row.evidenceHash ? { text: row.evidenceHash } : false}
                    style={{ wordBreak: 'break-all' }}
                  >
                    {row.evidenceHash ?? t('common.none')}
                  </Typography.Text>
                </Descriptions.Item>
              </Descriptions>
            ),
          }}
        />
      </Card>
    </div>
  );
}
