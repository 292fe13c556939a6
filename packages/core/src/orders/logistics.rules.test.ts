import { describe, expect, it } from 'vitest';
import {
  advancePackage,
  CARRIERS,
  newPackage,
  type PackageStatus,
  parsePush,
  pushKey,
  resolveCarrier,
  signPush,
  trackingNoFits,
  verifyPush,
} from './logistics.rules.ts';

const KEY = Buffer.from('0123456789abcdef0123456789abcdef');

describe('carriers and waybill numbers', () => {
  it('resolves codes and the Chinese names merchants type; refuses the unknown', () => {
    expect(resolveCarrier('顺丰速运')?.code).toBe('SF');
    expect(resolveCarrier('sf')?.code).toBe('SF');
    expect(resolveCarrier('中通')?.code).toBe('ZTO');
    expect(resolveCarrier('韵达快递')?.code).toBe('YD');
    expect(resolveCarrier('京东物流')?.code).toBe('JD');
    expect(resolveCarrier('邮政')?.code).toBe('EMS');
    expect(resolveCarrier('某某快递')).toBeNull();
    expect(CARRIERS.map((c) => c.code)).toEqual(['SF', 'ZTO', 'YTO', 'YD', 'JD', 'EMS']);
  });

  it('checks each carrier’s number form loosely', () => {
    const fits = (code: string, no: string) => trackingNoFits(resolveCarrier(code) as NonNullable<ReturnType<typeof resolveCarrier>>, no);
    expect(fits('SF', 'SF1234567890')).toBe(true);
    expect(fits('SF', 'SF0A1B2C3D4E')).toBe(true);
    expect(fits('SF', 'YT1234567890')).toBe(false);
    expect(fits('ZTO', '73100012345678')).toBe(true);
    expect(fits('ZTO', '7310')).toBe(false);
    expect(fits('YTO', 'YT1234567890')).toBe(true);
    expect(fits('YD', '4312345678901')).toBe(true);
    expect(fits('YD', 'YD4312345678901')).toBe(false);
    expect(fits('JD', 'JD0012345678901')).toBe(true);
    expect(fits('EMS', 'EA123456789CN')).toBe(true);
    expect(fits('EMS', 'EA12345CN')).toBe(false);
  });
});

describe('package status only moves forward', () => {
  const walk = (...pushes: PackageStatus[]) => pushes.reduce<PackageStatus>((s, p) => advancePackage(s, p), 'shipped');
  it('follows the journey and ignores pushes older than the status', () => {
    expect(walk('picked_up', 'in_transit', 'out_for_delivery', 'delivered')).toBe('delivered');
    expect(walk('out_for_delivery', 'in_transit', 'picked_up')).toBe('out_for_delivery');
    expect(walk('in_transit', 'in_transit')).toBe('in_transit');
  });
  it('签收 is final; an exception holds until a later stage arrives', () => {
    expect(walk('delivered', 'exception', 'in_transit')).toBe('delivered');
    expect(walk('in_transit', 'exception')).toBe('exception');
    expect(walk('in_transit', 'exception', 'in_transit')).toBe('exception');
    expect(walk('in_transit', 'exception', 'delivered')).toBe('delivered');
  });
});

describe('push signature (HMAC-SHA256 over the raw body)', () => {
  const body = JSON.stringify({ trackingNo: 'SF1234567890', status: 'delivered', time: '2026-12-01T08:00:00.000Z' });
  it('holds for the exact body and key only', () => {
    const sig = signPush(KEY, body);
    expect(sig).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyPush(KEY, body, sig)).toBe(true);
    expect(verifyPush(KEY, `${body} `, sig)).toBe(false);
    expect(verifyPush(Buffer.from('another key, another deployment!'), body, sig)).toBe(false);
    expect(verifyPush(KEY, body, undefined)).toBe(false);
    expect(verifyPush(KEY, body, 'not-hex')).toBe(false);
    expect(verifyPush(KEY, body, sig.toUpperCase())).toBe(true);
  });
});

describe('push bodies', () => {
  it('names the wrong field; the same push has the same key', () => {
    const ok = parsePush(
      JSON.stringify({ trackingNo: 'SF1234567890', status: 'in_transit', time: '2026-12-01T08:00:00Z', location: '杭州' }),
    );
    expect(ok.ok).toBe(true);
    if (ok.ok) {
      expect(ok.push.description).toBe('');
      expect(pushKey(ok.push)).toBe(pushKey({ ...ok.push }));
      expect(pushKey(ok.push)).not.toBe(pushKey({ ...ok.push, location: '上海' }));
    }
    expect(parsePush('{')).toEqual({ ok: false, field: 'body', issue: 'json' });
    expect(parsePush('[]')).toMatchObject({ ok: false, field: 'body' });
    expect(parsePush(JSON.stringify({ status: 'in_transit' }))).toMatchObject({ ok: false, field: 'trackingNo' });
    expect(parsePush(JSON.stringify({ trackingNo: 'SF1234567890', status: 'lost', time: 'x' }))).toMatchObject({ field: 'status' });
    expect(parsePush(JSON.stringify({ trackingNo: 'SF1234567890', status: 'delivered', time: 'x' }))).toMatchObject({ field: 'time' });
    expect(
      parsePush(JSON.stringify({ trackingNo: 'SF1234567890', status: 'delivered', time: '2026-12-01T08:00:00Z', location: 3 })),
    ).toMatchObject({ field: 'location' });
  });
});

describe('newPackage', () => {
  const now = new Date('2026-12-01T08:00:00Z');
  const p = { merchantOrgId: 'm1', carrier: 'SF' as const, trackingNo: 'SF1234567890', now };

  it('is owned by exactly one of an order or a sample, shipped now and not yet subscribed', () => {
    expect(newPackage('k1', { orderId: 'o1' }, p)).toEqual({
      id: 'k1',
      orderId: 'o1',
      sampleId: null,
      sampleLeg: null,
      merchantOrgId: 'm1',
      carrier: 'SF',
      trackingNo: 'SF1234567890',
      status: 'shipped',
      shippedAt: now,
      subscribedAt: null,
      deliveredAt: null,
      lastEventAt: null,
      updatedAt: now,
    });
    expect(newPackage('k2', { sampleId: 's1', leg: 'out' }, p)).toMatchObject({
      orderId: null,
      sampleId: 's1',
      sampleLeg: 'out',
      status: 'shipped',
    });
    expect(newPackage('k3', { sampleId: 's1', leg: 'back' }, p)).toMatchObject({ orderId: null, sampleId: 's1', sampleLeg: 'back' });
  });
});
