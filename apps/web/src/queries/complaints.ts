/** 投诉: query keys and hooks — each party's list (its queue) and one complaint with its timeline. */
import type { ComplaintStatus } from '@livehub/contracts';
import { type ComplaintScope, endpoints } from '../lib/endpoints.ts';
import { apiHookBy, type ApiQueryOptions, useApiQuery } from './query-options.ts';

export const complaintKeys = {
  all: ['complaints'] as const,
  list: (scope: ComplaintScope, status?: ComplaintStatus) => ['complaints', 'list', scope, status ?? 'open'] as const,
  one: (id: string) => ['complaints', 'one', id] as const,
};

export const useComplaints = (scope: ComplaintScope, status?: ComplaintStatus, options?: ApiQueryOptions<'complaints'>) =>
  useApiQuery(complaintKeys.list(scope, status), () => endpoints.complaints(scope, status), options);
export const useComplaint = apiHookBy(complaintKeys.one, endpoints.complaint);
