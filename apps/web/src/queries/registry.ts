/** Applications, streamer registration, the talent pool and the public lists: query keys and hooks. */
import type { ApplicationKind, ApplicationScope } from '../lib/api-types.ts';
import { endpoints } from '../lib/endpoints.ts';
import { type ApiQueryOptions, useApiQuery } from './query-options.ts';

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
export const useApplication = (id: string, options?: ApiQueryOptions<'getApplication'>) =>
  useApiQuery(registryKeys.application(id), () => endpoints.getApplication(id), options);
export const useMyStreamerRegistration = (options?: ApiQueryOptions<'myStreamerRegistration'>) =>
  useApiQuery(registryKeys.myStreamer, endpoints.myStreamerRegistration, options);
export const useTalent = (userId: string, options?: ApiQueryOptions<'talent'>) =>
  useApiQuery(registryKeys.talent(userId), () => endpoints.talent(userId), options);
export const usePublicBases = (options?: ApiQueryOptions<'publicBases'>) =>
  useApiQuery(registryKeys.publicBases, endpoints.publicBases, options);
export const usePublicStreamers = (options?: ApiQueryOptions<'publicStreamers'>) =>
  useApiQuery(registryKeys.publicStreamers, endpoints.publicStreamers, options);
