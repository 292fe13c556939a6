/**
 * The demo's 政策服务包 after seeding: at least one seeded merchant qualifies for an enterprise policy on LiveHub's own
 * records — the demo merchant (嘉定区, admitted, credit B, its live orders of the last 12 months) meets every condition
 * of 实体商业直播转型扶持 with nothing to declare, and the application goes through because the service judges it
 * again; the growth reward (50 万元 of GMV) stays out of its reach.
 */
import { createTestPlatform, type TestPlatform } from '@livehub/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

let p: TestPlatform;
beforeAll(async () => {
  p = await createTestPlatform({ seed: true });
}, 120_000);
afterAll(async () => p?.close());

interface Matched {
  facts: Array<{ fact: string; value: string | null }>;
  items: Array<{
    status: string;
    declare: string[];
    missing: string[];
    policy: { id: string; title: string };
    reasons: Array<{ text: string; outcome: string }>;
  }>;
}

describe('seeded policies', () => {
  it('the demo merchant meets 实体商业直播转型扶持 on its own facts, and not the growth reward', async () => {
    const merchant = await p.login('merchant');
    const m = await p.call(merchant, 'GET', '/api/policies/matched');
    expect(m.status).toBe(200);
    const body = m.body as Matched;
    const fact = (k: string) => body.facts.find((f) => f.fact === k)?.value;
    expect(fact('district')).toBe('嘉定区');
    expect(fact('creditTier')).toMatch(/^B/);

    const studio = body.items.find((x) => x.policy.title === '实体商业直播转型扶持');
    expect(studio).toMatchObject({ status: 'eligible', declare: [], missing: [] });
    expect(studio?.reasons).toHaveLength(5);
    for (const r of studio?.reasons ?? []) expect(r.text).toContain('✓');
    expect(studio?.reasons.find((r) => r.text.startsWith('近12个月成交额'))?.text).toMatch(/✓（实际 .+ 万元）$/);
    // eligible first: it leads the enterprise list
    expect(body.items[0]?.policy.title).toBe('实体商业直播转型扶持');

    const growth = body.items.find((x) => x.policy.title === '直播电商企业成长奖励');
    expect(growth?.status).not.toBe('eligible');
    expect(growth?.missing.some((x) => x.startsWith('近12个月成交额'))).toBe(true);

    // the service judges again on application: it goes through, in review with the 商务委
    const up = await p.app.inject({
      method: 'POST',
      url: '/api/documents?docType=financial_statement&filename=statement.pdf',
      headers: { ...merchant.headers(), 'content-type': 'application/pdf' },
      payload: PDF,
    });
    expect(up.statusCode).toBe(201);
    const doc = up.json().id as string;
    const a = await p.call(merchant, 'POST', `/api/policies/${studio?.policy.id}/apply`, {
      declared: {},
      documents: [{ id: doc, docType: 'financial_statement' }],
      requestedFen: null,
      note: null,
    });
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({ status: 'in_review', subjectName: '上海嘉织服饰有限公司' });
  });
});
