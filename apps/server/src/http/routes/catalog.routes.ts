/**
 * Catalog and selection-center routes: categories, brands and the key-trademark protection list, products and
 * SKUs (with price history and review submission), commission plans, the selection square's search, sample
 * requests (寄样) and live service agreements (直播服务协议). Thin: parse, call the service, present.
 */
import {
  acceptAgreementSchema,
  agreementViewSchema,
  amendAgreementSchema,
  brandAuthorizationSchema,
  brandProtectionSchema,
  brandSchema,
  categorySchema,
  createAgreementSchema,
  createBrandSchema,
  createPlanSchema,
  createProductSchema,
  idSchema,
  planViewSchema,
  priceHistorySchema,
  productCountsSchema,
  productListQuerySchema,
  productViewSchema,
  sampleActionSchema,
  sampleListQuerySchema,
  sampleRequestSchema,
  sampleViewSchema,
  selectionCardSchema,
  selectionPageSchema,
  selectionSearchQuerySchema,
  skuInputSchema,
  terminateAgreementSchema,
  updateCategorySchema,
  updateProductSchema,
  updateSkuSchema,
} from '@livehub/contracts';
import {
  type AgreementDetail,
  type Actor,
  AppError,
  type BrandRecord,
  type CategoryRecord,
  isCrossTenant,
  type ListingRecord,
  type PlanRecord,
  type ProductDetail,
  type SampleRecord,
} from '@livehub/core';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import { requireActor } from '../policy.ts';
import { departmentOf } from './registry.routes.ts';
import type { Api } from './types.ts';

const MERCHANT = ['merchant_staff'] as const;
const CATALOG_READERS = ['merchant_staff', 'platform_admin', 'reviewer', 'regulator'] as const;
const POOL_READERS = ['streamer', 'mcn_manager', 'platform_admin', 'reviewer', 'regulator'] as const;
const SAMPLE_PARTIES = ['merchant_staff', 'streamer', 'mcn_manager', 'platform_admin', 'reviewer', 'regulator'] as const;
const AGREEMENT_PARTIES = SAMPLE_PARTIES;
const iso = (d: Date | null) => d?.toISOString() ?? null;

const presentCategory = (c: CategoryRecord) => ({
  id: c.id,
  parentId: c.parentId,
  nameZh: c.nameZh,
  nameEn: c.nameEn,
  screenAs: c.screenAs as 'other',
  liveRule: c.liveRule,
  requiredQualifications: c.requiredQualifications,
  requiredDisclaimer: c.requiredDisclaimer,
  noReasonReturn: c.noReasonReturn,
  basis: c.basis,
  sort: c.sort,
});

const presentBrand = (b: BrandRecord) => ({
  id: b.id,
  name: b.name,
  nameEn: b.nameEn,
  ownerOrgId: b.ownerOrgId,
  trademarkNo: b.trademarkNo,
  protected: b.protected,
  protectedReason: b.protectedReason,
  protectedAt: iso(b.protectedAt),
  createdAt: b.createdAt.toISOString(),
});

function presentProduct(d: ProductDetail) {
  const p = d.product;
  return {
    id: p.id,
    merchantOrgId: p.merchantOrgId,
    merchantName: d.merchantName,
    title: p.title,
    description: p.description,
    claims: p.claims,
    categoryId: p.categoryId,
    categoryPath: d.categoryPath.map((c) => ({ id: c.id, nameZh: c.nameZh, nameEn: c.nameEn })),
    brand: d.brand ? { id: d.brand.id, name: d.brand.name, protected: d.brand.protected } : null,
    referencePriceFen: p.referencePriceFen,
    imageIds: p.imageIds,
    sampleAvailable: p.sampleAvailable,
    sampleStock: p.sampleStock,
    qualificationDocIds: p.qualificationDocIds,
    status: p.status,
    statusReason: p.statusReason,
    reviewApplicationId: p.reviewApplicationId,
    salesCount: p.salesCount,
    version: p.version,
    skus: d.skus.map((s) => ({
      id: s.id,
      name: s.name,
      code: s.code,
      priceFen: s.priceFen,
      stock: s.stock,
      lowest7dPriceFen: s.lowest7dPriceFen,
    })),
    checks: p.checks,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

async function presentPlans(c: Container, plans: PlanRecord[]) {
  const names = new Map<string, string | null>();
  for (const p of plans)
    for (const pt of p.partners)
      if (!names.has(pt.id))
        names.set(
          pt.id,
          pt.kind === 'streamer'
            ? ((await c.uow.read.users.findById(pt.id))?.displayName ?? null)
            : ((await c.uow.read.orgs.findById(pt.id))?.name ?? null),
        );
  return plans.map((p) => ({
    id: p.id,
    productId: p.productId,
    merchantOrgId: p.merchantOrgId,
    type: p.type,
    commissionBp: p.commissionBp,
    mcnServiceFeeBp: p.mcnServiceFeeBp,
    slotFeeFen: p.slotFeeFen,
    startsAt: p.startsAt.toISOString(),
    endsAt: p.endsAt.toISOString(),
    partners: p.partners.map((pt) => ({ kind: pt.kind, id: pt.id, name: names.get(pt.id) ?? null })),
    status: p.status,
    createdAt: p.createdAt.toISOString(),
  }));
}

const presentCard = (l: ListingRecord) => ({
  productId: l.productId,
  title: l.title,
  merchantOrgId: l.merchantOrgId,
  merchantName: l.merchantName,
  categoryId: l.categoryId,
  brandName: l.brandName,
  coverImageId: l.coverImageId,
  minPriceFen: l.minPriceFen,
  maxPriceFen: l.maxPriceFen,
  commissionBp: l.commissionBp,
  planTypes: l.planTypes,
  stock: l.stock,
  salesCount: l.salesCount,
  sampleAvailable: l.sampleAvailable,
  merchantCredit: l.merchantCredit,
});

async function presentSample(c: Container, s: SampleRecord) {
  const [product, org, user] = await Promise.all([
    c.uow.read.catalog.findProduct(s.productId),
    c.uow.read.orgs.findById(s.merchantOrgId),
    c.uow.read.users.findById(s.streamerUserId),
  ]);
  return {
    id: s.id,
    productId: s.productId,
    productTitle: product?.title ?? '',
    skuId: s.skuId,
    merchantOrgId: s.merchantOrgId,
    merchantName: org?.name ?? '',
    streamerUserId: s.streamerUserId,
    streamerName: user?.displayName ?? '',
    status: s.status,
    ...c.selection.maskedContact(s),
    note: s.note,
    reason: s.reason,
    carrier: s.carrier,
    trackingNo: s.trackingNo,
    returnCarrier: s.returnCarrier,
    returnTrackingNo: s.returnTrackingNo,
    featureDueAt: iso(s.featureDueAt),
    featuredIn: s.featuredIn,
    overdue: s.overdueAt !== null && s.status === 'received',
    history: s.history,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

async function presentAgreement(c: Container, d: AgreementDetail) {
  const a = d.agreement;
  const r = c.uow.read;
  const [merchant, streamer, mcn] = await Promise.all([
    r.orgs.findById(a.merchantOrgId),
    r.users.findById(a.streamerUserId),
    a.mcnOrgId ? r.orgs.findById(a.mcnOrgId) : Promise.resolve(null),
  ]);
  const productIds = new Set<string>();
  for (const v of d.versions) for (const p of (v.terms.products as Array<{ productId: string }>) ?? []) productIds.add(p.productId);
  const products = await r.catalog.listProducts({ ids: [...productIds], limit: 100 });
  const labels = new Map<string, string>();
  for (const v of d.versions)
    for (const x of v.acceptances) if (!labels.has(x.userId)) labels.set(x.userId, (await r.users.findById(x.userId))?.displayName ?? '');
  return {
    id: a.id,
    merchantOrgId: a.merchantOrgId,
    merchantName: merchant?.name ?? '',
    streamerUserId: a.streamerUserId,
    streamerName: streamer?.displayName ?? '',
    mcnOrgId: a.mcnOrgId,
    mcnName: mcn?.name ?? null,
    status: a.status,
    currentVersion: a.currentVersion,
    inForceVersion: a.inForceVersion,
    parties: d.parties,
    versions: d.versions.map((v) => ({
      version: v.version,
      terms: v.terms,
      contentHash: v.contentHash,
      hashValid: v.hashValid,
      createdBy: v.createdBy,
      createdAt: v.createdAt.toISOString(),
      acceptances: v.acceptances.map((x) => ({ party: x.party, userLabel: labels.get(x.userId) ?? '', at: x.at.toISOString() })),
    })),
    productTitles: Object.fromEntries(products.map((p) => [p.id, p.title])),
    myParty: d.myParty,
    terminatedReason: a.terminatedReason,
    createdAt: a.createdAt.toISOString(),
  };
}

/**
 * Who may read a product: its merchant, the platform and regulators, the streamers and MCNs the pool offers it
 * to — and anyone signed in while it is on sale in a live room (then as a buyer: without the review file).
 */
async function readableProduct(c: Container, actor: Actor, id: string): Promise<{ detail: ProductDetail; asBuyer: boolean }> {
  const pool = actor.role === 'streamer' || actor.role === 'mcn_manager';
  let asBuyer = false;
  const detail = await c.catalog.getProduct(actor, id, {
    visibleTo: async (p) => {
      if (pool && (await c.selection.isVisible(actor, p.id))) return true;
      asBuyer = await c.uow.read.orders.onSaleLive(p.id);
      return asBuyer;
    },
  });
  return { detail, asBuyer };
}

export function catalogRoutes(api: Api, c: Container): void {
  const tags = ['catalog'];
  const idParams = z.strictObject({ id: idSchema });

  // ---- categories and brands -----------------------------------------------------------------------------------

  api.get(
    '/api/catalog/categories',
    {
      config: { policy: { allow: 'authenticated' } },
      schema: { tags, summary: 'The category tree with each live-sale rule', response: { 200: z.array(categorySchema) } },
    },
    async () => [...(await c.catalog.categories()).values()].map(presentCategory),
  );

  api.patch(
    '/api/catalog/categories/:id',
    {
      config: { policy: { allow: ['platform_admin'] } },
      schema: {
        tags,
        summary: 'Change a category’s live-sale rule (audited, with a reason)',
        params: z.strictObject({ id: z.string().min(1).max(60) }),
        body: updateCategorySchema,
        response: { 200: categorySchema },
      },
    },
    async (req) => presentCategory(await c.catalog.updateCategory(requireActor(req), req.params.id, req.body)),
  );

  api.get(
    '/api/catalog/brands',
    {
      config: { policy: { allow: 'authenticated' } },
      schema: {
        tags,
        summary: 'Brands; protected=true lists the key-trademark protection list',
        querystring: z.strictObject({ q: z.string().trim().max(60).optional(), protected: z.enum(['true', 'false']).optional() }),
        response: { 200: z.array(brandSchema) },
      },
    },
    async (req) => (await c.catalog.listBrands({ q: req.query.q, protectedOnly: req.query.protected === 'true' })).map(presentBrand),
  );

  api.post(
    '/api/catalog/brands',
    {
      config: { policy: { allow: ['merchant_staff', 'platform_admin'] } },
      schema: { tags, summary: 'Register a brand', body: createBrandSchema, response: { 201: brandSchema } },
    },
    async (req, reply) => reply.status(201).send(presentBrand(await c.catalog.createBrand(requireActor(req), req.body))),
  );

  api.post(
    '/api/catalog/brands/:id/protection',
    {
      config: { policy: { allow: ['platform_admin', 'regulator'] } },
      schema: {
        tags,
        summary: 'Put a brand on the key-trademark protection list or take it off (platform, IP office)',
        params: idParams,
        body: brandProtectionSchema,
        response: { 200: brandSchema },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return presentBrand(await c.catalog.setBrandProtection(actor, await departmentOf(c, actor), req.params.id, req.body));
    },
  );

  api.get(
    '/api/catalog/brand-authorizations',
    {
      config: { policy: { allow: CATALOG_READERS } },
      schema: {
        tags,
        summary: 'Brand authorizations on file (a merchant sees its own)',
        response: {
          200: z.array(
            z.object({
              id: z.string(),
              brandId: z.string(),
              merchantOrgId: z.string(),
              documentId: z.string(),
              validUntil: z.string(),
              status: z.string(),
            }),
          ),
        },
      },
    },
    async (req) => {
      const list = await c.catalog.listAuthorizations(requireActor(req));
      const names = new Map<string, string>();
      for (const a of list) if (!names.has(a.brandId)) names.set(a.brandId, (await c.uow.read.catalog.findBrand(a.brandId))?.name ?? '');
      return list.map((a) => ({
        id: a.id,
        brandId: a.brandId,
        brandName: names.get(a.brandId) ?? '',
        merchantOrgId: a.merchantOrgId,
        documentId: a.documentId,
        validUntil: a.validUntil.toISOString(),
        status: a.status,
      }));
    },
  );

  api.get(
    '/api/selection/mcns',
    {
      config: { policy: { allow: ['merchant_staff', 'platform_admin', 'reviewer', 'regulator'] } },
      schema: {
        tags: ['selection'],
        summary: 'MCN agencies a merchant may name as plan partners (names only)',
        response: { 200: z.array(z.object({ id: z.string(), name: z.string() })) },
      },
    },
    async () => (await c.uow.read.orgs.list({ kind: 'mcn', limit: 500 })).map((o) => ({ id: o.id, name: o.name })),
  );

  api.post(
    '/api/catalog/brand-authorizations',
    {
      config: { policy: { allow: MERCHANT } },
      schema: { tags, summary: 'File a rights holder’s authorization (品牌授权书) for a brand', body: brandAuthorizationSchema },
    },
    async (req, reply) => {
      const a = await c.catalog.addAuthorization(requireActor(req), req.body);
      return reply.status(201).send({ id: a.id, validUntil: a.validUntil.toISOString() });
    },
  );

  // ---- products ------------------------------------------------------------------------------------------------------

  api.get(
    '/api/catalog/products',
    {
      config: { policy: { allow: CATALOG_READERS } },
      schema: {
        tags,
        summary: 'Products, newest first, a page at a time (keyset: before + beforeId of the last one); a merchant sees its own',
        querystring: productListQuerySchema,
        response: { 200: z.array(productViewSchema) },
      },
    },
    async (req) => (await c.catalog.listProducts(requireActor(req), req.query)).map(presentProduct),
  );

  api.get(
    '/api/catalog/products/counts',
    {
      config: { policy: { allow: CATALOG_READERS } },
      schema: {
        tags,
        summary: 'How many products are in each review status (a merchant counts its own)',
        querystring: z.strictObject({ merchantOrgId: idSchema.optional() }),
        response: { 200: productCountsSchema },
      },
    },
    async (req) => c.catalog.productCounts(requireActor(req), req.query),
  );

  api.post(
    '/api/catalog/products',
    {
      config: { policy: { allow: MERCHANT } },
      schema: { tags, summary: 'Create a draft product with its SKUs', body: createProductSchema, response: { 201: productViewSchema } },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const p = await c.catalog.createProduct(actor, req.body);
      return reply.status(201).send(presentProduct(await c.catalog.detail(p)));
    },
  );

  api.get(
    '/api/catalog/products/:id',
    {
      config: { policy: { allow: 'authenticated' } },
      schema: {
        tags,
        summary: 'A product (its merchant, the platform, regulators, and streamers it is offered to)',
        params: idParams,
        response: { 200: productViewSchema },
      },
    },
    async (req) => {
      const { detail, asBuyer } = await readableProduct(c, requireActor(req), req.params.id);
      const view = presentProduct(detail);
      // a buyer sees what is on sale, not the review file
      return asBuyer ? { ...view, qualificationDocIds: [], statusReason: null, reviewApplicationId: null, checks: null } : view;
    },
  );

  api.patch(
    '/api/catalog/products/:id',
    {
      config: { policy: { allow: MERCHANT } },
      schema: {
        tags,
        summary: 'Edit a product (content changes of an approved product send it back to review)',
        params: idParams,
        body: updateProductSchema,
        response: { 200: productViewSchema },
      },
    },
    async (req) => presentProduct(await c.catalog.detail(await c.catalog.updateProduct(requireActor(req), req.params.id, req.body))),
  );

  api.post(
    '/api/catalog/products/:id/skus',
    {
      config: { policy: { allow: MERCHANT } },
      schema: { tags, summary: 'Add a SKU', params: idParams, body: skuInputSchema, response: { 201: productViewSchema } },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      await c.catalog.addSku(actor, req.params.id, req.body);
      return reply.status(201).send(presentProduct(await c.catalog.getProduct(actor, req.params.id)));
    },
  );

  api.patch(
    '/api/catalog/products/:id/skus/:skuId',
    {
      config: { policy: { allow: MERCHANT } },
      schema: {
        tags,
        summary: 'Change a SKU’s price or stock (every price change enters the price history)',
        params: z.strictObject({ id: idSchema, skuId: idSchema }),
        body: updateSkuSchema,
        response: { 200: productViewSchema },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await c.catalog.updateSku(actor, req.params.id, req.params.skuId, req.body);
      if (req.body.priceFen !== undefined) await c.orders.priceChanged(req.params.id);
      return presentProduct(await c.catalog.getProduct(actor, req.params.id));
    },
  );

  api.get(
    '/api/catalog/products/:id/skus/:skuId/prices',
    {
      config: { policy: { allow: CATALOG_READERS } },
      schema: {
        tags,
        summary: 'A SKU’s price history and its lowest price over the previous 7 days',
        params: z.strictObject({ id: idSchema, skuId: idSchema }),
        response: { 200: priceHistorySchema },
      },
    },
    async (req) => {
      const h = await c.catalog.priceHistory(requireActor(req), req.params.id, req.params.skuId);
      return {
        skuId: h.skuId,
        points: h.points.map((p) => ({
          priceFen: p.priceFen,
          source: p.source,
          validFrom: p.validFrom.toISOString(),
          validTo: iso(p.validTo),
        })),
        lowest7dPriceFen: h.lowest7dPriceFen,
      };
    },
  );

  api.post(
    '/api/catalog/products/:id/submit',
    {
      config: { policy: { allow: MERCHANT } },
      schema: {
        tags,
        summary: '提交审核: run the automatic pre-checks and queue the product for human review',
        params: idParams,
        response: { 200: z.object({ applicationId: z.string(), step: z.string(), product: productViewSchema }) },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const r = await c.catalog.submitForReview(actor, req.params.id);
      return { applicationId: r.applicationId, step: r.step, product: presentProduct(await c.catalog.detail(r.product)) };
    },
  );

  api.post(
    '/api/catalog/products/:id/delist',
    {
      config: { policy: { allow: ['merchant_staff', 'platform_admin', 'reviewer'] } },
      schema: {
        tags,
        summary: '下架: take an approved product off sale (merchant or platform, with a reason)',
        params: idParams,
        body: z.strictObject({ reason: z.string().trim().min(2).max(500) }),
        response: { 200: productViewSchema },
      },
    },
    async (req) => presentProduct(await c.catalog.detail(await c.catalog.delist(requireActor(req), req.params.id, req.body.reason))),
  );

  api.get(
    '/api/catalog/products/:id/images/:imageId',
    {
      config: { policy: { allow: 'authenticated' } },
      schema: { tags, summary: 'A product image', params: z.strictObject({ id: idSchema, imageId: idSchema }) },
    },
    async (req, reply) => {
      const d = (await readableProduct(c, requireActor(req), req.params.id)).detail;
      if (!d.product.imageIds.includes(req.params.imageId)) throw new AppError('document.not_found', { field: 'imageId' });
      const img = await c.registry.imageBytes(req.params.imageId);
      if (!img) throw new AppError('document.not_found', { field: 'imageId' });
      return reply.header('content-type', img.mime).header('cache-control', 'private, max-age=3600').send(Buffer.from(img.bytes));
    },
  );

  // ---- selection center --------------------------------------------------------------------------------------

  api.get(
    '/api/selection/plans',
    {
      config: { policy: { allow: CATALOG_READERS } },
      schema: {
        tags: ['selection'],
        summary: 'Commission plans of a product (or all of the merchant’s)',
        querystring: z.strictObject({ productId: idSchema.optional() }),
        response: { 200: z.array(planViewSchema) },
      },
    },
    async (req) => presentPlans(c, await c.selection.listPlans(requireActor(req), req.query.productId)),
  );

  api.post(
    '/api/selection/plans',
    {
      config: { policy: { allow: MERCHANT } },
      schema: {
        tags: ['selection'],
        summary: 'Put an approved product in the pool under a commission plan (open, targeted or exclusive)',
        body: createPlanSchema,
        response: { 201: planViewSchema },
      },
    },
    async (req, reply) => {
      const plan = await c.selection.createPlan(requireActor(req), req.body);
      const [view] = await presentPlans(c, [plan]);
      return reply.status(201).send(view as NonNullable<typeof view>);
    },
  );

  api.post(
    '/api/selection/plans/:id/end',
    {
      config: { policy: { allow: MERCHANT } },
      schema: { tags: ['selection'], summary: 'End a commission plan now', params: idParams, response: { 200: planViewSchema } },
    },
    async (req) => {
      const [view] = await presentPlans(c, [await c.selection.endPlan(requireActor(req), req.params.id)]);
      return view as NonNullable<typeof view>;
    },
  );

  api.get(
    '/api/selection/search',
    {
      config: { policy: { allow: POOL_READERS } },
      schema: {
        tags: ['selection'],
        summary: '选品广场: search the pool in Chinese ("保温杯 316") with filters; a streamer sees the plans offered to them',
        querystring: selectionSearchQuerySchema,
        response: { 200: selectionPageSchema },
      },
    },
    async (req) => {
      const q = req.query;
      const r = await c.selection.search(requireActor(req), {
        ...q,
        inStock: q.inStock === undefined ? undefined : q.inStock === 'true',
        sampleAvailable: q.sampleAvailable === undefined ? undefined : q.sampleAvailable === 'true',
      });
      return { items: r.items.map(presentCard), total: r.total, page: q.page, pageSize: q.pageSize, tookMs: r.tookMs };
    },
  );

  api.get(
    '/api/selection/products/:id',
    {
      config: { policy: { allow: [...POOL_READERS, 'merchant_staff'] } },
      schema: {
        tags: ['selection'],
        summary: 'A pool product with the commission plans that apply to the caller',
        params: idParams,
        response: { 200: z.object({ card: selectionCardSchema, product: productViewSchema, plans: z.array(planViewSchema) }) },
      },
    },
    async (req) => {
      const r = await c.selection.poolProduct(requireActor(req), req.params.id);
      return { card: presentCard(r.listing), product: presentProduct(r.detail), plans: await presentPlans(c, r.plans) };
    },
  );

  // ---- samples ------------------------------------------------------------------------------------------------------

  api.get(
    '/api/samples',
    {
      config: { policy: { allow: SAMPLE_PARTIES } },
      schema: {
        tags: ['selection'],
        summary: 'Sample requests: a streamer’s own, a merchant’s incoming, an MCN’s streamers’ (contacts masked)',
        querystring: sampleListQuerySchema,
        response: { 200: z.array(sampleViewSchema) },
      },
    },
    async (req) => {
      const list = await c.selection.listSamples(requireActor(req), {
        status: req.query.status,
        overdue: req.query.overdue === undefined ? undefined : req.query.overdue === 'true',
      });
      return Promise.all(list.map((s) => presentSample(c, s)));
    },
  );

  api.post(
    '/api/samples',
    {
      config: { policy: { allow: ['streamer'] } },
      schema: {
        tags: ['selection'],
        summary: '寄样: a streamer requests a sample',
        body: sampleRequestSchema,
        response: { 201: sampleViewSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await presentSample(c, await c.selection.requestSample(requireActor(req), req.body))),
  );

  api.get(
    '/api/samples/:id',
    {
      config: { policy: { allow: SAMPLE_PARTIES } },
      schema: { tags: ['selection'], summary: 'A sample request', params: idParams, response: { 200: sampleViewSchema } },
    },
    async (req) => presentSample(c, await c.selection.getSample(requireActor(req), req.params.id)),
  );

  api.post(
    '/api/samples/:id/actions',
    {
      config: { policy: { allow: ['merchant_staff', 'streamer'] } },
      schema: {
        tags: ['selection'],
        summary: 'Move a sample request: approve / decline / ship / receive / feature / ship_return / confirm_return / cancel',
        params: idParams,
        body: sampleActionSchema,
        response: { 200: sampleViewSchema },
      },
    },
    async (req) => presentSample(c, await c.selection.sampleAction(requireActor(req), req.params.id, req.body)),
  );

  api.get(
    '/api/samples/:id/shipping-label',
    {
      config: { policy: { allow: MERCHANT } },
      schema: {
        tags: ['selection'],
        summary: '面单: the full recipient, phone and address for the shipping merchant (audited)',
        params: idParams,
        response: { 200: z.object({ recipient: z.string(), phone: z.string(), address: z.string() }) },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'private, no-store');
      return c.selection.shippingLabel(requireActor(req), req.params.id);
    },
  );

  // ---- agreements ------------------------------------------------------------------------------------------------

  const agreementTags = ['agreements'];
  api.get(
    '/api/agreements',
    {
      config: { policy: { allow: AGREEMENT_PARTIES } },
      schema: {
        tags: agreementTags,
        summary: 'Live service agreements the caller is party to',
        querystring: z.strictObject({ status: z.enum(['pending', 'in_force', 'terminated', 'expired']).optional() }),
        response: { 200: z.array(agreementViewSchema) },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const list = await c.agreements.list(actor, req.query.status);
      return Promise.all(list.map(async (a) => presentAgreement(c, await c.agreements.get(actor, a.id))));
    },
  );

  api.post(
    '/api/agreements',
    {
      config: { policy: { allow: ['merchant_staff', 'streamer'] } },
      schema: {
        tags: agreementTags,
        summary: '直播服务协议: propose an agreement (the proposer’s side accepts it)',
        body: createAgreementSchema,
        response: { 201: agreementViewSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await presentAgreement(c, await c.agreements.create(requireActor(req), req.body))),
  );

  api.get(
    '/api/agreements/:id',
    {
      config: { policy: { allow: AGREEMENT_PARTIES } },
      schema: {
        tags: agreementTags,
        summary: 'An agreement with every version, its hash and its acceptances',
        params: idParams,
        response: { 200: agreementViewSchema },
      },
    },
    async (req) => presentAgreement(c, await c.agreements.get(requireActor(req), req.params.id)),
  );

  api.post(
    '/api/agreements/:id/versions',
    {
      config: { policy: { allow: ['merchant_staff', 'streamer', 'mcn_manager'] } },
      schema: {
        tags: agreementTags,
        summary: 'Propose new terms (a new immutable version)',
        params: idParams,
        body: amendAgreementSchema,
        response: { 200: agreementViewSchema },
      },
    },
    async (req) => presentAgreement(c, await c.agreements.amend(requireActor(req), req.params.id, req.body.terms)),
  );

  api.post(
    '/api/agreements/:id/accept',
    {
      config: { policy: { allow: ['merchant_staff', 'streamer', 'mcn_manager'] } },
      schema: {
        tags: agreementTags,
        summary: 'Accept the current version by its content hash',
        params: idParams,
        body: acceptAgreementSchema,
        response: { 200: agreementViewSchema },
      },
    },
    async (req) => presentAgreement(c, await c.agreements.accept(requireActor(req), req.params.id, req.body)),
  );

  api.post(
    '/api/agreements/:id/terminate',
    {
      config: { policy: { allow: ['merchant_staff', 'streamer', 'mcn_manager'] } },
      schema: {
        tags: agreementTags,
        summary: 'Terminate an agreement (any party, with a reason)',
        params: idParams,
        body: terminateAgreementSchema,
        response: { 200: agreementViewSchema },
      },
    },
    async (req) => presentAgreement(c, await c.agreements.terminate(requireActor(req), req.params.id, req.body.reason)),
  );

  api.get(
    '/api/agreements/in-force',
    {
      config: { policy: { allow: AGREEMENT_PARTIES } },
      schema: {
        tags: agreementTags,
        summary: 'Whether an agreement in force lets a streamer sell a product now (what the live room checks)',
        querystring: z.strictObject({ merchantOrgId: idSchema, streamerUserId: idSchema, productId: idSchema }),
        response: { 200: z.object({ inForce: z.boolean(), agreementId: z.string().nullable(), version: z.number().int().nullable() }) },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const q = req.query;
      const mine = isCrossTenant(actor) || actor.orgId === q.merchantOrgId || actor.userId === q.streamerUserId;
      if (!mine) throw new AppError('agreement.not_found', { field: 'merchantOrgId' });
      const a = await c.agreements.inForce(q);
      return { inForce: a !== null, agreementId: a?.id ?? null, version: a?.inForceVersion ?? null };
    },
  );
}
