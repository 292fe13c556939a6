/**
 * Catalog routes: categories and their live-sale rules, brands and the key-trademark protection list, brand
 * authorizations, products and SKUs (with price history, review submission and 下架). Thin: validate, call the
 * catalog service, present with the pure presenters in presenters/catalog.presenter.ts.
 */
import {
  brandAuthorizationSchema,
  brandProtectionSchema,
  brandSchema,
  categorySchema,
  createBrandSchema,
  createProductSchema,
  idSchema,
  priceHistorySchema,
  productCountsSchema,
  productListQuerySchema,
  productViewSchema,
  skuInputSchema,
  updateCategorySchema,
  updateProductSchema,
  updateSkuSchema,
} from '@livehub/contracts';
import { z } from 'zod';
import type { Container } from '../../container.ts';
import { departmentOf } from '../department.ts';
import { requireActor } from '../policy.ts';
import { createdRoute, idActionRoute } from '../route-helpers.ts';
import {
  presentAuthorization,
  presentBrand,
  presentCategory,
  presentPriceHistory,
  presentProduct,
  presentProductForBuyer,
} from '../presenters/catalog.presenter.ts';
import { CATALOG_READERS, MERCHANT } from './roles.ts';
import type { Api } from './types.ts';

export function catalogRoutes(api: Api, c: Container): void {
  const tags = ['catalog'];
  const idParams = z.strictObject({ id: idSchema });
  const skuParams = z.strictObject({ id: idSchema, skuId: idSchema });

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

  createdRoute(
    api,
    '/api/catalog/brands',
    { allow: ['merchant_staff', 'platform_admin'], tags, summary: 'Register a brand', body: createBrandSchema, response: brandSchema },
    async (actor, body) => presentBrand(await c.catalog.createBrand(actor, body)),
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
    async (req) => (await c.catalog.listAuthorizations(requireActor(req))).map(presentAuthorization),
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
      const { detail, asBuyer } = await c.selection.readProduct(requireActor(req), req.params.id);
      return asBuyer ? presentProductForBuyer(detail) : presentProduct(detail);
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
        params: skuParams,
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
        params: skuParams,
        response: { 200: priceHistorySchema },
      },
    },
    async (req) => presentPriceHistory(await c.catalog.priceHistory(requireActor(req), req.params.id, req.params.skuId)),
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

  idActionRoute(
    api,
    '/api/catalog/products/:id/delist',
    {
      allow: ['merchant_staff', 'platform_admin', 'reviewer'],
      tags,
      summary: '下架: take an approved product off sale (merchant or platform, with a reason)',
      params: idParams,
      body: z.strictObject({ reason: z.string().trim().min(2).max(500) }),
      response: productViewSchema,
    },
    async (actor, id, body) => presentProduct(await c.catalog.detail(await c.catalog.delist(actor, id, body.reason))),
  );

  api.get(
    '/api/catalog/products/:id/images/:imageId',
    {
      config: { policy: { allow: 'authenticated' } },
      schema: { tags, summary: 'A product image', params: z.strictObject({ id: idSchema, imageId: idSchema }) },
    },
    async (req, reply) => {
      const img = await c.selection.productImage(requireActor(req), req.params.id, req.params.imageId);
      return reply.header('content-type', img.mime).header('cache-control', 'private, max-age=3600').send(Buffer.from(img.bytes));
    },
  );
}
