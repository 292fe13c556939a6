/**
 * 实时监测大屏 (the monitoring wall): its query key, the snapshot read, and the live stream — an EventSource on
 * `/api/supervision/wall/stream` whose `snapshot` events replace the cached snapshot, so the page re-renders as the
 * server pushes (every few seconds, and after each relevant event). The browser reconnects a dropped stream itself.
 */
import type { WallRoomDetail, WallSnapshot } from '@livehub/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../lib/api-client.ts';
import { apiHook, apiHookBy } from './query-options.ts';

export const wallKeys = {
  snapshot: ['wall', 'snapshot'] as const,
  room: (id: string) => ['wall', 'room', id] as const,
};

export const useWall = apiHook(wallKeys.snapshot, () => api.get<WallSnapshot>('/supervision/wall'));
export const useWallRoom = apiHookBy(wallKeys.room, (id: string) => api.get<WallRoomDetail>(`/supervision/wall/rooms/${id}`));

/** Keeps the wall's snapshot fresh from the server's stream while mounted; tells whether the stream is connected. */
export function useWallStream(): boolean {
  const queryClient = useQueryClient();
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/supervision/wall/stream', { withCredentials: true });
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    source.addEventListener('snapshot', (e) => {
      setConnected(true);
      queryClient.setQueryData(wallKeys.snapshot, JSON.parse((e as MessageEvent<string>).data) as WallSnapshot);
    });
    return () => source.close();
  }, [queryClient]);
  return connected;
}
