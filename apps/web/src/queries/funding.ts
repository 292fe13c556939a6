/** 项目资金绩效评价: query keys, the typed calls and the hooks of the funding pages. */
import type {
  FundingEvaluationView,
  FundingOptionsView,
  FundingPrefillView,
  FundingProjectDetailView,
  FundingProjectInputBody,
  FundingProjectView,
  FundingTrancheInputBody,
  FundingTrancheView,
} from '@livehub/contracts';
import { api } from '../lib/api-client.ts';
import { apiHook, apiHookBy } from './query-options.ts';

export const fundingKeys = {
  all: ['funding'] as const,
  list: ['funding', 'list'] as const,
  detail: (id: string) => ['funding', 'detail', id] as const,
  prefill: (id: string) => ['funding', 'prefill', id] as const,
  options: ['funding', 'options'] as const,
};

const id = (x: string) => encodeURIComponent(x);
const P = '/programmes/funding/projects';

export const fundingApi = {
  list: () => api.get<{ items: FundingProjectView[] }>(P).then((r) => r.items),
  options: () => api.get<FundingOptionsView>('/programmes/funding/options'),
  create: (body: FundingProjectInputBody) => api.post<FundingProjectView>(P, body),
  detail: (projectId: string) => api.get<FundingProjectDetailView>(`${P}/${id(projectId)}`),
  prefill: (projectId: string) => api.get<FundingPrefillView>(`${P}/${id(projectId)}/self-assessment`),
  addTranche: (projectId: string, body: FundingTrancheInputBody) => api.post<FundingTrancheView>(`${P}/${id(projectId)}/tranches`, body),
  pay: (projectId: string, trancheId: string) => api.post(`${P}/${id(projectId)}/pay`, { trancheId }),
  selfAssess: (projectId: string, body: { figures: Record<string, number>; note: string }) =>
    api.post<FundingEvaluationView>(`${P}/${id(projectId)}/self-assessment`, body),
  evaluate: (projectId: string, body: { verified: Record<string, number>; report: string; rectificationDeadline: string | null }) =>
    api.post<FundingEvaluationView>(`${P}/${id(projectId)}/evaluation`, body),
  rectificationReport: (projectId: string, report: string) => api.post(`${P}/${id(projectId)}/rectification-report`, { report }),
  decide: (projectId: string, decision: 'accept' | 'reject', note: string) =>
    api.post(`${P}/${id(projectId)}/rectification`, { decision, note }),
};

export const useFundingProjects = apiHook(fundingKeys.list, fundingApi.list);
export const useFundingProject = apiHookBy(fundingKeys.detail, fundingApi.detail);
export const useFundingPrefill = apiHookBy(fundingKeys.prefill, fundingApi.prefill);
export const useFundingOptions = apiHook(fundingKeys.options, fundingApi.options);
