/** 共享直播间: query keys, the typed calls and the hooks of the studios and booking pages. */
import type { BookingCreateBody, BookingView, StudioInputBody, StudioView, UtilisationView } from '@livehub/contracts';
import { api } from '../lib/api-client.ts';
import { apiHook } from './query-options.ts';

export const programmesKeys = {
  all: ['programmes'] as const,
  ownStudios: ['programmes', 'studios', 'mine'] as const,
  studios: ['programmes', 'studios', 'browse'] as const,
  baseBookings: ['programmes', 'bookings', 'base'] as const,
  myBookings: ['programmes', 'bookings', 'mine'] as const,
  utilisation: ['programmes', 'utilisation'] as const,
  standing: ['programmes', 'standing'] as const,
};

export const programmesApi = {
  ownStudios: () => api.get<{ items: StudioView[] }>('/programmes/studios/mine').then((r) => r.items),
  createStudio: (body: StudioInputBody) => api.post<StudioView>('/programmes/studios', body),
  updateStudio: (id: string, body: StudioInputBody) => api.post<StudioView>(`/programmes/studios/${encodeURIComponent(id)}`, body),
  baseBookings: () => api.get<{ items: BookingView[] }>('/programmes/base-bookings').then((r) => r.items),
  utilisation: () => api.get<UtilisationView>('/programmes/utilisation'),
  studios: () => api.get<{ items: StudioView[] }>('/programmes/studios').then((r) => r.items),
  book: (body: BookingCreateBody) => api.post<BookingView>('/programmes/bookings', body),
  myBookings: () => api.get<{ items: BookingView[] }>('/programmes/bookings/mine').then((r) => r.items),
  standing: () => api.get<{ suspendedUntil: string | null; incidents: number }>('/programmes/standing'),
  cancel: (id: string) => api.post<BookingView>(`/programmes/bookings/${encodeURIComponent(id)}/cancel`),
  checkIn: (id: string, sessionId?: string) =>
    api.post<BookingView>(`/programmes/bookings/${encodeURIComponent(id)}/check-in`, sessionId ? { sessionId } : {}),
};

export const useOwnStudios = apiHook(programmesKeys.ownStudios, programmesApi.ownStudios);
export const useBaseBookings = apiHook(programmesKeys.baseBookings, programmesApi.baseBookings);
export const useUtilisation = apiHook(programmesKeys.utilisation, programmesApi.utilisation);
export const useBookableStudios = apiHook(programmesKeys.studios, programmesApi.studios);
export const useMyBookings = apiHook(programmesKeys.myBookings, programmesApi.myBookings);
export const useBookingStanding = apiHook(programmesKeys.standing, programmesApi.standing);
