/** Node implementations of the runtime ports: clock, UUIDv7 ids, argon2id passwords, AES-256-GCM PII vault. */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { Clock, IdGenerator, PasswordHasher, PiiVault, TokenGenerator } from '@livehub/core';
import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id; the package exports it as a const enum, which isolated modules cannot read.
const ARGON2ID = 2;

export const systemClock: Clock = { now: () => new Date() };

/**
 * The real time shifted by an offset the demo seed may move (its past orders are placed days back, then the clock is
 * put back): the clock `livehub serve` and `livehub seed` run on. Zero offset: the system clock.
 */
export class OffsetClock implements Clock {
  private offset = 0;
  now(): Date {
    return new Date(Date.now() + this.offset);
  }
  shift(ms: number): void {
    this.offset += ms;
  }
  reset(): void {
    this.offset = 0;
  }
}

/** A clock tests can set and move. */
export class ManualClock implements Clock {
  constructor(private t: number = Date.parse('2026-01-05T02:00:00Z')) {}
  now(): Date {
    return new Date(this.t);
  }
  set(d: Date): void {
    this.t = d.getTime();
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

/** RFC 9562 UUIDv7: 48-bit ms timestamp, then a counter-seeded random tail, so ids sort by creation. */
export class UuidV7Generator implements IdGenerator {
  private lastMs = 0;
  private seq = 0;
  next(): string {
    let ms = Date.now();
    if (ms <= this.lastMs) {
      this.seq = (this.seq + 1) & 0xfff;
      if (this.seq === 0) this.lastMs += 1;
      ms = this.lastMs;
    } else {
      this.lastMs = ms;
      this.seq = randomBytes(2).readUInt16BE(0) & 0x7ff;
    }
    const b = randomBytes(16);
    b.writeUIntBE(ms, 0, 6);
    b[6] = 0x70 | (this.seq >> 8);
    b[7] = this.seq & 0xff;
    b[8] = 0x80 | ((b[8] ?? 0) & 0x3f);
    const h = b.toString('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
}

/** OWASP's argon2id baseline: 19 MiB, 2 passes. */
export class Argon2Hasher implements PasswordHasher {
  constructor(private readonly opts = { memoryCost: 19_456, timeCost: 2, parallelism: 1 }) {}
  hash(password: string): Promise<string> {
    return hash(password, { algorithm: ARGON2ID, ...this.opts });
  }
  async verify(stored: string, password: string): Promise<boolean> {
    try {
      return await verify(stored, password);
    } catch {
      return false;
    }
  }
}

export const randomTokens: TokenGenerator = {
  random: (bytes) => randomBytes(bytes).toString('base64url'),
};

/**
 * AES-256-GCM with a fresh 96-bit IV per value: `v1.<iv>.<tag>.<ciphertext>` in base64url. The blind index is an
 * HMAC under a key derived (HKDF) from the same master key, so finding a value never requires decrypting it.
 */
export class AesGcmVault implements PiiVault {
  private readonly encKey: Buffer;
  private readonly indexKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('PII key must be 32 bytes');
    this.encKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'livehub:pii:enc:v1', 32));
    this.indexKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'livehub:pii:index:v1', 32));
  }
  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.encKey, iv);
    const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return `v1.${iv.toString('base64url')}.${c.getAuthTag().toString('base64url')}.${body.toString('base64url')}`;
  }
  decrypt(sealed: string): string {
    const [v, iv, tag, body] = sealed.split('.');
    if (v !== 'v1' || !iv || !tag || body === undefined) throw new Error('not a sealed value');
    const d = createDecipheriv('aes-256-gcm', this.encKey, Buffer.from(iv, 'base64url'));
    d.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([d.update(Buffer.from(body, 'base64url')), d.final()]).toString('utf8');
  }
  blindIndex(plain: string): string {
    return createHmac('sha256', this.indexKey).update(plain, 'utf8').digest('base64url');
  }
}
