/** `--history 30d`: the days of demo history to seed (1–90, with or without the `d`; 0 for none). */
import { HISTORY_MAX_DAYS } from '@livehub/server/seed';
import { InvalidArgumentError } from 'commander';

export function historyDays(v: string): number {
  const m = /^\s*(\d{1,3})\s*d?\s*$/i.exec(v);
  const n = m ? Number(m[1]) : Number.NaN;
  if (n === 0) return 0;
  if (!Number.isInteger(n) || n < 1 || n > HISTORY_MAX_DAYS)
    throw new InvalidArgumentError(`must be a number of days from 1d to ${HISTORY_MAX_DAYS}d, e.g. 30d (0 for none)`);
  return n;
}
