import { describe, expect, it } from 'vitest';
import { CLUE_FEED, clueSummary, COMPLAINT_SPIKE, departmentFor, windowRisk } from './clue-feed.rules.ts';

const at = new Date('2026-12-05T04:00:00Z');
const feed = (topic: string, payload: Record<string, unknown>) =>
  (CLUE_FEED[topic] as NonNullable<(typeof CLUE_FEED)[string]>)(payload, at, 'evt-1');

describe('the clue feed', () => {
  it('maps credit’s threshold crossings to clues at once, a streamer as a user and the rest as organizations', () => {
    const [t] = feed('credit.clue_raised', {
      partyId: 'p1',
      partyKind: 'streamer',
      trigger: 'violations',
      detail: { count: 3, windowDays: 30 },
    });
    expect(t).toMatchObject({
      signal: { kind: 'credit.violations', subjectId: 'p1', source: 'credit-clue:evt-1' },
      subjectKind: 'user',
      raise: { rule: 'repeat_violation', risk: 3, facts: { trigger: 'violations', count: 3, windowDays: 30 } },
    });
    expect(feed('credit.clue_raised', { partyId: 'm1', partyKind: 'merchant', trigger: 'tier_d' })[0]).toMatchObject({
      subjectKind: 'organization',
      raise: { rule: 'credit_tier_d', risk: 2 },
    });
    expect(feed('credit.clue_raised', { partyId: 'm1', trigger: 'unknown' })).toEqual([]);
    expect(feed('credit.clue_raised', { trigger: 'violations' })).toEqual([]);
  });

  it('raises on a serious or prohibited-goods violation only, against each party named, once per violation and party', () => {
    expect(
      feed('compliance.violation_confirmed', { violationId: 'v1', merchantOrgId: 'm', categories: ['absolute_claim'], severity: 3 }),
    ).toEqual([]);
    const serious = feed('compliance.violation_confirmed', {
      violationId: 'v2',
      merchantOrgId: 'm',
      streamerUserId: 's',
      categories: ['medical_claim'],
      severity: 4,
    });
    expect(serious.map((t) => [t.subjectKind, t.signal.source, t.raise?.risk])).toEqual([
      ['organization', 'violation:v2:m', 2],
      ['user', 'violation:v2:s', 2],
    ]);
    const prohibited = feed('compliance.violation_confirmed', {
      violationId: 'v3',
      merchantOrgId: 'm',
      categories: ['prohibited_goods'],
      severity: 2,
    });
    expect(prohibited[0]?.raise?.risk).toBe(3);
  });

  it('counts complaints against the merchant in a 7-day window', () => {
    const [t] = feed('disputes.complaint_filed', { complaintId: 'c1', merchantOrgId: 'm' });
    expect(t).toMatchObject({
      signal: { kind: 'complaint', subjectId: 'm', source: 'complaint:c1' },
      window: { rule: 'complaint_spike', days: 7, threshold: 5 },
    });
    expect(t?.raise).toBeUndefined();
    expect(feed('disputes.complaint_filed', { complaintId: 'c1' })).toEqual([]);
  });

  it('makes a referred report a clue about what was reported, graver for fraud, infringement to the IP office', () => {
    const payload = {
      reportId: 'r1',
      targetKind: 'product',
      targetId: 'p1',
      category: 'infringement',
      outcome: '疑似假冒注册商标',
      anonymous: true,
      evidenceCount: 2,
    };
    const [t] = feed('reports.report_referred', payload);
    expect(t).toMatchObject({
      signal: { kind: 'report', subjectId: 'p1', source: 'report:r1' },
      subjectKind: 'product',
      evidence: { kind: 'report', id: 'r1' },
      raise: { rule: 'report', risk: 2, facts: { category: 'infringement', anonymous: true, evidenceCount: 2 } },
    });
    expect(departmentFor('report', t?.raise?.facts ?? {})).toBe('zscqj');
    expect(feed('reports.report_referred', { ...payload, category: 'fraud', targetKind: 'live_session' })[0]).toMatchObject({
      subjectKind: 'live_session',
      raise: { risk: 3 },
    });
    expect(departmentFor('report', { category: 'fraud' })).toBe('scjgj');
    expect(feed('reports.report_referred', { ...payload, targetKind: 'planet' })).toEqual([]);
    expect(clueSummary('report', { category: 'infringement', outcome: '疑似假冒注册商标' }).zh).toBe(
      '平台移送举报（侵权）：疑似假冒注册商标',
    );
  });

  it('grades a window’s risk and routes a clue to a department', () => {
    expect([4, 5, 9, 10, 30].map((n) => windowRisk(n, COMPLAINT_SPIKE))).toEqual([1, 2, 2, 3, 3]);
    expect(departmentFor('complaint_spike', {})).toBe('scjgj');
    expect(departmentFor('serious_violation', { categories: ['off_platform_diversion'] })).toBe('wxb');
    expect(departmentFor('serious_violation', { categories: ['off_platform_diversion', 'price_fraud'] })).toBe('scjgj');
  });

  it('says in words what raised each clue, Chinese first', () => {
    expect(clueSummary('complaint_spike', { count: 6, windowDays: 7 }).zh).toBe('7天内收到投诉 6 件（投诉激增）');
    expect(clueSummary('serious_violation', { categories: ['price_fraud', 'false_scarcity'], severity: 5 }).zh).toBe(
      '确认严重违规：价格欺诈、虚假稀缺（严重程度 5）',
    );
    expect(clueSummary('credit_tier_d', {}).en).toBe('Credit tier fell to D');
    expect(clueSummary('manual', { description: '群众来信' }).zh).toBe('群众来信');
  });
});
