/**
 * 对账单: a party's statement for a day or a month — the party (fixed to the caller's own for merchants, MCNs and
 * streamers; picked by platform admins and regulators), the period, one account or all, a table per account with
 * opening, lines and closing, and the CSV / Excel downloads. Exported as a component for the finance pages.
 */
import { DownloadOutlined } from '@ant-design/icons';
import type { AccountStatementView, StatementLineView, StatementQuery } from '@livehub/contracts';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Empty,
  Segmented,
  Select,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n/index.ts';
import { formatFen } from '../../lib/money.ts';
import { useMe } from '../../lib/session.ts';
import { useOrgs } from '../../queries/identity.ts';
import { statementFileUrl, useStatement } from '../../queries/statements.ts';

const PLATFORM_PARTY = '00000000-0000-0000-0000-000000000000';
const ANY_PARTY = new Set(['platform_admin', 'regulator']);

/** The party the caller reads by default: its organization, or itself as a streamer; none for admins. */
function ownParty(me: ReturnType<typeof useMe>): string | null {
  if (me.role === 'streamer') return me.user.id;
  if (me.role === 'merchant_staff' || me.role === 'mcn_manager') return me.active?.orgId ?? null;
  return null;
}

function PartyPicker({ value, onChange }: { value: string | null; onChange: (v: string) => void }) {
  const { t } = useI18n();
  const merchants = useOrgs('merchant');
  const mcns = useOrgs('mcn');
  const options = [
    { value: PLATFORM_PARTY, label: t('statements.partyPlatform') },
    ...[...(merchants.data?.items ?? []), ...(mcns.data?.items ?? [])].map((o) => ({ value: o.id, label: o.name })),
  ];
  return (
    <Select
      showSearch
      optionFilterProp="label"
      style={{ width: 260 }}
      placeholder={t('statements.partyPick')}
      value={value ?? undefined}
      options={options}
      loading={merchants.isPending || mcns.isPending}
      onChange={onChange}
      data-testid="statement-party"
    />
  );
}

function AccountTable({ account }: { account: AccountStatementView }) {
  const { t } = useI18n();
  const columns: TableColumnsType<StatementLineView> = [
    { title: t('statements.postedAt'), dataIndex: 'postedAt', width: 170, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss') },
    { title: t('statements.entryKind'), dataIndex: 'kindLabel', width: 140 },
    { title: t('statements.reference'), dataIndex: 'reference' },
    { title: t('statements.memo'), dataIndex: 'memo', render: (v: string | null) => v ?? '' },
    {
      title: t('statements.amount'),
      dataIndex: 'amountFen',
      align: 'right',
      width: 130,
      render: (v: number) => <Typography.Text type={v < 0 ? 'danger' : 'success'}>{(v > 0 ? '+' : '') + formatFen(v)}</Typography.Text>,
    },
    { title: t('statements.balance'), dataIndex: 'balanceAfterFen', align: 'right', width: 130, render: (v: number) => formatFen(v) },
  ];
  return (
    <Card size="small" title={account.kindLabel} style={{ marginBottom: 16 }} data-testid={`statement-account-${account.kind}`}>
      <Space size="large" wrap style={{ marginBottom: 12 }}>
        <Statistic title={t('statements.opening')} value={formatFen(account.openingFen)} />
        <Statistic title={t('statements.credits')} value={formatFen(account.creditsFen)} />
        <Statistic title={t('statements.debits')} value={formatFen(-account.debitsFen)} />
        <Statistic title={t('statements.closing')} value={formatFen(account.closingFen)} />
        <Statistic title={t('statements.lines')} value={account.lines} />
      </Space>
      <Table<StatementLineView>
        rowKey={(l) => `${l.entryId}:${l.seq}`}
        size="small"
        columns={columns}
        dataSource={account.entries}
        pagination={account.entries.length > 50 ? { pageSize: 50 } : false}
        locale={{ emptyText: t('statements.empty') }}
        scroll={{ x: 800 }}
      />
    </Card>
  );
}

export function StatementsPanel() {
  const { t } = useI18n();
  const me = useMe();
  const [party, setParty] = useState<string | null>(ownParty(me));
  const [granularity, setGranularity] = useState<'day' | 'month'>('month');
  const [date, setDate] = useState<Dayjs>(dayjs());
  const period = granularity === 'day' ? date.format('YYYY-MM-DD') : date.format('YYYY-MM');
  const query: StatementQuery | null = party ? { partyId: party, period } : null;
  const statement = useStatement(query ?? { partyId: '', period }, { enabled: query !== null });

  return (
    <div data-testid="statements-panel">
      <Card style={{ marginBottom: 16 }}>
        <Space wrap>
          {ANY_PARTY.has(me.role) ? <PartyPicker value={party} onChange={setParty} /> : null}
          <Segmented
            value={granularity}
            onChange={(v) => setGranularity(v as 'day' | 'month')}
            options={[
              { value: 'month', label: t('statements.byMonth') },
              { value: 'day', label: t('statements.byDay') },
            ]}
          />
          <DatePicker
            picker={granularity === 'day' ? 'date' : 'month'}
            value={date}
            allowClear={false}
            onChange={(d) => d && setDate(d)}
            data-testid="statement-period"
          />
          <Button
            icon={<DownloadOutlined />}
            disabled={!query}
            href={query ? statementFileUrl(query, 'csv') : undefined}
            data-testid="statement-csv"
          >
            {t('statements.downloadCsv')}
          </Button>
          <Button
            type="primary"
            icon={<DownloadOutlined />}
            disabled={!query}
            href={query ? statementFileUrl(query, 'xlsx') : undefined}
            data-testid="statement-xlsx"
          >
            {t('statements.downloadXlsx')}
          </Button>
        </Space>
      </Card>
      {!query ? (
        <Alert type="info" showIcon message={t('statements.pickParty')} />
      ) : statement.error ? (
        <QueryError error={statement.error} onRetry={() => void statement.refetch()} />
      ) : statement.isPending ? (
        <Card loading />
      ) : statement.data.accounts.length === 0 ? (
        <Empty description={t('statements.noAccounts')} />
      ) : (
        <>
          <Card size="small" style={{ marginBottom: 16 }} data-testid="statement-totals">
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {statement.data.partyName} · {statement.data.period.label} · {t('statements.totals')}
            </Typography.Title>
            <Space size="large" wrap>
              <Statistic title={t('statements.opening')} value={formatFen(statement.data.totals.openingFen)} />
              <Statistic title={t('statements.credits')} value={formatFen(statement.data.totals.creditsFen)} />
              <Statistic title={t('statements.debits')} value={formatFen(-statement.data.totals.debitsFen)} />
              <Statistic title={t('statements.closing')} value={formatFen(statement.data.totals.closingFen)} />
            </Space>
          </Card>
          {statement.data.accounts.map((a) => (
            <AccountTable key={a.accountId} account={a} />
          ))}
        </>
      )}
    </div>
  );
}
