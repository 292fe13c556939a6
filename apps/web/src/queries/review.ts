/** The review queue and its items: query keys and hooks. */
import { endpoints, type ReviewQueueQuery } from '../lib/endpoints.ts';
import { type ApiQueryOptions, useApiQuery } from './query-options.ts';

export const reviewKeys = {
  /** the queue and every item */
  all: ['review'] as const,
  /** every queue, whatever its filter */
  queues: ['review', 'queue'] as const,
  reviewQueue: (query: ReviewQueueQuery) => ['review', 'queue', query] as const,
  reviewItem: (id: string) => ['review', 'item', id] as const,
};

export const useReviewQueue = (query: ReviewQueueQuery, options?: ApiQueryOptions<'listReviewItems'>) =>
  useApiQuery(reviewKeys.reviewQueue(query), () => endpoints.listReviewItems(query), options);
export const useReviewItem = (id: string, options?: ApiQueryOptions<'getReviewItem'>) =>
  useApiQuery(reviewKeys.reviewItem(id), () => endpoints.getReviewItem(id), options);
