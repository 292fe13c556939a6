/** The compliance context's pure rules: grouping of repeats, who may decide, the evidence and its hash chain. */
import { loadDefaultPack } from '@livehub/compliance';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../shared/hash.ts';
import {
  CLAIM_TIMEOUT_MS,
  checkEvidenceChain,
  decisionRefusal,
  EVIDENCE_GENESIS,
  evidenceContent,
  evidenceHash,
  groupKey,
  sampledForReview,
  liveWarning,
  ruleName,
} from './compliance.rules.ts';
import type { EvidenceRecord, ReviewItemView, ScreeningEventRecord, ViolationRecord } from './compliance.types.ts';

const at = new Date('2026-03-02T02:00:00Z');
const event = (over: Partial<ScreeningEventRecord> = {}): ScreeningEventRecord => ({
  id: 'e1',
  eventId: 'x1',
  sourceOrgId: 'o1',
  actorUserId: null,
  senderUserId: 'u1',
  kind: 'chat',
  text: '全网最低价',
  sessionRef: 's1',
  streamerUserId: 'st1',
  merchantOrgId: 'm1',
  productRef: null,
  productCategory: null,
  card: null,
  decision: 'block',
  hitCount: 1,
  maxSeverity: 3,
  packVersion: '1',
  occurredAt: at,
  receivedAt: at,
  ...over,
});

describe('ruleName', () => {
  it('drops the quoted match from a rule explanation', () => {
    expect(ruleName({ explain: { zh: '使用了绝对化用语“{matched}”', en: 'Absolute claim "{matched}"' } })).toEqual({
      zh: '使用了绝对化用语',
      en: 'Absolute claim',
    });
  });
});

describe('groupKey', () => {
  const hits = [{ ruleId: 'r2' }, { ruleId: 'r1' }];
  it('groups one sender repeating one text in one session, whatever the width, case or rule order', () => {
    expect(groupKey(event({ text: 'ＡＢＣ 全网最低价' }), hits)).toBe(groupKey(event({ text: 'abc全网最低价' }), [...hits].reverse()));
  });
  it('separates senders, sessions and kinds, and never groups outside a session', () => {
    const k = groupKey(event(), hits);
    expect(groupKey(event({ senderUserId: 'u2' }), hits)).not.toBe(k);
    expect(groupKey(event({ sessionRef: 's2' }), hits)).not.toBe(k);
    expect(groupKey(event({ kind: 'transcript' }), hits)).not.toBe(k);
    expect(groupKey(event({ sessionRef: null }), hits)).toBeNull();
  });
});

describe('decisionRefusal', () => {
  const me = { userId: 'r1' };
  it('refuses a decided item, and an item another reviewer claimed recently', () => {
    expect(decisionRefusal(me, { status: 'confirmed', claimedBy: 'r1', claimedAt: at }, at)).toBe('review.already_decided');
    expect(decisionRefusal(me, { status: 'dismissed', claimedBy: null, claimedAt: null }, at)).toBe('review.already_decided');
    expect(decisionRefusal(me, { status: 'claimed', claimedBy: 'r2', claimedAt: at }, at)).toBe('review.claimed_by_other');
  });
  it("allows an open item, one's own claim, and a claim that has lapsed", () => {
    expect(decisionRefusal(me, { status: 'open', claimedBy: null, claimedAt: null }, at)).toBeNull();
    expect(decisionRefusal(me, { status: 'claimed', claimedBy: 'r1', claimedAt: at }, at)).toBeNull();
    const later = new Date(at.getTime() + CLAIM_TIMEOUT_MS + 1);
    expect(decisionRefusal(me, { status: 'claimed', claimedBy: 'r2', claimedAt: at }, later)).toBeNull();
    expect(decisionRefusal(me, { status: 'claimed', claimedBy: 'r2', claimedAt: at }, new Date(at.getTime() + CLAIM_TIMEOUT_MS))).toBe(
      'review.claimed_by_other',
    );
  });
});

describe('evidence', () => {
  const pack = loadDefaultPack();
  const rule = pack.rules[0];
  const item = {
    ...event(),
    id: 'i1',
    screeningEventId: 'e1',
    status: 'claimed',
    severity: 3,
    categories: [rule?.category],
    dueAt: at,
    claimedBy: 'r1',
    claimedAt: at,
    decidedBy: null,
    decidedAt: null,
    reason: null,
    createdAt: at,
    groupKey: null,
    occurrences: 2,
    firstSeenAt: at,
    lastSeenAt: at,
    event: event(),
    hits: [{ id: 'h1', screeningEventId: 'e1', ruleId: rule?.id ?? 'r', category: rule?.category, severity: 3, start: 0, end: 5 }],
  } as unknown as ReviewItemView;
  const v = { id: 'v1', categories: item.categories, severity: 3, reason: '确认', confirmedBy: 'r1' } as ViolationRecord;

  it('holds the event, the hits, the context, every repeat and the rules as they were', () => {
    const c = evidenceContent(pack, v, item, [event({ id: 'e0', text: '前一句' })], [], at);
    expect(c).toMatchObject({
      violation: { id: 'v1', confirmedAt: at.toISOString() },
      event: { id: 'e1', text: '全网最低价' },
      context: [{ id: 'e0', text: '前一句' }],
      occurrences: { count: 2, events: [] },
      rulePack: { id: pack.id, version: '1' },
      rules: [{ id: rule?.id, basis: rule?.basis }],
    });
  });

  const record = (seq: number, prevHash: string): EvidenceRecord => {
    const content = { n: seq };
    const base = {
      seq,
      id: `ev${seq}`,
      violationId: `v${seq}`,
      content,
      contentHash: sha256Hex(canonicalJson(content)),
      prevHash,
      createdAt: at,
      retainUntil: at,
    };
    return { ...base, hash: evidenceHash(base) };
  };
  const chain = (n: number) => {
    const out: EvidenceRecord[] = [];
    for (let i = 1; i <= n; i++) out.push(record(i, out[i - 2]?.hash ?? EVIDENCE_GENESIS));
    return out;
  };

  it('accepts an intact chain and returns its head', () => {
    const rows = chain(3);
    expect(checkEvidenceChain(rows, { seq: 0, hash: EVIDENCE_GENESIS })).toEqual({
      broken: null,
      head: { seq: 3, hash: rows[2]?.hash },
    });
  });

  it('names the first record whose sequence, link, content or hash does not recompute', () => {
    const genesis = { seq: 0, hash: EVIDENCE_GENESIS };
    const [a, b, c] = chain(3) as [EvidenceRecord, EvidenceRecord, EvidenceRecord];
    expect(checkEvidenceChain([a, c], genesis).broken).toMatchObject({
      seq: 3,
      checked: 1,
      reason: expect.stringContaining('sequence gap'),
    });
    expect(checkEvidenceChain([a, { ...b, prevHash: EVIDENCE_GENESIS }], genesis).broken).toMatchObject({
      seq: 2,
      reason: expect.stringContaining('prev_hash'),
    });
    expect(checkEvidenceChain([a, { ...b, content: { n: 99 } }], genesis).broken).toMatchObject({
      seq: 2,
      reason: expect.stringContaining('content'),
    });
    expect(checkEvidenceChain([{ ...a, retainUntil: new Date(0) }], genesis).broken).toMatchObject({
      seq: 1,
      checked: 0,
      reason: expect.stringContaining('hash'),
    });
  });
});

describe('liveWarning', () => {
  const pack = loadDefaultPack();
  const rule = pack.rules.find((r) => r.explain.zh.includes('{matched}')) ?? pack.rules[0];
  const hit = { ruleId: rule?.id ?? 'r', matched: '最低价' } as ScreeningEventRecord & { ruleId: string; matched: string };
  const result = (over: Partial<{ duplicate: boolean; hits: unknown[] }> = {}) =>
    ({ event: event(), hits: [hit, hit], reviewItemId: null, duplicate: false, ...over }) as unknown as Parameters<typeof liveWarning>[2];
  const session = '0b6f3a52-8a8e-4c1e-9a55-2f1f3c9a0e11';

  it("warns a live session's managers with the rules, the text and the first hit's explanation filled in", () => {
    const w = liveWarning(pack, { kind: 'chat', text: 'x'.repeat(300), sessionRef: session }, result());
    expect(w).toEqual({
      source: 'chat',
      ruleIds: [rule?.id],
      text: 'x'.repeat(200),
      message: { zh: rule?.explain.zh.replaceAll('{matched}', '最低价'), en: rule?.explain.en.replaceAll('{matched}', '最低价') },
    });
    expect(liveWarning(pack, { kind: 'transcript', text: 't', sessionRef: session }, result())?.source).toBe('transcript');
  });

  it('stays quiet for a retry, an event without hits, or a reference that is not a live session', () => {
    expect(liveWarning(pack, { kind: 'chat', text: 't', sessionRef: session }, result({ duplicate: true }))).toBeNull();
    expect(liveWarning(pack, { kind: 'chat', text: 't', sessionRef: session }, result({ hits: [] }))).toBeNull();
    expect(liveWarning(pack, { kind: 'chat', text: 't', sessionRef: 'demo-1' }, result())).toBeNull();
    expect(liveWarning(pack, { kind: 'chat', text: 't' }, result())).toBeNull();
  });
});

describe('sampledForReview (加大抽检)', () => {
  const ids = Array.from({ length: 10_000 }, (_, i) => `event-${i}`);
  it('samples nothing at 0 and everything at 100 %', () => {
    expect(ids.some((id) => sampledForReview(id, 0))).toBe(false);
    expect(ids.every((id) => sampledForReview(id, 10_000))).toBe(true);
  });
  it('is deterministic, about its rate, and an event sampled at a rate is sampled at any higher rate', () => {
    const at20 = ids.filter((id) => sampledForReview(id, 2000));
    expect(at20.length).toBeGreaterThan(1800);
    expect(at20.length).toBeLessThan(2200);
    expect(ids.filter((id) => sampledForReview(id, 2000))).toEqual(at20);
    expect(at20.every((id) => sampledForReview(id, 3000))).toBe(true);
  });
});
