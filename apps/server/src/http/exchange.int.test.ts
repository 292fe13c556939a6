/**
 * 跨区域协同 between two installations, on PGlite and PostgreSQL: 苏州 (one platform) exports its clues and C/D credit
 * records signed with its key; 嘉定 (another, the same demo parties by their credit codes) refuses the bundle until
 * 苏州's key is registered, refuses it changed by one field or signed by another key, then imports it — the clues
 * about its own parties become 跨区域移送 clues for its departments, provenance kept — and refuses it a second time.
 */
import { createTestPlatform, drainOutbox, type TestPlatform, type TestSession } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let suzhou: TestPlatform;
let shanghai: TestPlatform;
let szReg: TestSession;
let shReg: TestSession;

const drain = (p: TestPlatform) => drainOutbox(p.c);

beforeAll(async () => {
  [suzhou, shanghai] = await Promise.all([
    createTestPlatform({ seed: true, env: { LIVEHUB_REGION_CODE: '320500', LIVEHUB_REGION_NAME: '苏州市' } }),
    createTestPlatform({ seed: true }),
  ]);
  await Promise.all([drain(suzhou), drain(shanghai)]);
  [szReg, shReg] = await Promise.all([suzhou.login('regulator'), shanghai.login('regulator')]);
}, 240_000);

afterAll(async () => {
  await Promise.all([suzhou?.close(), shanghai?.close()]);
});

describe('cross-region sharing', () => {
  let bundle: Record<string, unknown> & { items: Array<Record<string, unknown>>; signature: string };

  it('苏州 exports its clues and credit records as a bundle signed with its key', async () => {
    const overview = await suzhou.call(szReg, 'GET', '/api/supervision/exchange');
    expect(overview.status).toBe(200);
    expect(overview.body.region).toMatchObject({ code: '320500', name: '苏州市' });
    expect(overview.body.region.publicKey).toContain('BEGIN PUBLIC KEY');
    const r = await suzhou.call(szReg, 'POST', '/api/supervision/exchange/export', { kinds: ['clue', 'credit'] });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    bundle = r.body;
    expect(bundle).toMatchObject({ format: 'livehub.exchange/1', region: { code: '320500' }, keyId: overview.body.region.keyId });
    const clues = bundle.items.filter((i) => i.kind === 'clue');
    expect(clues.length).toBeGreaterThan(0);
    // parties travel by credit code and name only: nothing personal
    expect(JSON.stringify(bundle)).not.toMatch(/(?<![0-9A-Z])1[3-9]\d{9}(?![0-9A-Z])/);
    for (const i of bundle.items) expect(Object.keys(i.subject as object).sort()).toEqual(['creditCode', 'kind', 'name']);
    const after = await suzhou.call(szReg, 'GET', '/api/supervision/exchange');
    expect(after.body.bundles[0]).toMatchObject({ direction: 'export', items: bundle.items.length });
  });

  it('上海 refuses it from an unregistered region, malformed, changed, or with another key, writing nothing', async () => {
    const before = await shanghai.call(shReg, 'GET', '/api/supervision/clues?rule=cross_region');
    expect(before.body.items).toEqual([]);
    const unknown = await shanghai.call(shReg, 'POST', '/api/supervision/exchange/import', { bundle });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'exchange.unknown_region', field: 'bundle.region.code' });
    expect(unknown.body.error.message).toContain('苏州市');

    const malformed = await shanghai.call(shReg, 'POST', '/api/supervision/exchange/import', { bundle: { ...bundle, items: 'x' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatchObject({ code: 'exchange.malformed', field: 'bundle.items' });
    const notJson = await shanghai.call(shReg, 'POST', '/api/supervision/exchange/import', { bundle: 'not a bundle' });
    expect(notJson.body.error).toMatchObject({ code: 'exchange.malformed', field: 'bundle' });

    // a stranger's key registered for 苏州: the key id does not match
    const other = await shanghai.call(shReg, 'POST', '/api/supervision/exchange/regions', {
      code: '320500',
      name: '苏州市',
      publicKey: 'bm90IGEga2V5IGF0IGFsbCwganVzdCBieXRlcyBoZXJlIQ==',
    });
    expect(other.status).toBe(400);
    expect(other.body.error).toMatchObject({ code: 'exchange.bad_public_key', field: 'publicKey' });
    const own = await shanghai.call(shReg, 'POST', '/api/supervision/exchange/regions', {
      code: '310114',
      name: '上海市嘉定区',
      publicKey: 'x'.repeat(44),
    });
    expect(own.body.error).toMatchObject({ code: 'exchange.own_region_key', field: 'code' });

    const szKey = (await suzhou.call(szReg, 'GET', '/api/supervision/exchange')).body.region.publicKey as string;
    const reg = await shanghai.call(shReg, 'POST', '/api/supervision/exchange/regions', {
      code: '320500',
      name: '苏州市',
      publicKey: szKey,
    });
    expect(reg.status, JSON.stringify(reg.body)).toBe(200);
    expect(reg.body.regions).toEqual([expect.objectContaining({ code: '320500', name: '苏州市', keyId: bundle.keyId })]);

    const first = bundle.items[0] as Record<string, unknown>;
    const changed = {
      ...bundle,
      items: [{ ...first, ...(first.kind === 'clue' ? { riskLevel: 1 } : { tier: 'A' }) }, ...bundle.items.slice(1)],
    };
    const tampered = await shanghai.call(shReg, 'POST', '/api/supervision/exchange/import', { bundle: changed });
    expect(tampered.status).toBe(400);
    expect(tampered.body.error).toMatchObject({ code: 'exchange.bad_signature', field: 'bundle.signature' });

    const forged = await shanghai.call(shReg, 'POST', '/api/supervision/exchange/import', {
      bundle: { ...bundle, keyId: '0123456789abcdef' },
    });
    expect(forged.body.error).toMatchObject({ code: 'exchange.key_mismatch', field: 'bundle.keyId' });

    expect((await shanghai.call(shReg, 'GET', '/api/supervision/exchange/records')).body.items).toEqual([]);
    expect((await shanghai.call(shReg, 'GET', '/api/supervision/clues?rule=cross_region')).body.items).toEqual([]);
    expect((await shanghai.call(shReg, 'GET', '/api/supervision/exchange')).body.bundles).toEqual([]);
  });

  it('上海 imports it verified: clues about its parties become 跨区域移送 clues, provenance kept; a second import is refused', async () => {
    const r = await shanghai.call(shReg, 'POST', '/api/supervision/exchange/import', { bundle });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const openClues = bundle.items.filter((i) => i.kind === 'clue' && i.status === 'open');
    expect(r.body).toMatchObject({ imported: bundle.items.length, matched: bundle.items.length });
    expect(r.body.cluesRaised).toBe(openClues.length);
    expect(r.body.bundle).toMatchObject({ direction: 'import', regionCode: '320500', regionName: '苏州市' });

    const cross = (await shanghai.call(shReg, 'GET', '/api/supervision/clues?rule=cross_region')).body.items as Array<
      Record<string, unknown>
    >;
    expect(cross).toHaveLength(openClues.length);
    const one = cross[0] as {
      subjectKind: string;
      subjectName: string;
      summary: { zh: string };
      departmentCode: string;
      facts: Record<string, unknown>;
    };
    expect(one.subjectKind).toBe('organization');
    expect(one.summary.zh).toContain('苏州市推送的线索');
    expect(one.departmentCode).toBe('scjgj');
    expect(one.facts).toMatchObject({ sourceRegionCode: '320500' });

    const records = (await shanghai.call(shReg, 'GET', '/api/supervision/exchange/records?kind=clue')).body.items as Array<
      Record<string, unknown>
    >;
    expect(records).toHaveLength(bundle.items.filter((i) => i.kind === 'clue').length);
    expect(records[0]).toMatchObject({ sourceRegionCode: '320500', sourceRegionName: '苏州市', bundleSha256: r.body.bundle.sha256 });
    expect(records[0]?.localOrgName).toBeTruthy();

    const again = await shanghai.call(shReg, 'POST', '/api/supervision/exchange/import', { bundle });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('exchange.already_imported');
    expect((await shanghai.call(shReg, 'GET', '/api/supervision/clues?rule=cross_region')).body.items).toHaveLength(openClues.length);

    // its own bundle back is not a partner's
    const mine = await suzhou.call(szReg, 'POST', '/api/supervision/exchange/import', { bundle });
    expect(mine.body.error).toMatchObject({ code: 'exchange.own_region', field: 'bundle.region.code' });
  });

  it('only regulators share: a merchant and the platform are refused every exchange route', async () => {
    const [merchant, admin] = await Promise.all([shanghai.login('merchant'), shanghai.login('admin')]);
    for (const s of [merchant, admin]) {
      expect((await shanghai.call(s, 'GET', '/api/supervision/exchange')).status).toBe(403);
      expect((await shanghai.call(s, 'POST', '/api/supervision/exchange/export', { kinds: ['clue'] })).status).toBe(403);
      expect((await shanghai.call(s, 'POST', '/api/supervision/exchange/import', { bundle })).status).toBe(403);
      expect((await shanghai.call(s, 'GET', '/api/supervision/exchange/records')).status).toBe(403);
    }
  });
});
