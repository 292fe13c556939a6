/** Contract cases of the name directory's port: one call per kind of name, unknown ids and non-uuids left out. */
import { expect, it } from 'vitest';
import { type ContractDb, liveSession, order, org, product, user, uuid } from './fixtures.ts';

export function nameCases(db: ContractDb): void {
  it('names users, organizations, products, live sessions and orders by id, leaving the unknown out', async () => {
    const r = db.r();
    const o = org({ name: '名录测试商家' });
    await r.orgs.insert(o);
    const u = user({ displayName: '名录测试主播' });
    await r.users.insert(u);
    const p = product(o.id, { title: '名录测试商品' });
    await r.catalog.insertProduct(p);
    const s = liveSession(u.id, { title: '名录测试直播' });
    await r.live.insertSession(s);
    const x = order(u.id, o.id);
    await r.orders.insertOrder(x, []);
    const missing = uuid();
    expect(await r.names.namesOf('users', [u.id, u.id, missing])).toEqual(new Map([[u.id, '名录测试主播']]));
    expect(await r.names.namesOf('orgs', [o.id, 'not-a-uuid'])).toEqual(new Map([[o.id, '名录测试商家']]));
    expect(await r.names.namesOf('products', [p.id])).toEqual(new Map([[p.id, '名录测试商品']]));
    expect(await r.names.namesOf('sessions', [s.id])).toEqual(new Map([[s.id, '名录测试直播']]));
    expect(await r.names.namesOf('orders', [x.id, missing])).toEqual(new Map([[x.id, x.orderNo]]));
    expect(await r.names.namesOf('users', [])).toEqual(new Map());
    expect(await r.names.namesOf('sessions', ['LIVE-EXTERNAL-1'])).toEqual(new Map());
  });

  it('finds people and organizations by exact or prefix name, exact first, with % and _ taken literally', async () => {
    const r = db.r();
    const tag = uuid().slice(0, 8);
    const a = org({ name: `前缀${tag}贸易有限公司` });
    const b = org({ name: `前缀${tag}` });
    const c = org({ name: `前缀${tag.slice(0, 4)}%其他` });
    await r.orgs.insert(a);
    await r.orgs.insert(b);
    await r.orgs.insert(c);
    const u = user({ displayName: `前缀${tag}主播` });
    await r.users.insert(u);
    expect((await r.names.startingWith('orgs', `前缀${tag}`, 10)).map((x) => x.id)).toEqual([b.id, a.id]);
    expect(await r.names.startingWith('users', `前缀${tag}`, 10)).toEqual([{ id: u.id, name: `前缀${tag}主播` }]);
    expect(await r.names.startingWith('orgs', `前缀${tag.slice(0, 4)}_`, 10)).toEqual([]);
    expect(await r.names.startingWith('orgs', `前缀${tag}`, 1)).toHaveLength(1);
  });
}
