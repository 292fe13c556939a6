import { generateKeyPairSync } from 'node:crypto';
import { EXCHANGE_FORMAT, exchangeBundleSchema } from '@livehub/contracts';
import { describe, expect, it } from 'vitest';
import {
  bundleSha256,
  generateRegionKey,
  keyIdOf,
  normalizePublicKey,
  publicKeyPem,
  signBundle,
  type UnsignedBundle,
  verifyBundle,
} from './exchange-bundle.ts';

const ours = generateRegionKey();
const theirs = generateRegionKey();
const unsigned: UnsignedBundle = {
  format: EXCHANGE_FORMAT,
  region: { code: '320500', name: '苏州市' },
  keyId: keyIdOf(ours.publicKey),
  createdAt: '2026-12-01T08:00:00.000Z',
  items: [
    {
      kind: 'credit',
      id: 'a',
      subject: { kind: 'organization', creditCode: '91320500MA1XXXXX0A', name: '苏州某某服饰有限公司' },
      tier: 'D',
      score: 312.5,
      tierSince: null,
    },
    {
      kind: 'case',
      id: 'c',
      caseNo: '苏网监案〔2026〕0001号',
      subject: { kind: 'organization', creditCode: '91320500MA1XXXXX0A', name: '苏州某某服饰有限公司' },
      measures: [
        { kind: 'takedown', zh: '下架商品', en: 'product takedown' },
        { kind: 'fine', zh: '罚款 ¥5000.00', en: 'fine ¥5000.00' },
      ],
      legalBasis: '《明码标价和禁止价格欺诈规定》第十九条',
      decidedAt: '2026-11-30T08:00:00.000Z',
      documentSha256: 'a'.repeat(64),
    },
  ],
};

describe('signed bundles', () => {
  it('a bundle signed with a key verifies with its public key, and parses as the contract says', () => {
    const b = signBundle(unsigned, ours.privateKey);
    expect(exchangeBundleSchema.parse(b)).toEqual(b);
    expect(verifyBundle(b, ours.publicKey)).toBe(true);
  });

  it('another key, a changed item, a changed region or a changed signature does not verify', () => {
    const b = signBundle(unsigned, ours.privateKey);
    expect(verifyBundle(b, theirs.publicKey)).toBe(false);
    const item = b.items[0];
    if (item?.kind !== 'credit') throw new Error('fixture');
    expect(verifyBundle({ ...b, items: [{ ...item, tier: 'A' }] }, ours.publicKey)).toBe(false);
    expect(verifyBundle({ ...b, region: { code: '310000', name: '上海市' } }, ours.publicKey)).toBe(false);
    const sig = Buffer.from(b.signature, 'base64');
    sig[0] = (sig[0] ?? 0) ^ 1;
    expect(verifyBundle({ ...b, signature: sig.toString('base64') }, ours.publicKey)).toBe(false);
  });

  it('the signature covers the content, not the key order of the JSON it travelled in', () => {
    const b = signBundle(unsigned, ours.privateKey);
    const reordered = JSON.parse(
      JSON.stringify({
        signature: b.signature,
        items: b.items,
        createdAt: b.createdAt,
        keyId: b.keyId,
        region: b.region,
        format: b.format,
      }),
    );
    expect(verifyBundle(reordered, ours.publicKey)).toBe(true);
    expect(bundleSha256(reordered)).toBe(bundleSha256(b));
  });

  it('a partner key is taken as raw base64 or an SPKI PEM; anything else, or another algorithm, is refused', () => {
    expect(normalizePublicKey(ours.publicKey)).toBe(ours.publicKey);
    expect(normalizePublicKey(publicKeyPem(ours.publicKey))).toBe(ours.publicKey);
    expect(normalizePublicKey(`  ${publicKeyPem(ours.publicKey)}\n`)).toBe(ours.publicKey);
    expect(normalizePublicKey('not a key')).toBeNull();
    expect(normalizePublicKey(Buffer.alloc(31).toString('base64'))).toBeNull();
    const x25519 = generateKeyPairSync('x25519').publicKey.export({ format: 'pem', type: 'spki' }).toString();
    expect(normalizePublicKey(x25519)).toBeNull();
    expect(keyIdOf(ours.publicKey)).toMatch(/^[0-9a-f]{16}$/);
    expect(keyIdOf(ours.publicKey)).not.toBe(keyIdOf(theirs.publicKey));
  });
});
