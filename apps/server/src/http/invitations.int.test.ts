/**
 * 成员邀请 through the API (issue #13, item 2): an organization's manager can no longer make anyone its member
 * directly; it invites, and only the invited user's acceptance creates the membership. Declined, revoked and
 * expired invitations cannot be accepted, nobody accepts an invitation addressed to someone else, a streamer
 * belongs to one MCN at a time, and every step leaves an audit row.
 */
import { createTestPlatform, type TestPlatform, type TestSession } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../adapters/runtime.ts';

const clock = new ManualClock(Date.parse('2026-03-02T02:00:00Z'));
let p: TestPlatform;
let admin: TestSession;
let mcn: TestSession; // manager of the first MCN (上海星禾), the demo streamer's MCN
let otherMcn: TestSession; // manager of the second MCN (上海青柚)

beforeAll(async () => {
  p = await createTestPlatform({ seed: true, clock });
  admin = await p.login('admin');
  mcn = await p.login('mcn');
  otherMcn = await p.login('mcn_0001');
});
afterAll(async () => p?.close());

const orgOf = (s: TestSession) => s.me.active?.orgId as string;

/** A streamer signed with the second MCN, not the first. */
async function otherMcnStreamer(): Promise<string> {
  const m = (await p.c.uow.read.memberships.listForOrg(orgOf(otherMcn))).find((x) => x.role === 'streamer');
  if (!m) throw new Error('the second MCN has no streamer');
  return m.userId;
}

async function userId(username: string): Promise<string> {
  const u = await p.c.uow.read.users.findByUsername(username);
  if (!u) throw new Error(`no user ${username}`);
  return u.id;
}

/** A fresh user with no organization, made by the platform, signed in. */
let seq = 0;
async function newUser(phone?: string): Promise<{ username: string; s: () => Promise<TestSession> }> {
  const username = `invitee_${++seq}`;
  const res = await p.call(admin, 'POST', '/api/users', {
    username,
    password: 'a-long-password',
    displayName: `受邀用户${seq}`,
    ...(phone ? { phone } : {}),
  });
  expect(res.status).toBe(201);
  return { username, s: () => p.login(username, 'a-long-password') };
}

function invite(s: TestSession, orgId: string, payload: Record<string, unknown>) {
  return p.app.inject({ method: 'POST', url: `/api/orgs/${orgId}/invitations`, headers: s.headers(), payload });
}
function decide(s: TestSession, id: string, what: 'accept' | 'decline') {
  return p.app.inject({ method: 'POST', url: `/api/me/invitations/${id}/${what}`, headers: s.headers() });
}
async function auditFor(targetId: string): Promise<string[]> {
  const rows = await p.c.database.exec(`select action from audit_log where target_id = '${targetId}' order by seq`);
  return rows.map((r) => String(r.action));
}

describe('no membership without consent', () => {
  it('refuses an MCN manager adding another MCN’s streamer or the platform admin directly', async () => {
    const victim = await otherMcnStreamer();
    const adminId = await userId('admin');
    for (const uid of [victim, adminId]) {
      const res = await p.call(mcn, 'POST', `/api/orgs/${orgOf(mcn)}/members`, { userId: uid, role: 'streamer' });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('auth.forbidden');
      expect((await p.c.uow.read.memberships.listForUser(uid)).some((m) => m.orgId === orgOf(mcn))).toBe(false);
    }
    // …and still cannot read that streamer's records.
    const talent = await p.call(mcn, 'GET', `/api/registry/talent/${victim}`);
    expect(talent.status).toBe(403);
  });

  it('refuses a direct add by a manager in the service too (the CLI and other callers)', async () => {
    const victim = await otherMcnStreamer();
    const actor = {
      userId: mcn.me.user.id,
      label: 'mcn',
      orgId: orgOf(mcn),
      membershipId: mcn.me.active?.id ?? null,
      role: 'mcn_manager' as const,
      via: 'session' as const,
    };
    await expect(p.c.orgs.addMember(actor, orgOf(mcn), { userId: victim, role: 'streamer' })).rejects.toMatchObject({
      code: 'org.invitation_required',
      field: 'userId',
    });
  });

  it('still lets the platform admin add a member directly, with an audit row saying so', async () => {
    const u = await newUser();
    const res = await p.call(admin, 'POST', `/api/orgs/${orgOf(mcn)}/members`, { userId: await userId(u.username), role: 'streamer' });
    expect(res.status).toBe(201);
    const [row] = await p.c.database.exec(`select action, detail from audit_log where target_id = '${res.body.id}'`);
    expect(row?.action).toBe('membership.add');
    expect(row?.detail).toMatchObject({ direct: true, role: 'streamer' });
  });
});

describe('invite → accept', () => {
  it('creates the membership only when the invited user accepts, with audit rows, and masks the phone', async () => {
    const u = await newUser('13912340001');
    const sent = await invite(mcn, orgOf(mcn), { invitee: '13912340001', role: 'streamer' });
    expect(sent.statusCode).toBe(201);
    const inv = sent.json();
    expect(inv).toMatchObject({
      status: 'pending',
      role: 'streamer',
      orgName: '上海星禾文化传媒有限公司',
      invitee: { username: u.username, phone: '139****0001' },
      invitedBy: expect.stringContaining('赵晓东'),
    });
    expect(sent.body).not.toContain('13912340001');
    expect(Date.parse(inv.expiresAt) - Date.parse(inv.createdAt)).toBe(7 * 86_400_000);
    const uid = await userId(u.username);
    expect(await p.c.uow.read.memberships.listForUser(uid)).toEqual([]);

    const orgList = await p.call(mcn, 'GET', `/api/orgs/${orgOf(mcn)}/invitations`);
    expect(orgList.body.items.map((x: { id: string }) => x.id)).toContain(inv.id);

    const s = await u.s();
    const mine = await p.call(s, 'GET', '/api/me/invitations');
    expect(mine.body.items).toEqual([expect.objectContaining({ id: inv.id, status: 'pending' })]);

    const ok = await decide(s, inv.id, 'accept');
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('accepted');
    const ms = await p.c.uow.read.memberships.listForUser(uid);
    expect(ms).toEqual([expect.objectContaining({ orgId: orgOf(mcn), role: 'streamer' })]);
    expect(await auditFor(inv.id)).toEqual(['invitation.create', 'invitation.accept']);
    expect(await auditFor(ms[0]?.id as string)).toEqual(['membership.add']);
    // the new member's organization now shows up for them, and the MCN may read their records
    const me = await p.app.inject({ method: 'GET', url: '/api/auth/me', headers: s.headers(false) });
    expect(me.json().memberships.map((m: { orgId: string }) => m.orgId)).toEqual([orgOf(mcn)]);
    const talent = await p.call(mcn, 'GET', `/api/registry/talent/${uid}`);
    expect(talent.status).toBe(200);

    const again = await decide(s, inv.id, 'accept');
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'invitation.closed', field: 'id' });
    expect((await p.app.inject({ method: 'GET', url: '/api/me/invitations', headers: s.headers(false) })).json().items).toEqual([]);
  });

  it('answers bad invitations with coded field errors', async () => {
    const u = await newUser();
    const cases: Array<[Record<string, unknown>, number, string, string]> = [
      [{ invitee: 'nobody_here', role: 'streamer' }, 404, 'invitation.invitee_not_found', 'invitee'],
      [{ invitee: u.username, role: 'regulator' }, 400, 'org.role_not_allowed', 'role'],
      [{ invitee: u.username, role: 'mcn_manager' }, 403, 'auth.forbidden', 'role'],
      [{ invitee: 'x', role: 'streamer' }, 400, 'request.invalid', 'invitee'],
      [{ invitee: 'streamer', role: 'streamer' }, 409, 'org.member_exists', 'invitee'],
    ];
    for (const [payload, status, code, field] of cases) {
      const res = await invite(mcn, orgOf(mcn), payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.json().error).toMatchObject({ code, field });
      expect(res.json().error.message).toEqual(expect.any(String));
    }
    expect((await invite(mcn, orgOf(mcn), { invitee: u.username, role: 'streamer' })).statusCode).toBe(201);
    const dup = await invite(mcn, orgOf(mcn), { invitee: u.username, role: 'streamer' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'invitation.exists', field: 'invitee' });
    const en = await p.app.inject({
      method: 'POST',
      url: `/api/orgs/${orgOf(mcn)}/invitations`,
      headers: { ...mcn.headers(), 'accept-language': 'en-US' },
      payload: { invitee: u.username, role: 'streamer' },
    });
    expect(en.json().error.message).toContain('invitation');
  });

  it('keeps another organization’s invitations out of reach', async () => {
    const u = await newUser();
    const inv = (await invite(mcn, orgOf(mcn), { invitee: u.username, role: 'streamer' })).json();
    const list = await p.call(otherMcn, 'GET', `/api/orgs/${orgOf(mcn)}/invitations`);
    expect(list.status).toBe(403);
    const revoke = await p.app.inject({
      method: 'POST',
      url: `/api/orgs/${orgOf(mcn)}/invitations/${inv.id}/revoke`,
      headers: otherMcn.headers(),
    });
    expect(revoke.statusCode).toBe(403);
    const viaOwnOrg = await p.call(otherMcn, 'POST', `/api/orgs/${orgOf(otherMcn)}/invitations/${inv.id}/revoke`);
    expect(viaOwnOrg.status).toBe(404);
    const sendForOther = await invite(otherMcn, orgOf(mcn), { invitee: u.username, role: 'streamer' });
    expect(sendForOther.statusCode).toBe(403);
    expect(sendForOther.json().error.code).toBe('auth.tenant');
  });
});

describe('invitations that cannot be accepted', () => {
  it('refuses a declined, a revoked and an expired invitation', async () => {
    const u = await newUser();
    const s = await u.s();
    const uid = await userId(u.username);

    const declined = (await invite(mcn, orgOf(mcn), { invitee: u.username, role: 'streamer' })).json();
    const no = await decide(s, declined.id, 'decline');
    expect(no.statusCode).toBe(200);
    expect(no.json().status).toBe('declined');
    expect(await auditFor(declined.id)).toEqual(['invitation.create', 'invitation.decline']);
    const late = await decide(s, declined.id, 'accept');
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('invitation.closed');

    const revoked = (await invite(mcn, orgOf(mcn), { invitee: u.username, role: 'streamer' })).json();
    const r = await p.call(mcn, 'POST', `/api/orgs/${orgOf(mcn)}/invitations/${revoked.id}/revoke`);
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('revoked');
    expect(await auditFor(revoked.id)).toEqual(['invitation.create', 'invitation.revoke']);
    expect((await decide(s, revoked.id, 'accept')).json().error.code).toBe('invitation.closed');
    const twice = await p.call(mcn, 'POST', `/api/orgs/${orgOf(mcn)}/invitations/${revoked.id}/revoke`);
    expect(twice.status).toBe(409);

    const expiring = (await invite(mcn, orgOf(mcn), { invitee: u.username, role: 'streamer' })).json();
    clock.advance(7 * 86_400_000 + 1000);
    try {
      const later = await u.s(); // the week-old session has ended too
      const gone = await decide(later, expiring.id, 'accept');
      expect(gone.statusCode).toBe(409);
      expect(gone.json().error).toMatchObject({ code: 'invitation.expired', field: 'id' });
      const all = await p.call(later, 'GET', '/api/me/invitations?all=true');
      expect(all.body.items.find((x: { id: string }) => x.id === expiring.id)?.status).toBe('expired');
      // the organization may send a new one; the lapsed one stays expired
      const fresh = await invite(await p.login('mcn'), orgOf(mcn), { invitee: u.username, role: 'streamer' });
      expect(fresh.statusCode).toBe(201);
      expect((await p.c.uow.read.invitations.findById(expiring.id))?.status).toBe('expired');
    } finally {
      clock.set(new Date('2026-03-02T02:00:00Z'));
    }
    expect(await p.c.uow.read.memberships.listForUser(uid)).toEqual([]);
  });

  it('does not let anyone accept or decline an invitation addressed to someone else', async () => {
    const a = await newUser();
    const b = await newUser();
    const inv = (await invite(mcn, orgOf(mcn), { invitee: a.username, role: 'streamer' })).json();
    const sb = await b.s();
    for (const what of ['accept', 'decline'] as const) {
      const res = await decide(sb, inv.id, what);
      expect(res.statusCode).toBe(404);
      expect(res.json().error).toMatchObject({ code: 'invitation.not_found', field: 'id' });
    }
    // the manager who sent it cannot accept it on the invitee's behalf either
    expect((await decide(mcn, inv.id, 'accept')).statusCode).toBe(404);
    expect((await p.c.uow.read.invitations.findById(inv.id))?.status).toBe('pending');
    expect(await p.c.uow.read.memberships.listForUser(await userId(b.username))).toEqual([]);
  });
});

describe('one MCN at a time, leaving and removing', () => {
  it('makes a streamer leave the current MCN before accepting another', async () => {
    const inv = (await invite(otherMcn, orgOf(otherMcn), { invitee: 'streamer', role: 'streamer' })).json();
    const s = await p.login('streamer');
    const blocked = await decide(s, inv.id, 'accept');
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error).toMatchObject({ code: 'invitation.other_mcn', field: 'id' });
    expect(blocked.json().error.message).toContain('上海星禾文化传媒有限公司');
    expect((await p.c.uow.read.invitations.findById(inv.id))?.status).toBe('pending');

    const current = s.me.memberships.find((m) => m.orgId === orgOf(mcn));
    const left = await p.call(s, 'DELETE', `/api/me/memberships/${current?.id}`);
    expect(left.status).toBe(204);
    expect(await auditFor(current?.id as string)).toEqual(['membership.leave']);
    // the old MCN no longer reads the streamer's records
    const talent = await p.call(mcn, 'GET', `/api/registry/talent/${s.me.user.id}`);
    expect(talent.status).toBe(403);

    const ok = await decide(s, inv.id, 'accept');
    expect(ok.statusCode).toBe(200);
    const ms = await p.c.uow.read.memberships.listForUser(s.me.user.id);
    expect(ms.map((m) => m.orgId)).toEqual([orgOf(otherMcn)]);
  });

  it('lets a member leave only their own membership, and keeps the last manager', async () => {
    const u = await newUser();
    const s = await u.s();
    const someone = await p.call(s, 'DELETE', `/api/me/memberships/${mcn.me.active?.id}`);
    expect(someone.status).toBe(404);
    const last = await p.call(mcn, 'DELETE', `/api/me/memberships/${mcn.me.active?.id}`);
    expect(last.status).toBe(409);
    expect(last.body.error).toMatchObject({ code: 'org.last_manager', field: 'membershipId' });
  });

  it('lets the manager remove a member, audited', async () => {
    const u = await newUser();
    const inv = (await invite(mcn, orgOf(mcn), { invitee: u.username, role: 'streamer' })).json();
    expect((await decide(await u.s(), inv.id, 'accept')).statusCode).toBe(200);
    const membershipId = (await p.c.uow.read.invitations.findById(inv.id))?.membershipId as string;
    const res = await p.call(mcn, 'DELETE', `/api/orgs/${orgOf(mcn)}/members/${membershipId}`);
    expect(res.status).toBe(204);
    expect(await auditFor(membershipId)).toEqual(['membership.add', 'membership.remove']);
    expect(await p.c.uow.read.memberships.findById(membershipId)).toBeNull();
  });
});
