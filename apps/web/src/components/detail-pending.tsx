/**
 * What a detail page (a product, an agreement) shows until its record is there: 404 as "not found", another error
 * with a retry, or a skeleton while it loads — under the page's header, inside the page's test id.
 */
import { Card, Result, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { isApiError } from '../lib/api-client.ts';
import { PageHeader } from './page-header.tsx';
import { QueryError } from './query-error.tsx';

export function DetailPending({
  query,
  testId,
  title,
  extra,
  notFound,
  notFoundTestId,
}: {
  query: { error: Error | null; refetch: () => unknown };
  testId: string;
  title: ReactNode;
  extra: ReactNode;
  notFound: ReactNode;
  notFoundTestId?: string;
}) {
  const { error } = query;
  return (
    <div data-testid={testId}>
      <PageHeader title={title} extra={extra} />
      {!error ? (
        <Card>
          <Skeleton active paragraph={{ rows: 10 }} />
        </Card>
      ) : isApiError(error) && error.status === 404 ? (
        <Result status="404" subTitle={notFound} {...(notFoundTestId ? { 'data-testid': notFoundTestId } : {})} />
      ) : (
        <QueryError error={error} onRetry={() => void query.refetch()} />
      )}
    </div>
  );
}
