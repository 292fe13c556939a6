/** The review queue and its items: query keys and hooks. */
import type { ReviewQueueQuery } from '@livehub/contracts';
import { endpoints } from '../lib/endpoints.ts';
import { apiHookBy } from './query-options.ts';

export const reviewKeys = {
  /** the queue and every item */
  all: ['review'] as const,
  /** every queue, whatever its filter */
  queues: ['review', 'queue'] as const,
  reviewQueue: (query: ReviewQueueQuery) => ['review', 'queue', query] as const,
  reviewItem: (id: string) => ['review', 'item', id] as const,
};

export const useReviewQueue = apiHookBy(reviewKeys.reviewQueue, endpoints.listReviewItems);
export const useReviewItem = apiHookBy(reviewKeys.reviewItem, endpoints.getReviewItem);
