/**
 * The contract every repository implementation keeps, run on each database driver available to the run.
 * Includes the unit of work: a failed transaction leaves nothing behind. Identity, audit and outbox cases are here;
 * the other contexts' cases are in ./contracts/<ctx>.contract.ts, registered inside the same database.
 */
import type { InvitationRecord, Repositories, UnitOfWork } from '@livehub/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogCases, selectionCases } from './contracts/catalog.contract.ts';
import { complianceCases } from './contracts/compliance.contract.ts';
import { type ContractDb, org, storedMembership, storedOrg, storedUser, user, uuid } from './contracts/fixtures.ts';
import { liveCases } from './contracts/live.contract.ts';
import { nameCases } from './contracts/names.contract.ts';
import { orderCases } from './contracts/orders.contract.ts';
import { registryCases, workflowCases } from './contracts/registry.contract.ts';
import { ledgerCases, settlementCases } from './contracts/settlement.contract.ts';
import { reconciliationCases } from './contracts/reconciliation.contract.ts';
import { depositCases, payoutCases } from './contracts/payouts.contract.ts';
import { creditModeCases } from './contracts/credit-modes.contract.ts';
import { creditAppealCases } from './contracts/credit-appeals.contract.ts';
import { programmesCases } from './contracts/programmes.contract.ts';
import { supplyCases } from './contracts/supply.contract.ts';
import { campaignCases } from './contracts/campaigns.contract.ts';
import { policiesCases } from './contracts/policies.contract.ts';
import { inventoryCases } from './contracts/inventory.contract.ts';
import { creditScoreCases } from './contracts/credit-scores.contract.ts';
import { complaintCases } from './contracts/disputes.contract.ts';
import { reportCases } from './contracts/reports.contract.ts';
import { statisticsCases } from './contracts/statistics.contract.ts';
import { caseCases, clueCases } from './contracts/supervision.contract.ts';
import { wallCases } from './contracts/wall.contract.ts';
import { notificationCases } from './contracts/notifications.contract.ts';
import { ipNoticeCases } from './contracts/ip-notices.contract.ts';

export { org, user };

export function repositoryContract(name: string, open: () => Promise<{ uow: UnitOfWork; drop(): Promise<void> }>): void {
  describe(`repository contract: ${name}`, () => {
    let uow: UnitOfWork;
    let r: Repositories;
    let drop: () => Promise<void>;
    beforeAll(async () => {
      const o = await open();
      uow = o.uow;
      r = uow.read;
      drop = o.drop;
    });
    afterAll(async () => drop());

    it('stores users and finds them by id and by username, case-insensitively', async () => {
      const u = await storedUser(r, { username: 'MixedCase_User' });
      expect(await r.users.findById(u.id)).toEqual(u);
      expect((await r.users.findByUsername('mixedcase_user'))?.id).toBe(u.id);
      expect(await r.users.findByUsername('nobody')).toBeNull();
    });

    it('finds many users by id in one call, leaving out the unknown and repeated ones', async () => {
      const [a, b] = [user(), user()];
      await r.users.insertMany([a, b]);
      const got = await r.users.findByIds([a.id, b.id, a.id, '00000000-0000-7000-8000-000000000000']);
      expect(got.map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
      expect(got.find((x) => x.id === a.id)).toEqual(a);
      expect(await r.users.findByIds([])).toEqual([]);
    });

    it('refuses a second user with the same username in any case', async () => {
      await r.users.insert(user({ username: 'dup_name' }));
      await expect(r.users.insert(user({ username: 'DUP_NAME' }))).rejects.toThrow();
    });

    it('updates login state', async () => {
      const u = await storedUser(r);
      const until = new Date('2026-01-01T00:15:00Z');
      await r.users.updateLoginState(u.id, { failedLogins: 3, lockedUntil: until });
      const got = await r.users.findById(u.id);
      expect(got?.failedLogins).toBe(3);
      expect(got?.lockedUntil?.toISOString()).toBe(until.toISOString());
    });

    it('bulk-inserts past the bind-parameter limit', async () => {
      const before = await r.users.count();
      await r.users.insertMany(Array.from({ length: 6000 }, () => user()));
      expect(await r.users.count()).toBe(before + 6000);
    });

    it('scopes organization lists to a tenant and its children', async () => {
      const base = org({ kind: 'live_base', name: '范围测试基地' });
      const mcn = org({ kind: 'mcn', name: '范围测试MCN', parentId: base.id });
      const other = org({ kind: 'mcn', name: '别家MCN' });
      await r.orgs.insertMany([base, mcn, other]);
      const seen = await r.orgs.list({ visibleTo: [base.id], limit: 100 });
      expect(seen.map((o) => o.id).sort()).toEqual([base.id, mcn.id].sort());
      expect(await r.orgs.list({ visibleTo: [], limit: 100 })).toEqual([]);
      expect(await r.orgs.count({ kind: 'mcn', visibleTo: [base.id] })).toBe(1);
      expect((await r.orgs.findByKindAndName('mcn', '别家MCN'))?.id).toBe(other.id);
      expect(await r.orgs.findByKindAndName('merchant', '别家MCN')).toBeNull();
    });

    it('joins memberships with their organization, department and user', async () => {
      const reg = await storedOrg(r, { kind: 'regulator', name: '测试监管局' });
      const depId = uuid();
      await r.orgs.insertDepartments([{ id: depId, orgId: reg.id, code: 'scjgj', name: '市场监管局' }]);
      const u = await storedUser(r);
      const m = await storedMembership(r, u.id, reg.id, { role: 'regulator', departmentId: depId, createdAt: new Date() });
      const [view] = await r.memberships.listForUser(u.id);
      expect(view).toMatchObject({
        id: m.id,
        orgName: '测试监管局',
        orgKind: 'regulator',
        departmentName: '市场监管局',
        username: u.username,
      });
      expect(await r.memberships.find(u.id, reg.id, 'regulator')).toMatchObject({ id: m.id });
      expect(await r.memberships.countForOrgs([reg.id])).toBe(1);
      await expect(r.memberships.insert({ ...m, id: uuid() })).rejects.toThrow();
      await r.memberships.delete(m.id);
      expect(await r.memberships.listForOrg(reg.id)).toEqual([]);
    });

    it('keeps invitations: one pending per organization, user and role; decided once; joined with names', async () => {
      const mcn = await storedOrg(r, { kind: 'mcn', name: '邀请测试MCN' });
      const invitee = user({ phoneIndex: 'idx-invitee', phoneEnc: 'v1.sealed' });
      const manager = user({ displayName: '经纪人 甲' });
      await r.users.insertMany([invitee, manager]);
      expect((await r.users.findByPhoneIndex('idx-invitee'))?.id).toBe(invitee.id);
      expect(await r.users.findByPhoneIndex('idx-nobody')).toBeNull();
      const at = new Date('2026-03-01T00:00:00Z');
      const inv: InvitationRecord = {
        id: uuid(),
        orgId: mcn.id,
        userId: invitee.id,
        role: 'streamer',
        departmentId: null,
        status: 'pending',
        invitedBy: manager.id,
        membershipId: null,
        createdAt: at,
        expiresAt: new Date(at.getTime() + 7 * 86_400_000),
        decidedAt: null,
      };
      await r.invitations.insert(inv);
      expect(await r.invitations.findPending(mcn.id, invitee.id, 'streamer')).toMatchObject({ id: inv.id });
      await expect(r.invitations.insert({ ...inv, id: uuid() })).rejects.toThrow();
      expect(await r.invitations.findView(inv.id)).toMatchObject({
        orgName: '邀请测试MCN',
        orgKind: 'mcn',
        username: invitee.username,
        phoneEnc: 'v1.sealed',
        invitedByName: '经纪人 甲',
      });
      const mId = uuid();
      expect(await r.invitations.decide(inv.id, { status: 'accepted', decidedAt: at, membershipId: mId })).toBe(true);
      expect(await r.invitations.decide(inv.id, { status: 'revoked', decidedAt: at })).toBe(false);
      expect(await r.invitations.findById(inv.id)).toMatchObject({ status: 'accepted', membershipId: mId, decidedAt: at });
      expect(await r.invitations.findPending(mcn.id, invitee.id, 'streamer')).toBeNull();
      // once decided, a new one may be pending
      const next = { ...inv, id: uuid(), createdAt: new Date(at.getTime() + 1000) };
      await r.invitations.insert(next);
      expect((await r.invitations.listForUser(invitee.id, { limit: 10 })).map((x) => x.id)).toEqual([next.id, inv.id]);
      expect((await r.invitations.listForUser(invitee.id, { status: 'pending', limit: 10 })).map((x) => x.id)).toEqual([next.id]);
      expect((await r.invitations.listForOrg(mcn.id, { limit: 10 })).map((x) => x.id)).toEqual([next.id, inv.id]);
    });

    it('keeps sessions by token hash and expires them', async () => {
      const u = await storedUser(r);
      const s = {
        tokenHash: `h${uuid()}`,
        userId: u.id,
        membershipId: null,
        csrfToken: 'c',
        createdAt: new Date('2026-01-01T00:00:00Z'),
        expiresAt: new Date('2026-01-02T00:00:00Z'),
        ip: '127.0.0.1',
        userAgent: 'test',
      };
      await r.sessions.insert(s);
      expect(await r.sessions.findByTokenHash(s.tokenHash)).toEqual(s);
      const one = async (hash: string) => (await r.sessions.findPrincipals([hash]))[0] ?? null;
      expect(await one(s.tokenHash)).toEqual({ session: s, user: u, membership: null });
      expect(await one('no-such-hash')).toBeNull();
      const o = await storedOrg(r);
      const m = await storedMembership(r, u.id, o.id, { createdAt: new Date('2026-01-01T00:00:00Z') });
      await r.sessions.setMembership(s.tokenHash, m.id);
      expect((await one(s.tokenHash))?.membership).toEqual(m);
      const s2 = { ...s, tokenHash: `h${uuid()}`, membershipId: null };
      await r.sessions.insert(s2);
      const many = await r.sessions.findPrincipals([s.tokenHash, 'no-such-hash', s2.tokenHash]);
      expect(new Map(many.map((p) => [p.session.tokenHash, p.membership]))).toEqual(
        new Map([
          [s.tokenHash, m],
          [s2.tokenHash, null],
        ]),
      );
      expect(await r.sessions.findPrincipals([])).toEqual([]);
      await r.memberships.delete(m.id);
      expect((await one(s.tokenHash))?.membership).toBeNull();
      expect(await r.sessions.deleteExpired(new Date('2026-01-03T00:00:00Z'))).toBeGreaterThanOrEqual(1);
      expect(await r.sessions.findByTokenHash(s.tokenHash)).toBeNull();
    });

    it('stores api tokens by hash, revokes and touches them', async () => {
      const u = await storedUser(r);
      const t = {
        id: uuid(),
        userId: u.id,
        orgId: null,
        membershipId: null,
        name: 'ci',
        prefix: 'lh_abcdefg',
        tokenHash: `th${uuid()}`,
        scopes: ['read' as const, 'audit:read' as const],
        createdAt: new Date(),
        lastUsedAt: null,
        expiresAt: null,
        revokedAt: null,
      };
      await r.apiTokens.insert(t);
      expect((await r.apiTokens.findByHash(t.tokenHash))?.scopes).toEqual(['read', 'audit:read']);
      expect(await r.apiTokens.countForUser(u.id)).toBe(1);
      await r.apiTokens.revoke(t.id, new Date());
      expect((await r.apiTokens.findById(t.id))?.revokedAt).toBeInstanceOf(Date);
      expect(await r.apiTokens.countForUser(u.id)).toBe(0);
    });

    it('lists departments of organizations, counts memberships by role and locks a user in a transaction', async () => {
      const [a, b] = [org({ kind: 'regulator' }), org({ kind: 'regulator' })];
      await r.orgs.insertMany([a, b]);
      const deps = [
        { id: uuid(), orgId: a.id, code: 'z-last', name: '乙部门' },
        { id: uuid(), orgId: a.id, code: 'a-first', name: '甲部门' },
        { id: uuid(), orgId: b.id, code: 'm-mid', name: '丙部门' },
      ];
      await r.orgs.insertDepartments(deps);
      expect((await r.orgs.listDepartments([a.id])).map((d) => d.code)).toEqual(['a-first', 'z-last']);
      expect((await r.orgs.listDepartments([a.id, b.id])).map((d) => d.name)).toEqual(['甲部门', '丙部门', '乙部门']);
      expect(await r.orgs.listDepartments([])).toEqual([]);
      const before = await r.memberships.countByRole('reviewer');
      const [u1, u2] = [user(), user()];
      await r.users.insertMany([u1, u2]);
      for (const u of [u1, u2])
        await r.memberships.insert({ id: uuid(), userId: u.id, orgId: a.id, role: 'reviewer', departmentId: null, createdAt: new Date() });
      expect(await r.memberships.countByRole('reviewer')).toBe(before + 2);
      expect(await r.memberships.countForOrgs([a.id], 'reviewer')).toBe(2);
      expect(await r.memberships.countForOrgs([b.id], 'reviewer')).toBe(0);
      // b gets a reviewer and a regulator: a has only reviewers; b has one; neither is all regulators
      const [u3, u4] = [user(), user()];
      await r.users.insertMany([u3, u4]);
      await r.memberships.insert({ id: uuid(), userId: u3.id, orgId: b.id, role: 'reviewer', departmentId: null, createdAt: new Date() });
      await r.memberships.insert({ id: uuid(), userId: u4.id, orgId: b.id, role: 'regulator', departmentId: null, createdAt: new Date() });
      expect([...(await r.memberships.orgsWithRole([a.id, b.id], 'reviewer'))].sort()).toEqual([a.id, b.id].sort());
      expect([...(await r.memberships.orgsWithRole([a.id, b.id], 'reviewer', { only: true }))]).toEqual([a.id]);
      expect(await r.memberships.orgsWithRole([a.id, b.id], 'streamer')).toEqual(new Set());
      expect(await r.memberships.orgsWithRole([], 'reviewer')).toEqual(new Set());
      await uow.transaction(async (tx) => {
        await tx.users.lock(u1.id);
        await tx.users.updateLoginState(u1.id, { failedLogins: 1, lockedUntil: null });
      });
      expect((await r.users.findById(u1.id))?.failedLogins).toBe(1);
    });

    it('finds an api token with its user and membership in one call, and records its use', async () => {
      const u = await storedUser(r);
      const o = await storedOrg(r);
      const m = await storedMembership(r, u.id, o.id, { createdAt: new Date() });
      const t = {
        id: uuid(),
        userId: u.id,
        orgId: o.id,
        membershipId: m.id,
        name: 'erp',
        prefix: 'lh_principal',
        tokenHash: `th${uuid()}`,
        scopes: ['read' as const],
        createdAt: new Date('2026-01-01T00:00:00Z'),
        lastUsedAt: null,
        expiresAt: null,
        revokedAt: null,
      };
      await r.apiTokens.insert(t);
      expect(await r.apiTokens.findPrincipal(t.tokenHash)).toEqual({ token: t, user: u, membership: m });
      expect(await r.apiTokens.findPrincipal('no-such-hash')).toBeNull();
      const used = new Date('2026-01-02T00:00:00Z');
      await r.apiTokens.touch(t.id, used);
      expect((await r.apiTokens.findById(t.id))?.lastUsedAt?.toISOString()).toBe(used.toISOString());
    });

    it('appends audit entries and scans them in order', async () => {
      const entry = (seq: number, prevHash: string) => ({
        seq,
        id: uuid(),
        at: new Date(),
        actorUserId: null,
        actorLabel: 'test',
        orgId: null,
        action: 'test.write',
        targetType: 't',
        targetId: String(seq),
        detail: { seq, 中文: '值' },
        changeHash: 'c',
        prevHash,
        hash: `h${seq}`,
        requestId: null,
        ip: null,
      });
      await uow.transaction(async (tx) => {
        const head = await tx.audit.lockHead();
        const next = (head?.seq ?? 0) + 1;
        await tx.audit.insert(entry(next, head?.hash ?? '0'));
        await tx.audit.insert(entry(next + 1, `h${next}`));
      });
      const head = await uow.transaction((tx) => tx.audit.lockHead());
      expect(head?.hash).toMatch(/^h\d+$/);
      const rows = await r.audit.scan(0, 1000);
      expect(rows.map((x) => x.seq)).toEqual([...rows.map((x) => x.seq)].sort((a, b) => a - b));
      expect(rows.at(-1)?.detail).toMatchObject({ 中文: '值' });
      expect((await r.audit.list({ limit: 1 }))[0]?.seq).toBe(head?.seq);
    });

    it('queues outbox events until published', async () => {
      const id = uuid();
      await r.outbox.add({ id, topic: 'test.event', payload: { a: 1 }, createdAt: new Date(), publishedAt: null });
      expect((await r.outbox.pending(10)).map((e) => e.id)).toContain(id);
      await r.outbox.markPublished([id], new Date());
      expect((await r.outbox.pending(10)).map((e) => e.id)).not.toContain(id);
    });

    it('queues many outbox events at once', async () => {
      const ids = [uuid(), uuid(), uuid()];
      await r.outbox.addMany(ids.map((id, i) => ({ id, topic: 'test.many', payload: { i }, createdAt: new Date(), publishedAt: null })));
      expect((await r.outbox.pending(1000)).filter((e) => ids.includes(e.id)).map((e) => e.payload)).toEqual(
        expect.arrayContaining([{ i: 0 }, { i: 1 }, { i: 2 }]),
      );
      await r.outbox.markPublished(ids, new Date());
      expect((await r.outbox.pending(1000)).filter((e) => ids.includes(e.id))).toEqual([]);
    });

    it('rolls back every write of a failed transaction', async () => {
      const u = user();
      const o = org();
      await expect(
        uow.transaction(async (tx) => {
          await tx.users.insert(u);
          await tx.orgs.insert(o);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await r.users.findById(u.id)).toBeNull();
      expect(await r.orgs.findById(o.id)).toBeNull();
    });

    it('serializes concurrent audit appends through the chain lock', async () => {
      const before = (await r.audit.scan(0, 100_000)).length;
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          uow.transaction(async (tx) => {
            const head = await tx.audit.lockHead();
            const seq = (head?.seq ?? 0) + 1;
            await tx.audit.insert({
              seq,
              id: uuid(),
              at: new Date(),
              actorUserId: null,
              actorLabel: 'c',
              orgId: null,
              action: 'concurrent',
              targetType: 't',
              targetId: String(i),
              detail: {},
              changeHash: 'c',
              prevHash: head?.hash ?? '0',
              hash: `c${seq}`,
              requestId: null,
              ip: null,
            });
          }),
        ),
      );
      const rows = await r.audit.scan(0, 100_000);
      expect(rows.length).toBe(before + 20);
      expect(rows.map((row) => row.seq)).toEqual(rows.map((_, i) => i + 1));
    });

    const db: ContractDb = { r: () => r, uow: () => uow };
    describe('registry', () => registryCases(db));
    describe('workflows', () => workflowCases(db));
    describe('catalog', () => catalogCases(db));
    describe('selection', () => selectionCases(db));
    describe('live', () => liveCases(db));
    describe('orders', () => orderCases(db));
    describe('compliance', () => complianceCases(db));
    describe('names', () => nameCases(db));
    describe('settlement', () => ledgerCases(db));
    describe('settlement flows', () => settlementCases(db));
    describe('reconciliation', () => reconciliationCases(db));
    describe('payouts', () => payoutCases(db));
    describe('deposits', () => depositCases(db));
    describe('credit modes', () => creditModeCases(db));
    describe('credit appeals and reports', () => creditAppealCases(db));
    describe('studios and bookings (programmes)', () => programmesCases(db));
    describe('supply (需求协同)', () => supplyCases(db));
    describe('campaigns and enrolments (programmes)', () => campaignCases(db));
    describe('policies (政策服务包)', () => policiesCases(db));
    describe('warehouses and the stock ledger (inventory)', () => inventoryCases(db));
    describe('credit scores', () => creditScoreCases(db));
    describe('disputes', () => complaintCases(db));
    describe('reports', () => reportCases(db));
    describe('notifications', () => notificationCases(db));
    describe('supervision', () => clueCases(db));
    describe('monitoring wall', () => wallCases(db));
    describe('cases', () => caseCases(db));
    describe('statistics', () => statisticsCases(db));
    describe('ip notices', () => ipNoticeCases(db));
  });
}
