/**
 * Contract cases of the supervision clues port: signals insert once per source and count within a window; one open
 * clue per key, moved by version (a dismissed one frees the key); lists by department (null: the office's own),
 * status, rule and risk, newest signal first; the log in order.
 */
import type { CaseRecord, ClueRecord } from '@livehub/core';
import { expect, it } from 'vitest';
import { type ContractDb, uuid } from './fixtures.ts';

const clue = (over: Partial<ClueRecord> = {}): ClueRecord => ({
  id: uuid(),
  rule: 'complaint_spike',
  subjectKind: 'organization',
  subjectId: uuid(),
  riskLevel: 2,
  status: 'open',
  departmentCode: 'scjgj',
  facts: { count: 5, windowDays: 7 },
  evidence: [{ kind: 'complaint', id: uuid(), at: '2026-12-01T08:00:00.000Z' }],
  signals: 1,
  dedupeKey: `complaint_spike:${uuid()}`,
  createdByUserId: null,
  closingReason: null,
  firstAt: new Date('2026-12-01T08:00:00Z'),
  lastAt: new Date('2026-12-01T08:00:00Z'),
  version: 1,
  ...over,
});

export function clueCases(db: ContractDb): void {
  it('stores a signal once per source and counts those within the window', async () => {
    const r = db.r();
    const subjectId = uuid();
    const at = (d: number) => new Date(Date.UTC(2026, 11, d, 8));
    const source = `complaint:${uuid()}`;
    expect(await r.clues.insertSignal({ id: uuid(), kind: 'complaint', subjectId, at: at(1), source })).toBe(true);
    expect(await r.clues.insertSignal({ id: uuid(), kind: 'complaint', subjectId, at: at(1), source })).toBe(false);
    for (const d of [3, 5, 9])
      await r.clues.insertSignal({ id: uuid(), kind: 'complaint', subjectId, at: at(d), source: `complaint:${uuid()}` });
    await r.clues.insertSignal({ id: uuid(), kind: 'other', subjectId, at: at(9), source: `other:${uuid()}` });
    expect(await r.clues.countSignals('complaint', subjectId, at(3))).toBe(3);
    expect(await r.clues.countSignals('complaint', subjectId, at(1))).toBe(4);
    expect(await r.clues.countSignals('complaint', uuid(), at(1))).toBe(0);
    expect((await r.clues.recentSignals('complaint', subjectId, at(1), 2)).map((s) => s.at)).toEqual([at(9), at(5)]);
  });

  it('keeps one open clue per key, moves it by version, and frees the key once it is dismissed', async () => {
    const r = db.r();
    const first = clue();
    await r.clues.insertClue(first);
    expect(await r.clues.findClue(first.id)).toEqual(first);
    expect(await r.clues.findOpenClue(first.dedupeKey as string)).toEqual(first);
    await expect(r.clues.insertClue(clue({ dedupeKey: first.dedupeKey }))).rejects.toThrow();
    const moved = { ...first, signals: 2, riskLevel: 3, version: 2 };
    expect(await r.clues.updateClue(moved, 1)).toBe(true);
    expect(await r.clues.updateClue({ ...moved, version: 3 }, 1)).toBe(false);
    const closed = { ...moved, status: 'dismissed' as const, closingReason: '无需立案', version: 3 };
    expect(await r.clues.updateClue(closed, 2)).toBe(true);
    expect(await r.clues.findOpenClue(first.dedupeKey as string)).toBeNull();
    await r.clues.insertClue(clue({ dedupeKey: first.dedupeKey }));
    // manual clues have no key: any number
    await r.clues.insertClue(clue({ rule: 'manual', dedupeKey: null }));
    await r.clues.insertClue(clue({ rule: 'manual', dedupeKey: null }));
    const got = await db.uow().transaction((tx) => tx.clues.findOpenClue(first.dedupeKey as string, { lock: true }));
    expect(got?.status).toBe('open');
  });

  it('reads and writes a batch of detector events at once: sources, windows, open clues, reinforcements, log', async () => {
    const r = db.r();
    const [m1, m2] = [uuid(), uuid()];
    const at = (d: number) => new Date(Date.UTC(2026, 11, d, 8));
    const sig = (kind: string, subjectId: string, d: number) => ({ id: uuid(), kind, subjectId, at: at(d), source: `${kind}:${uuid()}` });
    const stored = [sig('complaint', m1, 1), sig('complaint', m1, 4), sig('complaint', m2, 6), sig('report', m1, 6)];
    const again = { ...(stored[0] as (typeof stored)[number]), id: uuid() };
    expect(await r.clues.insertSignals(stored)).toBe(4);
    expect(await r.clues.insertSignals([again, sig('complaint', m2, 7)])).toBe(1);
    expect(await r.clues.insertSignals([])).toBe(0);
    expect(await r.clues.storedSources([again.source, 'complaint:none'])).toEqual(new Set([again.source]));
    expect(await r.clues.storedSources([])).toEqual(new Set());
    const window = await r.clues.signalsAbout(
      [
        { kind: 'complaint', subjectIds: [m1, m2] },
        { kind: 'report', subjectIds: [m2] },
      ],
      at(3),
    );
    expect(window.map((s) => `${s.subjectId === m1 ? 'm1' : 'm2'}@${s.at.getUTCDate()}`).sort()).toEqual(['m1@4', 'm2@6', 'm2@7']);
    expect(await r.clues.signalsAbout([{ kind: 'complaint', subjectIds: [] }], at(1))).toEqual([]);

    const a = clue();
    const b = clue();
    await r.clues.insertClues([a, b]);
    await r.clues.insertClues([]);
    const open = await r.clues.findOpenClues([a.dedupeKey as string, b.dedupeKey as string, 'complaint_spike:none']);
    expect(open.map((c) => c.id).sort()).toEqual([a.id, b.id].sort());
    expect(await r.clues.findOpenClues([])).toEqual([]);
    const a2 = {
      ...a,
      riskLevel: 3,
      facts: { count: 11, windowDays: 7 },
      evidence: [{ kind: 'complaint' as const, id: uuid(), at: '2026-12-02T08:00:00.000Z' }, ...a.evidence],
      signals: 3,
      lastAt: new Date('2026-12-02T08:00:00Z'),
      version: 3,
    };
    // b is checked on a version it is no longer at: only a is written
    expect(
      await r.clues.reinforceClues([
        { clue: a2, expectVersion: 1 },
        { clue: { ...b, signals: 9, version: 5 }, expectVersion: 4 },
      ]),
    ).toBe(1);
    expect(await r.clues.reinforceClues([])).toBe(0);
    expect(await r.clues.findClue(a.id)).toEqual(a2);
    expect(await r.clues.findClue(b.id)).toEqual(b);
    const got = await db.uow().transaction((tx) => tx.clues.findOpenClues([a.dedupeKey as string], { lock: true }));
    expect(got).toEqual([a2]);

    const entry = (at: string, action: 'raised' | 'reinforced') => ({
      id: uuid(),
      clueId: a.id,
      at: new Date(at),
      action,
      actorUserId: null,
      fromDepartment: null,
      toDepartment: null,
      note: null,
    });
    await r.clues.appendEntries([entry('2026-12-02T08:00:00Z', 'reinforced'), entry('2026-12-01T08:00:00Z', 'raised')]);
    await r.clues.appendEntries([]);
    expect((await r.clues.listEntries(a.id)).map((e) => e.action)).toEqual(['raised', 'reinforced']);
  });

  it('lists by department, status, rule and risk, newest signal first; the log in order', async () => {
    const r = db.r();
    const dept = `d${uuid().slice(0, 8)}`;
    const a = clue({ departmentCode: dept, lastAt: new Date('2026-12-02T00:00:00Z'), riskLevel: 1 });
    const b = clue({ departmentCode: dept, lastAt: new Date('2026-12-03T00:00:00Z'), riskLevel: 3, rule: 'serious_violation' });
    const c = clue({ departmentCode: dept, status: 'dismissed', lastAt: new Date('2026-12-04T00:00:00Z') });
    for (const x of [a, b, c]) await r.clues.insertClue(x);
    expect((await r.clues.listClues({ departments: [dept], limit: 10 })).map((x) => x.id)).toEqual([c.id, b.id, a.id]);
    expect((await r.clues.listClues({ departments: [dept], status: 'open', limit: 10 })).map((x) => x.id)).toEqual([b.id, a.id]);
    expect((await r.clues.listClues({ departments: [dept], minRisk: 2, status: 'open', limit: 10 })).map((x) => x.id)).toEqual([b.id]);
    expect((await r.clues.listClues({ departments: [dept], rule: 'serious_violation', limit: 10 })).map((x) => x.id)).toEqual([b.id]);
    expect(await r.clues.listClues({ departments: [], limit: 10 })).toEqual([]);
    expect((await r.clues.listClues({ ids: [a.id, c.id], limit: 10 })).map((x) => x.id)).toEqual([c.id, a.id]);
    expect(await r.clues.listClues({ ids: [], limit: 10 })).toEqual([]);
    const office = clue({ departmentCode: null });
    await r.clues.insertClue(office);
    expect((await r.clues.listClues({ departments: [null], limit: 500 })).map((x) => x.id)).toContain(office.id);

    const entry = (at: string, action: 'raised' | 'transferred') => ({
      id: uuid(),
      clueId: a.id,
      at: new Date(at),
      action,
      actorUserId: null,
      fromDepartment: null,
      toDepartment: dept,
      note: null,
    });
    await r.clues.appendEntry(entry('2026-12-02T02:00:00Z', 'transferred'));
    await r.clues.appendEntry(entry('2026-12-02T01:00:00Z', 'raised'));
    expect((await r.clues.listEntries(a.id)).map((e) => e.action)).toEqual(['raised', 'transferred']);
  });
}

const kase = (clueId: string, over: Partial<CaseRecord> = {}): CaseRecord => ({
  id: uuid(),
  caseNo: `网监案〔2026〕${uuid().slice(-8).toUpperCase()}号`,
  clueId,
  status: 'investigating',
  partyKind: 'organization',
  partyId: uuid(),
  subjectKind: null,
  subjectId: null,
  departmentCode: 'scjgj',
  jointDepartments: [],
  summary: '涉嫌价格欺诈',
  openedByUserId: null,
  openedAt: new Date('2026-12-01T08:00:00Z'),
  notice: null,
  notifiedAt: null,
  defenceDueAt: null,
  statement: null,
  statedAt: null,
  statementLapsed: false,
  decision: null,
  decidedAt: null,
  documentKey: null,
  documentSha256: null,
  executedAt: null,
  closedAt: null,
  version: 1,
  ...over,
});

/** Contract cases of the cases port: one case per clue, moved by version; evidence in chain order; suspensions by time. */
export function caseCases(db: ContractDb): void {
  it('stores one case per clue, moves it by version, lists by department and by party once notified', async () => {
    const r = db.r();
    const c1 = clue();
    await r.clues.insertClue(c1);
    const dept = `d${uuid().slice(0, 8)}`;
    const a = kase(c1.id, { departmentCode: dept });
    await r.cases.insertCase(a);
    expect(await r.cases.findCase(a.id)).toEqual(a);
    expect((await r.cases.findCaseByClue(c1.id))?.id).toBe(a.id);
    await expect(r.cases.insertCase(kase(c1.id))).rejects.toThrow();
    const notified = {
      ...a,
      status: 'notified' as const,
      notice: { facts: '事实', intended: '下架', legalBasis: '价格法' },
      notifiedAt: new Date('2026-12-02T08:00:00Z'),
      defenceDueAt: new Date('2026-12-09T15:59:59.999Z'),
      version: 2,
    };
    expect(await r.cases.updateCase(notified, 1)).toBe(true);
    expect(await r.cases.updateCase({ ...notified, version: 3 }, 1)).toBe(false);
    expect(await r.cases.findCase(a.id)).toEqual(notified);
    expect((await r.cases.listCases({ departments: [dept], limit: 10 })).map((c) => c.id)).toEqual([a.id]);
    expect(await r.cases.listCases({ departments: [dept], status: 'closed', limit: 10 })).toEqual([]);
    // 联合执法: a joint department lists the case with its own; others do not
    const joint = `j${uuid().slice(0, 8)}`;
    expect(await r.cases.updateCase({ ...notified, jointDepartments: [joint, 'other'], version: 3 }, 2)).toBe(true);
    expect((await r.cases.findCase(a.id))?.jointDepartments).toEqual([joint, 'other']);
    expect((await r.cases.listCases({ departments: [joint], jointWith: joint, limit: 10 })).map((c) => c.id)).toEqual([a.id]);
    expect(await r.cases.listCases({ departments: [joint], limit: 10 })).toEqual([]);
    expect(await r.cases.listCases({ departments: [`x${uuid().slice(0, 8)}`], jointWith: 'nobody', limit: 10 })).toEqual([]);
    const c2 = clue();
    await r.clues.insertClue(c2);
    const unnotified = kase(c2.id, { partyId: a.partyId });
    await r.cases.insertCase(unnotified);
    // a party sees only what it was told
    expect((await r.cases.listCases({ party: { kind: 'organization', id: a.partyId }, limit: 10 })).map((c) => c.id)).toEqual([a.id]);
    expect(await r.cases.listCases({ party: { kind: 'user', id: a.partyId }, limit: 10 })).toEqual([]);
  });

  it('keeps the evidence in chain order (one item once) and the log in time order', async () => {
    const r = db.r();
    const c1 = clue();
    await r.clues.insertClue(c1);
    const k = kase(c1.id);
    await r.cases.insertCase(k);
    const ev = (seq: number, refId = uuid()) => ({
      id: uuid(),
      caseId: k.id,
      seq,
      kind: 'order' as const,
      refId,
      summary: `订单 ${seq}`,
      note: null,
      contentHash: 'c'.repeat(64),
      prevHash: String(seq - 1).repeat(64),
      hash: String(seq).repeat(64),
      addedAt: new Date('2026-12-01T09:00:00Z'),
      addedByUserId: null,
    });
    const second = ev(2);
    await r.cases.appendEvidence(second);
    await r.cases.appendEvidence(ev(1));
    expect((await r.cases.listEvidence(k.id)).map((e) => e.seq)).toEqual([1, 2]);
    await expect(r.cases.appendEvidence(ev(3, second.refId))).rejects.toThrow();
    await expect(r.cases.appendEvidence(ev(2))).rejects.toThrow();
    const entry = (at: string, action: 'opened' | 'notified') => ({
      id: uuid(),
      caseId: k.id,
      at: new Date(at),
      action,
      actorUserId: null,
      note: null,
      fromDepartment: null,
      toDepartment: null,
    });
    await r.cases.appendEntry(entry('2026-12-02T00:00:00Z', 'notified'));
    await r.cases.appendEntry({
      ...entry('2026-12-03T00:00:00Z', 'opened'),
      action: 'transferred',
      fromDepartment: 'a',
      toDepartment: 'b',
    });
    await r.cases.appendEntry(entry('2026-12-01T00:00:00Z', 'opened'));
    const log = await r.cases.listEntries(k.id);
    expect(log.map((e) => e.action)).toEqual(['opened', 'notified', 'transferred']);
    expect(log[2]).toMatchObject({ fromDepartment: 'a', toDepartment: 'b' });
  });

  it('finds the live suspension in force at a time, the longest first', async () => {
    const r = db.r();
    const c1 = clue();
    await r.clues.insertClue(c1);
    const k = kase(c1.id, { partyKind: 'user' });
    await r.cases.insertCase(k);
    const userId = uuid();
    const d = (day: number) => new Date(Date.UTC(2026, 11, day));
    await r.cases.insertSuspension({ id: uuid(), caseId: k.id, userId, from: d(1), until: d(4) });
    await r.cases.insertSuspension({ id: uuid(), caseId: k.id, userId, from: d(2), until: d(9) });
    expect(await r.cases.activeSuspension(userId, new Date(d(1).getTime() - 1))).toBeNull();
    expect((await r.cases.activeSuspension(userId, d(3)))?.until).toEqual(d(9));
    expect((await r.cases.activeSuspension(userId, d(8)))?.until).toEqual(d(9));
    expect(await r.cases.activeSuspension(userId, d(9))).toBeNull();
    expect(await r.cases.activeSuspension(uuid(), d(3))).toBeNull();
  });
}
