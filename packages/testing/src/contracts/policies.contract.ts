/**
 * Contract cases of the policies port (政策服务包): policies stored and listed by status, kind and issuer; one open
 * application per subject and policy (`policies.already_applied`), a new one once it is decided; applications found
 * by the engine's id and listed by subject and policy; totals per policy of the issuer.
 */
import type { PolicyApplicationRecord, PolicyRecord } from '@livehub/core';
import { expect, it } from 'vitest';
import { at, type ContractDb, uuid } from './fixtures.ts';

const policy = (issuerOrgId: string, over: Partial<PolicyRecord> = {}): PolicyRecord => ({
  id: uuid(),
  issuerOrgId,
  issuerDepartment: 'swc',
  kind: 'enterprise',
  title: '测试补贴',
  summary: '摘要',
  basis: '依据',
  conditions: { fact: 'orgKind', op: 'eq', value: 'merchant' },
  benefit: { kind: 'subsidy_amount', amountFen: 100, rateBp: null, capFen: 200, description: '' },
  applyFrom: null,
  applyUntil: null,
  documents: [],
  status: 'published',
  publishedAt: at(0),
  withdrawnAt: null,
  createdBy: uuid(),
  createdAt: at(0),
  updatedAt: at(0),
  ...over,
});

const application = (p: PolicyRecord, subjectId: string, over: Partial<PolicyApplicationRecord> = {}): PolicyApplicationRecord => ({
  id: uuid(),
  policyId: p.id,
  workflowApplicationId: uuid(),
  applicantUserId: uuid(),
  applicantOrgId: subjectId,
  subjectType: 'organization',
  subjectId,
  status: 'in_review',
  facts: { orgKind: 'merchant' },
  declared: {},
  reasons: [],
  requestedFen: null,
  grantedFen: null,
  decisionReason: null,
  decidedAt: null,
  createdAt: at(1),
  updatedAt: at(1),
  ...over,
});

export function policiesCases(db: ContractDb): void {
  it('stores, updates and lists policies by status, kind and issuer', async () => {
    const r = db.r();
    const issuer = uuid();
    const a = policy(issuer);
    const b = policy(issuer, { kind: 'talent', status: 'draft', createdAt: at(2) });
    await r.policies.insertPolicy(a);
    await r.policies.insertPolicy(b);
    expect(await r.policies.findPolicy(a.id)).toEqual(a);
    expect((await r.policies.listPolicies({ issuerOrgId: issuer, limit: 10 })).map((p) => p.id)).toEqual([b.id, a.id]);
    expect((await r.policies.listPolicies({ issuerOrgId: issuer, status: ['published'], limit: 10 })).map((p) => p.id)).toEqual([a.id]);
    expect((await r.policies.listPolicies({ issuerOrgId: issuer, kind: 'talent', limit: 10 })).map((p) => p.id)).toEqual([b.id]);
    await r.policies.updatePolicy(b.id, { status: 'published', publishedAt: at(3) });
    expect((await r.policies.findPolicy(b.id))?.status).toBe('published');
    expect(await r.policies.findPolicy(uuid())).toBeNull();
  });

  it('keeps one open application per subject and policy; lists, finds and totals them', async () => {
    const r = db.r();
    const issuer = uuid();
    const p = policy(issuer);
    await r.policies.insertPolicy(p);
    const subject = uuid();
    const first = application(p, subject);
    await r.policies.insertApplication(first);
    await expect(r.policies.insertApplication(application(p, subject))).rejects.toMatchObject({ code: 'policies.already_applied' });
    expect(await r.policies.findApplication(first.id)).toEqual(first);
    expect((await r.policies.findByWorkflowApplication(first.workflowApplicationId))?.id).toBe(first.id);
    await r.policies.updateApplication(first.id, { status: 'granted', grantedFen: 150, decidedAt: at(2), updatedAt: at(2) });
    const second = application(p, subject, { createdAt: at(3) });
    await r.policies.insertApplication(second);
    expect((await r.policies.listApplications({ subjectId: subject, limit: 10 })).map((a) => a.id)).toEqual([second.id, first.id]);
    expect((await r.policies.listApplications({ policyIds: [p.id], status: ['granted'], limit: 10 })).map((a) => a.id)).toEqual([first.id]);
    expect(await r.policies.listApplications({ policyIds: [], limit: 10 })).toEqual([]);
    expect(await r.policies.totals(issuer)).toEqual([
      { policyId: p.id, title: p.title, applications: 2, inReview: 1, granted: 1, grantedFen: 150 },
    ]);
  });
}
