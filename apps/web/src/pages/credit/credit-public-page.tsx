/**
 * 信用查询 (`/credit/public`, no login, outside the authenticated shell): merchants and streamers by name — the masked
 * name, the kind and the tier, nothing more — and 报告校验: whether a credit report (its number and SHA-256) was
 * issued by the platform, unaltered. `?number=…&hash=…` (the 校验 link of a report) fills the check in and runs it.
 */
import { FileProtectOutlined, SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import type { CreditReportVerdict } from '@livehub/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Form, Input, Row, type TableColumnsType, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { IconTitle } from '../../components/icon-title.tsx';
import { PublicPageFrame } from '../../components/public-page-frame.tsx';
import { QueryTable } from '../../components/query-table.tsx';
import { useI18n } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { labelOr } from '../../lib/labels.ts';
import { type CreditPublicResult, creditApi, useCreditPublicQuery } from '../../queries/credit.ts';
import { formatTime, partyKindLabel, TierTag, tierLabel } from './credit-labels.tsx';

type PublicRow = CreditPublicResult['items'][number];

const NUMBER = /^LHCR-\d{8}-[0-9A-F]{8}$/;
const HASH = /^[0-9a-fA-F]{64}$/;

function PublicQuery() {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const query = useCreditPublicQuery(name, { enabled: name.length >= 2, staleTime: 60_000 });
  const [tooShort, setTooShort] = useState(false);
  const columns: TableColumnsType<PublicRow> = [
    { title: t('credit.public.name'), key: 'name', render: (_, r) => <Typography.Text strong>{r.maskedName}</Typography.Text> },
    { title: t('credit.col.partyKind'), key: 'kind', width: 140, render: (_, r) => partyKindLabel(t, r.partyKind) },
    { title: t('credit.col.tier'), key: 'tier', width: 140, render: (_, r) => <TierTag tier={r.tier} /> },
  ];
  return (
    <Card title={<IconTitle icon={<SearchOutlined />}>{t('credit.public.query')}</IconTitle>} data-testid="credit-public-query">
      <Input.Search
        size="large"
        allowClear
        maxLength={60}
        enterButton={t('credit.public.search')}
        placeholder={t('credit.public.placeholder')}
        onSearch={(value) => {
          const v = value.trim();
          setTooShort(v.length > 0 && v.length < 2);
          setName(v.length >= 2 ? v : '');
        }}
        data-testid="credit-public-name"
      />
      {tooShort ? (
        <Typography.Text type="danger" style={{ display: 'block', marginTop: 8 }} data-testid="credit-public-too-short">
          {t('credit.public.tooShort')}
        </Typography.Text>
      ) : null}
      {name ? (
        <div style={{ marginTop: 16 }}>
          <QueryTable<PublicRow>
            query={query}
            rowKey={(r) => `${r.partyKind}:${r.maskedName}:${r.tier}`}
            columns={columns}
            dataSource={query.data?.items ?? []}
            pagination={false}
            locale={{ emptyText: t('credit.public.empty', { name }) }}
            data-testid="credit-public-results"
          />
        </div>
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('credit.public.hint')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

function Verdict({ verdict }: { verdict: CreditReportVerdict }) {
  const { t } = useI18n();
  if (verdict.genuine)
    return (
      <Alert
        type="success"
        showIcon
        data-testid="credit-verify-genuine"
        title={t('credit.verify.genuine', { number: verdict.number })}
        description={
          verdict.tier && verdict.partyKind && verdict.issuedAt
            ? t('credit.verify.genuineDetail', {
                time: formatTime(verdict.issuedAt),
                kind: partyKindLabel(t, verdict.partyKind),
                tier: tierLabel(t, verdict.tier),
              })
            : undefined
        }
      />
    );
  return (
    <Alert
      type="error"
      showIcon
      data-testid="credit-verify-forged"
      title={t('credit.verify.forged', { number: verdict.number })}
      description={verdict.problem ? labelOr(t, `credit.verify.problem.${verdict.problem}`, t('credit.verify.problem.unknown')) : undefined}
    />
  );
}

interface VerifyValues {
  number: string;
  hash: string;
}

function ReportVerify() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const [form] = Form.useForm<VerifyValues>();
  const verify = useMutation({ mutationFn: (v: VerifyValues) => creditApi.verify(v.number.trim(), v.hash.trim().toLowerCase()) });
  const preset = { number: params.get('number') ?? '', hash: params.get('hash') ?? '' };
  // the 校验 link of a report: check it at once
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, for the address the page was opened with
  useEffect(() => {
    if (NUMBER.test(preset.number) && HASH.test(preset.hash)) verify.mutate(preset);
  }, []);
  return (
    <Card title={<IconTitle icon={<FileProtectOutlined />}>{t('credit.verify.title')}</IconTitle>} data-testid="credit-verify">
      <Typography.Paragraph type="secondary">{t('credit.verify.hint')}</Typography.Paragraph>
      <Form<VerifyValues> form={form} layout="vertical" initialValues={preset} onFinish={(v) => verify.mutate(v)}>
        <Form.Item
          name="number"
          label={t('credit.report.number')}
          rules={[
            { required: true, message: t('common.required') },
            { pattern: NUMBER, message: t('credit.verify.badNumber') },
          ]}
        >
          <Input placeholder="LHCR-20260101-0A1B2C3D" className="lh-mono" data-testid="credit-verify-number" />
        </Form.Item>
        <Form.Item
          name="hash"
          label={t('credit.report.hash')}
          rules={[
            { required: true, message: t('common.required') },
            { pattern: HASH, message: t('credit.verify.badHash') },
          ]}
        >
          <Input.TextArea rows={2} className="lh-mono" data-testid="credit-verify-hash" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          icon={<SafetyCertificateOutlined />}
          loading={verify.isPending}
          data-testid="credit-verify-submit"
        >
          {t('credit.verify.submit')}
        </Button>
      </Form>
      <div style={{ marginTop: 16 }}>
        {verify.error ? <Alert type="error" showIcon title={errorMessage(verify.error, t('common.networkError'))} /> : null}
        {verify.data ? <Verdict verdict={verify.data} /> : null}
      </div>
    </Card>
  );
}

export function CreditPublicPage() {
  const { t } = useI18n();
  return (
    <PublicPageFrame
      testId="credit-public-page"
      titleTestId="credit-public-title"
      title={t('credit.public.title')}
      subtitle={t('credit.public.subtitle')}
      footer={t('credit.public.footer')}
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <PublicQuery />
        </Col>
        <Col xs={24} xl={10}>
          <ReportVerify />
        </Col>
      </Row>
    </PublicPageFrame>
  );
}
