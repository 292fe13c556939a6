/**
 * Credit (信用 · 分级管理): query keys, the typed calls and the hooks the credit pages use — a party's own credit
 * (我的信用), any party's for the platform and regulators, the lists by tier, the distribution and the tier moves,
 * the model in force, recording an event by hand, a full recompute, appeals (申诉) and the credit report with its
 * verification; the enforcement modes (执法模式设置, 监管沙盒 cohorts and members, training tasks, clues) and the
 * public credit query (信用查询).
 */
import type {
  CreditAppealCreate,
  CreditAppealView,
  CreditCohortCreate,
  CreditCohortView,
  CreditDetail,
  CreditEventCreate,
  CreditEventView,
  CreditModeSettingsInput,
  CreditModeSettingsView,
  CreditPartyKind,
  CreditModelPublishResult,
  CreditRecomputeResult,
  CreditReport,
  CreditReportVerdict,
  CreditStats,
  CreditSummary,
  CreditTier,
  CreditTrainingTaskView,
  creditClueViewSchema,
  creditCohortMemberViewSchema,
  creditPublicResultSchema,
} from '@livehub/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../lib/api-client.ts';
import { apiHook, apiHookBy } from './query-options.ts';

interface Bilingual {
  zh: string;
  en: string;
}

/**
 * The model as `GET /api/credit/model` answers it (the contract types it as a plain record): the parts the model
 * card shows — dimensions and weights per party kind, a rule per event kind, the rate rules, tiers, measures, the
 * first-offence waiver and the changelog.
 */
export interface CreditModelView {
  version: string;
  effectiveFrom: string;
  changelog: Array<{ version: string; date: string } & Bilingual>;
  dimensions: Record<CreditPartyKind, Array<{ key: string; weightBp: number } & Bilingual>>;
  rules: Record<
    string,
    {
      dimensions: Partial<Record<CreditPartyKind, string>>;
      points: number;
      unit: 'event' | 'severity' | 'days' | 'hours' | 'on_time';
      maxPerEvent?: number;
      halfLifeDays?: number;
      windowDays?: number;
      cap?: number;
    }
  >;
  rateRules: Array<{ key: string; windowDays: number; minCount: number; thresholds: Array<{ over: number; points: number }> } & Bilingual>;
  tiers: Array<{ tier: CreditTier; min: number } & Bilingual>;
  measures: Record<CreditTier, Array<{ code: string } & Bilingual>>;
  firstOffence: { windowDays: number; maxSeverity: number };
}

export interface CreditListFilter {
  tier?: CreditTier | undefined;
  partyKind?: CreditPartyKind | undefined;
}

export const CREDIT_PAGE_SIZE = 50;

export const creditKeys = {
  /** every credit read: an event recorded, an appeal or a recompute invalidates this */
  all: ['credit'] as const,
  mine: ['credit', 'me'] as const,
  party: (id: string) => ['credit', 'party', id] as const,
  parties: (filter: CreditListFilter) => ['credit', 'parties', filter.tier ?? 'all', filter.partyKind ?? 'all'] as const,
  stats: ['credit', 'stats'] as const,
  model: ['credit', 'model'] as const,
  appeals: ['credit', 'appeals'] as const,
  tasks: ['credit', 'tasks'] as const,
  modeSettings: ['credit', 'modes', 'settings'] as const,
  cohorts: ['credit', 'cohorts'] as const,
  members: (cohortId: string) => ['credit', 'cohorts', cohortId, 'members'] as const,
  clues: ['credit', 'clues'] as const,
  /** the public query: outside `all` (it is no one's credit and changes nothing) */
  publicQuery: (name: string) => ['credit-public', name] as const,
};

export type CreditCohortMember = ReturnType<typeof creditCohortMemberViewSchema.parse>;
export type CreditClue = ReturnType<typeof creditClueViewSchema.parse>;
export type CreditPublicResult = ReturnType<typeof creditPublicResultSchema.parse>;

export const creditApi = {
  mine: () => api.get<CreditDetail>('/credit/me'),
  party: (id: string) => api.get<CreditDetail>(`/credit/parties/${encodeURIComponent(id)}`),
  parties: (filter: CreditListFilter, after: string | null) =>
    api.get<{ items: CreditSummary[]; next: string | null }>('/credit/parties', {
      query: { tier: filter.tier, partyKind: filter.partyKind, after, limit: CREDIT_PAGE_SIZE },
    }),
  stats: () => api.get<CreditStats>('/credit/stats'),
  model: () => api.get<CreditModelView>('/credit/model'),
  record: (body: CreditEventCreate) => api.post<CreditEventView>('/credit/events', body),
  recompute: () => api.post<CreditRecomputeResult>('/credit/recompute', {}),
  /** publishes a new version of the model (the whole model); everyone is re-scored under it */
  publishModel: (model: Record<string, unknown>) => api.post<CreditModelPublishResult>('/credit/models', model),
  appeal: (eventId: string, body: CreditAppealCreate) =>
    api.post<CreditAppealView>(`/credit/events/${encodeURIComponent(eventId)}/appeal`, body),
  appeals: () => api.get<{ items: CreditAppealView[] }>('/credit/appeals'),
  /** issues a signed report (JSON) of the party: its number and SHA-256 */
  report: (partyId: string) => api.get<CreditReport>(`/credit/reports/${encodeURIComponent(partyId)}`, { query: { format: 'json' } }),
  verify: (number: string, hash: string) =>
    api.get<CreditReportVerdict>(`/credit/reports/${encodeURIComponent(number)}/verify`, { query: { hash } }),
  tasks: () => api.get<{ items: CreditTrainingTaskView[] }>('/credit/tasks'),
  completeTask: (id: string) => api.post<CreditTrainingTaskView>(`/credit/tasks/${encodeURIComponent(id)}/complete`, {}),
  modeSettings: () => api.get<CreditModeSettingsView>('/credit/modes/settings'),
  saveModeSettings: (body: CreditModeSettingsInput) => api.put<CreditModeSettingsView>('/credit/modes/settings', body),
  cohorts: () => api.get<{ items: CreditCohortView[] }>('/credit/cohorts'),
  createCohort: (body: CreditCohortCreate) => api.post<CreditCohortView>('/credit/cohorts', body),
  members: (cohortId: string) => api.get<{ items: CreditCohortMember[] }>(`/credit/cohorts/${encodeURIComponent(cohortId)}/members`),
  addMember: (cohortId: string, partyId: string) =>
    api.post<{ items: CreditCohortMember[] }>(`/credit/cohorts/${encodeURIComponent(cohortId)}/members`, { partyId }),
  removeMember: (cohortId: string, partyId: string) =>
    api.delete<{ items: CreditCohortMember[] }>(`/credit/cohorts/${encodeURIComponent(cohortId)}/members/${encodeURIComponent(partyId)}`),
  clues: () => api.get<{ items: CreditClue[] }>('/credit/clues', { query: { limit: 200 } }),
  publicQuery: (name: string) => api.get<CreditPublicResult>('/public/credit', { query: { name } }),
};

/** The signed credit report of a party as PDF (opened by the browser, not fetched as JSON). */
export function creditReportUrl(partyId: string): string {
  return `/api/credit/reports/${encodeURIComponent(partyId)}?format=pdf`;
}

export const useMyCredit = apiHook(creditKeys.mine, creditApi.mine);
export const useCreditParty = apiHookBy(creditKeys.party, creditApi.party);
export const useCreditStats = apiHook(creditKeys.stats, creditApi.stats);
export const useCreditModel = apiHook(creditKeys.model, creditApi.model);
export const useCreditAppeals = apiHook(creditKeys.appeals, creditApi.appeals);
export const useCreditTasks = apiHook(creditKeys.tasks, creditApi.tasks);
export const useCreditModeSettings = apiHook(creditKeys.modeSettings, creditApi.modeSettings);
export const useCreditCohorts = apiHook(creditKeys.cohorts, creditApi.cohorts);
export const useCreditCohortMembers = apiHookBy(creditKeys.members, creditApi.members);
export const useCreditClues = apiHook(creditKeys.clues, creditApi.clues);
export const useCreditPublicQuery = apiHookBy(creditKeys.publicQuery, creditApi.publicQuery);

/** Parties by score, lowest first, page by page (the server's keyset cursor `next`). */
export function useCreditParties(filter: CreditListFilter) {
  const q = useInfiniteQuery({
    queryKey: creditKeys.parties(filter),
    queryFn: ({ pageParam }) => creditApi.parties(filter, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
  });
  return { ...q, items: q.data?.pages.flatMap((p) => p.items) ?? [] };
}
