/**
 * Rule editing (规则豁免): a rule editor adds an exemption to a rule — often from a dismissed review item — and the
 * screening engine is recompiled with it.
 */
import { type RulePack, ScreeningEngine } from '@livehub/compliance';
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import type { RuleExemptionRecord } from './compliance.types.ts';
import type { ScreeningService } from './screening.service.ts';

export interface ExemptionDeps {
  uow: ScopedUnitOfWork<'compliance' | 'audit'>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  pack: RulePack;
  screening: ScreeningService;
}

export class ExemptionService {
  constructor(private readonly d: ExemptionDeps) {}

  /** Recompiles the screening engine from the shipped pack plus the stored exemptions. */
  async reload(): Promise<void> {
    this.d.screening.recompile(await this.d.uow.read.compliance.listExemptions());
  }

  /** Adds an exemption to a rule (e.g. from a dismissed review item) and recompiles the engine. */
  async addExemption(actor: Actor, input: { ruleId: string; text: string; reviewItemId?: string | undefined }): Promise<void> {
    const rule = this.d.pack.rules.find((r) => r.id === input.ruleId);
    if (!rule) throw new AppError('compliance.rule_not_found', { field: 'ruleId' });
    // An exemption works by containing a hit: one that contains no term of the rule would never apply.
    const probe = ScreeningEngine.compile({
      ...this.d.pack,
      rules: [{ ...rule, exemptions: [], requiresContext: undefined, appliesTo: {} }],
    });
    if (!probe.screen({ text: input.text }).hits.some((h) => h.rule === rule.id)) {
      throw new AppError('compliance.exemption_not_in_rule', { field: 'text', details: { rule: rule.id } });
    }
    await this.d.uow.transaction(async (tx) => {
      await tx.compliance.insertExemption({
        id: this.d.ids.next(),
        ruleId: rule.id,
        text: input.text,
        reviewItemId: input.reviewItemId ?? null,
        createdBy: actor.userId ?? 'system',
        createdAt: this.d.clock.now(),
      });
      await this.d.audit.record(tx, actor, {
        action: 'rule.exemption_add',
        targetType: 'rule',
        targetId: rule.id,
        detail: { text: input.text, reviewItemId: input.reviewItemId ?? null },
      });
    });
    await this.reload();
  }

  listExemptions(): Promise<RuleExemptionRecord[]> {
    return this.d.uow.read.compliance.listExemptions();
  }
}
