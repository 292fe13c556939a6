/** A recording's name outside the platform, and the later of two retention dates. */
import { describe, expect, it } from 'vitest';
import { LIVE_RETENTION_MS, later, recordingFileName } from './live.rules.ts';

describe('recordingFileName', () => {
  it('is the last part of a path or URL, without query or fragment', () => {
    expect(recordingFileName('/var/lib/livehub/recordings/abc/2026-03-05.flv')).toBe('2026-03-05.flv');
    expect(recordingFileName('C:\\rec\\abc\\part1.flv')).toBe('part1.flv');
    expect(recordingFileName('https://cdn.example/rec/abc.mp4?sig=1#t')).toBe('abc.mp4');
    expect(recordingFileName('dir/')).toBe('dir');
    expect(recordingFileName(null)).toBeNull();
  });
});

describe('later', () => {
  it('keeps the later date and ignores a missing one', () => {
    const a = new Date('2026-01-01T00:00:00Z');
    const b = new Date('2027-01-01T00:00:00Z');
    expect(later(a, b)).toBe(b);
    expect(later(b, a)).toBe(b);
    expect(later(a, null)).toBe(a);
  });

  it('keeps recordings at least three calendar years', () => {
    expect(LIVE_RETENTION_MS).toBeGreaterThanOrEqual(3 * 366 * 86_400_000);
  });
});
