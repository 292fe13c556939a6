/** What of a user may leave the identity context: no password hash, no sealed phone, the phone number masked. */
import type { PiiVault } from '../ports/runtime.ts';
import { maskPhone } from '../shared/masking.ts';
import type { UserRecord, UserView } from './identity.types.ts';

/** The phone number of `u`, unsealed and masked, or null when none is on file. */
export function maskedPhone(u: Pick<UserRecord, 'phoneEnc'>, vault: PiiVault): string | null {
  return u.phoneEnc ? maskPhone(vault.decrypt(u.phoneEnc)) : null;
}

export function userView(u: UserRecord, vault: PiiVault): UserView {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    phone: maskedPhone(u, vault),
    status: u.status,
    createdAt: u.createdAt,
  };
}
