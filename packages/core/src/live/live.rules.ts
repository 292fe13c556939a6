/** Pure rules of live sessions and their recordings: retention, identifiers, file names. */

/** How long a session's records and recordings are kept at least: 3 × 366 days, never less than 3 calendar years. */
export const LIVE_RETENTION_MS = 3 * 366 * 86_400_000;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const SHA256 = /^[0-9a-f]{64}$/;
/** the later of two instants (b may be missing) */
export const later = (a: Date, b: Date | null): Date => (b && b.getTime() > a.getTime() ? b : a);
/** the last part of a path or URL: what a recording is called outside the platform */
export const recordingFileName = (filePath: string | null): string | null =>
  filePath === null
    ? null
    : (filePath
        .replace(/[?#].*$/, '')
        .split(/[\\/]/)
        .filter(Boolean)
        .pop() ?? null);
