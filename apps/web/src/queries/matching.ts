/** 人货匹配: recommendations, why-not, streamers for a product, the preference and the activity — query keys and hooks. */
import { endpoints } from '../lib/endpoints.ts';
import { apiHook, apiHookBy } from './query-options.ts';

export const matchingKeys = {
  all: ['matching'] as const,
  recommendations: (q: { userId: string; k?: number; personalised?: boolean }) => ['matching', 'recs', q] as const,
  whyNot: (q: { userId: string; productId: string }) => ['matching', 'why-not', q] as const,
  streamers: (productId: string) => ['matching', 'streamers', productId] as const,
  preference: ['matching', 'preference'] as const,
  activity: ['matching', 'activity'] as const,
  model: ['matching', 'model'] as const,
  verification: ['matching', 'verification'] as const,
};

export const useRecommendations = apiHookBy(matchingKeys.recommendations, endpoints.recommendations);
export const useWhyNot = apiHookBy(matchingKeys.whyNot, endpoints.whyNot);
export const useStreamersForProduct = apiHookBy(matchingKeys.streamers, endpoints.streamersForProduct);
export const useMatchPreference = apiHook(matchingKeys.preference, endpoints.matchPreference);
export const useMatchActivity = apiHook(matchingKeys.activity, endpoints.matchActivity);
export const useMatchModel = apiHook(matchingKeys.model, endpoints.matchModel);
export const useAudienceVerification = apiHook(matchingKeys.verification, endpoints.audienceVerification);
