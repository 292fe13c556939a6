/** Enforcement modes' records → contract shapes (pure): cohorts, members, training tasks with their titles, clues. */
import type { CreditClueRecord, CreditCohortRecord, CreditTrainingTaskRecord, CohortMemberView } from '@livehub/core';
import { CATEGORY_ZH } from '@livehub/core';
import type { CreditCohortView, CreditTrainingTaskView } from '@livehub/contracts';

export function presentCohort(c: CreditCohortRecord): CreditCohortView {
  return {
    id: c.id,
    name: c.name,
    description: c.description,
    relax: c.relax,
    extraSampling: c.extraSampling,
    startsAt: c.startsAt.toISOString(),
    endsAt: c.endsAt.toISOString(),
    createdAt: c.createdAt.toISOString(),
  };
}

export function presentMember(m: CohortMemberView) {
  return {
    partyId: m.partyId,
    partyKind: m.partyKind,
    partyName: m.partyName,
    addedAt: m.addedAt.toISOString(),
    removedAt: m.removedAt?.toISOString() ?? null,
  };
}

export function presentTrainingTask(t: CreditTrainingTaskRecord): CreditTrainingTaskView {
  const label = CATEGORY_ZH[t.category] ?? t.category;
  return {
    id: t.id,
    eventId: t.eventId,
    category: t.category,
    severity: t.severity,
    hours: t.hours,
    status: t.status,
    title: {
      zh: `首违不罚：完成「${label}」合规培训（${t.hours} 学时）`,
      en: `First offence waived: complete the ${t.category.replaceAll('_', ' ')} compliance training (${t.hours} h)`,
    },
    createdAt: t.createdAt.toISOString(),
    dueAt: t.dueAt.toISOString(),
    completedAt: t.completedAt?.toISOString() ?? null,
  };
}

export function presentClue(c: CreditClueRecord & { partyName: string }) {
  return {
    id: c.id,
    partyId: c.partyId,
    partyKind: c.partyKind,
    partyName: c.partyName,
    trigger: c.trigger,
    detail: c.detail,
    raisedAt: c.raisedAt.toISOString(),
  };
}
