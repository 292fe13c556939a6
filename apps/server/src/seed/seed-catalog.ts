/**
 * The demo district's catalog and selection center, built through the real services (never SQL): the admitted
 * merchants' products reviewed through the approval engine (most approved, one in review, one returned for its
 * reference price, two rejected by the pre-checks — an e-cigarette and a food claiming to lower blood pressure),
 * brands with one on the key-trademark protection list, commission plans of every type, sample requests in
 * several states and live service agreements in force and pending. Products are created without stock: it arrives
 * as purchase orders received from the demo supplier (seed-stock.ts), before any order or sample takes from it.
 */
import type { Actor } from '@livehub/core';
import type { Container } from '../container.ts';
import { DEMO_PRODUCTS, type DemoProduct } from './demo-data.ts';
import { seedSettledHistory, type TimeTravel } from './seed-history.ts';
import { payOnSimulator } from './seed-payments.ts';
import { person, type RegistrySeed } from './seed-registry.ts';
import { type StockingResult, type StockOrder, seedStockFromSupplier } from './seed-stock.ts';

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const DAY = 86_400_000;

/** The catalog category of a demo product, from its merchant's trade and its title. */
function categoryOf(p: DemoProduct): string {
  const t = p.title;
  switch (p.category) {
    case '服饰':
      return /男/.test(t) ? 'apparel.men' : 'apparel.women';
    case '美妆':
      return /口红|粉底|眼影|定妆|卸妆/.test(t) ? 'cosmetics.makeup' : 'cosmetics.skincare';
    case '食品':
      return 'food.snacks';
    case '农产品':
      if (/茶/.test(t)) return 'food.tea';
      if (/大米|木耳/.test(t)) return 'agri.grain';
      if (/羊/.test(t)) return 'food.fresh';
      return 'agri.fresh';
    case '家居':
      return /保温杯/.test(t) ? 'home.kitchen' : 'home.textile';
    case '数码':
      return 'electronics.appliances';
    case '母婴':
      return 'baby.toys';
    default:
      return 'handicraft';
  }
}

/** Two SKUs for most products: the listed one and a bundle, in whole fen. */
function skusOf(p: DemoProduct, i: number) {
  const skus = [{ name: '标准款', priceFen: p.priceFen, stock: p.stock }];
  // a cross-border product is declared per unit: one SKU, so every unit price paid compares with the declaration
  if (i % 3 !== 2 && !p.crossBorder)
    skus.push({ name: '两件装', priceFen: Math.round((p.priceFen * 1.9) / 100) * 100 - 10, stock: Math.round(p.stock / 3) });
  return skus;
}

export async function seedCatalog(
  c: Container,
  s: RegistrySeed,
  history?: TimeTravel,
  historyDays = 0,
): Promise<{ products: number; approved: number; stocking: StockingResult }> {
  const reviewer = person(s.reviewerId, 'reviewer', s.platformId);
  const zscqj = person(s.zscqjUserId, 'regulator', s.regulatorId);
  const now = c.clock.now();
  // Merchants the registry admitted (the last three are revoked, pending and returned).
  const admitted = s.merchants.slice(0, s.merchants.length - 3);
  const staffOf = (i: number) => {
    const m = admitted[i];
    return m ? person(m.staffUserId, 'merchant_staff', m.orgId) : null;
  };

  // Brands: the demo merchant's own mark, on the key-trademark protection list (kept by the IP office).
  const m0 = staffOf(0);
  if (!m0) return { products: 0, approved: 0, stocking: { purchaseOrders: 0, units: 0, numbers: [], orgIds: [] } };
  const jiazhi = await c.catalog.createBrand(m0, { name: '嘉织', nameEn: 'JIAZHI', trademarkNo: '52718830', owned: true });
  await c.catalog.setBrandProtection(zscqj, 'zscqj', jiazhi.id, { protected: true, reason: '区级重点商标保护名录（2026 年第一批）' });
  const m1 = staffOf(1);
  const jinglan = m1 ? await c.catalog.createBrand(m1, { name: '静澜', nameEn: 'JINGLAN', trademarkNo: '60329115', owned: true }) : null;

  // Cosmetics merchants attach their filing to each product (the category requires it).
  const filings = new Map<number, string>();
  for (const [i] of admitted.entries()) {
    const staff = staffOf(i);
    if (staff && admitted[i]?.info.category === '美妆')
      filings.set(i, (await c.registry.upload(staff, { bytes: PDF, filename: '化妆品备案凭证.pdf', docType: 'cosmetics_filing' })).id);
  }

  let products = 0;
  let approved = 0;
  const approvedIds: Array<{ id: string; merchant: number; title: string }> = [];
  const byMerchant = new Map<number, DemoProduct[]>();
  for (const p of DEMO_PRODUCTS)
    if (p.merchantIndex < admitted.length) byMerchant.set(p.merchantIndex, [...(byMerchant.get(p.merchantIndex) ?? []), p]);

  // Products are created without stock: it arrives as received purchase orders from the demo supplier (seed-stock.ts)
  const stockOrders: StockOrder[] = [];
  for (const [mi, list] of byMerchant) {
    const staff = staffOf(mi);
    if (!staff) continue;
    const stockOrder: StockOrder = { staff, region: admitted[mi]?.info.district ?? '', productIds: [], skus: [] };
    stockOrders.push(stockOrder);
    for (const [j, p] of list.entries()) {
      const skus = skusOf(p, j);
      const coat = mi === 1 && p.title.includes('羊绒大衣');
      const product = await c.catalog.createProduct(staff, {
        title: p.title,
        description: `${p.title}。产地直发，支持七天无理由退货（定制、生鲜商品除外）。`,
        claims: p.title.split(/\s+/).slice(1, 3),
        categoryId: categoryOf(p),
        ...(mi === 0 ? { brandId: jiazhi.id } : mi === 1 && jinglan ? { brandId: jinglan.id } : {}),
        // the coat's 划线价 is above anything it sold for: the pre-checks flag it and the reviewer returns it
        ...(coat ? { referencePriceFen: 259900 } : {}),
        imageIds: [],
        sampleAvailable: j % 2 === 0,
        sampleStock: j % 2 === 0 ? 5 : 0,
        qualificationDocIds: filings.has(mi) ? [filings.get(mi) as string] : [],
        skus: skus.map((k) => ({ ...k, stock: 0 })),
        ...(p.crossBorder ? { crossBorder: p.crossBorder } : {}),
      });
      products++;
      const created = new Map((await c.uow.read.catalog.listSkus([product.id])).map((k) => [k.name, k.id]));
      stockOrder.productIds.push(product.id);
      for (const k of skus) {
        const skuId = created.get(k.name);
        if (skuId) stockOrder.skus.push({ skuId, qty: k.stock, priceFen: k.priceFen });
      }
      const sub = await c.catalog.submitForReview(staff, product.id);
      if (mi === 0 && j === list.length - 1) continue; // waiting for the reviewer
      if (coat) {
        await c.workflows.act(reviewer, sub.applicationId, {
          action: 'return',
          reason: '划线价 2599 元高于前 7 日最低成交价，请改为真实的划线价或删除',
        });
        continue;
      }
      if (sub.step !== 'review') continue;
      await c.workflows.act(reviewer, sub.applicationId, { action: 'approve' });
      approved++;
      approvedIds.push({ id: product.id, merchant: mi, title: p.title });
    }
  }

  // Two products the pre-checks reject at once, with the rule and its legal basis: each submitted by the staff of the
  // first admitted merchant of its category. Never on sale, they have no stock (none was bought for them).
  const submitRejected = async (
    category: string,
    p: { title: string; description: string; claims: string[]; categoryId: string; sku: { name: string; priceFen: number; stock: number } },
  ) => {
    const staff = staffOf(admitted.findIndex((m) => m.info.category === category));
    if (!staff) return;
    const { sku, ...fields } = p;
    const bad = await c.catalog.createProduct(staff, {
      ...fields,
      imageIds: [],
      sampleAvailable: false,
      sampleStock: 0,
      qualificationDocIds: [],
      skus: [sku],
    });
    await c.catalog.submitForReview(staff, bad.id);
    products++;
  };
  await submitRejected('食品', {
    title: '秘制药膳鸡汤料 降血压 降血糖 500g',
    description: '祖传配方，坚持喝三个月根治高血压。',
    claims: ['药食同源'],
    categoryId: 'food.snacks',
    sku: { name: '500g', priceFen: 6800, stock: 0 },
  });
  await submitRejected('数码', {
    title: '一次性电子雾化器 薄荷味 600口',
    description: '小巧便携。',
    claims: [],
    categoryId: 'tobacco.ecig',
    sku: { name: '薄荷', priceFen: 3900, stock: 0 },
  });

  // 到货入库: each merchant's stock arrives from the demo supplier as a received purchase order — with the history,
  // before its first day (the district's days go up to 90 back, the complaints' orders 100), so every unit sold
  // traces back to a receipt that came before it
  const stocking = await seedStockFromSupplier(
    c,
    s,
    stockOrders,
    history ? { clock: history, daysBack: Math.max(historyDays, 100) + 20 } : undefined,
  );

  // A price history worth showing: the demo merchant's first product was cheaper for a weekend.
  const first = approvedIds.find((x) => x.merchant === 0);
  if (first) {
    const detail = await c.catalog.getProduct(m0, first.id);
    const sku = detail.skus[0];
    if (sku) {
      await c.catalog.updateSku(m0, first.id, sku.id, { priceFen: sku.priceFen - 1000 });
      await c.catalog.updateSku(m0, first.id, sku.id, { priceFen: sku.priceFen });
    }
  }

  // Commission plans: open for most; targeted to an MCN; one exclusive with a streamer.
  const startsAt = new Date(now.getTime() - DAY).toISOString();
  const endsAt = new Date(now.getTime() + 60 * DAY).toISOString();
  const mcnOfStreamer = (k: number) => s.streamers[k]?.mcnOrgId;
  for (const [k, a] of approvedIds.entries()) {
    const staff = staffOf(a.merchant);
    if (!staff) continue;
    const commissionBp = 1000 + ((k * 700) % 3000);
    if (a.merchant === 1 && k % 2 === 0 && mcnOfStreamer(9)) {
      await c.selection.createPlan(staff, {
        productId: a.id,
        type: 'targeted',
        commissionBp: commissionBp + 1000,
        mcnServiceFeeBp: 1500,
        slotFeeFen: 0,
        startsAt,
        endsAt,
        partners: [{ kind: 'mcn', id: mcnOfStreamer(9) as string }],
      });
    } else if (a.merchant === 4 && a.title.includes('火锅底料') && s.streamers[11]) {
      await c.selection.createPlan(staff, {
        productId: a.id,
        type: 'exclusive',
        commissionBp: 3500,
        mcnServiceFeeBp: 1000,
        slotFeeFen: 300_000,
        startsAt,
        endsAt,
        partners: [{ kind: 'streamer', id: s.streamers[11].userId }],
      });
    } else {
      await c.selection.createPlan(staff, {
        productId: a.id,
        type: 'open',
        commissionBp,
        mcnServiceFeeBp: 0,
        slotFeeFen: k % 5 === 0 ? 100_000 : 0,
        startsAt,
        endsAt,
        partners: [],
      });
    }
  }

  // Samples: the demo streamer's request shipped; another streamer's request waiting for the demo merchant.
  const demoStreamer = s.streamers[0];
  const other = s.streamers[1];
  const m0Products = approvedIds.filter((x) => x.merchant === 0);
  const address = { recipient: '陈嘉怡', phone: '13900001234', address: '上海市嘉定区云谷路 88 号 3 栋 1201 室' };
  if (demoStreamer && m0Products[0]) {
    const st = person(demoStreamer.userId, 'streamer', demoStreamer.mcnOrgId);
    const req = await c.selection.requestSample(st, { productId: m0Products[0].id, ...address, note: '下周三穿搭专场' });
    await c.selection.sampleAction(m0, req.id, { action: 'approve' });
    await c.selection.sampleAction(m0, req.id, { action: 'ship', carrier: '顺丰速运', trackingNo: 'SF1402238816' });
  }
  if (other && m0Products[2]) {
    const st = person(other.userId, 'streamer', other.mcnOrgId);
    await c.selection.requestSample(st, {
      productId: m0Products[2].id,
      recipient: '吴沐晨',
      phone: '13900005678',
      address: '上海市嘉定区安亭镇墨玉路 18 号 501 室',
    });
  }

  // Agreements: the demo merchant and the demo streamer (with the MCN) in force; one waiting for the streamer.
  if (demoStreamer && m0Products.length >= 2) {
    const st = person(demoStreamer.userId, 'streamer', demoStreamer.mcnOrgId);
    const mcn = s.mcns.find((m) => m.orgId === demoStreamer.mcnOrgId);
    const terms = {
      products: m0Products.slice(0, 2).map((x) => ({ productId: x.id, commissionBp: 2000 })),
      streamerShareBp: 7000,
      // a small streamer's 坑位费: the month's sales (seed-history.ts) more than cover it, so the demo merchant opens
      // its finance page with money available rather than in debt
      slotFeeFen: 30_000,
      // with the history (seed-history.ts) the agreement was signed a month ago: its past sessions sold under it
      startsOn: new Date(now.getTime() - (history ? 30 * DAY : 0)).toISOString().slice(0, 10),
      endsOn: new Date(now.getTime() + 90 * DAY).toISOString().slice(0, 10),
      obligations: ['truthful_claims', 'no_off_platform_selling', 'price_honesty', 'disclose_commercial_nature', 'keep_records_3y'],
    };
    const a = await c.agreements.create(m0, { streamerUserId: demoStreamer.userId, withMcn: Boolean(mcn), terms });
    const v = a.versions[0];
    if (v) {
      await c.agreements.accept(st, a.agreement.id, { version: 1, contentHash: v.contentHash });
      if (mcn)
        await c.agreements.accept(person(mcn.managerUserId, 'mcn_manager', mcn.orgId), a.agreement.id, {
          version: 1,
          contentHash: v.contentHash,
        });
    }
    const m1Products = approvedIds.filter((x) => x.merchant === 1 && !x.title.includes('羊绒'));
    if (m1 && m1Products[0]) {
      await c.agreements.create(m1, {
        streamerUserId: demoStreamer.userId,
        withMcn: false,
        terms: { ...terms, products: [{ productId: m1Products[0].id, commissionBp: 2500 }], slotFeeFen: 0 },
      });
    }
  }
  // A room already live, so a newcomer finds activity: 滩羊哥老马 selling the lamb of the 盐池 supplier.
  const house = s.streamers[3];
  const lambIndex = admitted.findIndex((m) => m.info.category === '农产品');
  const lambStaff = staffOf(lambIndex);
  const lamb = approvedIds.filter((x) => x.merchant === lambIndex).slice(0, 3);
  // the supplier's cross-border import goes on air in the live room too (after the lamb: its lineup order is kept)
  const imported = approvedIds.filter((x) => x.merchant === lambIndex && DEMO_PRODUCTS.some((p) => p.title === x.title && p.crossBorder));
  if (house && lambStaff && lamb.length > 0) {
    const st = person(house.userId, 'streamer', house.mcnOrgId);
    const terms = {
      products: [...lamb, ...imported].map((x) => ({ productId: x.id, commissionBp: 1800 })),
      streamerShareBp: 10_000,
      slotFeeFen: 0,
      startsOn: new Date(now.getTime() - DAY).toISOString().slice(0, 10),
      endsOn: new Date(now.getTime() + 60 * DAY).toISOString().slice(0, 10),
      obligations: ['truthful_claims', 'no_off_platform_selling', 'price_honesty', 'disclose_commercial_nature', 'keep_records_3y'],
    };
    const a = await c.agreements.create(lambStaff, { streamerUserId: house.userId, withMcn: false, terms });
    const v = a.versions[0];
    if (v) await c.agreements.accept(st, a.agreement.id, { version: 1, contentHash: v.contentHash });
    await seedFakeOrderRing(
      c,
      st,
      lamb.map((x) => x.id),
    );
    const session = await c.live.schedule(st, {
      title: '盐池滩羊产地直播 · 现切现发',
      scheduledAt: now.toISOString(),
      productIds: [...lamb, ...imported].map((x) => x.id),
      coHostUserIds: [],
    });
    await c.live.start(st, session.session.id);
    if (s.consumerId) await seedOrders(c, person(s.consumerId, 'consumer', null), session.session.id, lamb[0]?.id ?? null, m0Products, m0);
  }
  // opt-in history: the demo streamer's past sessions with the demo merchant, their orders completed (seed-history.ts)
  if (history && demoStreamer && m0 && s.consumerId && m0Products.length >= 2) {
    const buyers = [person(s.consumerId, 'consumer', null)];
    for (let i = 1; i <= 5; i++) {
      const u = await c.uow.read.users.findByUsername(`consumer_${String(i).padStart(5, '0')}`);
      if (u) buyers.push(person(u.id, 'consumer', null));
    }
    await seedSettledHistory(
      c,
      history,
      { streamer: person(demoStreamer.userId, 'streamer', demoStreamer.mcnOrgId), merchant: m0, buyers },
      m0Products.slice(0, 2).map((x) => x.id),
    );
  }
  // the orders' money is in the ledger as the flows post it (payment → escrow); the settle job catches up any
  // completed order not split yet and releases what is due, so every demo order can be followed to each party
  await c.settle.run();
  return { products, approved, stocking };
}

/**
 * 刷单 in the demo: an earlier session of the lamb room, already over, in which five fresh accounts on two phones, one
 * wallet and one proxy bought the lamb rolls within minutes, through the real order and payment services with the
 * signals the web app and the provider send. When the seed drains the outbox, the fake-order detector raises a
 * 疑似刷单 clue for 市场监管局 on the lamb merchant (docs/supervision.md, "The live path").
 */
async function seedFakeOrderRing(c: Container, streamer: Actor, productIds: string[]): Promise<void> {
  const productId = productIds[productIds.length - 1];
  const skuId = productId ? (await c.uow.read.catalog.listSkus([productId]))[0]?.id : undefined;
  if (!skuId) return;
  const session = await c.live.schedule(streamer, {
    title: '盐池滩羊 · 宠粉秒杀夜场',
    scheduledAt: c.clock.now().toISOString(),
    productIds,
    coHostUserIds: [],
  });
  await c.live.start(streamer, session.session.id);
  for (let i = 0; i < 5; i++) {
    const u = await c.uow.read.users.findByUsername(`consumer_${String(191 + i).padStart(5, '0')}`);
    if (!u) continue;
    const buyer = person(u.id, 'consumer', null);
    const address = { name: `收货人${i + 1}`, phone: `1370000000${i + 1}`, region: '江苏省 苏州市', detail: `吴中区东吴北路 ${20 + i} 号` };
    const r = await c.orders.create(buyer, { lines: [{ skuId, qty: 1 }], address, sessionId: session.session.id }, undefined, {
      deviceId: `demo-farm-phone-0${(i % 2) + 1}`,
      ip: '203.0.113.50',
    });
    await payOnSimulator(c, buyer, r.body.id, 'demo-ring-wallet');
  }
  await c.live.end(streamer, session.session.id);
}

/**
 * Orders through the real services and the simulated provider (the payer answers on its page, so the trade is in its
 * bill; its signed notification delivered at once): the demo consumer has one unpaid, one paid from the live room,
 * one shipped and one delivered with a return waiting for the merchant; the demo merchant has them to ship and to
 * handle.
 */
async function seedOrders(
  c: Container,
  buyer: Actor,
  sessionId: string,
  lambProductId: string | null,
  m0Products: Array<{ id: string }>,
  m0: Actor | null,
): Promise<void> {
  const address = await c.orders.saveAddress(buyer, {
    name: '王小明',
    phone: '13812345678',
    region: '上海市 嘉定区',
    detail: '安亭镇墨玉南路 888 号 2 号楼 601 室',
    isDefault: true,
  });
  const skuOf = async (productId: string) => (await c.uow.read.catalog.listSkus([productId]))[0]?.id ?? null;
  const pay = async (orderId: string) => {
    await payOnSimulator(c, buyer, orderId);
  };
  const order = async (productId: string | undefined, fromRoom: boolean) => {
    const skuId = productId ? await skuOf(productId) : null;
    if (!skuId) return null;
    const r = await c.orders.create(buyer, { lines: [{ skuId, qty: 1 }], addressId: address.id, ...(fromRoom ? { sessionId } : {}) });
    return r.body.id;
  };
  if (lambProductId) {
    const roomOrder = await order(lambProductId, true);
    if (roomOrder) await pay(roomOrder);
  }
  await order(m0Products[0]?.id, false);
  const shipped = await order(m0Products[1]?.id ?? m0Products[0]?.id, false);
  const delivered = await order(m0Products[0]?.id, false);
  if (!m0) return;
  for (const id of [shipped, delivered]) {
    if (!id) continue;
    await pay(id);
    await c.orders.ship(m0, id, { carrier: '顺丰速运', trackingNo: `SF${id.replaceAll('-', '').slice(-10).toUpperCase()}` });
  }
  if (delivered) {
    await c.orders.deliver(buyer, delivered);
    await c.returns.request(buyer, delivered, { kind: 'no_reason', reason: '颜色与图片不符，不想要了', lines: [{ lineNo: 1, qty: 1 }] });
  }
}
