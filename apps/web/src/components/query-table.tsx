import { Table, type TableProps } from 'antd';
import { QueryError } from './query-error.tsx';

/** A list query's table: its rows while loading and once there, or the query's error with a retry. */
export function QueryTable<T extends object>({
  query,
  ...table
}: { query: { error: Error | null; isPending: boolean; refetch: () => unknown } } & TableProps<T>) {
  if (query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  return <Table<T> size="middle" loading={query.isPending} {...table} />;
}
