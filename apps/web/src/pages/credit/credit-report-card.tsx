/**
 * 信用报告: the signed report of a party — the PDF to download, and the report as JSON issued on request, shown by its
 * number and SHA-256 with a 校验 link: the public verification (信用查询 → 报告校验) asks the verify endpoint whether
 * that number and hash were issued here, unaltered.
 */
import { FilePdfOutlined, FileProtectOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { CreditReport } from '@livehub/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Space, Typography } from 'antd';
import { IconTitle } from '../../components/icon-title.tsx';
import { useI18n } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { creditApi, creditReportUrl } from '../../queries/credit.ts';
import { formatTime, TierTag } from './credit-labels.tsx';

/** Where anyone checks a report: the public page with the number and hash filled in. */
export function creditVerifyPath(number: string, hash: string): string {
  return `/credit/public?${new URLSearchParams({ number, hash }).toString()}`;
}

export function CreditReportCard({ partyId }: { partyId: string }) {
  const { t } = useI18n();
  const issue = useMutation<CreditReport, Error>({ mutationFn: () => creditApi.report(partyId) });
  const report = issue.data;
  return (
    <Card
      title={<IconTitle icon={<FileProtectOutlined />}>{t('credit.report.title')}</IconTitle>}
      data-testid="credit-report-card"
      extra={
        <Space wrap>
          <Button icon={<FilePdfOutlined />} href={creditReportUrl(partyId)} target="_blank" data-testid="credit-report">
            {t('credit.report')}
          </Button>
          <Button
            icon={<SafetyCertificateOutlined />}
            loading={issue.isPending}
            onClick={() => issue.mutate()}
            data-testid="credit-report-issue"
          >
            {t('credit.report.issue')}
          </Button>
        </Space>
      }
    >
      {issue.error ? (
        <Alert type="error" showIcon title={errorMessage(issue.error, t('common.networkError'))} style={{ marginBottom: 12 }} />
      ) : null}
      {report ? (
        <Descriptions column={1} size="small" bordered data-testid="credit-report-json">
          <Descriptions.Item label={t('credit.report.number')}>
            <Typography.Text className="lh-mono" copyable data-testid="credit-report-number">
              {report.number}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('credit.report.hash')}>
            <Typography.Text className="lh-mono" copyable style={{ wordBreak: 'break-all' }} data-testid="credit-report-hash">
              {report.sha256}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('credit.report.content')}>
            <Space size={8} wrap>
              <TierTag tier={report.content.tier} />
              <span>{t('credit.report.summary', { total: report.content.total.toFixed(2), events: report.content.eventCount })}</span>
              <Typography.Text type="secondary">
                {t('credit.report.issuedAt', { time: formatTime(report.content.issuedAt) })}
              </Typography.Text>
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('credit.report.verify')}>
            <Typography.Link href={creditVerifyPath(report.number, report.sha256)} target="_blank" data-testid="credit-report-verify">
              {t('credit.report.verifyLink')}
            </Typography.Link>
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <Typography.Text type="secondary">{t('credit.report.hint')}</Typography.Text>
      )}
    </Card>
  );
}
