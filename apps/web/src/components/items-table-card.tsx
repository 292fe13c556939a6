/**
 * A card with the table of an `{ items }` list query: optionally a toolbar (filters, 刷新, the count) above it, the
 * error with a retry in place of the table, twenty rows a page. Users, organizations and API tokens list this way.
 */
import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, type TableColumnsType, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.ts';
import { QueryError } from './query-error.tsx';

export interface ItemsQuery<T> {
  data?: { items: T[] } | undefined;
  error: Error | null;
  isPending: boolean;
  refetch: () => unknown;
}

export function ItemsTableCard<T extends { id: string }>({
  query,
  columns,
  testId,
  count,
  filters,
}: {
  query: ItemsQuery<T>;
  columns: TableColumnsType<T>;
  testId: string;
  /** with a toolbar: the count's words for n rows */
  count?: (n: number) => string;
  /** with a toolbar: what stands before 刷新 */
  filters?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Card>
      {count ? (
        <Space style={{ marginBottom: 16 }} wrap={filters !== undefined}>
          {filters}
          <Button icon={<ReloadOutlined />} onClick={() => void query.refetch()}>
            {t('common.refresh')}
          </Button>
          {query.data ? <Typography.Text type="secondary">{count(query.data.items.length)}</Typography.Text> : null}
        </Space>
      ) : null}
      {query.error ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<T>
          rowKey="id"
          data-testid={testId}
          loading={query.isPending}
          columns={columns}
          dataSource={query.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
        />
      )}
    </Card>
  );
}
