import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { historyDays } from './history-days.ts';

describe('--history', () => {
  it('reads days with or without the d', () => {
    expect(historyDays('30d')).toBe(30);
    expect(historyDays('7')).toBe(7);
    expect(historyDays('1D')).toBe(1);
    expect(historyDays('90d')).toBe(90);
    expect(historyDays('0')).toBe(0);
  });
  it('refuses anything else with a clear message', () => {
    for (const v of ['91d', '-1d', '2w', 'd', '', '1.5d', 'thirty']) {
      expect(() => historyDays(v), v).toThrow(InvalidArgumentError);
      expect(() => historyDays(v), v).toThrow(/1d to 90d/);
    }
  });
});
