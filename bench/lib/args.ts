/** Reading a benchmark's command-line arguments (`--name value`). */

/** The number after `name`, or `dflt` when it is missing or not a number. */
export function numberArg(args: readonly string[], name: string, dflt: number): number {
  const i = args.indexOf(name);
  const v = i >= 0 ? Number(args[i + 1]) : Number.NaN;
  return Number.isFinite(v) ? v : dflt;
}

/** The comma-separated list after `name`, or `dflt` when the argument is missing. */
export function listArg(args: readonly string[], name: string, dflt: string): string[] {
  const i = args.indexOf(name);
  return (i >= 0 ? (args[i + 1] ?? '') : dflt).split(',');
}
