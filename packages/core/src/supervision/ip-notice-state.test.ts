import { IP_NOTICE_STATUSES } from '@livehub/contracts';
import { describe, expect, it } from 'vitest';
import { IP_FINAL_STATUSES, ipNoticeActionsFor, ipNoticeStep, ipNoticeTransitions } from './ip-notice-state.ts';

describe('the notice-and-takedown table (Art. 42–45)', () => {
  it('lets the merchant counter a taken-down notice once', () => {
    expect(ipNoticeStep('taken_down', 'counter', 'merchant')).toEqual({ ok: true, to: 'countered' });
    expect(ipNoticeStep('countered', 'counter', 'merchant')).toEqual({ ok: false, problem: 'wrong_status' });
    expect(ipNoticeStep('restored', 'counter', 'merchant')).toEqual({ ok: false, problem: 'wrong_status' });
  });

  it('reports a wrong role before a wrong status', () => {
    expect(ipNoticeStep('taken_down', 'counter', 'holder')).toEqual({ ok: false, problem: 'wrong_role' });
    expect(ipNoticeStep('restored', 'report_action', 'merchant')).toEqual({ ok: false, problem: 'wrong_role' });
  });

  it('keeps the takedown when the holder reports an action, restores on lapse, withdrawal or a wrong notice', () => {
    expect(ipNoticeStep('countered', 'report_action', 'holder')).toEqual({ ok: true, to: 'action_filed' });
    expect(ipNoticeStep('taken_down', 'report_action', 'holder')).toEqual({ ok: false, problem: 'wrong_status' });
    expect(ipNoticeStep('countered', 'counter_lapsed', 'system')).toEqual({ ok: true, to: 'restored' });
    expect(ipNoticeStep('action_filed', 'counter_lapsed', 'system')).toEqual({ ok: false, problem: 'wrong_status' });
    expect(ipNoticeStep('countered', 'withdraw', 'holder')).toEqual({ ok: true, to: 'withdrawn' });
    expect(ipNoticeStep('action_filed', 'withdraw', 'holder')).toEqual({ ok: false, problem: 'wrong_status' });
    expect(ipNoticeStep('action_filed', 'find_wrong', 'office')).toEqual({ ok: true, to: 'found_wrong' });
  });

  it('never leaves a final status and reaches every status', () => {
    const t = ipNoticeTransitions();
    for (const s of IP_FINAL_STATUSES) expect(t.filter((x) => x.from === s)).toEqual([]);
    const reached = new Set(['taken_down', ...t.map((x) => x.to)]);
    expect([...reached].sort()).toEqual([...IP_NOTICE_STATUSES].sort());
  });

  it('offers a role only its own steps, never the sweep’s', () => {
    expect(ipNoticeActionsFor('countered', new Set(['holder']))).toEqual(['report_action', 'withdraw']);
    expect(ipNoticeActionsFor('countered', new Set(['merchant']))).toEqual([]);
    expect(ipNoticeActionsFor('taken_down', new Set(['merchant', 'office']))).toEqual(['counter', 'find_wrong']);
    expect(ipNoticeActionsFor('countered', new Set(['system']))).toEqual([]);
  });
});
