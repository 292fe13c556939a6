/** 活动与节庆: query keys, the typed calls and the hooks of the campaign pages (organiser, enrolment, public). */
import type { CampaignInputBody, CampaignTotalsView, CampaignView, EnrolmentView, PublicCampaignView } from '@livehub/contracts';
import { api } from '../lib/api-client.ts';
import { apiHook, apiHookBy, useApiQuery } from './query-options.ts';

export const campaignsKeys = {
  all: ['campaigns'] as const,
  mine: ['campaigns', 'mine'] as const,
  open: ['campaigns', 'open'] as const,
  myEnrolments: ['campaigns', 'enrolments', 'mine'] as const,
  enrolments: (id: string) => ['campaigns', id, 'enrolments'] as const,
  totals: (id: string) => ['campaigns', id, 'totals'] as const,
  publicPage: (id: string) => ['campaigns', 'public', id] as const,
  publicList: ['campaigns', 'public'] as const,
  sessionBadge: (sessionId: string) => ['campaigns', 'session', sessionId] as const,
};

const enc = encodeURIComponent;

export const campaignsApi = {
  mine: () => api.get<{ items: CampaignView[] }>('/campaigns/mine').then((r) => r.items),
  create: (body: CampaignInputBody) => api.post<CampaignView>('/campaigns', body),
  publish: (id: string) => api.post<CampaignView>(`/campaigns/${enc(id)}/publish`),
  end: (id: string) => api.post<CampaignView>(`/campaigns/${enc(id)}/end`),
  cancel: (id: string, reason: string) => api.post<CampaignView>(`/campaigns/${enc(id)}/cancel`, { reason }),
  enrolments: (id: string) => api.get<{ items: EnrolmentView[] }>(`/campaigns/${enc(id)}/enrolments`).then((r) => r.items),
  decide: (id: string, approve: boolean, reason: string) =>
    api.post<EnrolmentView>(`/campaigns/enrolments/${enc(id)}/decide`, { approve, reason }),
  totals: (id: string) => api.get<CampaignTotalsView>(`/campaigns/${enc(id)}/totals`),
  open: () => api.get<{ items: CampaignView[] }>('/campaigns/open').then((r) => r.items),
  myEnrolments: () => api.get<{ items: EnrolmentView[] }>('/campaigns/enrolments/mine').then((r) => r.items),
  enrolProduct: (id: string, productId: string, cardLabel?: string) =>
    api.post<EnrolmentView>(`/campaigns/${enc(id)}/enrol-product`, { productId, ...(cardLabel ? { cardLabel } : {}) }),
  enrolSession: (id: string, sessionId: string) => api.post<EnrolmentView>(`/campaigns/${enc(id)}/enrol-session`, { sessionId }),
  publicList: () => api.get<{ items: Array<Omit<PublicCampaignView, 'rooms' | 'products'>> }>('/public/campaigns').then((r) => r.items),
  publicPage: (id: string) => api.get<PublicCampaignView>(`/public/campaigns/${enc(id)}`),
  sessionBadge: (sessionId: string) =>
    api
      .get<{ items: Array<{ id: string; name: string; label: string | null }> }>(`/public/live/sessions/${enc(sessionId)}/campaigns`)
      .then((r) => r.items),
};

/** Where the browser downloads the after-action report (a plain GET with the session cookie). */
export const campaignReportUrl = (id: string, format: 'xlsx' | 'pdf') => `/api/campaigns/${enc(id)}/report?format=${format}`;

export const useMyCampaigns = apiHook(campaignsKeys.mine, campaignsApi.mine);
export const useOpenCampaigns = apiHook(campaignsKeys.open, campaignsApi.open);
export const useMyEnrolments = apiHook(campaignsKeys.myEnrolments, campaignsApi.myEnrolments);
export const useCampaignEnrolments = apiHookBy(campaignsKeys.enrolments, campaignsApi.enrolments);
export const usePublicCampaigns = apiHook(campaignsKeys.publicList, campaignsApi.publicList);
export const usePublicCampaign = apiHookBy(campaignsKeys.publicPage, campaignsApi.publicPage);
/** live totals, refreshed every 15 s while the page is open */
export const useCampaignTotals = (id: string) =>
  useApiQuery(campaignsKeys.totals(id), () => campaignsApi.totals(id), { refetchInterval: 15_000 });
export const useSessionCampaigns = (sessionId: string) =>
  useApiQuery(campaignsKeys.sessionBadge(sessionId), () => campaignsApi.sessionBadge(sessionId), {
    staleTime: 60_000,
    enabled: sessionId !== '',
  });
