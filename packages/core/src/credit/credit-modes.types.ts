/**
 * The enforcement modes of 包容审慎监管 (seed 004) in the domain's words: their settings (首违不罚 per rule category,
 * 观察期 per party kind, the thresholds of 触发式监管), the 监管沙盒 cohorts and their members, the training tasks a
 * waived first offence brings, and the clues a crossed threshold raises.
 */
import type { CreditPartyKind } from './credit.types.ts';

/** The rule categories of screening (RULES.md), as the engine's violations carry them. */
export type CreditRuleCategory =
  | 'absolute_claim'
  | 'medical_claim'
  | 'efficacy_guarantee'
  | 'off_platform_diversion'
  | 'fake_review_incentive'
  | 'prohibited_goods'
  | 'price_fraud'
  | 'false_scarcity';

export const CREDIT_TRIGGERS = ['violations', 'tier_d', 'refund_overdue'] as const;
/** 触发式监管's thresholds: confirmed violations in a window, a drop to tier D, overdue refunds in a window. */
export type CreditTrigger = (typeof CREDIT_TRIGGERS)[number];

export interface CreditTriggerSetting {
  trigger: CreditTrigger;
  /** how many events in the window cross it (1 for `tier_d`) */
  count: number;
  /** the window the events are counted in, and the one clue per party and trigger it allows */
  windowDays: number;
}

export interface CreditModeSettings {
  /** 首违不罚: the highest severity waived per rule category (0: never), and the training it brings */
  firstOffence: {
    byCategory: Partial<Record<CreditRuleCategory, number>>;
    trainingHours: number;
    trainingDueDays: number;
  };
  /** 观察期: days from a party's first credit event during which D's blocking measures become C's marks */
  observation: { days: Partial<Record<CreditPartyKind, number>> };
  /** 触发式监管 */
  triggers: CreditTriggerSetting[];
}

export interface CreditModeSettingsRecord {
  settings: CreditModeSettings;
  updatedAt: Date;
  updatedBy: string | null;
}

export type SandboxRelaxation = 'waive' | 'halve';

/** 监管沙盒: a named cohort with relaxed rule categories, extra sampling and an end date. */
export interface CreditCohortRecord {
  id: string;
  name: string;
  description: string | null;
  relax: Array<{ category: CreditRuleCategory; mode: SandboxRelaxation }>;
  extraSampling: boolean;
  startsAt: Date;
  endsAt: Date;
  createdBy: string | null;
  createdAt: Date;
}

/** A party in a cohort; removal keeps the row (the span it was a member stays relaxed). */
export interface CreditCohortMemberRecord {
  cohortId: string;
  partyId: string;
  partyKind: CreditPartyKind;
  addedAt: Date;
  addedBy: string | null;
  removedAt: Date | null;
}

export type TrainingTaskStatus = 'open' | 'completed';

/** 首违不罚's training task: one per waived violation; completing it records `training.completed`. */
export interface CreditTrainingTaskRecord {
  id: string;
  partyId: string;
  partyKind: CreditPartyKind;
  /** the waived violation */
  eventId: string;
  category: string;
  severity: number;
  hours: number;
  status: TrainingTaskStatus;
  createdAt: Date;
  dueAt: Date;
  completedAt: Date | null;
  /** the `training.completed` event its completion recorded */
  completionEventId: string | null;
}

/** 线索: a crossed threshold of 触发式监管, announced as `credit.clue_raised` for supervision. */
export interface CreditClueRecord {
  id: string;
  partyId: string;
  partyKind: CreditPartyKind;
  trigger: CreditTrigger;
  detail: Record<string, unknown>;
  raisedAt: Date;
}
