/**
 * `livehub ledger verify`: checks the settlement ledger through its service — every entry sums to zero with two
 * postings or more, every balance equals the sum of its postings, no account is below its floor. Prints the
 * result as one JSON line (what is off, listed) and exits 1 when anything is.
 */
import { withContainer } from '../runtime.ts';

export async function ledgerVerify(): Promise<void> {
  await withContainer(async (c) => {
    const r = await c.ledger.verify();
    process.stdout.write(`${JSON.stringify(r)}\n`);
    if (!r.ok) {
      process.stderr.write(
        `livehub: the ledger does not verify: ${r.unbalancedEntries.length} unbalanced entries, ${r.driftedAccounts.length} balances drifted from their postings, ${r.belowFloor.length} below their floor, ${r.orphanPostings} postings without their entry or account, balances sum to ${r.balanceTotal} fen\n`,
      );
      process.exitCode = 1;
    }
  });
}
