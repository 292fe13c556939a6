/**
 * The registry's step effects (WorkflowHooks): what entering each step of an application means for its subject —
 * admitted, certified, suspended… — and the identity checks of a streamer's certification. The approval engine
 * runs them in its own transaction; they write only the registry's records.
 */
import type { PiiVault } from '../ports/runtime.ts';
import type { AutomaticResult, WorkflowHooks } from '../workflows/workflows.types.ts';
import { streamerAgeRule, validateIdNumber } from './identifiers.ts';
import { CERTIFICATION_MS } from './registry.rules.ts';

const MERCHANT_STEP_STATUS = { admitted: 'admitted', suspended: 'suspended', revoked: 'revoked', rejected: 'rejected' } as const;

/** What entering each step means for the subject of each kind of application. */
export function registryHooks(vault: Pick<PiiVault, 'decrypt'>): Record<string, WorkflowHooks> {
  return {
    merchant_admission: {
      onEnter: async (tx, app, step, now, detail) => {
        const status = MERCHANT_STEP_STATUS[step as keyof typeof MERCHANT_STEP_STATUS];
        if (status)
          await tx.registry.updateMerchant(app.subjectId, {
            status,
            statusReason: (detail.reason as string | undefined) ?? null,
            updatedAt: now,
          });
      },
    },
    streamer_certification: {
      onEnter: async (tx, app, step, now, detail) => {
        const reason = (detail.reason as string | undefined) ?? null;
        if (step === 'certified')
          await tx.registry.updateStreamer(app.subjectId, {
            status: 'certified',
            statusReason: reason,
            certifiedUntil: new Date(now.getTime() + CERTIFICATION_MS),
            updatedAt: now,
          });
        if (step === 'suspended' || step === 'revoked' || step === 'rejected')
          await tx.registry.updateStreamer(app.subjectId, { status: step, statusReason: reason, updatedAt: now });
        if (step === 'withdrawn')
          await tx.registry.updateStreamer(app.subjectId, { status: 'rejected', statusReason: 'withdrawn', updatedAt: now });
      },
      identityChecks: async (tx, app, now): Promise<AutomaticResult> => {
        const p = await tx.registry.findStreamer(app.subjectId);
        if (!p) return { ok: false, findings: { error: 'no profile' } };
        const id = validateIdNumber(vault.decrypt(p.idNumberEnc), now);
        if (!id.ok) return { ok: false, findings: { idNumber: id.reason } };
        const rule = streamerAgeRule(id.age);
        return {
          ok: rule !== 'refused_under_16',
          findings: { idNumber: 'valid', age: id.age, ageRule: rule, virtual: p.virtual === 'yes' },
        };
      },
    },
    base_certification: {
      onEnter: async (tx, app, step, now, detail) => {
        if (step === 'certified') {
          const downgrade = detail.action === 'downgrade';
          await tx.registry.updateBase(app.subjectId, {
            status: downgrade ? 'downgraded' : 'certified',
            level: downgrade ? 'district' : 'municipal',
            certifiedUntil: new Date(now.getTime() + CERTIFICATION_MS),
            updatedAt: now,
          });
        }
        if (step === 'revoked' || step === 'rejected') await tx.registry.updateBase(app.subjectId, { status: step, updatedAt: now });
      },
    },
  };
}
