/**
 * The signed bundle of cross-region sharing (长三角): canonical bytes, Ed25519 signing and verification, key ids and
 * the forms a partner's public key may be given in. Deterministic; the only I/O-free use of node:crypto.
 *
 * What is signed: the canonical JSON (keys sorted, no whitespace; `canonicalJson`) of the bundle without its
 * `signature`. A partner verifies with the public key the regulator registered for the bundle's region, so a bundle
 * is accepted only from a region this one trusts, with that region's key, and unchanged to the byte.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import type { ExchangeBundle } from '@livehub/contracts';
import { canonicalJson, sha256Hex } from '../shared/hash.ts';

/** DER prefix of an Ed25519 SubjectPublicKeyInfo: the raw 32-byte key follows it. */
const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');

export type UnsignedBundle = Omit<ExchangeBundle, 'signature'>;

/** A fresh Ed25519 key pair: the raw public key and the PKCS#8 DER private key, both base64. */
export function generateRegionKey(): { publicKey: string; privateKey: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  return {
    publicKey: spki.subarray(SPKI_ED25519.length).toString('base64'),
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
  };
}

/**
 * A partner's public key as the regulator pasted it — raw 32 bytes in base64, or an SPKI PEM — as raw base64;
 * null when it is neither, or not an Ed25519 key.
 */
export function normalizePublicKey(input: string): string | null {
  const text = input.trim();
  try {
    if (text.startsWith('-----BEGIN')) {
      const key = createPublicKey(text);
      if (key.asymmetricKeyType !== 'ed25519') return null;
      return key.export({ format: 'der', type: 'spki' }).subarray(SPKI_ED25519.length).toString('base64');
    }
    if (!/^[A-Za-z0-9+/]{43}=$/.test(text)) return null;
    const raw = Buffer.from(text, 'base64');
    if (raw.length !== 32) return null;
    createPublicKey({ key: Buffer.concat([SPKI_ED25519, raw]), format: 'der', type: 'spki' });
    return raw.toString('base64');
  } catch {
    return null;
  }
}

/** The key's id: the first 16 hex digits of the SHA-256 of the raw key (shown to compare keys by eye). */
export function keyIdOf(publicKey: string): string {
  return createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').slice(0, 16);
}

/** The public key as an SPKI PEM, for a partner to register. */
export function publicKeyPem(publicKey: string): string {
  const der = Buffer.concat([SPKI_ED25519, Buffer.from(publicKey, 'base64')]);
  return createPublicKey({ key: der, format: 'der', type: 'spki' }).export({ format: 'pem', type: 'spki' }).toString();
}

/** The bytes the signature covers. */
export function bundleBytes(b: UnsignedBundle): Buffer {
  const { format, region, keyId, createdAt, items } = b;
  return Buffer.from(canonicalJson({ format, region, keyId, createdAt, items }), 'utf8');
}

export function signBundle(b: UnsignedBundle, privateKey: string): ExchangeBundle {
  const key = createPrivateKey({ key: Buffer.from(privateKey, 'base64'), format: 'der', type: 'pkcs8' });
  return { ...b, signature: sign(null, bundleBytes(b), key).toString('base64') };
}

/** Whether `b` was signed, unchanged, by the holder of `publicKey` (raw base64). */
export function verifyBundle(b: ExchangeBundle, publicKey: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.concat([SPKI_ED25519, Buffer.from(publicKey, 'base64')]), format: 'der', type: 'spki' });
    return verify(null, bundleBytes(b), key, Buffer.from(b.signature, 'base64'));
  } catch {
    return false;
  }
}

/** The bundle's fingerprint (over all of it, signature included): one import per bundle. */
export function bundleSha256(b: ExchangeBundle): string {
  return sha256Hex(canonicalJson(b));
}
