import { describe, expect, it } from 'vitest';
import { chinaDate, chinaTime, csvDocument, labelOf, STREAMER_STATUS_ZH } from './csv.ts';

describe('CSV exports for Excel', () => {
  it('writes times in China time, not UTC ISO', () => {
    expect(chinaTime(new Date('2026-12-03T07:40:00.000Z'))).toBe('2026-12-03 15:40:00');
    expect(chinaTime('2026-12-31T16:30:05.000Z')).toBe('2027-01-01 00:30:05');
    expect(chinaDate('2026-12-31T16:30:05.000Z')).toBe('2027-01-01');
    expect(chinaTime(null)).toBe('');
    expect(chinaTime('not a time')).toBe('');
  });

  it('starts with a BOM, quotes every field, ends lines with CRLF and defuses formulas', () => {
    const doc = csvDocument([
      ['名称', '状态'],
      ['=HYPERLINK("x")', 'a"b'],
    ]);
    expect(doc.startsWith('\ufeff"名称","状态"\r\n')).toBe(true);
    expect(doc).toContain(`"'=HYPERLINK(""x"")","a""b"\r\n`);
  });

  it('keeps a negative amount a number, and still defuses a formula that starts with a minus', () => {
    const doc = csvDocument([['-1935.01', '-3', '-2+3+cmd|x', '-', '-1.2.3']]);
    expect(doc).toContain(`"-1935.01","-3","'-2+3+cmd|x","'-","'-1.2.3"\r\n`);
  });

  it('labels codes in Chinese', () => {
    expect(labelOf(STREAMER_STATUS_ZH, 'certified')).toBe('已认证');
    expect(labelOf(STREAMER_STATUS_ZH, 'unknown_code')).toBe('unknown_code');
  });
});
