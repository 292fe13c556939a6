/**
 * Contract cases of the catalog (商品库) and selection (选品中心) ports: products paged by keyset and counted per
 * status, stock that never goes below zero, price history, brands unique by key, and the selection square's
 * plans, listings, samples and agreements with their filters.
 */
import { expect, it } from 'vitest';
import {
  allPages,
  at,
  type ContractDb,
  document,
  newestFirst,
  org,
  product,
  type Row,
  sku,
  storedOrg,
  storedUser,
  T0,
  user,
  uuid,
} from './fixtures.ts';

function brand(over: Partial<Row<'catalog', 'insertBrand'>> = {}): Row<'catalog', 'insertBrand'> {
  const id = uuid();
  return {
    id,
    name: `契约品牌${id.slice(-6)}`,
    nameKey: `brand-${id}`,
    nameEn: null,
    ownerOrgId: null,
    trademarkNo: null,
    protected: false,
    protectedReason: null,
    protectedAt: null,
    createdBy: uuid(),
    createdAt: T0,
    ...over,
  };
}

function agreement(merchantOrgId: string, streamerUserId: string, over: Partial<Row<'selection', 'insertAgreement'>> = {}) {
  const a: Row<'selection', 'insertAgreement'> = {
    id: uuid(),
    merchantOrgId,
    streamerUserId,
    mcnOrgId: null,
    status: 'pending',
    currentVersion: 1,
    inForceVersion: null,
    inForceProductIds: [],
    inForceFrom: null,
    inForceUntil: null,
    terminatedReason: null,
    version: 1,
    createdBy: streamerUserId,
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
  return a;
}

export function catalogCases(db: ContractDb): void {
  it('pages products newest first by (createdAt, id), filtered by merchant, status and ids', async () => {
    const r = db.r();
    const [m, other] = [org(), org()];
    await r.orgs.insertMany([m, other]);
    // three created at the same instant: the id breaks the tie
    const ps = [
      product(m.id, { createdAt: at(1) }),
      product(m.id, { createdAt: at(2), status: 'approved' }),
      product(m.id, { createdAt: at(2) }),
      product(m.id, { createdAt: at(2), status: 'approved' }),
      product(m.id, { createdAt: at(3) }),
    ];
    for (const p of [...ps, product(other.id, { createdAt: at(9) })]) await r.catalog.insertProduct(p);
    expect(await allPages((cursor) => r.catalog.listProducts({ merchantOrgId: m.id, limit: 2, ...cursor }), 2)).toEqual(newestFirst(ps));
    const approved = await r.catalog.listProducts({ merchantOrgId: m.id, status: ['approved'], limit: 10 });
    expect(approved.map((p) => p.id).sort()).toEqual([ps[1]?.id, ps[3]?.id].sort());
    expect((await r.catalog.listProducts({ ids: [ps[0]?.id ?? '', uuid()], limit: 10 })).map((p) => p.id)).toEqual([ps[0]?.id]);
    expect(await r.catalog.listProducts({ ids: [], limit: 10 })).toEqual([]);
    expect(await r.catalog.countProducts({ merchantOrgId: m.id })).toBe(5);
    expect(await r.catalog.countProducts({ merchantOrgId: m.id, status: ['approved'] })).toBe(2);
    const byStatus = await r.catalog.countProductsByStatus({ merchantOrgId: m.id });
    expect(new Map(byStatus.map((x) => [x.status, Number(x.n)]))).toEqual(
      new Map([
        ['draft', 3],
        ['approved', 2],
      ]),
    );
  });

  it('updates a product only from the version read, and counts sales and sample stock', async () => {
    const r = db.r();
    const m = await storedOrg(r);
    const p = product(m.id, { sampleAvailable: true, sampleStock: 2 });
    await r.catalog.insertProduct(p);
    expect(await r.catalog.findProduct(p.id)).toEqual(p);
    const edited = { ...p, title: '改过的标题', version: 2, updatedAt: at(1) };
    expect(await r.catalog.updateProduct(edited, 1)).toBe(true);
    expect(await r.catalog.updateProduct({ ...p, title: '迟到的修改', version: 2 }, 1)).toBe(false);
    expect((await r.catalog.findProduct(p.id))?.title).toBe('改过的标题');
    await r.catalog.addSales(p.id, 3);
    await r.catalog.addSales(p.id, 2);
    expect((await r.catalog.findProduct(p.id))?.salesCount).toBe(5);
    expect(await r.catalog.takeSampleStock(p.id, 2)).toBe(true);
    expect(await r.catalog.takeSampleStock(p.id, 1)).toBe(false);
    expect((await r.catalog.findProduct(p.id))?.sampleStock).toBe(0);
  });

  it('keeps SKUs in order; stock moves only through the inventory port (moveSellable) and never below zero', async () => {
    const r = db.r();
    const m = await storedOrg(r);
    const p = product(m.id);
    await r.catalog.insertProduct(p);
    const [b, a] = [sku(p.id, { sort: 1, name: '大号', stock: 5 }), sku(p.id, { sort: 0, name: '小号', stock: 5 })];
    await r.catalog.insertSku(b);
    await r.catalog.insertSku(a);
    expect((await r.catalog.listSkus([p.id])).map((s) => s.id)).toEqual([a.id, b.id]);
    expect(await r.catalog.listSkus([])).toEqual([]);
    await r.catalog.updateSku({ ...a, name: '小号（新）', priceFen: 8800, stock: 999, updatedAt: at(1) });
    expect(await r.catalog.findSku(a.id)).toMatchObject({ name: '小号（新）', priceFen: 8800, stock: 5 });
    expect(await r.inventory.moveSellable(a.id, -5)).toBe(true);
    expect(await r.inventory.moveSellable(a.id, -1)).toBe(false);
    expect(await r.inventory.moveSellable(a.id, 3)).toBe(true);
    expect((await r.catalog.findSku(a.id))?.stock).toBe(3);
    expect(await r.catalog.findSku(uuid())).toBeNull();
  });

  it('closes the open list price when a new one is recorded and finds the lowest price of a window', async () => {
    const r = db.r();
    const m = await storedOrg(r);
    const p = product(m.id);
    await r.catalog.insertProduct(p);
    const s = sku(p.id);
    await r.catalog.insertSku(s);
    const point = (priceFen: number, h: number, source: 'list' | 'promotion' = 'list', to: Date | null = null) => ({
      id: uuid(),
      skuId: s.id,
      priceFen,
      source,
      validFrom: at(h),
      validTo: to,
    });
    await r.catalog.recordPrice(point(10000, 0));
    await r.catalog.recordPrice(point(9000, 10));
    await r.catalog.insertPricePoint(point(7000, 20, 'promotion', at(22)));
    const prices = await r.catalog.listPrices(s.id);
    expect(prices.filter((x) => x.source === 'list' && x.validTo === null).map((x) => x.priceFen)).toEqual([9000]);
    expect(prices.find((x) => x.priceFen === 10000)?.validTo?.toISOString()).toBe(at(10).toISOString());
    expect((await r.catalog.lowestPrice([s.id], at(0), at(5))).get(s.id)).toBe(10000);
    expect((await r.catalog.lowestPrice([s.id], at(0), at(15))).get(s.id)).toBe(9000);
    expect((await r.catalog.lowestPrice([s.id], at(0), at(48))).get(s.id)).toBe(7000);
    expect((await r.catalog.lowestPrice([s.id], at(-10), at(-5))).has(s.id)).toBe(false);
  });

  it('keeps categories by id (upserted), brands unique by key and their authorizations per merchant', async () => {
    const r = db.r();
    const id = `contract-${uuid()}`;
    const c: Row<'catalog', 'upsertCategory'> = {
      id,
      parentId: null,
      nameZh: '契约类目',
      nameEn: 'Contract category',
      screenAs: 'general',
      liveRule: 'allowed',
      requiredQualifications: [],
      requiredDisclaimer: null,
      noReasonReturn: true,
      basis: null,
      sort: 999,
      updatedAt: T0,
    };
    await r.catalog.upsertCategory(c);
    await r.catalog.upsertCategory({ ...c, liveRule: 'restricted', updatedAt: at(1) });
    expect(await r.catalog.findCategory(id)).toEqual({ ...c, liveRule: 'restricted', updatedAt: at(1) });
    expect((await r.catalog.listCategories()).filter((x) => x.id === id)).toHaveLength(1);
    const [b1, b2] = [brand({ protected: true, protectedReason: '重点商标', protectedAt: T0 }), brand()];
    await r.catalog.insertBrand(b1);
    await r.catalog.insertBrand(b2);
    expect(await r.catalog.findBrand(b1.id)).toEqual(b1);
    expect((await r.catalog.findBrandByKey(b2.nameKey))?.id).toBe(b2.id);
    expect((await r.catalog.findBrands([b1.id, b2.id, uuid()])).map((b) => b.id).sort()).toEqual([b1.id, b2.id].sort());
    await expect(r.catalog.insertBrand(brand({ nameKey: b1.nameKey }))).rejects.toThrow();
    expect((await r.catalog.listBrands({ q: b2.nameKey, limit: 10 })).map((b) => b.id)).toEqual([b2.id]);
    expect((await r.catalog.listBrands({ protectedOnly: true, limit: 1000 })).map((b) => b.id)).toContain(b1.id);
    expect((await r.catalog.listBrands({ protectedOnly: true, limit: 1000 })).map((b) => b.id)).not.toContain(b2.id);
    await r.catalog.updateBrand(b2.id, { trademarkNo: 'TM-1' });
    expect((await r.catalog.findBrand(b2.id))?.trademarkNo).toBe('TM-1');
    const m = await storedOrg(r);
    const u = await storedUser(r);
    const doc = document(u.id, { ownerOrgId: m.id, ownerUserId: null, docType: 'brand_authorization', filename: '授权书.pdf' });
    await r.workflows.insertDocument(doc);
    await r.catalog.insertAuthorization({
      id: uuid(),
      brandId: b1.id,
      merchantOrgId: m.id,
      documentId: doc.id,
      validUntil: at(1000),
      status: 'valid',
      createdBy: u.id,
      createdAt: T0,
    });
    expect((await r.catalog.listAuthorizations({ merchantOrgId: m.id })).map((x) => x.brandId)).toEqual([b1.id]);
    expect(await r.catalog.listAuthorizations({ merchantOrgId: m.id, brandId: b2.id })).toEqual([]);
  });
}

export function selectionCases(db: ContractDb): void {
  it('keeps plans filtered by product, merchant, status and end', async () => {
    const r = db.r();
    const m = await storedOrg(r);
    const p = product(m.id, { status: 'approved' });
    await r.catalog.insertProduct(p);
    const plan = (endsAt: Date): Row<'selection', 'insertPlan'> => ({
      id: uuid(),
      productId: p.id,
      merchantOrgId: m.id,
      type: 'open',
      commissionBp: 2000,
      mcnServiceFeeBp: 0,
      slotFeeFen: 0,
      startsAt: T0,
      endsAt,
      partners: [],
      status: 'active',
      createdBy: uuid(),
      createdAt: T0,
    });
    const [soon, later] = [plan(at(24)), plan(at(240))];
    await r.selection.insertPlan(soon);
    await r.selection.insertPlan(later);
    expect(await r.selection.findPlan(soon.id)).toEqual(soon);
    await r.selection.updatePlan(later.id, { status: 'ended' });
    expect((await r.selection.listPlans({ productIds: [p.id], limit: 10 })).map((x) => x.id).sort()).toEqual([soon.id, later.id].sort());
    expect((await r.selection.listPlans({ merchantOrgId: m.id, status: 'active', limit: 10 })).map((x) => x.id)).toEqual([soon.id]);
    expect((await r.selection.listPlans({ productIds: [p.id], endsBefore: at(48), limit: 10 })).map((x) => x.id)).toEqual([soon.id]);
    expect(await r.selection.listPlans({ productIds: [], limit: 10 })).toEqual([]);
    await db.uow().transaction((tx) => tx.selection.lockProduct(p.id));
  });

  it('upserts one listing per product and finds it only by its words while it is live', async () => {
    const r = db.r();
    const m = await storedOrg(r);
    const p = product(m.id, { status: 'approved' });
    await r.catalog.insertProduct(p);
    const word = `契约${uuid().slice(-8)}`;
    const l: Row<'selection', 'upsertListing'> = {
      productId: p.id,
      merchantOrgId: m.id,
      merchantName: m.name,
      title: p.title,
      categoryId: 'home',
      categoryPath: ['home'],
      brandName: null,
      coverImageId: null,
      minPriceFen: 9900,
      maxPriceFen: 9900,
      commissionBp: 2000,
      planTypes: ['open'],
      audience: ['all'],
      stock: 10,
      salesCount: 0,
      sampleAvailable: false,
      merchantCredit: null,
      tokens: [word],
      liveFrom: T0,
      liveUntil: at(240),
      updatedAt: T0,
    };
    await r.selection.upsertListing(l);
    await r.selection.upsertListing({ ...l, commissionBp: 2500 });
    expect(await r.selection.findListing(p.id)).toEqual({ ...l, commissionBp: 2500 });
    const q = { tokens: [word], audience: null, now: at(1), sort: 'newest' as const, offset: 0, limit: 10, countCap: 100 };
    const found = await r.selection.searchListings(q);
    expect({ ids: found.items.map((x) => x.productId), total: found.total }).toEqual({ ids: [p.id], total: 1 });
    expect((await r.selection.searchListings({ ...q, now: at(241) })).items).toEqual([]);
    expect((await r.selection.searchListings({ ...q, commissionMinBp: 3000 })).items).toEqual([]);
    await r.selection.deleteListing(p.id);
    expect(await r.selection.findListing(p.id)).toBeNull();
  });

  it('keeps sample requests: moved only from the version read, filtered by party and status, due ones found', async () => {
    const r = db.r();
    const m = await storedOrg(r);
    const [s1, s2] = [user(), user()];
    await r.users.insertMany([s1, s2]);
    const p = product(m.id, { status: 'approved' });
    await r.catalog.insertProduct(p);
    const sample = (streamerUserId: string, over: Partial<Row<'selection', 'insertSample'>> = {}): Row<'selection', 'insertSample'> => ({
      id: uuid(),
      productId: p.id,
      skuId: null,
      merchantOrgId: m.id,
      streamerUserId,
      mcnOrgId: null,
      status: 'requested',
      recipientEnc: 'v1.name',
      phoneEnc: 'v1.phone',
      addressEnc: 'v1.address',
      note: null,
      reason: null,
      carrier: null,
      trackingNo: null,
      returnCarrier: null,
      returnTrackingNo: null,
      receivedAt: null,
      featureDueAt: null,
      featuredIn: null,
      overdueAt: null,
      history: [],
      version: 1,
      createdAt: T0,
      updatedAt: T0,
      ...over,
    });
    const a = sample(s1.id);
    const b = sample(s2.id, { status: 'received', receivedAt: T0, featureDueAt: at(-1), createdAt: at(1) });
    await r.selection.insertSample(a);
    await r.selection.insertSample(b);
    expect(await r.selection.findSample(a.id)).toEqual(a);
    expect(await r.selection.updateSample({ ...a, status: 'approved', version: 2 }, 1)).toBe(true);
    expect(await r.selection.updateSample({ ...a, status: 'declined', version: 2 }, 1)).toBe(false);
    expect((await r.selection.findSample(a.id))?.status).toBe('approved');
    expect((await r.selection.listSamples({ streamerUserId: s1.id, limit: 10 })).map((x) => x.id)).toEqual([a.id]);
    expect((await r.selection.listSamples({ merchantOrgId: m.id, status: ['received'], limit: 10 })).map((x) => x.id)).toEqual([b.id]);
    expect(await r.selection.countSamples({ merchantOrgId: m.id })).toBe(2);
    expect(await r.selection.countSamples({ merchantOrgId: m.id, status: ['approved'] })).toBe(1);
    const due = (await r.selection.listSamplesDue(T0, 1000)).map((x) => x.id);
    expect(due).toContain(b.id);
    expect(due).not.toContain(a.id);
  });

  it('keeps agreements with insert-only versions and one acceptance per party, and finds the one in force', async () => {
    const r = db.r();
    const m = await storedOrg(r);
    const s = await storedUser(r);
    const [p, notCovered] = [product(m.id), product(m.id)];
    await r.catalog.insertProduct(p);
    await r.catalog.insertProduct(notCovered);
    const a = agreement(m.id, s.id);
    await r.selection.insertAgreement(a);
    expect(await r.selection.findAgreement(a.id)).toEqual(a);
    const v = { agreementId: a.id, version: 1, terms: { 佣金: 2000 }, contentHash: 'h1', createdBy: s.id, createdAt: T0 };
    await r.selection.insertVersion(v);
    await expect(r.selection.insertVersion({ ...v, contentHash: 'h1b' })).rejects.toThrow();
    expect(await r.selection.listVersions(a.id)).toEqual([v]);
    const acc = { agreementId: a.id, version: 1, party: 'merchant' as const, userId: s.id, contentHash: 'h1', at: T0 };
    await r.selection.insertAcceptance(acc);
    await expect(r.selection.insertAcceptance({ ...acc, at: at(1) })).rejects.toThrow();
    expect(await r.selection.listAcceptances(a.id)).toEqual([acc]);
    const inForce = {
      ...a,
      status: 'in_force' as const,
      inForceVersion: 1,
      inForceProductIds: [p.id],
      inForceFrom: T0,
      inForceUntil: at(24),
      version: 2,
      updatedAt: at(1),
    };
    expect(await r.selection.updateAgreement(inForce, 1)).toBe(true);
    expect(await r.selection.updateAgreement({ ...a, status: 'terminated', version: 2 }, 1)).toBe(false);
    const q = { merchantOrgId: m.id, streamerUserId: s.id, productId: p.id, at: at(2) };
    expect((await r.selection.findInForce(q))?.id).toBe(a.id);
    expect(await r.selection.findInForce({ ...q, productId: notCovered.id })).toBeNull();
    expect(await r.selection.findInForce({ ...q, at: at(25) })).toBeNull();
    expect((await r.selection.listAgreements({ streamerUserId: s.id, status: ['in_force'], limit: 10 })).map((x) => x.id)).toEqual([a.id]);
    expect(await r.selection.countAgreements({ merchantOrgId: m.id, status: ['pending'] })).toBe(0);
    expect(await r.selection.countAgreements({ merchantOrgId: m.id })).toBe(1);
    expect((await r.selection.listAgreementsLapsed(at(25), 1000)).map((x) => x.id)).toContain(a.id);
    expect((await r.selection.listAgreementsLapsed(at(2), 1000)).map((x) => x.id)).not.toContain(a.id);
  });
}
