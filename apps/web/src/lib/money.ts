/**
 * Money and rates as the selection center shows and reads them: prices are integer fen (分) on the wire and ¥ with
 * two decimals on screen; commission is basis points on the wire (1 % = 100 bp) and a percentage on screen.
 */

/** 8900 → "¥89.00"; −4425 → "-¥44.25" (the sign before the currency, as statements write it) */
export function formatFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  const yuan = Math.abs(fen) / 100;
  return `${fen < 0 ? '-' : ''}¥${yuan.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** A price range of a card: "¥89.00" or "¥89.00–¥129.00". */
export function formatFenRange(min: number, max: number): string {
  return min === max ? formatFen(min) : `${formatFen(min)}–${formatFen(max)}`;
}

/** 2000 → "20%", 1550 → "15.5%", 1234 → "12.34%" */
export function formatBp(bp: number): string {
  const pct = bp / 100;
  return `${Number.isInteger(pct) ? pct.toString() : pct.toFixed(2).replace(/0$/, '')}%`;
}

/** A yuan amount typed into an input (two decimals at most) → integer fen. */
export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

export function fenToYuan(fen: number): number {
  return fen / 100;
}

/** A percentage typed into an input → whole basis points. */
export function pctToBp(pct: number): number {
  return Math.round(pct * 100);
}

export function bpToPct(bp: number): number {
  return bp / 100;
}

/** A SHA-256 hex digest, shortened for display: first 8 … last 4. */
export function shortHash(hash: string): string {
  return hash.length > 16 ? `${hash.slice(0, 8)}…${hash.slice(-4)}` : hash;
}
