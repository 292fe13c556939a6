/**
 * `livehub clues scan --orders FILE.jsonl`: the fake-order (刷单) detector on a file, so it can be evaluated on data
 * it has never seen. Needs no database: it is the pure detector of the supervision context.
 *
 * In: one order a line, `{"id","buyer","merchant","product","session","amountFen","paidAt","refundedAt","device",
 * "ip","address","payAccount"}` (`device`, `ip`, `address`, `payAccount` opaque hashes, may be null; times ISO 8601;
 * `refundedAt` null when not refunded). Out, on stdout: one line per flagged order, in input order,
 * `{"id","rule","cluster","score"}`; with `--clusters`, then one line per cluster with its signals. A line that
 * does not parse is reported on stderr by line number and field; the rest is still scanned.
 */
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { detectFakeOrders, FAKE_ORDER_DEFAULTS, parseScanOrder, type ScanOrder } from '@livehub/core';

export interface ScanOptions {
  orders: string;
  threshold?: number;
  burstMinutes?: number;
  minBuyers?: number;
  clusters?: boolean;
}

export async function cluesScan(opts: ScanOptions): Promise<void> {
  if (!existsSync(opts.orders)) throw new Error(`--orders ${opts.orders}: no such file`);
  const rl = createInterface({ input: createReadStream(opts.orders, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
  const orders: ScanOrder[] = [];
  const seen = new Set<string>();
  let lineNo = 0;
  let malformed = 0;
  const report = (msg: string) => {
    malformed++;
    process.stderr.write(`line ${lineNo}: ${msg}\n`);
  };
  for await (const line of rl) {
    lineNo++;
    if (line.trim() === '') continue;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch (e) {
      report(`not JSON: ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    const r = parseScanOrder(v);
    if (!r.ok) {
      report(r.error);
      continue;
    }
    if (seen.has(r.order.id)) {
      report(`id: ${r.order.id} appeared on an earlier line`);
      continue;
    }
    seen.add(r.order.id);
    orders.push(r.order);
  }
  const { flags, clusters } = detectFakeOrders(orders, {
    ...(opts.threshold !== undefined ? { threshold: opts.threshold } : {}),
    ...(opts.burstMinutes !== undefined ? { burstMinutes: opts.burstMinutes } : {}),
    ...(opts.minBuyers !== undefined ? { minBuyers: opts.minBuyers } : {}),
  });
  let buffer = '';
  const flush = async () => {
    if (buffer === '') return;
    const chunk = buffer;
    buffer = '';
    if (!process.stdout.write(chunk)) await new Promise<void>((r) => process.stdout.once('drain', () => r()));
  };
  for (const f of flags) {
    buffer += `${JSON.stringify(f)}\n`;
    if (buffer.length > 64 * 1024) await flush();
  }
  if (opts.clusters) {
    for (const c of clusters) {
      const { id, orderIds, ...rest } = c;
      buffer += `${JSON.stringify({ cluster: id, ...rest, orderIds })}\n`;
      if (buffer.length > 64 * 1024) await flush();
    }
  }
  await flush();
  process.stderr.write(
    `${orders.length} orders scanned${malformed > 0 ? `, ${malformed} malformed line(s) skipped` : ''}; ${flags.length} flagged in ${clusters.length} cluster(s) (threshold ${opts.threshold ?? FAKE_ORDER_DEFAULTS.threshold})\n`,
  );
}
