/** What of a user may leave identity: no secrets, the phone number unsealed only to be masked. */
import { describe, expect, it } from 'vitest';
import type { PiiVault } from '../ports/runtime.ts';
import type { UserRecord } from './identity.types.ts';
import { maskedPhone, userView } from './user-view.ts';

const vault: PiiVault = {
  encrypt: (plain: string) => `sealed:${plain}`,
  decrypt: (sealed: string) => sealed.replace(/^sealed:/, ''),
  blindIndex: (plain: string) => `idx:${plain}`,
};

const user: UserRecord = {
  id: 'u1',
  username: 'li',
  displayName: '李四',
  passwordHash: 'argon2id$secret',
  phoneEnc: 'sealed:13812345678',
  phoneIndex: 'idx:13812345678',
  locale: 'zh-CN',
  status: 'active',
  failedLogins: 0,
  lockedUntil: null,
  lastLoginAt: null,
  createdAt: new Date('2026-03-01T00:00:00Z'),
};

describe('userView', () => {
  it('masks the phone number and leaves every secret behind', () => {
    const v = userView(user, vault);
    expect(v).toEqual({ id: 'u1', username: 'li', displayName: '李四', phone: '138****5678', status: 'active', createdAt: user.createdAt });
    expect(JSON.stringify(v)).not.toMatch(/argon2id|sealed|idx:|13812345678/);
  });

  it('has no phone when none is on file', () => {
    expect(maskedPhone({ phoneEnc: null }, vault)).toBeNull();
  });
});
