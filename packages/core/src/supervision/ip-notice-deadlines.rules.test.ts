import { describe, expect, it } from 'vitest';
import { daysLeft, holderActionDeadline, holderActionLapsed, noticeNumber } from './ip-notice-deadlines.rules.ts';

// forwarded on 2026-12-01 at 10:00 China time: day 1 is 12-02, day 15 is 12-16, which ends at 24:00 China time
const forwarded = new Date('2026-12-01T02:00:00Z');
const deadline = new Date('2026-12-16T16:00:00Z');

describe('the 15 days of Art. 43', () => {
  it('ends at 24:00 China time of the 15th day after the day of forwarding', () => {
    expect(holderActionDeadline(forwarded)).toEqual(deadline);
    // forwarded a minute before midnight China time: the day of forwarding still does not count
    expect(holderActionDeadline(new Date('2026-12-01T15:59:00Z'))).toEqual(deadline);
    // a minute after midnight it is the next day's forwarding
    expect(holderActionDeadline(new Date('2026-12-01T16:01:00Z'))).toEqual(new Date('2026-12-17T16:00:00Z'));
  });

  it('has not lapsed at the deadline and has just past it', () => {
    expect(holderActionLapsed(forwarded, new Date(deadline.getTime() - 1))).toBe(false);
    expect(holderActionLapsed(forwarded, deadline)).toBe(false);
    expect(holderActionLapsed(forwarded, new Date(deadline.getTime() + 1))).toBe(true);
    expect(holderActionLapsed(forwarded, new Date('2026-12-16T10:00:00Z'))).toBe(false);
  });

  it('counts the days left in whole China days', () => {
    expect(daysLeft(deadline, forwarded)).toBe(15);
    expect(daysLeft(deadline, new Date('2026-12-16T15:59:59Z'))).toBe(0);
    expect(daysLeft(deadline, new Date('2026-12-15T16:00:00Z'))).toBe(0);
    expect(daysLeft(deadline, new Date('2026-12-15T15:59:59Z'))).toBe(1);
    expect(daysLeft(deadline, new Date('2026-12-16T16:00:01Z'))).toBe(-1);
  });

  it('numbers notices by their China day', () => {
    expect(noticeNumber('0190a1b2-0000-7000-8000-00000000abcd', new Date('2026-12-01T17:00:00Z'))).toBe('IPN-20261202-00ABCD');
  });
});

describe('a 15th day on a weekend or public holiday (民法典 Art. 203)', () => {
  // forwarded at 10:00 China time on the given day; the deadline is 24:00 China time (16:00 UTC the day before)
  const fwd = (day: string) => new Date(`${day}T10:00:00+08:00`);
  const ends = (day: string) => new Date(`${day}T23:59:59.999+08:00`).getTime() + 1;

  it('a working 15th day is not moved', () => {
    expect(holderActionDeadline(fwd('2026-12-07')).getTime()).toBe(ends('2026-12-22'));
  });

  it('a Saturday moves to the Monday', () => {
    // 12-04 (Fri) + 15 = 12-19 (Sat)
    expect(holderActionDeadline(fwd('2026-12-04')).getTime()).toBe(ends('2026-12-21'));
  });

  it('National Day 2026: 10-02 moves past the whole holiday to Thursday 10-08', () => {
    expect(holderActionDeadline(fwd('2026-09-17')).getTime()).toBe(ends('2026-10-08'));
  });

  it('a 调休 working Saturday (2026-10-10) is the last day itself', () => {
    expect(holderActionDeadline(fwd('2026-09-25')).getTime()).toBe(ends('2026-10-10'));
  });

  it('Spring Festival 2027: 初一 (Sat 02-06) moves past 初三 to Tuesday 02-09', () => {
    expect(holderActionDeadline(fwd('2027-01-22')).getTime()).toBe(ends('2027-02-09'));
  });

  it('Mid-Autumn 2027 (Wed 09-15) moves to Thursday 09-16; 元旦 2027 (Fri) to Monday 01-04', () => {
    expect(holderActionDeadline(fwd('2027-08-31')).getTime()).toBe(ends('2027-09-16'));
    expect(holderActionDeadline(fwd('2026-12-17')).getTime()).toBe(ends('2027-01-04'));
  });

  it('lapses only after the extended day; a deployment’s own calendar is honoured', () => {
    const f = fwd('2026-09-17');
    expect(holderActionLapsed(f, new Date('2026-10-08T15:59:59Z'))).toBe(false);
    expect(holderActionLapsed(f, new Date('2026-10-08T16:00:01Z'))).toBe(true);
    const plain = { holidays: new Set<string>(), workdays: new Set<string>() };
    expect(holderActionDeadline(f, 15, plain).getTime()).toBe(ends('2026-10-02'));
  });
});
