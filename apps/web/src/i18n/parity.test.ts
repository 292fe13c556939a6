/**
 * Every message has both languages: each area file's zh-CN and en-US hold the same keys, no text is empty, both
 * carry the same `{placeholders}`, no key is defined by two areas, and the merged dictionary answers every key.
 */
import { describe, expect, it } from 'vitest';
import { activityEn, activityZh } from './activity.ts';
import { complianceEn, complianceZh } from './compliance.ts';
import { creditEn, creditZh } from './credit.ts';
import { financeEn, financeZh } from './finance.ts';
import { identityEn, identityZh } from './identity.ts';
import { isMessageKey, translate } from './index.ts';
import { ipNoticesEn, ipNoticesZh } from './ip-notices.ts';
import { liveEn, liveZh } from './live.ts';
import { notificationsEn, notificationsZh } from './notifications.ts';
import { ordersEn, ordersZh } from './orders.ts';
import { registryEn, registryZh } from './registry.ts';
import { reviewEn, reviewZh } from './review.ts';
import { selectionEn, selectionZh } from './selection.ts';
import { shellEn, shellZh } from './shell.ts';

const AREAS: Record<string, [Record<string, string>, Record<string, string>]> = {
  shell: [shellZh, shellEn],
  identity: [identityZh, identityEn],
  registry: [registryZh, registryEn],
  compliance: [complianceZh, complianceEn],
  review: [reviewZh, reviewEn],
  selection: [selectionZh, selectionEn],
  live: [liveZh, liveEn],
  activity: [activityZh, activityEn],
  orders: [ordersZh, ordersEn],
  finance: [financeZh, financeEn],
  credit: [creditZh, creditEn],
  notifications: [notificationsZh, notificationsEn],
  ipNotices: [ipNoticesZh, ipNoticesEn],
};

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('the message dictionary', () => {
  for (const [area, [zh, en]] of Object.entries(AREAS)) {
    it(`${area}: every key has zh-CN and en-US text with the same placeholders`, () => {
      expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
      for (const [key, text] of Object.entries(zh)) {
        expect(text.trim(), `${key} (zh-CN)`).not.toBe('');
        expect(en[key]?.trim(), `${key} (en-US)`).not.toBe('');
        expect(placeholders(en[key] ?? ''), key).toEqual(placeholders(text));
      }
    });
  }

  it('defines each key in one area only, and the merged dictionary answers every key in both languages', () => {
    const seen = new Map<string, string>();
    for (const [area, [zh]] of Object.entries(AREAS)) {
      for (const key of Object.keys(zh)) {
        expect(seen.get(key), `${key} in ${area}`).toBeUndefined();
        seen.set(key, area);
        if (!isMessageKey(key)) throw new Error(`${key} is not a message key`);
        expect(translate('zh-CN', key)).toBe(zh[key]);
        expect(translate('en-US', key)).toBe(AREAS[area]?.[1][key]);
      }
    }
  });
});
