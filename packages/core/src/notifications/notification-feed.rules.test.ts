import { describe, expect, it } from 'vitest';
import { noNames } from '../shared/name-directory.ts';
import { feed, MCN, named, ORDER, ORG, PRODUCT, USER } from './feed-test-kit.ts';

describe('the inbox feed', () => {
  it('asks a merchant to renew a qualification before it expires, with the date in Beijing time and its name', () => {
    const [item, ...rest] = feed('registry.qualification_expiring', {
      qualificationId: 'q1',
      ownerOrgId: ORG,
      type: 'food_licence',
      expiresAt: '2026-12-20T17:00:00.000Z',
    });
    expect(rest).toEqual([]);
    expect(item).toMatchObject({
      recipient: { kind: 'org', orgId: ORG, roles: ['merchant_staff'] },
      kind: 'qualification.expiring',
      severity: 'action_required',
      link: '/apply/merchant',
      dueAt: new Date('2026-12-20T17:00:00.000Z'),
    });
    const text = item?.render(named({ orgs: [[ORG, '鲜果铺']] }));
    expect(text?.title.zh).toBe('食品经营许可证即将到期');
    expect(text?.body.zh).toContain('「鲜果铺」');
    expect(text?.body.zh).toContain('2026-12-21');
    expect(text?.body.en).toContain('food business licence');
  });

  it('never shows a raw id: a name not found reads as a word for the party', () => {
    const [item] = feed('registry.qualification_expiring', { qualificationId: 'q1', ownerOrgId: ORG, type: 'unknown', expiresAt: null });
    const text = item?.render(noNames());
    expect(`${text?.title.zh}${text?.body.zh}${text?.body.en}`).not.toContain(ORG);
    expect(text?.body.zh).toContain('贵单位');
    expect(text?.title.zh).toBe('资质即将到期');
    expect(item?.dueAt).toBeNull();
  });

  it('tells a streamer their certification lapsed, and a merchant its licence, each on its own renewal page', () => {
    const [streamer] = feed('registry.certification_lapsed', { partyId: USER, partyKind: 'streamer', qualificationId: 'x' });
    expect(streamer).toMatchObject({ recipient: { kind: 'user', userId: USER }, severity: 'warning', link: '/apply/streamer' });
    expect(streamer?.render(noNames()).title.zh).toBe('主播资格认证已失效');
    const [merchant] = feed('registry.certification_lapsed', {
      partyId: ORG,
      partyKind: 'merchant',
      qualificationId: 'q',
      type: 'business_licence',
    });
    expect(merchant).toMatchObject({ recipient: { kind: 'org', orgId: ORG, roles: ['merchant_staff'] }, link: '/apply/merchant' });
    expect(merchant?.render(named({ orgs: [[ORG, '鲜果铺']] })).title.zh).toBe('营业执照已失效');
    const [mcn] = feed('registry.certification_lapsed', { partyId: MCN, partyKind: 'mcn', qualificationId: 'q' });
    expect(mcn).toMatchObject({ recipient: { kind: 'org', roles: ['mcn_manager'] }, link: '/apply/mcn' });
  });

  it('tells both the streamer and the merchant of a confirmed violation', () => {
    const items = feed('compliance.violation_confirmed', { violationId: 'v', streamerUserId: USER, merchantOrgId: ORG, severity: 3 });
    expect(items.map((i) => i.recipient)).toEqual([
      { kind: 'user', userId: USER },
      { kind: 'org', orgId: ORG, roles: ['merchant_staff'] },
    ]);
    expect(items.every((i) => i.kind === 'violation.confirmed' && i.link === '/violations')).toBe(true);
    expect(items[0]?.render(noNames()).body.zh).toContain('严重程度 3');
  });

  it('asks the merchant to refund an overdue return, naming the order by its number', () => {
    const [item] = feed('return.refund_overdue', {
      returnId: 'r',
      orderId: ORDER,
      merchantOrgId: ORG,
      refundDueAt: '2026-12-01T00:00:00Z',
    });
    expect(item).toMatchObject({ severity: 'action_required', link: '/merchant/returns', names: { orders: [ORDER] } });
    expect(item?.render(named({ orders: [[ORDER, 'LH202612010001']] })).body.zh).toContain('「LH202612010001」');
  });

  it('asks the streamer to act on an overdue sample; the merchant and the MCN are told', () => {
    const items = feed('selection.sample_overdue', {
      sampleId: 's',
      streamerUserId: USER,
      merchantOrgId: ORG,
      mcnOrgId: MCN,
      productId: PRODUCT,
      days: 4,
    });
    expect(items.map((i) => [i.recipient.kind, i.severity])).toEqual([
      ['user', 'action_required'],
      ['org', 'info'],
      ['org', 'warning'],
    ]);
    const names = named({ products: [[PRODUCT, '云南蓝莓']], users: [[USER, '小林']] });
    expect(items[0]?.render(names).body.zh).toContain('4 天');
    expect(items[1]?.render(names).body.zh).toContain('「小林」领取的样品「云南蓝莓」');
  });

  it('tells a party its payout was paid or failed, with the amount in yuan', () => {
    const [paid] = feed('payout.paid', { payoutId: 'p', partyId: USER, partyKind: 'streamer', amountFen: 123456, reason: null });
    expect(paid).toMatchObject({ kind: 'payout.paid', severity: 'info', recipient: { kind: 'user', userId: USER } });
    expect(paid?.render(noNames()).body.zh).toContain('¥1234.56');
    const [failed] = feed('payout.failed', { payoutId: 'p', partyId: ORG, partyKind: 'merchant', amountFen: 500, reason: '账户已销户' });
    expect(failed).toMatchObject({ severity: 'warning', recipient: { kind: 'org', orgId: ORG } });
    expect(failed?.render(noNames()).body.zh).toContain('（账户已销户）');
  });

  it('asks the merchant to top up its deposit by what is due', () => {
    const [item] = feed('deposit.topup_required', { merchantOrgId: ORG, requiredFen: 1_000_000, balanceFen: 800_000, dueFen: 200_000 });
    expect(item).toMatchObject({ kind: 'deposit.topup_required', link: '/finance/deposit', severity: 'action_required' });
    expect(item?.render(noNames()).body.zh).toContain('¥2000.00');
  });

  it('gives no item for an incomplete or unknown payload', () => {
    expect(feed('registry.qualification_expiring', { ownerOrgId: ORG })).toEqual([]);
    expect(feed('registry.certification_lapsed', { partyId: ORG, partyKind: 'regulator', qualificationId: 'q' })).toEqual([]);
    expect(feed('compliance.violation_confirmed', { streamerUserId: USER })).toEqual([]);
    expect(feed('return.refund_overdue', { returnId: 'r' })).toEqual([]);
    expect(feed('selection.sample_overdue', { sampleId: 's' })).toEqual([]);
    expect(feed('payout.paid', { payoutId: 'p', partyId: USER, partyKind: 'streamer', amountFen: 'lots' })).toEqual([]);
    expect(feed('deposit.topup_required', { merchantOrgId: ORG, dueFen: 0 })).toEqual([]);
  });

  it('tells the platform’s handlers of a new report, naming the target and never the reporter', () => {
    const payload = { reportId: 'r1', targetKind: 'product', targetId: PRODUCT, category: 'fraud', reporterUserId: USER, anonymous: false };
    const [item, ...rest] = feed('reports.report_filed', payload);
    expect(rest).toEqual([]);
    expect(item).toMatchObject({
      recipient: { kind: 'orgKind', orgKind: 'platform', roles: ['platform_admin', 'reviewer'] },
      kind: 'report.filed',
      link: '/reports',
    });
    const text = item?.render(named({ products: [[PRODUCT, '有机苹果']], users: [[USER, '张三']] }));
    expect(text?.body.zh).toContain('「有机苹果」');
    expect(text?.body.zh).toContain('诈骗');
    expect(`${text?.title.zh}${text?.body.zh}${text?.body.en}`).not.toContain('张三');
    expect(feed('reports.report_filed', { ...payload, targetKind: 'planet' })).toEqual([]);
  });

  it('tells a signed-in reporter how the report was handled, and nobody when it was anonymous or only taken up', () => {
    const payload = {
      reportId: 'r1',
      targetKind: 'live_session',
      targetId: PRODUCT,
      status: 'substantiated',
      outcome: '回放核实属实',
      reporterUserId: USER,
    };
    const [item] = feed('reports.report_handled', payload);
    expect(item).toMatchObject({ recipient: { kind: 'user', userId: USER }, kind: 'report.handled', link: '/reports/mine' });
    const text = item?.render(named({ sessions: [[PRODUCT, '年货节专场']] }));
    expect(text?.title.zh).toBe('您的举报已处理：经核实属实');
    expect(text?.body.zh).toContain('「年货节专场」');
    expect(text?.body.zh).toContain('回放核实属实');
    expect(feed('reports.report_handled', { ...payload, reporterUserId: null })).toEqual([]);
    expect(feed('reports.report_handled', { ...payload, status: 'under_review' })).toEqual([]);
  });

  it('tells the reported party what a substantiated report found — the live room’s organization and its streamer — never the reporter', () => {
    const STREAMER = '66666666-6666-4666-8666-666666666666';
    const payload = {
      reportId: 'r1',
      targetKind: 'live_session',
      targetId: PRODUCT,
      subjectOrgId: MCN,
      subjectUserId: STREAMER,
      category: 'false_advertising',
      status: 'substantiated',
      outcome: '回放核实：主播宣称“治愈失眠”，举报人联系电话 13812345678 已回访',
      reporterUserId: USER,
      anonymous: false,
    };
    const items = feed('reports.report_handled', payload);
    const found = items.filter((i) => i.kind === 'report.found');
    expect(found.map((i) => i.recipient)).toEqual([
      { kind: 'org', orgId: MCN, roles: ['merchant_staff', 'mcn_manager', 'base_operator'] },
      { kind: 'user', userId: STREAMER },
    ]);
    for (const item of found) {
      expect(item).toMatchObject({ severity: 'warning', link: '/violations' });
      const text = item.render(named({ sessions: [[PRODUCT, '年货节专场']], users: [[USER, '张三']] }));
      const all = JSON.stringify({ ...item, render: undefined, text });
      expect(all).not.toContain(USER);
      expect(all).not.toContain('张三');
      expect(all).not.toContain('13812345678');
      expect(text.body.zh).toContain('「年货节专场」');
      expect(text.body.zh).toContain('经核实属实');
      expect(text.body.zh).toContain('138****5678');
    }
    // the reporter is still told; a product's merchant alone; nothing for what was not found true or only taken up
    expect(items.filter((i) => i.kind === 'report.handled').map((i) => i.recipient)).toEqual([{ kind: 'user', userId: USER }]);
    const product = feed('reports.report_handled', { ...payload, targetKind: 'product', subjectOrgId: ORG, subjectUserId: null });
    expect(product.filter((i) => i.kind === 'report.found').map((i) => i.recipient)).toEqual([
      { kind: 'org', orgId: ORG, roles: ['merchant_staff', 'mcn_manager', 'base_operator'] },
    ]);
    for (const status of ['unsubstantiated', 'referred', 'under_review'])
      expect(feed('reports.report_handled', { ...payload, status }).filter((i) => i.kind === 'report.found')).toEqual([]);
  });

  it('tells the merchant a complaint’s compensation is due, by when in Beijing time, linking to the complaint', () => {
    const [item, ...rest] = feed('disputes.compensation_due', {
      complaintId: 'c1',
      merchantOrgId: ORG,
      amountFen: 12_345,
      remedy: 'compensation',
      dueAt: '2026-12-10T15:59:59.999Z',
    });
    expect(rest).toEqual([]);
    expect(item).toMatchObject({
      recipient: { kind: 'org', orgId: ORG, roles: ['merchant_staff'] },
      kind: 'compensation.due',
      severity: 'action_required',
      link: '/complaints/c1',
      dueAt: new Date('2026-12-10T15:59:59.999Z'),
    });
    const text = item?.render(noNames());
    expect(text?.body.zh).toContain('2026-12-10 23:59');
    expect(text?.body.zh).toContain('¥123.45');
    expect(text?.body.zh).not.toContain(ORG);
    expect(feed('disputes.compensation_due', { complaintId: 'c1', merchantOrgId: ORG, amountFen: 100 })).toEqual([]);
  });

  it('tells the merchant the platform advanced its compensation, and what the recovery took from deposit and balance', () => {
    const [adv] = feed('disputes.compensation_advanced', { complaintId: 'c1', merchantOrgId: ORG, amountFen: 5_000 });
    expect(adv).toMatchObject({ kind: 'compensation.advanced', severity: 'warning', link: '/complaints/c1' });
    expect(adv?.render(noNames()).body.zh).toContain('先行赔付');
    const [rec] = feed('disputes.compensation_recovered', {
      complaintId: 'c1',
      merchantOrgId: ORG,
      amountFen: 5_000,
      fromDepositFen: 3_000,
      fromBalanceFen: 1_000,
      outstandingFen: 1_000,
    });
    expect(rec).toMatchObject({ kind: 'compensation.recovered', severity: 'action_required', link: '/finance/deposit' });
    const body = rec?.render(noNames()).body.zh ?? '';
    expect(body).toContain('保证金扣除 ¥30.00');
    expect(body).toContain('可提现余额扣除 ¥10.00');
    expect(body).toContain('尚欠 ¥10.00');
    expect(feed('disputes.compensation_recovered', { complaintId: 'c1', merchantOrgId: ORG })).toEqual([]);
  });

  it('warns platform finance when the fund falls below its floor', () => {
    const [item, ...rest] = feed('settlement.fund_below_floor', { balanceFen: 100_000, floorFen: 5_000_000, shortFen: 4_900_000 });
    expect(rest).toEqual([]);
    expect(item).toMatchObject({
      recipient: { kind: 'orgKind', orgKind: 'platform', roles: ['platform_admin'] },
      kind: 'fund.below_floor',
      link: '/fund',
    });
    expect(item?.render(noNames()).body.zh).toContain('低于警戒线 ¥50000.00');
    expect(feed('settlement.fund_below_floor', { floorFen: 1 })).toEqual([]);
  });

  it('tells a case’s party of the intended penalty with its 陈述申辩 deadline, and of the decision', () => {
    const due = '2026-12-14T15:59:59.999Z';
    const [org] = feed('supervision.case_notified', {
      caseId: 'k1',
      caseNo: '网监案〔2026〕1号',
      partyKind: 'organization',
      partyId: ORG,
      defenceDueAt: due,
    });
    expect(org).toMatchObject({
      recipient: { kind: 'org', orgId: ORG },
      kind: 'case.notified',
      severity: 'action_required',
      link: '/supervision/notices?case=k1',
      dueAt: new Date(due),
    });
    expect(org?.render(noNames()).title.zh).toContain('网监案〔2026〕1号');
    expect(org?.render(noNames()).body.zh).toContain('2026-12-14 23:59');
    const [user] = feed('supervision.case_decided', { caseId: 'k1', caseNo: 'n', partyKind: 'user', partyId: USER });
    expect(user).toMatchObject({ recipient: { kind: 'user', userId: USER }, kind: 'case.decided' });
    expect(feed('supervision.case_notified', { caseId: 'k1', partyKind: 'organization' })).toEqual([]);
  });

  it('tells the merchant of a takedown, the holder of a counter-notice with its deadline, both of the end', () => {
    const base = {
      noticeId: 'n1',
      noticeNo: 'IPN-20261201-ABCDEF',
      productId: PRODUCT,
      merchantOrgId: ORG,
      filedByOrgId: MCN,
      holderOrgId: MCN,
    };
    const [filed, ...more] = feed('supervision.ip_notice_filed', { ...base, filedByRole: 'holder', takenDown: true });
    expect(more).toEqual([]);
    expect(filed).toMatchObject({
      recipient: { kind: 'org', orgId: ORG, roles: ['merchant_staff'] },
      kind: 'ip.notice_filed',
      severity: 'action_required',
      link: '/ip-notices?notice=n1',
    });
    const text = filed?.render(named({ products: [[PRODUCT, '山寨耳机']] }));
    expect(text?.body.zh).toContain('「山寨耳机」');
    expect(text?.body.zh).toContain('已依法将其下架');
    // the office filed for the holder: the counter-notice goes to the office's regulators
    const due = '2026-12-16T16:00:00.000Z';
    const [countered] = feed('supervision.ip_counter_forwarded', { ...base, filedByRole: 'office', actionDueAt: due });
    expect(countered).toMatchObject({ recipient: { kind: 'org', orgId: MCN, roles: ['regulator'] }, dueAt: new Date(due) });
    expect(countered?.render(noNames()).body.zh).toContain('2026-12-16 24 时前');
    const closed = feed('supervision.ip_notice_closed', { ...base, filedByRole: 'holder', status: 'restored', restored: true });
    expect(closed.map((i) => i.recipient)).toEqual([
      { kind: 'org', orgId: ORG, roles: ['merchant_staff'] },
      { kind: 'org', orgId: MCN, roles: ['merchant_staff'] },
    ]);
    expect(closed[0]?.render(noNames()).body.zh).toContain('已恢复上架');
    expect(feed('supervision.ip_notice_closed', { ...base, status: 'countered' })).toEqual([]);
    expect(feed('supervision.ip_notice_filed', { noticeId: 'n1' })).toEqual([]);
  });
});
