/**
 * Contract cases of the campaigns port (活动与节庆): a campaign is listed with its organiser's name; a product or a
 * session enrols once per campaign (`campaigns.already_enrolled`); a decision is taken once; a party's enrolments
 * are found by the party or its organization; a session's badge lists only approved enrolments of live campaigns.
 */
import type { CampaignRecord, EnrolmentRecord } from '@livehub/core';
import { expect, it } from 'vitest';
import { at, type ContractDb, storedOrg, uuid } from './fixtures.ts';

const campaign = (organiserOrgId: string, over: Partial<CampaignRecord> = {}): CampaignRecord => ({
  id: uuid(),
  organiserOrgId,
  organiserKind: 'regulator',
  createdBy: uuid(),
  name: '网上年货节',
  theme: '',
  startsAt: at(10),
  endsAt: at(100),
  enrolDeadline: at(50),
  categoryIds: [],
  districts: ['浦东新区'],
  rules: { priceCap: { kind: 'lowest_7d' }, requiredLabel: '年货节', minCreditTier: null, requireCertified: true },
  status: 'published',
  cancelReason: null,
  createdAt: at(0),
  updatedAt: at(0),
  ...over,
});

const enrolment = (campaignId: string, over: Partial<EnrolmentRecord> = {}): EnrolmentRecord => ({
  id: uuid(),
  campaignId,
  kind: 'product',
  productId: uuid(),
  sessionId: null,
  partyId: uuid(),
  partyOrgId: null,
  enrolledBy: uuid(),
  subjectName: '坚果礼盒',
  partyName: '某商家',
  cardLabel: '年货节',
  priceFen: 9900,
  checks: ['商品已通过审核'],
  status: 'pending',
  decisionReason: null,
  decidedBy: null,
  decidedAt: null,
  createdAt: at(1),
  updatedAt: at(1),
  ...over,
});

export function campaignCases(db: ContractDb): void {
  it('stores and lists campaigns with the organiser’s name; updates; refuses a second enrolment of one product', async () => {
    const r = db.r();
    const org = await storedOrg(r, { kind: 'regulator' });
    const c = campaign(org.id);
    await r.campaigns.insertCampaign(c);
    const found = await r.campaigns.findCampaign(c.id, { lock: false });
    expect(found).toMatchObject({ id: c.id, organiserName: org.name, rules: c.rules, districts: ['浦东新区'], categoryNames: [] });
    await r.campaigns.updateCampaign(c.id, { status: 'running', updatedAt: at(11) });
    expect((await r.campaigns.listCampaigns({ organiserOrgId: org.id, statuses: ['running'], limit: 10 })).map((x) => x.id)).toEqual([
      c.id,
    ]);
    expect(await r.campaigns.listCampaigns({ organiserOrgId: org.id, statuses: ['draft'], limit: 10 })).toEqual([]);

    const e = enrolment(c.id);
    await r.campaigns.insertEnrolment(e);
    await expect(r.campaigns.insertEnrolment(enrolment(c.id, { productId: e.productId }))).rejects.toMatchObject({
      code: 'campaigns.already_enrolled',
      field: 'productId',
    });
    expect(await r.campaigns.findEnrolment(e.id)).toMatchObject({ id: e.id, checks: e.checks, status: 'pending' });
  });

  it('decides once; lists by party or its organization; the session badge shows approved enrolments of live campaigns', async () => {
    const r = db.r();
    const org = await storedOrg(r, { kind: 'regulator' });
    const c = campaign(org.id);
    const draft = campaign(org.id, { status: 'draft' });
    await r.campaigns.insertCampaign(c);
    await r.campaigns.insertCampaign(draft);
    const mcn = uuid();
    const sessionId = uuid();
    const s = enrolment(c.id, { kind: 'session', productId: null, sessionId, partyOrgId: mcn });
    await r.campaigns.insertEnrolment(s);
    await r.campaigns.insertEnrolment(enrolment(draft.id, { kind: 'session', productId: null, sessionId, status: 'approved' }));
    expect(await r.campaigns.campaignsOfSession(sessionId)).toEqual([]);
    const patch = { status: 'approved' as const, decisionReason: '符合', decidedBy: uuid(), decidedAt: at(2), updatedAt: at(2) };
    expect(await r.campaigns.decideEnrolment(s.id, patch)).toBe(true);
    expect(await r.campaigns.decideEnrolment(s.id, { ...patch, status: 'rejected' })).toBe(false);
    expect((await r.campaigns.campaignsOfSession(sessionId)).map((x) => x.id)).toEqual([c.id]);
    expect((await r.campaigns.listEnrolments({ partyIds: [mcn], limit: 10 })).map((x) => x.id)).toEqual([s.id]);
    expect((await r.campaigns.listEnrolments({ partyIds: [s.partyId], limit: 10 })).map((x) => x.id)).toEqual([s.id]);
    expect(await r.campaigns.listEnrolments({ partyIds: [], limit: 10 })).toEqual([]);
    expect((await r.campaigns.listEnrolments({ campaignId: c.id, statuses: ['approved'], limit: 10 })).map((x) => x.id)).toEqual([s.id]);
  });
}
