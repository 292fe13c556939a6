import { describe, expect, it } from 'vitest';
import { noNames } from '../shared/name-directory.ts';
import { feed, MCN, named, ORG, USER } from './feed-test-kit.ts';

describe('the pre-sale feed (预售)', () => {
  it('tells the factory of a new production order, with the merchant, the quantity and the promised ship day', () => {
    const [item, ...rest] = feed('presale.production_sent', {
      productionOrderId: 'po1',
      number: 'SC20261206ABCDEF12',
      merchantOrgId: ORG,
      supplierOrgId: MCN,
      status: 'sent',
      promisedShipOn: '2027-01-05',
      qty: 6,
    });
    expect(rest).toEqual([]);
    expect(item).toMatchObject({
      recipient: { kind: 'org', orgId: MCN, roles: ['provider_staff', 'merchant_staff'] },
      kind: 'presale.production_sent',
      severity: 'action_required',
      link: '/supplier',
    });
    const text = item?.render(named({ orgs: [[ORG, '嘉织服饰']] }));
    expect(text?.title.zh).toBe('新生产单 SC20261206ABCDEF12');
    expect(text?.body.zh).toContain('嘉织服饰');
    expect(text?.body.zh).toContain('共 6 件');
    expect(text?.body.zh).toContain('2027-01-05');
    expect(item?.render(noNames()).body.zh).not.toContain(ORG);
  });

  it('tells a buyer their deposit is being refunded, in yuan', () => {
    const [item] = feed('presale.deposit_refund', {
      reservationId: 'r1',
      presaleId: 'p1',
      title: '冬季新款 预售',
      buyerUserId: USER,
      amountFen: 10_000,
      reason: '预售取消：面料供应不足',
    });
    expect(item).toMatchObject({ recipient: { kind: 'user', userId: USER }, kind: 'presale.deposit_refund', link: '/presales/mine' });
    const text = item?.render(noNames());
    expect(text?.title.zh).toBe('预售定金退回：冬季新款 预售');
    expect(text?.body.zh).toContain('¥100.00');
    expect(text?.body.zh).toContain('面料供应不足');
  });

  it('drops an event missing who it is for', () => {
    expect(feed('presale.deposit_refund', { reservationId: 'r1', amountFen: 1 })).toEqual([]);
    expect(feed('presale.production_sent', { number: 'SC1', merchantOrgId: ORG })).toEqual([]);
  });
});
