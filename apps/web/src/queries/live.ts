/** Live sessions, their checklist, stream key, recordings and flash sales: query keys and hooks. */
import { endpoints } from '../lib/endpoints.ts';
import { apiHookBy } from './query-options.ts';

export const liveKeys = {
  liveSessions: (scope: 'mine' | 'live') => ['live', 'sessions', scope] as const,
  liveSession: (id: string) => ['live', 'session', id] as const,
  checklist: (id: string) => ['live', 'session', id, 'checklist'] as const,
  streamKey: (id: string) => ['live', 'session', id, 'stream-key'] as const,
  recordings: (id: string) => ['live', 'session', id, 'recordings'] as const,
  flashSales: (sessionId: string) => ['live', 'session', sessionId, 'flash-sales'] as const,
};

export const useLiveSessions = apiHookBy(liveKeys.liveSessions, endpoints.liveSessions);
export const useLiveSession = apiHookBy(liveKeys.liveSession, endpoints.liveSession);
export const useSessionChecklist = apiHookBy(liveKeys.checklist, endpoints.sessionChecklist);
export const useStreamKey = apiHookBy(liveKeys.streamKey, endpoints.streamKey);
export const useSessionRecordings = apiHookBy(liveKeys.recordings, endpoints.sessionRecordings);
export const useFlashSales = apiHookBy(liveKeys.flashSales, endpoints.flashSales);
