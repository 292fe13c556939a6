/**
 * `livehub ledger verify` as a user runs it: a child process on its own data directory. An empty ledger and a
 * balanced one verify (exit 0); a balance changed behind the ledger's back and an entry that no longer sums to
 * zero are listed, with exit 1.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { livehub } from './helpers/livehub-cli.ts';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const E = '00000000-0000-4000-8000-0000000000e1';

describe('livehub ledger verify', () => {
  it('passes on an empty and on a balanced ledger, and exits 1 listing a drifted balance and an unbalanced entry', async () => {
    const env = { LIVEHUB_DATA_DIR: mkdtempSync(join(tmpdir(), 'livehub-ledger-')) };
    const empty = livehub(['ledger', 'verify'], env);
    expect(empty.code, empty.err).toBe(0);
    expect(JSON.parse(empty.out)).toMatchObject({ ok: true, entries: 0, accounts: 0 });

    const pgdata = join(env.LIVEHUB_DATA_DIR, 'pgdata');
    let db = new PGlite(pgdata);
    await db.exec(`
      insert into ledger_accounts (id, party_id, kind, floor, status, balance, version, created_at)
        values ('${A}', '00000000-0000-0000-0000-000000000000', 'provider_clearing', null, 'open', -250, 2, now()),
               ('${B}', '${A}', 'merchant_available', 0, 'open', 250, 2, now());
      insert into ledger_entries (id, business_key, kind, posted_at) values ('${E}', 'order:demo:paid', 'order.paid', now());
      insert into ledger_postings (entry_id, seq, account_id, amount, balance_after, posted_at)
        values ('${E}', 0, '${A}', -250, -250, now()), ('${E}', 1, '${B}', 250, 250, now());`);
    await db.close();
    const balanced = livehub(['ledger', 'verify'], env);
    expect(balanced.code, balanced.err).toBe(0);
    expect(JSON.parse(balanced.out)).toMatchObject({ ok: true, entries: 1, postings: 2, accounts: 2, balanceTotal: 0 });

    db = new PGlite(pgdata);
    await db.exec(`update ledger_accounts set balance = 300 where id = '${B}';
      update ledger_postings set amount = 260 where entry_id = '${E}' and seq = 1;`);
    await db.close();
    const broken = livehub(['ledger', 'verify'], env);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.out)).toMatchObject({
      ok: false,
      balanceTotal: 50,
      unbalancedEntries: [{ entryId: E, sum: 10, postings: 2 }],
      driftedAccounts: [{ accountId: B, balance: 300, postingsSum: 260 }],
    });
    expect(broken.err).toMatch(/the ledger does not verify: 1 unbalanced entries, 1 balances drifted/);
  });
});
