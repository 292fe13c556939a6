import { describe, expect, it } from 'vitest';
import type { NameKind } from '../ports/names.ts';
import type { Repositories, ScopedUnitOfWork } from '../ports/repositories.ts';
import { NameDirectory } from './name-directory.ts';

function directory(known: Record<string, string>) {
  const calls: Array<[NameKind, string[]]> = [];
  const names = {
    namesOf: async (kind: NameKind, ids: string[]) => {
      calls.push([kind, ids]);
      return new Map(ids.filter((id) => known[`${kind}:${id}`]).map((id) => [id, known[`${kind}:${id}`] as string]));
    },
  };
  const uow = { read: { names } } as unknown as ScopedUnitOfWork<'names'> & { read: Pick<Repositories, 'names'> };
  return { dir: new NameDirectory({ uow }), calls };
}

describe('NameDirectory', () => {
  it('asks once per kind of name, for the distinct ids, and skips kinds with nothing to name', async () => {
    const { dir, calls } = directory({ 'users:u1': '主播甲', 'orgs:o1': '商家乙', 'orders:x1': 'LH0001' });
    const names = await dir.namesFor({ users: ['u1', 'u1', null, 'u2'], orgs: new Set(['o1']), orders: ['x1', undefined], products: [] });
    expect(calls.sort()).toEqual([
      ['orders', ['x1']],
      ['orgs', ['o1']],
      ['users', ['u1', 'u2']],
    ]);
    expect(names.users).toEqual(new Map([['u1', '主播甲']]));
    expect(names.orgs.get('o1')).toBe('商家乙');
    expect(names.orders.get('x1')).toBe('LH0001');
    expect(names.products.size).toBe(0);
    expect(names.sessions.size).toBe(0);
  });
});
