/**
 * Contract cases of the statistics port (统计分析): the targets seeded with their sources; refresh of an unknown source
 * changes nothing and a rebuild agrees with the rollups; figures grouped and filtered; monthly reports stored once per
 * month (a second save replaces it), found by month and listed newest first without the file.
 */
import { expect, it } from 'vitest';
import type { ContractDb } from './fixtures.ts';
import { uuid } from './fixtures.ts';

export function statisticsCases(db: ContractDb): void {
  it('holds the targets as data, each with its source', async () => {
    const targets = await db.r().statistics.targets();
    expect(targets.map((t) => t.id)).toEqual(
      expect.arrayContaining(['sc-2025-gmv', 'sc-2025-physical', 'sc-2030-bases', 'sh-2026-gmv', 'jd-2026-gmv']),
    );
    expect(targets.find((t) => t.id === 'sc-2025-gmv')).toMatchObject({
      scope: 'province',
      year: 2025,
      metric: 'gmv',
      value: 15_000_000_000_000,
    });
    expect(targets.every((t) => t.source.length > 0)).toBe(true);
  });

  it('a refresh of an unknown source changes nothing; the rebuild gives the rollups the refreshes gave', async () => {
    const r = db.r();
    const all = { from: '2000-01-01', until: '2100-01-01' };
    await r.statistics.rebuild();
    const before = await r.statistics.figures(['month', 'district', 'base', 'category'], all);
    await db.uow().transaction((tx) => tx.statistics.refresh('order', uuid()));
    await db.uow().transaction((tx) => tx.statistics.refresh('complaint', uuid()));
    expect(await r.statistics.figures(['month', 'district', 'base', 'category'], all)).toEqual(before);
    // every grouping of a year adds up to the year's total
    for (const y of new Set(before.map((x) => x.year))) {
      const total = before.find((x) => x.year === y && x.grouping === 'year');
      for (const g of ['month', 'district', 'base', 'category'] as const)
        expect(before.filter((x) => x.year === y && x.grouping === g).reduce((a, x) => a + x.gmvFen, 0)).toBe(total?.gmvFen);
    }
    expect(await r.statistics.figures(['district'], { ...all, district: '没有这个区' })).toEqual([]);
    expect(await r.statistics.active(['month'], { ...all, until: '2000-02-01' })).toEqual([]);
    expect(await r.statistics.baseNames(['', 'x'])).toEqual(new Map());
    expect(await r.statistics.categoryNames()).toBeInstanceOf(Map);
  });

  it('stores a monthly report once per month, finds it, lists newest first without the file', async () => {
    const r = db.r();
    const xlsx = new Uint8Array([0x50, 0x4b, 3, 4]);
    await r.statistics.saveReport({ month: '2031-01-01', generatedAt: new Date('2031-02-01T00:00:00Z'), summary: { n: 1 }, xlsx });
    await r.statistics.saveReport({ month: '2031-02-01', generatedAt: new Date('2031-03-01T00:00:00Z'), summary: { n: 2 }, xlsx });
    await r.statistics.saveReport({ month: '2031-02-01', generatedAt: new Date('2031-03-02T00:00:00Z'), summary: { n: 3 }, xlsx });
    const found = await r.statistics.findReport('2031-02-01');
    expect(found?.summary).toEqual({ n: 3 });
    expect([...(found?.xlsx ?? [])]).toEqual([...xlsx]);
    expect(await r.statistics.findReport('2031-03-01')).toBeNull();
    const listed = await r.statistics.listReports();
    expect(listed.slice(0, 2).map((x) => x.month)).toEqual(['2031-02-01', '2031-01-01']);
    expect(listed[0]).not.toHaveProperty('xlsx');
  });
}
