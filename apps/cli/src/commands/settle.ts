/**
 * `livehub settle`: runs the settlement job now — the completion split of completed orders not yet settled, the
 * T+N releases due (pending → available, debts first), then the jobs registered with it (reconciliation). Prints
 * the result as one JSON line; exits 1 when an order could not be settled or released (it stays for the next run).
 */
import { withContainer } from '../runtime.ts';

export async function settle(): Promise<void> {
  await withContainer(async (c) => {
    const r = await c.settle.run();
    process.stdout.write(`${JSON.stringify(r)}\n`);
    if (r.failed > 0) {
      process.stderr.write(`livehub: ${r.failed} orders could not be settled or released; they are retried on the next run\n`);
      process.exitCode = 1;
    }
  });
}
