/**
 * The inbox feed's complaint (投诉) items, through `NOTIFICATION_FEED` as the outbox reaches them: who must act at each
 * step and by when, who only learns of it (rules in complaints-feed.rules.ts).
 */
import { describe, expect, it } from 'vitest';
import { noNames } from '../shared/name-directory.ts';
import { feed, named, ORDER, ORG, USER } from './feed-test-kit.ts';

describe('the inbox feed', () => {
  describe('complaints (投诉)', () => {
    const C = '66666666-6666-4666-8666-666666666666';
    const base = {
      complaintId: C,
      orderId: ORDER,
      consumerUserId: USER,
      merchantOrgId: ORG,
      streamerUserId: null,
      category: 'false_advertising',
      remedy: null,
      amountFen: null,
      upheld: false,
      severity: 2,
    };
    const orderNamed = named({ orders: [[ORDER, 'LH202612050001']] });
    const who = (items: ReturnType<typeof feed>) => items.map((i) => [i.recipient.kind, i.kind, i.severity]);

    it('asks the merchant to answer a new complaint by its deadline (Beijing time), linking to the complaint', () => {
      const items = feed('disputes.complaint_filed', {
        ...base,
        action: 'file',
        status: 'awaiting_merchant',
        dueAt: '2026-12-07T06:30:00.000Z',
      });
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        recipient: { kind: 'org', orgId: ORG, roles: ['merchant_staff'] },
        kind: 'complaint.filed',
        severity: 'action_required',
        link: `/complaints/${C}`,
        dueAt: new Date('2026-12-07T06:30:00.000Z'),
      });
      const text = items[0]?.render(orderNamed);
      expect(text?.title.zh).toBe('新投诉：虚假宣传');
      expect(text?.body.zh).toContain('「LH202612050001」');
      expect(text?.body.zh).toContain('2026-12-07 14:30 前');
      expect(`${text?.body.zh}${text?.body.en}`).not.toContain(ORDER);
    });

    it('reminds the merchant before the 48 hours end', () => {
      const [item] = feed('disputes.complaint_answer_due', {
        ...base,
        action: 'merchant_reminded',
        status: 'awaiting_merchant',
        dueAt: '2026-12-07T06:30:00.000Z',
      });
      expect(item).toMatchObject({ kind: 'complaint.answer_due', severity: 'action_required', recipient: { kind: 'org', orgId: ORG } });
      expect(item?.render(noNames()).body.zh).toContain('一笔订单');
    });

    it('reminds the mediators before the 45 working days end, and the regulator before the 7', () => {
      const dueAt = '2026-12-07T15:59:59.999Z';
      const items = feed('disputes.mediation_due', { ...base, action: 'mediation_reminded', status: 'mediating', dueAt });
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        kind: 'complaint.mediation_due',
        severity: 'action_required',
        recipient: { kind: 'orgKind', orgKind: 'platform', roles: ['platform_admin', 'reviewer'] },
        dueAt: new Date(dueAt),
      });
      expect(items[0]?.render(noNames()).body.zh).toContain('45 个工作日');
      const acceptance = feed('disputes.acceptance_due', { ...base, action: 'regulator_reminded', status: 'escalated', dueAt });
      expect(acceptance).toHaveLength(1);
      expect(acceptance[0]).toMatchObject({
        kind: 'complaint.acceptance_due',
        severity: 'action_required',
        recipient: { kind: 'orgKind', orgKind: 'regulator', roles: ['regulator'] },
      });
      expect(acceptance[0]?.render(noNames()).body.zh).toContain('7 个工作日');
    });

    it('tells the consumer of the merchant’s counter-offer or rejection', () => {
      const [counter] = feed('disputes.complaint_answered', { ...base, action: 'merchant_counter', status: 'negotiating', dueAt: null });
      expect(counter).toMatchObject({ recipient: { kind: 'user', userId: USER }, kind: 'complaint.answered' });
      expect(counter?.render(noNames()).title.zh).toBe('商家提出了解决方案');
      const [reject] = feed('disputes.complaint_answered', { ...base, action: 'merchant_reject', status: 'negotiating', dueAt: null });
      expect(reject?.render(noNames()).title.zh).toBe('商家拒绝了您的诉求');
    });

    it('asks the platform’s mediators to decide when a complaint enters mediation, and tells both sides', () => {
      const items = feed('disputes.complaint_escalated', {
        ...base,
        action: 'merchant_silent',
        status: 'mediating',
        dueAt: '2027-02-10T15:59:59.999Z',
      });
      expect(who(items)).toEqual([
        ['orgKind', 'complaint.mediation', 'action_required'],
        ['user', 'complaint.mediation', 'info'],
        ['org', 'complaint.mediation', 'info'],
      ]);
      expect(items[0]?.recipient).toEqual({ kind: 'orgKind', orgKind: 'platform', roles: ['platform_admin', 'reviewer'] });
      expect(items[0]?.dueAt).toEqual(new Date('2027-02-10T15:59:59.999Z'));
      expect(items[0]?.render(orderNamed).body.zh).toContain('因商家 48 小时未答复');
    });

    it('asks the regulator to decide on acceptance of an escalated complaint within 7 working days', () => {
      const items = feed('disputes.complaint_escalated', {
        ...base,
        action: 'consumer_escalate_regulator',
        status: 'escalated',
        dueAt: '2027-03-01T15:59:59.999Z',
      });
      expect(items[0]).toMatchObject({
        recipient: { kind: 'orgKind', orgKind: 'regulator', roles: ['regulator'] },
        severity: 'action_required',
        link: `/complaints/${C}`,
      });
      expect(items[0]?.render(orderNamed).body.zh).toContain('决定是否受理');
      expect(items.map((i) => i.recipient.kind)).toEqual(['orgKind', 'org']);
    });

    it('tells the consumer the mediator’s decision with the amount in yuan, and the merchant to carry it out', () => {
      const items = feed('disputes.complaint_resolved', {
        ...base,
        action: 'mediator_decide',
        status: 'resolved',
        dueAt: null,
        remedy: 'fraud_compensation',
        amountFen: 62_900,
        upheld: true,
      });
      expect(who(items)).toEqual([
        ['user', 'complaint.resolved', 'info'],
        ['org', 'complaint.resolved', 'action_required'],
      ]);
      expect(items[0]?.render(noNames()).body.zh).toContain('退一赔三 ¥629.00');
      // the merchant who accepted the claim itself is not told what it just did
      expect(
        who(
          feed('disputes.complaint_resolved', { ...base, action: 'merchant_accept', status: 'resolved', remedy: 'refund', amountFen: 100 }),
        ),
      ).toEqual([['user', 'complaint.resolved', 'info']]);
    });

    it('tells the consumer mediation failed and the way to the regulator; closings reach the other side', () => {
      const [failed] = feed('disputes.complaint_mediation_failed', { ...base, action: 'mediation_lapsed', status: 'mediation_failed' });
      expect(failed).toMatchObject({ recipient: { kind: 'user', userId: USER }, severity: 'action_required' });
      expect(failed?.render(noNames()).body.zh).toContain('市场监管部门');
      expect(who(feed('disputes.complaint_withdrawn', { ...base, action: 'withdraw', status: 'withdrawn' }))).toEqual([
        ['org', 'complaint.withdrawn', 'info'],
      ]);
      expect(feed('disputes.complaint_dismissed', { ...base, action: 'mediator_dismiss', status: 'dismissed' })).toHaveLength(2);
      expect(
        feed('disputes.complaint_refused_by_regulator', { ...base, action: 'regulator_refuse', status: 'refused_by_regulator' })[0]?.render(
          noNames(),
        ).title.zh,
      ).toBe('监管部门不予受理');
      expect(feed('disputes.complaint_accepted_by_regulator', { ...base, action: 'regulator_accept' })).toHaveLength(2);
    });

    it('行政调解: the regulator reminded in its last 3 working days; both parties told of 调解成立 and 终止调解, the consumer of the courts', () => {
      const [due, ...none] = feed('disputes.regulator_mediation_due', {
        ...base,
        action: 'regulator_mediation_reminded',
        status: 'accepted_by_regulator',
        dueAt: '2027-03-01T15:59:59.999Z',
      });
      expect(none).toEqual([]);
      expect(due).toMatchObject({
        recipient: { kind: 'orgKind', orgKind: 'regulator', roles: ['regulator'] },
        kind: 'complaint.regulator_mediation_due',
        severity: 'action_required',
        dueAt: new Date('2027-03-01T15:59:59.999Z'),
      });
      expect(due?.render(noNames()).body.zh).toContain('45 个工作日');
      const mediated = feed('disputes.complaint_resolved', {
        ...base,
        action: 'regulator_mediate',
        status: 'resolved',
        remedy: 'compensation',
        amountFen: 3_000,
        upheld: true,
      });
      expect(who(mediated)).toEqual([
        ['user', 'complaint.regulator_mediated', 'info'],
        ['org', 'complaint.regulator_mediated', 'action_required'],
      ]);
      expect(mediated[0]?.render(noNames()).title.zh).toBe('监管部门调解成立');
      expect(mediated[1]?.render(noNames()).body.zh).toContain('赔偿 ¥30.00');
      for (const action of ['regulator_close', 'regulator_mediation_lapsed']) {
        const closed = feed('disputes.complaint_regulator_closed', { ...base, action, status: 'regulator_closed', dueAt: null });
        expect(who(closed)).toEqual([
          ['user', 'complaint.regulator_closed', 'info'],
          ['org', 'complaint.regulator_closed', 'info'],
        ]);
        expect(closed[0]?.render(noNames()).title.zh).toBe('监管部门终止调解');
        expect(closed[0]?.render(noNames()).body.zh).toContain('可以依法向人民法院起诉或申请仲裁');
        expect(closed[1]?.render(noNames()).body.zh).not.toContain('人民法院');
      }
      expect(
        feed('disputes.complaint_regulator_closed', { ...base, action: 'regulator_mediation_lapsed' })[0]?.render(noNames()).body.zh,
      ).toContain('45 个工作日内未达成调解协议');
    });

    it('gives no item without a complaint id', () => {
      expect(feed('disputes.complaint_filed', { ...base, complaintId: undefined })).toEqual([]);
    });
  });
});
