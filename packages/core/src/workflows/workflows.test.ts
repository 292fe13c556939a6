import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateDefinition, WORKFLOWS } from './workflow.definitions.ts';
import { type ActingAs, availableActions, jointOutcome, reachableSteps } from './workflow.engine.ts';
import type { ApplicationRecord, JointVoteRecord } from './workflows.types.ts';
import { addCalendarDays, addWorkingDays, isWorkingDay } from './working-days.ts';

const app = (over: Partial<ApplicationRecord> = {}): ApplicationRecord => ({
  id: 'a1',
  kind: 'base_certification',
  subjectType: 'organization',
  subjectId: 'org-base',
  applicantUserId: 'u-applicant',
  applicantOrgId: 'org-base',
  step: 'material_review',
  status: 'in_progress',
  round: 1,
  data: {},
  stepEnteredAt: new Date(),
  dueAt: null,
  version: 1,
  createdAt: new Date(),
  updatedAt: new Date(),
  ...over,
});
const who = (over: Partial<ActingAs>): ActingAs => ({ userId: 'u-x', role: 'consumer', orgId: null, department: null, ...over });
const vote = (department: string, decision: 'approve' | 'reject'): JointVoteRecord => ({
  applicationId: 'a1',
  round: 1,
  department,
  decision,
  actorUserId: 'u',
  at: new Date(),
  reason: null,
});

describe('workflow definitions', () => {
  it.each(Object.keys(WORKFLOWS))('%s is consistent and every step is reachable', (kind) => {
    const def = WORKFLOWS[kind];
    if (!def) throw new Error(kind);
    expect(validateDefinition(def)).toEqual([]);
    expect([...reachableSteps(def)].sort()).toEqual(Object.keys(def.steps).sort());
  });

  it('base certification follows 申报 → 材料审查 → 信用征询 → 多部门联审 → 公示 → 认定', () => {
    const d = WORKFLOWS.base_certification;
    expect(d?.initial).toBe('material_review');
    const s = d?.steps ?? {};
    expect(s.material_review?.type === 'task' && s.material_review.actions.approve?.to).toBe('credit_inquiry');
    expect(s.credit_inquiry?.type === 'automatic' && s.credit_inquiry.next).toBe('joint_review');
    expect(s.joint_review?.type === 'joint_review' && s.joint_review.onApproved).toBe('public_notice');
    expect(s.public_notice?.type === 'notice' && s.public_notice.onElapsed).toBe('certified');
  });
});

describe('who may act', () => {
  const def = WORKFLOWS.base_certification;
  if (!def) throw new Error('missing');
  it('lets only the named department act on a task, and the applicant withdraw', () => {
    const actions = (w: ActingAs) => availableActions(def, app(), w, [], []).map((a) => a.action);
    expect(actions(who({ role: 'regulator', department: 'swc' }))).toEqual(['approve', 'return', 'reject']);
    expect(actions(who({ role: 'regulator', department: 'scjgj' }))).toEqual([]);
    expect(actions(who({ role: 'platform_admin' }))).toEqual([]);
    expect(actions(who({ userId: 'u-applicant', role: 'base_operator', orgId: 'org-base' }))).toEqual(['withdraw']);
  });

  it('gives each joint-review department one vote', () => {
    const a = app({ step: 'joint_review' });
    const swc = who({ role: 'regulator', department: 'swc' });
    expect(availableActions(def, a, swc, [], []).map((x) => x.action)).toEqual(['approve', 'reject']);
    expect(availableActions(def, a, swc, [vote('swc', 'approve')], [])).toEqual([]);
    expect(availableActions(def, a, who({ role: 'regulator', department: 'hg' }), [], [])).toEqual([]);
  });

  it('offers objection rulings only while an objection is open', () => {
    const a = app({ step: 'public_notice' });
    const swc = who({ role: 'regulator', department: 'swc' });
    expect(availableActions(def, a, swc, [], [])).toEqual([]);
    const open = [
      {
        id: 'o',
        applicationId: 'a1',
        filedBy: 'u',
        text: 't',
        status: 'open' as const,
        resolvedBy: null,
        resolvedAt: null,
        resolution: null,
        createdAt: new Date(),
      },
    ];
    expect(availableActions(def, a, swc, [], open).map((x) => x.action)).toEqual(['uphold_objection', 'dismiss_objection']);
  });

  it('needs every department to approve, and any rejection ends the round', () => {
    const deps = ['swc', 'scjgj', 'zscqj'];
    expect(jointOutcome(deps, [vote('swc', 'approve'), vote('scjgj', 'approve')])).toBe('open');
    expect(jointOutcome(deps, [vote('swc', 'approve'), vote('scjgj', 'approve'), vote('zscqj', 'approve')])).toBe('approved');
    expect(jointOutcome(deps, [vote('swc', 'reject')])).toBe('rejected');
    fc.assert(
      fc.property(fc.subarray(deps), fc.boolean(), (approving, oneRejects) => {
        const votes = [...approving.map((d) => vote(d, 'approve')), ...(oneRejects ? [vote('hg', 'reject')] : [])];
        const r = jointOutcome(deps, votes);
        if (oneRejects) expect(r).toBe('rejected');
        else expect(r).toBe(approving.length === deps.length ? 'approved' : 'open');
      }),
    );
  });
});

describe('working days (China Standard Time)', () => {
  it('skips weekends and public holidays, counts make-up working days', () => {
    // Friday 2026-03-06 + 1 working day → Monday 2026-03-09, end of day CST
    expect(addWorkingDays(new Date('2026-03-06T04:00:00Z'), 1).toISOString()).toBe('2026-03-09T15:59:59.999Z');
    // National Day week: 2026-09-30 (Wed) + 1 → 2026-10-08 (Thu)
    expect(addWorkingDays(new Date('2026-09-30T04:00:00Z'), 1).toISOString()).toBe('2026-10-08T15:59:59.999Z');
    // Saturday 2026-10-10 is a make-up working day
    expect(isWorkingDay(new Date('2026-10-10T04:00:00Z'))).toBe(true);
    expect(isWorkingDay(new Date('2026-10-03T04:00:00Z'))).toBe(false);
    // late evening UTC is already the next day in China
    expect(isWorkingDay(new Date('2026-03-07T17:00:00Z'))).toBe(false); // Sunday 01:00 CST
  });

  it('always lands on a working day at least n calendar days later', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2026-01-01'), max: new Date('2026-12-01'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 30 }),
        (from, n) => {
          const due = addWorkingDays(from, n);
          expect(isWorkingDay(due)).toBe(true);
          expect(due.getTime() - from.getTime()).toBeGreaterThanOrEqual((n - 1) * 86_400_000);
        },
      ),
    );
  });

  it('counts notice periods in calendar days', () => {
    expect(addCalendarDays(new Date('2026-03-02T02:00:00Z'), 5).toISOString()).toBe('2026-03-07T15:59:59.999Z');
  });
});
