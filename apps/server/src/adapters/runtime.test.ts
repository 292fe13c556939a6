import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AesGcmVault, Argon2Hasher, UuidV7Generator } from './runtime.ts';

describe('AES-GCM vault', () => {
  const vault = new AesGcmVault(randomBytes(32));

  it('round-trips any string and never repeats a ciphertext', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const a = vault.encrypt(s);
        expect(vault.decrypt(a)).toBe(s);
        expect(vault.encrypt(s)).not.toBe(a);
      }),
    );
  });

  it('refuses a tampered ciphertext and a foreign key', () => {
    const sealed = vault.encrypt('11010519491231002X');
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3] ?? '', 'base64url');
    body[0] = (body[0] ?? 0) ^ 1;
    parts[3] = body.toString('base64url');
    expect(() => vault.decrypt(parts.join('.'))).toThrow();
    expect(() => new AesGcmVault(randomBytes(32)).decrypt(sealed)).toThrow();
  });

  it('gives a stable blind index that differs per key', () => {
    expect(vault.blindIndex('13812345678')).toBe(vault.blindIndex('13812345678'));
    expect(vault.blindIndex('13812345678')).not.toBe(vault.blindIndex('13812345679'));
    expect(new AesGcmVault(randomBytes(32)).blindIndex('13812345678')).not.toBe(vault.blindIndex('13812345678'));
  });
});

describe('UUIDv7 ids', () => {
  it('are valid version-7 UUIDs that sort in creation order', () => {
    const g = new UuidV7Generator();
    const ids = Array.from({ length: 5000 }, () => g.next());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('argon2id hasher', () => {
  it('verifies the right password only, and tolerates a malformed hash', async () => {
    const h = new Argon2Hasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 });
    const stored = await h.hash('correct horse');
    expect(stored).toMatch(/^\$argon2id\$/);
    expect(await h.verify(stored, 'correct horse')).toBe(true);
    expect(await h.verify(stored, 'wrong')).toBe(false);
    expect(await h.verify('not-a-hash', 'x')).toBe(false);
  });
});
