/** 政策服务包: query keys, the typed calls and the hooks of the policy pages. */
import type {
  MatchedPolicies,
  PolicyApplicationView,
  PolicyApplyBody,
  PolicyInputBody,
  PolicyReviewBody,
  PolicyTotalsView,
  PolicyView,
} from '@livehub/contracts';
import { api } from '../lib/api-client.ts';
import { apiHook } from './query-options.ts';

export const policiesKeys = {
  all: ['policies'] as const,
  issued: ['policies', 'issued'] as const,
  totals: ['policies', 'totals'] as const,
  queue: ['policies', 'applications', 'queue'] as const,
  matched: ['policies', 'matched'] as const,
  mine: ['policies', 'applications', 'mine'] as const,
};

const id = (x: string) => encodeURIComponent(x);

export const policiesApi = {
  issued: () => api.get<{ items: PolicyView[] }>('/policies').then((r) => r.items),
  create: (body: PolicyInputBody) => api.post<PolicyView>('/policies', body),
  publish: (policyId: string) => api.post<PolicyView>(`/policies/${id(policyId)}/publish`),
  withdraw: (policyId: string) => api.post<PolicyView>(`/policies/${id(policyId)}/withdraw`),
  totals: () => api.get<PolicyTotalsView>('/policies/totals').then((r) => r.items),
  queue: () => api.get<{ items: PolicyApplicationView[] }>('/policy-applications/queue').then((r) => r.items),
  review: (appId: string, body: PolicyReviewBody) => api.post<PolicyApplicationView>(`/policy-applications/${id(appId)}/review`, body),
  matched: () => api.get<MatchedPolicies>('/policies/matched'),
  apply: (policyId: string, body: PolicyApplyBody) => api.post<PolicyApplicationView>(`/policies/${id(policyId)}/apply`, body),
  mine: () => api.get<{ items: PolicyApplicationView[] }>('/policy-applications/mine').then((r) => r.items),
  withdrawApplication: (appId: string) => api.post<PolicyApplicationView>(`/policy-applications/${id(appId)}/withdraw`),
};

export const useIssuedPolicies = apiHook(policiesKeys.issued, policiesApi.issued);
export const usePolicyTotals = apiHook(policiesKeys.totals, policiesApi.totals);
export const usePolicyQueue = apiHook(policiesKeys.queue, policiesApi.queue);
export const useMatchedPolicies = apiHook(policiesKeys.matched, policiesApi.matched);
export const useMyPolicyApplications = apiHook(policiesKeys.mine, policiesApi.mine);
