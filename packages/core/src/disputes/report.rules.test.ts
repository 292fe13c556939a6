import { REPORT_HANDLE_ACTIONS, REPORT_STATUSES, REPORT_TRACKING_CODE } from '@livehub/contracts';
import { describe, expect, it } from 'vitest';
import {
  FINAL_REPORT_STATUSES,
  normalizeTrackingCode,
  reportStep,
  screeningCategoriesOf,
  trackingCodeFrom,
  trackingCodeHash,
} from './report.rules.ts';

describe('reportStep', () => {
  it('takes a received report under review, and an open one to each outcome with a reason', () => {
    expect(reportStep('received', 'review', undefined)).toEqual({ ok: true, to: 'under_review' });
    for (const from of ['received', 'under_review'] as const) {
      expect(reportStep(from, 'substantiate', '直播中宣称治愈，属实')).toEqual({ ok: true, to: 'substantiated' });
      expect(reportStep(from, 'unsubstantiate', '回放中未见所述内容')).toEqual({ ok: true, to: 'unsubstantiated' });
      expect(reportStep(from, 'refer', '涉嫌销售假药，移交监管')).toEqual({ ok: true, to: 'referred' });
    }
  });

  it('needs a reason for every outcome', () => {
    for (const action of ['substantiate', 'unsubstantiate', 'refer'] as const) {
      expect(reportStep('received', action, undefined)).toEqual({ ok: false, problem: 'reason_required' });
      expect(reportStep('received', action, '   ')).toEqual({ ok: false, problem: 'reason_required' });
    }
  });

  it('moves nothing final, and reviews only what was just received', () => {
    expect(reportStep('under_review', 'review', undefined)).toEqual({ ok: false, problem: 'wrong_status' });
    for (const from of FINAL_REPORT_STATUSES)
      for (const action of REPORT_HANDLE_ACTIONS) expect(reportStep(from, action, '理由').ok, `${from} ${action}`).toBe(false);
    expect(REPORT_STATUSES.filter((s) => !FINAL_REPORT_STATUSES.includes(s))).toEqual(['received', 'under_review']);
  });
});

describe('tracking codes', () => {
  const random = 'AbCdEf-_0123456789xyzXYZ';

  it('folds 16 url-safe characters onto a 32-character alphabet without look-alikes', () => {
    const code = trackingCodeFrom(random);
    expect(code).toMatch(REPORT_TRACKING_CODE);
    expect(code.slice(3)).not.toMatch(/[01IO]/);
    expect(trackingCodeFrom(random)).toBe(code);
    expect(trackingCodeFrom(`B${random.slice(1)}`)).not.toBe(code);
    // 'A' (0) and 'g' (32) fold onto the same character; every base64url value lands on one of 32
    expect(trackingCodeFrom('A'.repeat(16))).toBe(trackingCodeFrom('g'.repeat(16)));
  });

  it('refuses too little or foreign randomness', () => {
    expect(() => trackingCodeFrom('short')).toThrow();
    expect(() => trackingCodeFrom('+'.repeat(16))).toThrow();
  });

  it('reads a code as people type it, and nothing that cannot be one', () => {
    const code = trackingCodeFrom(random);
    const body = code.slice(3);
    expect(normalizeTrackingCode(code)).toBe(code);
    expect(normalizeTrackingCode(` ${code.toLowerCase()} `)).toBe(code);
    expect(normalizeTrackingCode(body)).toBe(code);
    expect(normalizeTrackingCode(`${body.slice(0, 8)} ${body.slice(8)}`)).toBe(code);
    expect(normalizeTrackingCode(`JB-${body.slice(1)}`)).toBeNull();
    expect(normalizeTrackingCode(`JB-${body.slice(1)}0`)).toBeNull();
    expect(normalizeTrackingCode('')).toBeNull();
  });

  it('stores a hash that differs per code and is not the code', () => {
    const a = trackingCodeFrom(random);
    const b = trackingCodeFrom(`Z${random.slice(1)}`);
    expect(trackingCodeHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(trackingCodeHash(a)).toBe(trackingCodeHash(a));
    expect(trackingCodeHash(a)).not.toBe(trackingCodeHash(b));
    expect(trackingCodeHash(a)).not.toContain(a.slice(3));
  });
});

describe('screeningCategoriesOf', () => {
  it('names the screening category a report stands for only where one fits', () => {
    expect(screeningCategoriesOf('prohibited_goods')).toEqual(['prohibited_goods']);
    expect(screeningCategoriesOf('fraud')).toEqual(['price_fraud']);
    expect(screeningCategoriesOf('vulgar')).toEqual([]);
  });
});
