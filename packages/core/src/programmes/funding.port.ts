/**
 * 项目资金绩效评价's ports (ADR 0036; docs/programmes.md § 项目资金绩效评价): what the funding needs of the other contexts — the department a
 * regulator acts for, the organizations' kinds and evaluators, LiveHub's own figures of a base — implemented by the
 * server's adapters over those contexts, so the funding never touches another context's tables.
 */
import type { Actor } from '../shared/actor.ts';
import type { FundingFigures } from './funding.types.ts';

/** The department a regulator acts for. */
export interface FundingDepartments {
  departmentOf(actor: Actor): Promise<string | null>;
}

/** What the funding needs to know of organizations: their kind, and whether one has an evaluator among its members. */
export interface FundingParties {
  orgKind(orgId: string): Promise<string | null>;
  hasEvaluator(orgId: string): Promise<boolean>;
  /** the live bases a project may be set up for, and the service providers with an evaluator (the create form) */
  options(): Promise<{ bases: Array<{ id: string; name: string }>; evaluators: Array<{ id: string; name: string }> }>;
}

/** LiveHub's own figures of a base for a calendar year (null where LiveHub holds none). */
export interface FundingFiguresReader {
  figures(baseOrgId: string, year: number): Promise<FundingFigures>;
}
