/** The day as people in China read it: an instant in UTC+8 (no daylight saving), as YYYY-MM-DD. */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
