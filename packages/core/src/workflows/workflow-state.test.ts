/** Status and deadline of an application standing in a step: pure, from the definition and the clock. */
import { describe, expect, it } from 'vitest';
import { BASE_CERTIFICATION, MERCHANT_ADMISSION, WORKFLOWS } from './workflow.definitions.ts';
import { definitionOf } from './workflow.definitions.ts';
import { dueFor, statusFor } from './workflow.engine.ts';
import { addCalendarDays, addWorkingDays } from './working-days.ts';

const now = new Date('2026-03-02T02:00:00Z'); // a Monday, 10:00 in China

describe('statusFor', () => {
  it('is the outcome of a final step, approved in a granting step, in progress elsewhere', () => {
    expect(statusFor(BASE_CERTIFICATION, 'rejected')).toBe('rejected');
    expect(statusFor(BASE_CERTIFICATION, 'withdrawn')).toBe('withdrawn');
    expect(statusFor(BASE_CERTIFICATION, 'certified')).toBe('approved');
    expect(statusFor(BASE_CERTIFICATION, 'material_review')).toBe('in_progress');
    expect(statusFor(BASE_CERTIFICATION, 'public_notice')).toBe('in_progress');
    // a suspended merchant keeps its admission on record (approved), it is only paused
    expect(statusFor(MERCHANT_ADMISSION, 'admitted')).toBe('approved');
    expect(statusFor(MERCHANT_ADMISSION, 'suspended')).toBe('approved');
  });

  it('is defined for every step of every workflow', () => {
    for (const def of Object.values(WORKFLOWS))
      for (const step of Object.keys(def.steps))
        expect(['in_progress', 'approved', 'rejected', 'withdrawn', 'revoked']).toContain(statusFor(def, step));
  });
});

describe('dueFor', () => {
  it('counts working days for tasks and joint reviews, calendar days for notices, a year in a granting step', () => {
    expect(dueFor(BASE_CERTIFICATION, 'material_review', now)).toEqual(addWorkingDays(now, 10));
    expect(dueFor(BASE_CERTIFICATION, 'joint_review', now)).toEqual(addWorkingDays(now, 10));
    expect(dueFor(BASE_CERTIFICATION, 'public_notice', now)).toEqual(addCalendarDays(now, 5));
    expect(dueFor(BASE_CERTIFICATION, 'certified', now)).toEqual(addCalendarDays(now, 365));
  });

  it('has no deadline in a final step, an automatic step, or while suspended', () => {
    expect(dueFor(BASE_CERTIFICATION, 'rejected', now)).toBeNull();
    expect(dueFor(BASE_CERTIFICATION, 'credit_inquiry', now)).toBeNull();
    expect(dueFor(MERCHANT_ADMISSION, 'suspended', now)).toBeNull();
  });
});

describe('definitionOf', () => {
  it('finds a kind, and names the field when the kind is unknown', () => {
    expect(definitionOf('base_certification')).toBe(BASE_CERTIFICATION);
    expect(() => definitionOf('nope')).toThrow(expect.objectContaining({ code: 'workflow.unknown_kind', field: 'kind' }));
  });
});
