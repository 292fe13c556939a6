/**
 * `livehub settle` as a user runs it: a child process on its own data directory. An empty platform settles
 * nothing and reconciles the China day before (an empty bill, nothing to look at); an order settled at completion
 * whose T+N date has passed is released — the merchant's pending share moves to available, the platform's fee stays —
 * once, the day already reconciled is left alone, and the ledger still verifies.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { livehub } from './helpers/livehub-cli.ts';

const PLATFORM = '00000000-0000-0000-0000-000000000000';
const ORG = '00000000-0000-4000-8000-0000000000a1';
const ORDER = '00000000-0000-4000-8000-0000000000c1';
const [CLEARING, PENDING, FEE] = [
  '00000000-0000-4000-8000-0000000000b1',
  '00000000-0000-4000-8000-0000000000b2',
  '00000000-0000-4000-8000-0000000000b3',
];
const E = '00000000-0000-4000-8000-0000000000e1';

describe('livehub settle', () => {
  it('settles nothing on an empty platform, then releases a settled order due for release once, the ledger verifying', async () => {
    const env = { LIVEHUB_DATA_DIR: mkdtempSync(join(tmpdir(), 'livehub-settle-')) };
    // the China day before now (UTC+8, no daylight saving): the day the reconciliation job takes
    const day = new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
    const empty = livehub(['settle'], env);
    expect(empty.code, empty.err).toBe(0);
    expect(JSON.parse(empty.out)).toEqual({
      settled: 0,
      released: 0,
      slotFeesReleased: 0,
      failed: 0,
      jobs: { reconciliation: { day, billRows: 0, matched: 0, differences: 0, open: 0 } },
    });

    const db = new PGlite(join(env.LIVEHUB_DATA_DIR, 'pgdata'));
    const shares = JSON.stringify([
      { role: 'merchant', partyId: ORG, kind: 'merchant_pending', amountFen: 950, reversedFen: 0 },
      { role: 'platform', partyId: PLATFORM, kind: 'platform_fee_revenue', amountFen: 50, reversedFen: 0 },
    ]);
    await db.exec(`
      insert into ledger_accounts (id, party_id, kind, floor, status, balance, version, created_at)
        values ('${CLEARING}', '${PLATFORM}', 'provider_clearing', null, 'open', -1000, 2, now()),
               ('${PENDING}', '${ORG}', 'merchant_pending', 0, 'open', 950, 2, now()),
               ('${FEE}', '${PLATFORM}', 'platform_fee_revenue', 0, 'open', 50, 2, now());
      insert into ledger_entries (id, business_key, kind, posted_at) values ('${E}', 'order:${ORDER}:settled', 'order.settled', now());
      insert into ledger_postings (entry_id, seq, account_id, amount, balance_after, posted_at)
        values ('${E}', 0, '${CLEARING}', -1000, -1000, now()), ('${E}', 1, '${PENDING}', 950, 950, now()), ('${E}', 2, '${FEE}', 50, 50, now());
      insert into order_settlements (order_id, merchant_org_id, settled_fen, shares, completed_at, release_due_at, settled_at, version)
        values ('${ORDER}', '${ORG}', 1000, '${shares}', now() - interval '2 days', now() - interval '1 day', now() - interval '2 days', 1);`);
    await db.close();

    const first = livehub(['settle'], env);
    expect(first.code, first.err).toBe(0);
    expect(JSON.parse(first.out)).toMatchObject({ settled: 0, released: 1, failed: 0, jobs: { reconciliation: { day, skipped: true } } });
    const again = livehub(['settle'], env);
    expect(JSON.parse(again.out)).toMatchObject({ released: 0, failed: 0 });
    const verify = livehub(['ledger', 'verify'], env);
    expect(verify.code, verify.err).toBe(0);

    const after = new PGlite(join(env.LIVEHUB_DATA_DIR, 'pgdata'));
    const rows = (
      await after.query<{ kind: string; balance: string }>(
        `select kind, balance::text from ledger_accounts where party_id = '${ORG}' order by kind`,
      )
    ).rows;
    await after.close();
    expect(rows).toEqual([
      { kind: 'debt', balance: '0' },
      { kind: 'merchant_available', balance: '950' },
      { kind: 'merchant_pending', balance: '0' },
    ]);
  });
});
