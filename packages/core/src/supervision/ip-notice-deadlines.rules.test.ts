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
