/**
 * Contract cases of the appeals and reports port (credit): one open appeal per event, decided once, listed newest
 * first per party, the latest per event; reports stored as issued and found by number.
 */
import type { CreditAppealRecord, CreditReportRecord } from '@livehub/core';
import { expect, it } from 'vitest';
import { type ContractDb, uuid } from './fixtures.ts';

const appeal = (eventId: string, partyId: string, at: string, over: Partial<CreditAppealRecord> = {}): CreditAppealRecord => ({
  id: uuid(),
  eventId,
  partyId,
  partyKind: 'streamer',
  applicationId: uuid(),
  status: 'open',
  reason: '该事件认定有误，申请复核',
  evidence: null,
  filedBy: partyId,
  createdAt: new Date(at),
  decidedAt: null,
  decisionNote: null,
  ...over,
});

export function creditAppealCases(db: ContractDb): void {
  it('keeps one open appeal per event, decides it once, lists by party and gives the latest per event', async () => {
    const r = db.r();
    const [party, other, e1, e2] = [uuid(), uuid(), uuid(), uuid()];
    const first = appeal(e1, party, '2026-12-01T08:00:00Z');
    await r.creditAppeals.insertAppeal(first);
    await expect(r.creditAppeals.insertAppeal(appeal(e1, party, '2026-12-01T09:00:00Z'))).rejects.toThrow();
    expect(await r.creditAppeals.openAppealOf(e1)).toEqual(first);
    expect(await r.creditAppeals.findAppeal(first.id)).toEqual(first);
    expect(await r.creditAppeals.findByApplication(first.applicationId)).toEqual(first);
    expect(await r.creditAppeals.findAppeal(uuid())).toBeNull();

    const decidedAt = new Date('2026-12-02T08:00:00Z');
    expect(await r.creditAppeals.decideAppeal(first.id, { status: 'rejected', decidedAt, decisionNote: '理由不成立' })).toBe(true);
    expect(await r.creditAppeals.decideAppeal(first.id, { status: 'upheld', decidedAt, decisionNote: null })).toBe(false);
    expect(await r.creditAppeals.openAppealOf(e1)).toBeNull();
    const second = appeal(e1, party, '2026-12-03T08:00:00Z');
    await r.creditAppeals.insertAppeal(second);
    const third = appeal(e2, party, '2026-12-04T08:00:00Z');
    await r.creditAppeals.insertAppeal(third);
    await r.creditAppeals.insertAppeal(appeal(uuid(), other, '2026-12-05T08:00:00Z'));

    expect((await r.creditAppeals.listAppeals({ partyId: party, limit: 10 })).map((a) => a.id)).toEqual([third.id, second.id, first.id]);
    expect((await r.creditAppeals.listAppeals({ partyId: party, status: 'rejected', limit: 10 })).map((a) => a.status)).toEqual([
      'rejected',
    ]);
    expect(await r.creditAppeals.listAppeals({ partyId: party, limit: 1 })).toHaveLength(1);
    const latest = await r.creditAppeals.latestAppealsOf([e1, e2, uuid()]);
    expect(new Map(latest.map((a) => [a.eventId, a.id]))).toEqual(
      new Map([
        [e1, second.id],
        [e2, third.id],
      ]),
    );
    expect(await r.creditAppeals.latestAppealsOf([])).toEqual([]);
  });

  it('stores reports as issued, unique by number', async () => {
    const r = db.r();
    const id = uuid();
    const number = `LHCR-20261204-${id.replaceAll('-', '').slice(-8).toUpperCase()}`;
    const report: CreditReportRecord = {
      id,
      number,
      partyId: uuid(),
      partyKind: 'merchant',
      purpose: 'inquiry',
      content: {
        number,
        party: { id: uuid(), kind: 'merchant', name: '测试商家' },
        tier: 'B',
        total: 81.25,
        dimensions: [],
        events: [{ kind: 'case.penalty', day: '2026-12-01', points: -8, waived: false }],
        measures: [],
        modelVersion: '2026.12-1',
        issuedAt: '2026-12-04T08:00:00.000Z',
      },
      sha256: 'a'.repeat(64),
      signature: 'b'.repeat(64),
      issuedBy: null,
      issuedAt: new Date('2026-12-04T08:00:00Z'),
    };
    await r.creditAppeals.insertReport(report);
    expect(await r.creditAppeals.findReportByNumber(number)).toEqual(report);
    expect(await r.creditAppeals.findReportByNumber('LHCR-20000101-00000000')).toBeNull();
    await expect(r.creditAppeals.insertReport({ ...report, id: uuid() })).rejects.toThrow();
  });
}
