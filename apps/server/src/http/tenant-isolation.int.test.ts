/**
 * What colleagues and strangers may not read (issue: a probe found streamers downloading each other's ID cards).
 * Personal papers belong to the person and the reviewers; a streamer's colleagues in the same MCN never read them,
 * nor the streamer's application or talent record; a live room is public but its checklist is not; the gates answer
 * only those they concern. And X-Forwarded-For is believed only from configured proxies.
 */
import { createTestPlatform, type TestPlatform, type TestSession } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let p: TestPlatform;
/** `streamer` and `streamer_0001` are signed to the same MCN, which `mcn` manages; `streamer_0003` to another one. */
let streamer: TestSession;
let colleague: TestSession;
let otherMcnStreamer: TestSession;
let mcn: TestSession;
let otherMcn: TestSession;
let reviewer: TestSession;
let consumer: TestSession;
let merchant: TestSession;

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==', 'base64');

async function upload(s: TestSession, docType: string) {
  const res = await p.app.inject({
    method: 'POST',
    url: `/api/documents?docType=${docType}&filename=scan.png`,
    headers: { ...s.headers(), 'content-type': 'image/png' },
    payload: PNG,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const get = (s: TestSession | null, url: string) => p.app.inject({ method: 'GET', url, headers: s ? s.headers(false) : {} });

beforeAll(async () => {
  p = await createTestPlatform({ seed: true });
  streamer = await p.login('streamer');
  colleague = await p.login('streamer_0001');
  otherMcnStreamer = await p.login('streamer_0003');
  mcn = await p.login('mcn');
  otherMcn = await p.login('mcn_0001');
  reviewer = await p.login('reviewer');
  consumer = await p.login('consumer');
  merchant = await p.login('merchant');
  expect(colleague.me.active?.orgId).toBe(streamer.me.active?.orgId);
  expect(mcn.me.active?.orgId).toBe(streamer.me.active?.orgId);
  expect(otherMcnStreamer.me.active?.orgId).not.toBe(streamer.me.active?.orgId);
});
afterAll(async () => p?.close());

describe('personal documents', () => {
  it('an ID card is read by its owner and the reviewers, never by colleagues or the MCN', async () => {
    const id = await upload(colleague, 'id_card');
    const url = `/api/documents/${id}/content`;
    expect((await get(colleague, url)).statusCode).toBe(200);
    expect((await get(reviewer, url)).statusCode).toBe(200);
    for (const s of [streamer, mcn, otherMcnStreamer, consumer]) {
      const res = await get(s, url);
      expect(res.statusCode).toBe(404);
      expect(res.json().error).toMatchObject({ code: 'document.not_found', field: 'id' });
    }
  });

  it('an organization’s papers stay readable by its managing staff, not by a streamer of the organization', async () => {
    const id = await upload(mcn, 'business_licence');
    const url = `/api/documents/${id}/content`;
    expect((await get(mcn, url)).statusCode).toBe(200);
    expect((await get(streamer, url)).statusCode).toBe(404);
    expect((await get(otherMcn, url)).statusCode).toBe(404);
  });
});

describe('applications and talent records', () => {
  it('a streamer cannot read a colleague’s certification application', async () => {
    const mine = (await get(colleague, '/api/applications')).json().items as Array<{ id: string; kind: string }>;
    const app = mine.find((a) => a.kind === 'streamer_certification');
    expect(app).toBeDefined();
    const url = `/api/applications/${app?.id}`;
    expect((await get(colleague, url)).statusCode).toBe(200);
    expect((await get(streamer, url)).statusCode).toBe(404);
    expect((await get(otherMcnStreamer, url)).statusCode).toBe(404);
    // the colleague's application is not in the other streamer's list either
    const theirs = (await get(streamer, '/api/applications')).json().items as Array<{ id: string }>;
    expect(theirs.map((a) => a.id)).not.toContain(app?.id);
  });

  it('a streamer reads only their own talent record; the MCN reads its streamers’', async () => {
    const url = `/api/registry/talent/${colleague.me.user.id}`;
    expect((await get(colleague, url)).statusCode).toBe(200);
    expect((await get(mcn, url)).statusCode).toBe(200);
    const res = await get(streamer, url);
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'auth.tenant', field: 'userId' });
    expect((await get(otherMcn, url)).statusCode).toBe(403);
  });
});

describe('live sessions and gates', () => {
  it('a live room is public, its pre-live checklist only for those who run it', async () => {
    const live = (await get(consumer, '/api/live/sessions?scope=live')).json() as Array<{ id: string; streamerUserId: string }>;
    const room = live[0];
    expect(room).toBeDefined();
    const url = `/api/live/sessions/${room?.id}/checklist`;
    expect((await get(consumer, `/api/live/sessions/${room?.id}`)).statusCode).toBe(200);
    // 403 where the route's roles leave the caller out, 404 where the session is not theirs to run
    for (const s of [consumer, merchant]) expect([403, 404]).toContain((await get(s, url)).statusCode);
    for (const s of [streamer, mcn]) expect((await get(s, url)).statusCode).toBe(404);
    // its MCN (the demo room's streamer is signed to the second MCN) and the platform read it
    expect((await get(otherMcn, url)).statusCode).toBe(200);
    expect((await get(reviewer, url)).statusCode).toBe(200);
  });

  it('the live gate answers the streamer, their MCN and the platform; the listing gate the merchant and the platform', async () => {
    const live = `/api/registry/gates/live/${colleague.me.user.id}`;
    expect((await get(colleague, live)).statusCode).toBe(200);
    expect((await get(mcn, live)).statusCode).toBe(200);
    expect((await get(reviewer, live)).statusCode).toBe(200);
    for (const s of [consumer, streamer, otherMcn, merchant]) expect((await get(s, live)).statusCode).toBe(403);

    const listing = `/api/registry/gates/listing/${merchant.me.active?.orgId}`;
    expect((await get(merchant, listing)).statusCode).toBe(200);
    expect((await get(reviewer, listing)).statusCode).toBe(200);
    // roles with no business there are refused by the route; another merchant by the service
    for (const s of [consumer, streamer, mcn]) expect((await get(s, listing)).statusCode).toBe(403);
    const other = await p.login('merchant_0001');
    const res = await get(other, listing);
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'auth.tenant', field: 'orgId' });
  });
});

describe('client addresses behind proxies', () => {
  const spray = async (q: TestPlatform, forwarded: (i: number) => string) => {
    const codes: number[] = [];
    for (let i = 0; i < 31; i++) {
      const res = await q.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: `spray_${i}`, password: 'guess-guess' },
        remoteAddress: '127.8.0.1',
        headers: { 'x-forwarded-for': forwarded(i) },
      });
      codes.push(res.statusCode);
    }
    return codes;
  };

  it('ignores X-Forwarded-For by default: a client cannot choose the address the sign-in limit counts', async () => {
    const codes = await spray(p, (i) => `203.0.113.${i + 1}`);
    expect(codes.at(-1)).toBe(429);
  });

  it('believes X-Forwarded-For from a configured proxy', async () => {
    const q = await createTestPlatform({ env: { LIVEHUB_TRUST_PROXY: '127.8.0.1' } });
    try {
      const codes = await spray(q, (i) => `203.0.113.${i + 1}`);
      expect(codes.every((c) => c === 401)).toBe(true);
      // and then the client address the proxy names is the one limited
      const same = await spray(q, () => '203.0.113.200');
      expect(same.at(-1)).toBe(429);
    } finally {
      await q.close();
    }
  });
});
