/** Ports for the things a service must not reach for directly: time, ids, randomness, hashing, secrets. */

/** Time comes from here so tests can move it (e.g. lockout expiry, notice periods). */
export interface Clock {
  now(): Date;
}

/** Sortable ids (UUIDv7). */
export interface IdGenerator {
  next(): string;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

/**
 * Encrypts personal information (ID numbers, phones, addresses) at rest. `blindIndex` is a keyed hash that lets
 * the database find a value (uniqueness, lookup) without being able to read it.
 */
export interface PiiVault {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  blindIndex(plain: string): string;
}

/** Secret tokens for sessions, CSRF and API access. */
export interface TokenGenerator {
  /** url-safe random string carrying `bytes` bytes of entropy */
  random(bytes: number): string;
}
