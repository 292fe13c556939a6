import { describe, expect, it } from 'vitest';
import { DEVICE_ID_PATTERN, normaliseAddress, normaliseIp, OrderSignalHasher } from './order-signals.ts';

const vault = { encrypt: (s: string) => s, decrypt: (s: string) => s, blindIndex: (s: string) => `h(${s})` };
const addr = { name: '王小明', phone: '13812345678', region: '上海市 嘉定区', detail: '安亭镇墨玉南路８８８号' };

describe('order signals', () => {
  it('normalises an address to its place: spacing, punctuation and full-width forms do not matter; name and phone are not part of it', () => {
    expect(normaliseAddress(addr)).toBe('上海市嘉定区安亭镇墨玉南路888号');
    expect(normaliseAddress({ region: '上海市嘉定区', detail: '安亭镇 墨玉南路 888 号。' })).toBe(normaliseAddress(addr));
    expect(normaliseAddress({ region: '上海市嘉定区', detail: '安亭镇墨玉南路889号' })).not.toBe(normaliseAddress(addr));
  });

  it('normalises an IP: IPv4 mapped into IPv6 is the IPv4 address; empty is unknown', () => {
    expect(normaliseIp('::ffff:10.1.2.3')).toBe('10.1.2.3');
    expect(normaliseIp(' 2001:DB8::1 ')).toBe('2001:db8::1');
    expect(normaliseIp('')).toBeNull();
    expect(normaliseIp(undefined)).toBeNull();
  });

  it('stores only keyed hashes, one prefix per kind, and nothing for what is unknown or malformed', () => {
    const h = new OrderSignalHasher(vault);
    const now = new Date('2026-05-10T00:00:00Z');
    const r = h.forOrder('o1', { ...addr, name: '李四', phone: '13900000000' }, { deviceId: 'browser-0001', ip: '::ffff:10.1.2.3' }, now);
    expect(r).toEqual({
      orderId: 'o1',
      deviceHash: 'h(order-signal:device:browser-0001)',
      ipHash: 'h(order-signal:ip:10.1.2.3)',
      addressHash: 'h(order-signal:address:上海市嘉定区安亭镇墨玉南路888号)',
      payerAccountHash: null,
      createdAt: now,
    });
    expect(h.forOrder('o2', addr, { deviceId: 'short', ip: null }, now)).toMatchObject({ deviceHash: null, ipHash: null });
    expect(h.forOrder('o3', addr, undefined, now)).toMatchObject({ deviceHash: null, ipHash: null });
    expect(h.payerAccount('openid-1')).toBe('h(order-signal:payer:openid-1)');
    expect(DEVICE_ID_PATTERN.test('0b9e3c1e-7a9f-4c8e-9a51-0d6f7e2b1c3a')).toBe(true);
    expect(DEVICE_ID_PATTERN.test('has space 123')).toBe(false);
  });
});
