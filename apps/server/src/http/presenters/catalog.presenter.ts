/** Pure presenters of the catalog: records and details → the contract shapes the API answers with. */
import {
  type brandSchema,
  CROSS_BORDER_ORIGINS,
  type categorySchema,
  type crossBorderViewSchema,
  type priceHistorySchema,
  type productViewSchema,
} from '@livehub/contracts';
import type { BrandAuthorizationView, BrandRecord, CategoryRecord, PriceHistory, ProductDetail, ProductRecord } from '@livehub/core';
import type { z } from 'zod';

export const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

export const presentCategory = (c: CategoryRecord): z.infer<typeof categorySchema> => ({
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

export const presentBrand = (b: BrandRecord): z.infer<typeof brandSchema> => ({
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

/** A cross-border product's declaration with its origin named in Chinese; null for a domestic product. */
export function presentCrossBorder(p: ProductRecord): z.infer<typeof crossBorderViewSchema> | null {
  if (!p.crossBorder || p.declaredValueFen === null || p.originCountry === null || p.importMode === null) return null;
  return {
    declaredValueFen: p.declaredValueFen,
    originCountry: p.originCountry,
    originName: originName(p.originCountry),
    importMode: p.importMode,
  };
}

export function originName(code: string): string {
  return (CROSS_BORDER_ORIGINS as Record<string, string>)[code] ?? code;
}

export function presentProduct(d: ProductDetail): z.infer<typeof productViewSchema> {
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
    crossBorder: presentCrossBorder(p),
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

/** A product as a buyer sees it while it is on sale in a live room: what is on sale, not the review file. */
export function presentProductForBuyer(d: ProductDetail): z.infer<typeof productViewSchema> {
  return { ...presentProduct(d), qualificationDocIds: [], statusReason: null, reviewApplicationId: null, checks: null };
}

export function presentPriceHistory(h: PriceHistory): z.infer<typeof priceHistorySchema> {
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
}

export const presentAuthorization = (a: BrandAuthorizationView) => ({
  id: a.id,
  brandId: a.brandId,
  brandName: a.brandName,
  merchantOrgId: a.merchantOrgId,
  documentId: a.documentId,
  validUntil: a.validUntil.toISOString(),
  status: a.status,
});
