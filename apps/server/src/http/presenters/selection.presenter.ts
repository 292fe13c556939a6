/** Pure presenters of the selection center: plans, pool cards, sample requests and agreements → contract shapes. */
import type { agreementViewSchema, planViewSchema, sampleViewSchema, selectionCardSchema } from '@livehub/contracts';
import type { AgreementView, ListingRecord, PlanView, SampleView } from '@livehub/core';
import type { z } from 'zod';
import { iso } from './catalog.presenter.ts';

export const presentPlan = (p: PlanView): z.infer<typeof planViewSchema> => ({
  id: p.id,
  productId: p.productId,
  merchantOrgId: p.merchantOrgId,
  type: p.type,
  commissionBp: p.commissionBp,
  mcnServiceFeeBp: p.mcnServiceFeeBp,
  slotFeeFen: p.slotFeeFen,
  startsAt: p.startsAt.toISOString(),
  endsAt: p.endsAt.toISOString(),
  partners: p.partners.map((pt) => ({ kind: pt.kind, id: pt.id, name: pt.name })),
  status: p.status,
  createdAt: p.createdAt.toISOString(),
});

export const presentCard = (l: ListingRecord): z.infer<typeof selectionCardSchema> => ({
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

export const presentSample = (s: SampleView): z.infer<typeof sampleViewSchema> => ({
  id: s.id,
  productId: s.productId,
  productTitle: s.productTitle,
  skuId: s.skuId,
  merchantOrgId: s.merchantOrgId,
  merchantName: s.merchantName,
  streamerUserId: s.streamerUserId,
  streamerName: s.streamerName,
  status: s.status,
  ...s.contact,
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
  ...(s.tracking !== undefined ? { tracking: s.tracking } : {}),
  ...(s.returnTracking !== undefined ? { returnTracking: s.returnTracking } : {}),
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
});

export function presentAgreement(d: AgreementView): z.infer<typeof agreementViewSchema> {
  const a = d.agreement;
  return {
    id: a.id,
    merchantOrgId: a.merchantOrgId,
    merchantName: d.merchantName,
    streamerUserId: a.streamerUserId,
    streamerName: d.streamerName,
    mcnOrgId: a.mcnOrgId,
    mcnName: d.mcnName,
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
      acceptances: v.acceptances.map((x) => ({ party: x.party, userLabel: d.userLabels[x.userId] ?? '', at: x.at.toISOString() })),
    })),
    productTitles: d.productTitles,
    myParty: d.myParty,
    terminatedReason: a.terminatedReason,
    createdAt: a.createdAt.toISOString(),
  };
}
