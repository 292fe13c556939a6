/**
 * Workbench tiles and activity feeds read in words: every action the server records has a label that is neither the
 * raw key nor the catch-all, in both languages, and unknown keys never leak onto the screen.
 */
import { describe, expect, it } from 'vitest';
import { activityLabel, actorName, cardLabel, targetLabel, translate } from './index.ts';

// what the services write into the audit log today (grep "action:" in packages/core and apps/server)
const ACTIONS = [
  'address.save',
  'agreement.accept',
  'agreement.create',
  'agreement.in_force',
  'agreement.terminate',
  'api_token.create',
  'api_token.revoke',
  'auth.login',
  'auth.logout',
  'auth.switch_org',
  'auth.login_failed',
  'base.register',
  'base_certification.submit',
  'base_certification.vote',
  'base_certification.objection',
  'brand.create',
  'document.upload',
  'flash_sale.create',
  'flash_sale.end',
  'import.batch',
  'live.schedule',
  'live.start',
  'live.stream_key_rotate',
  'membership.add',
  'merchant.register',
  'merchant_admission.approve',
  'order.create',
  'order.pay',
  'order.ship',
  'order.deliver',
  'order.expire',
  'package.event',
  'org.create',
  'payment.create',
  'pii.view',
  'product.create',
  'product_review.reject',
  'registry.export',
  'return.request',
  'return.approve',
  'review.confirm',
  'rule.exemption_add',
  'sample.request',
  'sample.ship',
  'selection.plan_create',
  'matching.retrain',
  'matching.preference_set',
  'sku.update',
  'streamer.register',
  'streamer_certification.withdraw',
  'user.create',
];
const CARDS = [
  'users',
  'organizations',
  'merchants',
  'streamers',
  'audit_entries',
  'product_reviews',
  'live_bases',
  'mcns',
  'departments',
  'members',
  'products_approved',
  'products_in_review',
  'samples_to_handle',
  'agreements_in_force',
  'samples_open',
  'agreements_pending',
  'orders_to_pay',
  'orders_to_receive',
  'api_tokens',
];
const RAW = /[a-z]+[._][a-z]+/;

describe('activity and card labels', () => {
  for (const locale of ['zh-CN', 'en-US'] as const) {
    const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate(locale, key, params);
    it(`names every recorded action in ${locale}`, () => {
      for (const action of ACTIONS) {
        const label = activityLabel(t, action);
        expect(label, action).not.toMatch(RAW);
        expect(label, action).not.toBe(t('activity.other'));
      }
    });
    it(`names every workbench card in ${locale}`, () => {
      for (const key of CARDS) {
        expect(cardLabel(t, key), key).not.toMatch(RAW);
        expect(cardLabel(t, key), key).not.toBe(t('card.unknown'));
      }
    });
  }

  it('composes entity and verb, and never shows a key it does not know', () => {
    const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('zh-CN', key, params);
    expect(activityLabel(t, 'auth.login')).toBe('登录');
    expect(activityLabel(t, 'order.ship')).toBe('订单发货');
    expect(activityLabel(t, 'order.something_new')).toBe('订单操作');
    expect(activityLabel(t, 'newthing.create')).toBe('其他操作');
    expect(cardLabel(t, 'brand_new_card')).toBe('统计');
    expect(targetLabel(t, 'live_session')).toBe('直播场次');
    expect(targetLabel(t, 'mystery_type')).toBe('其他');
    expect(actorName(t, 'system:payments:sim')).toBe('支付渠道');
    expect(actorName(t, 'system:orders')).toBe('系统');
    expect(actorName(t, 'seed:merchant_staff')).toBe('演示数据');
    expect(actorName(t, '李店长')).toBe('李店长');
    expect(actorName(t, null)).toBe('系统');
  });
});
