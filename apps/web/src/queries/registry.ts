/** Applications, streamer registration, the talent pool and the public lists: query keys and hooks. */
import type { ApplicationKind, ApplicationScope } from '../lib/api-types.ts';
import { endpoints } from '../lib/endpoints.ts';
import { apiHook, apiHookBy, useApiQuery, type ApiQueryOptions } from './query-options.ts';

export const registryKeys = {
  /** every application list, whatever its scope and kind */
  allApplications: ['applications'] as const,
  applications: (scope: ApplicationScope, kind?: ApplicationKind) => ['applications', scope, kind ?? 'all'] as const,
  application: (id: string) => ['application', id] as const,
  myStreamer: ['registry', 'streamer', 'me'] as const,
  talent: (userId: string) => ['registry', 'talent', userId] as const,
  publicBases: ['public', 'bases'] as const,
  publicStreamers: ['public', 'streamers'] as const,
};

export const useApplications = (scope: ApplicationScope, kind?: ApplicationKind, options?: ApiQueryOptions<'listApplications'>) =>
  useApiQuery(registryKeys.applications(scope, kind), () => endpoints.listApplications(scope, kind), options);
export const useApplication = apiHookBy(registryKeys.application, endpoints.getApplication);
export const useMyStreamerRegistration = apiHook(registryKeys.myStreamer, endpoints.myStreamerRegistration);
export const useTalent = apiHookBy(registryKeys.talent, endpoints.talent);
export const usePublicBases = apiHook(registryKeys.publicBases, endpoints.publicBases);
export const usePublicStreamers = apiHook(registryKeys.publicStreamers, endpoints.publicStreamers);
