/** Live sessions, their checklist, stream key, recordings and flash sales: query keys and hooks. */
import { endpoints } from '../lib/endpoints.ts';
import { type ApiQueryOptions, useApiQuery } from './query-options.ts';

export const liveKeys = {
  liveSessions: (scope: 'mine' | 'live') => ['live', 'sessions', scope] as const,
  liveSession: (id: string) => ['live', 'session', id] as const,
  checklist: (id: string) => ['live', 'session', id, 'checklist'] as const,
  streamKey: (id: string) => ['live', 'session', id, 'stream-key'] as const,
  recordings: (id: string) => ['live', 'session', id, 'recordings'] as const,
  flashSales: (sessionId: string) => ['live', 'session', sessionId, 'flash-sales'] as const,
};

export const useLiveSessions = (scope: 'mine' | 'live', options?: ApiQueryOptions<'liveSessions'>) =>
  useApiQuery(liveKeys.liveSessions(scope), () => endpoints.liveSessions(scope), options);
export const useLiveSession = (id: string, options?: ApiQueryOptions<'liveSession'>) =>
  useApiQuery(liveKeys.liveSession(id), () => endpoints.liveSession(id), options);
export const useSessionChecklist = (id: string, options?: ApiQueryOptions<'sessionChecklist'>) =>
  useApiQuery(liveKeys.checklist(id), () => endpoints.sessionChecklist(id), options);
export const useStreamKey = (id: string, options?: ApiQueryOptions<'streamKey'>) =>
  useApiQuery(liveKeys.streamKey(id), () => endpoints.streamKey(id), options);
export const useSessionRecordings = (id: string, options?: ApiQueryOptions<'sessionRecordings'>) =>
  useApiQuery(liveKeys.recordings(id), () => endpoints.sessionRecordings(id), options);
export const useFlashSales = (sessionId: string, options?: ApiQueryOptions<'flashSales'>) =>
  useApiQuery(liveKeys.flashSales(sessionId), () => endpoints.flashSales(sessionId), options);
