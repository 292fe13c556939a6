/**
 * What the inbox feed's unit tests share: the drafts a topic's rule makes of a payload (through `NOTIFICATION_FEED`,
 * as the outbox reaches them), a name directory answer built from pairs, and a few fixed ids.
 */
import { type Names, noNames } from '../shared/name-directory.ts';
import { NOTIFICATION_FEED } from './notification-feed.rules.ts';

export const ORG = '11111111-1111-4111-8111-111111111111';
export const USER = '22222222-2222-4222-8222-222222222222';
export const MCN = '33333333-3333-4333-8333-333333333333';
export const PRODUCT = '44444444-4444-4444-8444-444444444444';
export const ORDER = '55555555-5555-4555-8555-555555555555';

/** names as the directory would answer them, from [id, name] pairs per kind */
export const named = (over: Partial<Record<keyof Names, Array<[string, string]>>>): Names => {
  const n = noNames();
  for (const [k, entries] of Object.entries(over)) n[k as keyof Names] = new Map(entries);
  return n;
};

/** the drafts the topic's rule makes of the payload; throws for a topic without a rule */
export const feed = (topic: string, payload: Record<string, unknown>) => {
  const rule = NOTIFICATION_FEED[topic];
  if (!rule) throw new Error(`no rule for ${topic}`);
  return rule(payload);
};
