/**
 * Contract cases of the registry (主体备案) and workflow (申报 → 审查) ports: profiles by organization or user,
 * credit codes unique across the kinds, status filters, and applications moved only from the version read.
 */
import { expect, it } from 'vitest';
import { at, type ContractDb, document, org, type Row, storedOrg, storedUser, T0, user, uuid } from './fixtures.ts';

const creditCode = () => `91310000${uuid().replace(/-/g, '').slice(-10).toUpperCase()}`;

function merchant(orgId: string, over: Partial<Row<'registry', 'insertMerchant'>> = {}): Row<'registry', 'insertMerchant'> {
  return {
    orgId,
    creditCode: creditCode(),
    legalName: '契约测试商贸有限公司',
    legalRepresentative: '张三',
    contactPhoneEnc: null,
    addressEnc: null,
    categories: ['home'],
    depositFen: 0,
    status: 'pending',
    statusReason: null,
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
}

function streamer(userId: string, over: Partial<Row<'registry', 'insertStreamer'>> = {}): Row<'registry', 'insertStreamer'> {
  return {
    userId,
    realNameEnc: 'v1.name',
    idNumberEnc: 'v1.id',
    idNumberIndex: `idx-${uuid()}`,
    birthYear: 1995,
    mcnOrgId: null,
    topics: ['美妆'],
    marketerLevel: null,
    virtual: 'no',
    operatorUserId: null,
    virtualLabel: null,
    status: 'pending',
    statusReason: null,
    certifiedUntil: null,
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
}

function application(
  applicantUserId: string,
  over: Partial<Row<'workflows', 'insertApplication'>> = {},
): Row<'workflows', 'insertApplication'> {
  return {
    id: uuid(),
    kind: 'merchant_admission',
    subjectType: 'organization',
    subjectId: uuid(),
    applicantUserId,
    applicantOrgId: null,
    step: 'submitted',
    status: 'in_progress',
    round: 1,
    data: { 名称: '契约测试' },
    stepEnteredAt: T0,
    dueAt: null,
    version: 1,
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
}

export function registryCases(db: ContractDb): void {
  it('keeps merchant profiles by organization, filters them by status and refuses a second credit code', async () => {
    const r = db.r();
    const [a, b] = [org(), org()];
    await r.orgs.insertMany([a, b]);
    const ma = merchant(a.id);
    await r.registry.insertMerchant(ma);
    await r.registry.insertMerchant(merchant(b.id, { status: 'admitted', createdAt: at(1) }));
    expect(await r.registry.findMerchant(a.id)).toEqual(ma);
    expect((await r.registry.findMerchantByCreditCode(ma.creditCode))?.orgId).toBe(a.id);
    expect(await r.registry.findMerchant(uuid())).toBeNull();
    const codes = await r.registry.creditCodesOf([a.id, a.id, uuid()]);
    expect([...codes]).toEqual([[a.id, { creditCode: ma.creditCode, legalName: ma.legalName }]]);
    expect((await r.registry.creditCodesOf([])).size).toBe(0);
    await r.registry.updateMerchant(a.id, { status: 'admitted', statusReason: '材料齐全', updatedAt: at(2) });
    expect(await r.registry.findMerchant(a.id)).toMatchObject({ status: 'admitted', statusReason: '材料齐全', legalName: ma.legalName });
    const admitted = await r.registry.listMerchants({ status: ['admitted'], limit: 1000 });
    expect(admitted.map((m) => m.orgId)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect((await r.registry.listMerchants({ status: ['pending'], limit: 1000 })).map((m) => m.orgId)).not.toContain(a.id);
    const c = await storedOrg(r);
    await expect(r.registry.insertMerchant(merchant(c.id, { creditCode: ma.creditCode }))).rejects.toThrow();
  });

  it('finds any registry record by credit code, naming its kind', async () => {
    const r = db.r();
    const [m, mcn, p] = [org(), org({ kind: 'mcn' }), org({ kind: 'service_provider' })];
    await r.orgs.insertMany([m, mcn, p]);
    const mp = merchant(m.id);
    await r.registry.insertMerchant(mp);
    const mcnCode = creditCode();
    await r.registry.insertMcn({
      orgId: mcn.id,
      creditCode: mcnCode,
      legalName: '契约测试MCN有限公司',
      legalRepresentative: '李四',
      contactPhoneEnc: 'v1.phone',
      hostBaseOrgId: null,
      createdAt: T0,
    });
    expect((await r.registry.findMcn(mcn.id))?.creditCode).toBe(mcnCode);
    expect(await r.registry.findByCreditCode(mp.creditCode)).toEqual({ kind: 'merchant', orgId: m.id, legalName: mp.legalName });
    expect(await r.registry.findByCreditCode(mcnCode)).toMatchObject({ kind: 'mcn', orgId: mcn.id });
    expect(await r.registry.findByCreditCode(creditCode())).toBeNull();
    expect(await r.registry.findProvider(p.id)).toBeNull();
    const provider = {
      orgId: p.id,
      creditCode: creditCode(),
      legalName: '契约测试服务有限公司',
      services: ['供应链'],
      contactPhoneEnc: 'v1.phone',
      hostBaseOrgId: null,
      createdAt: T0,
    };
    await r.registry.insertProvider(provider);
    expect(await r.registry.findProvider(p.id)).toEqual(provider);
    expect(await r.registry.findByCreditCode(provider.creditCode)).toMatchObject({ kind: 'provider', orgId: p.id });
    const q = await storedOrg(r, { kind: 'service_provider' });
    await expect(r.registry.insertProvider({ ...provider, orgId: q.id })).rejects.toThrow();
  });

  it('keeps streamer profiles: unique ID number, filtered by status and MCN with the display name, lapsed ones found', async () => {
    const r = db.r();
    const mcn = await storedOrg(r, { kind: 'mcn' });
    const [u1, u2, u3] = [user({ displayName: '主播甲' }), user(), user()];
    await r.users.insertMany([u1, u2, u3]);
    const s1 = streamer(u1.id, { mcnOrgId: mcn.id, status: 'certified', certifiedUntil: at(-1) });
    await r.registry.insertStreamer(s1);
    await r.registry.insertStreamer(streamer(u2.id, { mcnOrgId: mcn.id, status: 'certified', certifiedUntil: at(1000) }));
    expect(await r.registry.findStreamer(u1.id)).toEqual(s1);
    expect((await r.registry.findStreamerByIdIndex(s1.idNumberIndex))?.userId).toBe(u1.id);
    await expect(r.registry.insertStreamer(streamer(u3.id, { idNumberIndex: s1.idNumberIndex }))).rejects.toThrow();
    const byMcn = await r.registry.listStreamers({ mcnOrgIds: [mcn.id], limit: 10 });
    expect(byMcn.map((s) => s.userId).sort()).toEqual([u1.id, u2.id].sort());
    expect(byMcn.find((s) => s.userId === u1.id)?.displayName).toBe('主播甲');
    expect(await r.registry.listStreamers({ mcnOrgIds: [mcn.id], status: ['pending'], limit: 10 })).toEqual([]);
    const lapsed = (await r.registry.listStreamersLapsed(T0, 1000)).map((s) => s.userId);
    expect(lapsed).toContain(u1.id);
    expect(lapsed).not.toContain(u2.id);
    await r.registry.updateStreamer(u1.id, { status: 'expired', updatedAt: at(1) });
    expect((await r.registry.findStreamer(u1.id))?.status).toBe('expired');
    expect((await r.registry.listStreamersLapsed(T0, 1000)).map((s) => s.userId)).not.toContain(u1.id);
  });

  it('keeps base profiles with the organization name', async () => {
    const r = db.r();
    const base = await storedOrg(r, { kind: 'live_base', name: '契约测试基地' });
    const b: Row<'registry', 'insertBase'> = {
      orgId: base.id,
      addressEnc: 'v1.address',
      district: '嘉定区',
      areaM2: 1200,
      operatorName: '契约测试运营公司',
      focus: null,
      level: 'municipal',
      status: 'pending',
      certifiedUntil: null,
      createdAt: T0,
      updatedAt: T0,
    };
    await r.registry.insertBase(b);
    expect(await r.registry.findBase(base.id)).toEqual(b);
    await r.registry.updateBase(base.id, { status: 'certified', updatedAt: at(1) });
    const listed = await r.registry.listBases({ status: ['certified'], limit: 1000 });
    expect(listed.find((x) => x.orgId === base.id)).toMatchObject({ name: '契约测试基地', status: 'certified' });
    expect((await r.registry.listBases({ status: ['pending'], limit: 1000 })).map((x) => x.orgId)).not.toContain(base.id);
  });

  it('keeps qualifications per owner, soonest expiry first, and finds the expiring ones not yet marked', async () => {
    const r = db.r();
    const o = await storedOrg(r);
    const q = (expiresAt: Date | null, status: 'valid' | 'expiring' | 'expired' = 'valid'): Row<'registry', 'insertQualification'> => ({
      id: uuid(),
      ownerOrgId: o.id,
      ownerUserId: null,
      type: 'food_license',
      number: 'JY123',
      documentId: null,
      issuedAt: null,
      expiresAt,
      status,
      createdAt: T0,
    });
    const [late, soon, done] = [q(at(24 * 90)), q(at(24)), q(at(12), 'expiring')];
    for (const x of [late, soon, done]) await r.registry.insertQualification(x);
    expect((await r.registry.listQualifications({ orgId: o.id })).map((x) => x.id)).toEqual([done.id, soon.id, late.id]);
    const expiring = (await r.registry.listQualificationsExpiring(at(48), 'expiring', 1000)).map((x) => x.id);
    expect(expiring).toContain(soon.id);
    expect(expiring).not.toContain(done.id);
    expect(expiring).not.toContain(late.id);
    await r.registry.updateQualification(soon.id, 'expiring');
    expect((await r.registry.listQualificationsExpiring(at(48), 'expiring', 1000)).map((x) => x.id)).not.toContain(soon.id);
  });

  it('keeps training records per user, newest first', async () => {
    const r = db.r();
    const u = await storedUser(r);
    const t = (h: number): Row<'registry', 'insertTraining'> => ({
      id: uuid(),
      userId: u.id,
      course: '直播营销合规',
      hours: 2,
      completedAt: at(h),
      documentId: null,
    });
    const [older, newer] = [t(1), t(5)];
    await r.registry.insertTraining(older);
    await r.registry.insertTraining(newer);
    expect((await r.registry.listTraining(u.id)).map((x) => x.id)).toEqual([newer.id, older.id]);
    expect(await r.registry.listTraining(uuid())).toEqual([]);
  });
}

export function workflowCases(db: ContractDb): void {
  it('moves an application only from the version it was read at, and filters the lists', async () => {
    const r = db.r();
    const u = await storedUser(r);
    const a = application(u.id, { dueAt: at(-1) });
    const other = application(u.id, { kind: 'streamer_certification', updatedAt: at(1) });
    await r.workflows.insertApplication(a);
    await r.workflows.insertApplication(other);
    expect(await r.workflows.findApplication(a.id)).toEqual(a);
    const moved = { ...a, step: 'review', version: 2, updatedAt: at(2), dueAt: null };
    expect(await r.workflows.updateApplication(moved, 1)).toBe(true);
    expect(await r.workflows.updateApplication({ ...a, step: 'rejected', version: 2 }, 1)).toBe(false);
    expect(await r.workflows.findApplication(a.id)).toMatchObject({ step: 'review', version: 2 });
    const mine = await r.workflows.listApplications({ applicantUserId: u.id, limit: 10 });
    expect(mine.map((x) => x.id)).toEqual([a.id, other.id]);
    expect((await r.workflows.listApplications({ applicantUserId: u.id, kind: 'merchant_admission', limit: 10 })).map((x) => x.id)).toEqual(
      [a.id],
    );
    expect((await r.workflows.listApplications({ applicantUserId: u.id, steps: ['submitted'], limit: 10 })).map((x) => x.id)).toEqual([
      other.id,
    ]);
    expect(await r.workflows.countApplications({ applicantUserId: u.id, status: ['in_progress'] })).toBe(2);
    expect(await r.workflows.countApplications({ applicantUserId: u.id, status: ['approved'] })).toBe(0);
  });

  it('lists due applications and keeps their events in order, one per sequence number', async () => {
    const r = db.r();
    const u = await storedUser(r);
    const due = application(u.id, { dueAt: at(-2) });
    const notYet = application(u.id, { dueAt: at(48) });
    await r.workflows.insertApplication(due);
    await r.workflows.insertApplication(notYet);
    const dueIds = (await r.workflows.listDue(T0, 1000)).map((x) => x.id);
    expect(dueIds).toContain(due.id);
    expect(dueIds).not.toContain(notYet.id);
    const event = (seq: number): Row<'workflows', 'appendEvent'> => ({
      id: uuid(),
      applicationId: due.id,
      seq,
      at: at(seq),
      actorUserId: u.id,
      actorLabel: '审核员',
      department: null,
      action: 'advance',
      fromStep: 'submitted',
      toStep: 'review',
      reason: null,
      attachments: [],
      detail: { 备注: seq },
    });
    await r.workflows.appendEvent(event(2));
    await r.workflows.appendEvent(event(1));
    expect((await r.workflows.listEvents(due.id)).map((e) => e.seq)).toEqual([1, 2]);
    await expect(r.workflows.appendEvent(event(2))).rejects.toThrow();
  });

  it('counts one joint vote per department and round, and keeps objections', async () => {
    const r = db.r();
    const u = await storedUser(r);
    const a = application(u.id);
    await r.workflows.insertApplication(a);
    const vote = (department: string, round: number): Row<'workflows', 'insertVote'> => ({
      applicationId: a.id,
      round,
      department,
      decision: 'approve',
      actorUserId: u.id,
      at: at(1),
      reason: null,
    });
    await r.workflows.insertVote(vote('scjgj', 1));
    await r.workflows.insertVote(vote('swj', 1));
    await r.workflows.insertVote(vote('scjgj', 2));
    await expect(r.workflows.insertVote(vote('scjgj', 1))).rejects.toThrow();
    expect((await r.workflows.listVotes(a.id, 1)).map((v) => v.department).sort()).toEqual(['scjgj', 'swj']);
    expect((await r.workflows.listVotes(a.id, 2)).map((v) => v.department)).toEqual(['scjgj']);
    const o: Row<'workflows', 'insertObjection'> = {
      id: uuid(),
      applicationId: a.id,
      filedBy: u.id,
      text: '公示期异议',
      status: 'open',
      resolvedBy: null,
      resolvedAt: null,
      resolution: null,
      createdAt: at(1),
    };
    await r.workflows.insertObjection(o);
    const upheld = { ...o, status: 'upheld' as const, resolvedBy: u.id, resolution: '属实', resolvedAt: at(2) };
    await r.workflows.updateObjection(upheld);
    expect(await r.workflows.listObjections(a.id)).toEqual([upheld]);
  });

  it('keeps documents and links each to an application once, oldest first', async () => {
    const r = db.r();
    const u = await storedUser(r);
    const a = application(u.id);
    await r.workflows.insertApplication(a);
    const [d1, d2] = [document(u.id), document(u.id, { createdAt: at(1), fileType: 'png', filename: '身份证.png' })];
    await r.workflows.insertDocument(d1);
    await r.workflows.insertDocument(d2);
    expect(await r.workflows.findDocument(d1.id)).toEqual(d1);
    expect(await r.workflows.findDocument(uuid())).toBeNull();
    await r.workflows.attachDocument(a.id, d2.id, 'id_card');
    await r.workflows.attachDocument(a.id, d1.id, 'business_license');
    expect((await r.workflows.listApplicationDocuments(a.id)).map((d) => d.id)).toEqual([d1.id, d2.id]);
    // attaching again is harmless: the link exists once
    await r.workflows.attachDocument(a.id, d1.id, 'business_license');
    expect((await r.workflows.listApplicationDocuments(a.id)).map((d) => d.id)).toEqual([d1.id, d2.id]);
    expect(await r.workflows.listApplicationDocuments(uuid())).toEqual([]);
  });
}
