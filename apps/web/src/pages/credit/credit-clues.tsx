/**
 * 线索 (触发式监管): no routine inspection of a party unless a threshold is crossed; each crossing raised one clue —
 * the party by name, the trigger in words and what crossed it. The platform and regulators read them.
 */
import { AlertOutlined } from '@ant-design/icons';
import { Card, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { QueryTable } from '../../components/query-table.tsx';
import { IconTitle } from '../../components/icon-title.tsx';
import { useI18n } from '../../i18n/index.ts';
import { type CreditClue, useCreditClues } from '../../queries/credit.ts';
import { clueDetailLabel, formatTime, partyKindLabel, triggerLabel } from './credit-labels.tsx';

const TRIGGER_COLOR: Record<string, string> = { violations: 'volcano', tier_d: 'red', refund_overdue: 'orange' };

export function CreditCluesCard() {
  const { t } = useI18n();
  const clues = useCreditClues();
  const columns: TableColumnsType<CreditClue> = [
    { title: t('credit.clue.raisedAt'), key: 'at', width: 160, render: (_, c) => formatTime(c.raisedAt) },
    {
      title: t('credit.col.party'),
      key: 'party',
      render: (_, c) => (
        <Space size={6}>
          <Typography.Text strong>{c.partyName}</Typography.Text>
          <Tag>{partyKindLabel(t, c.partyKind)}</Tag>
        </Space>
      ),
    },
    {
      title: t('credit.clue.trigger'),
      key: 'trigger',
      width: 180,
      render: (_, c) => <Tag color={TRIGGER_COLOR[c.trigger] ?? 'default'}>{triggerLabel(t, c.trigger)}</Tag>,
    },
    { title: t('credit.col.detail'), key: 'detail', render: (_, c) => clueDetailLabel(t, c.detail) },
  ];
  return (
    <Card title={<IconTitle icon={<AlertOutlined />}>{t('credit.clues')}</IconTitle>} data-testid="credit-clues">
      <Typography.Paragraph type="secondary">{t('credit.clues.hint')}</Typography.Paragraph>
      <QueryTable<CreditClue>
        query={clues}
        rowKey="id"
        columns={columns}
        dataSource={clues.data?.items ?? []}
        pagination={(clues.data?.items.length ?? 0) > 20 ? { pageSize: 20 } : false}
        locale={{ emptyText: t('credit.clues.empty') }}
        scroll={{ x: 760 }}
        data-testid="credit-clues-table"
      />
    </Card>
  );
}
