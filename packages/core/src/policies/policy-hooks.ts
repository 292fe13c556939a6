/**
 * The policies context's step effects in the approval engine: whichever way a policy application moves (the
 * policies routes, or the generic 审批 screen), the policies record follows in the engine's transaction — in review,
 * returned, granted (with the amount decided, or the policy's fixed amount), rejected, withdrawn — and the applicant
 * is told of a decision through the outbox (`policies.application_decided`, fed to the inbox). A money benefit
 * granted is paid in the same transaction (已拨付): one ledger entry from the issuer's programme fund to the
 * applicant's policy-grants account, keyed by the application (ADR 0040).
 */
import type { IdGenerator } from '../ports/runtime.ts';
import type { LedgerService } from '../settlement/ledger.service.ts';
import type { WorkflowHooks } from '../workflows/workflows.types.ts';
import type { PolicyApplicationStatus } from './policies.types.ts';
import { grantsMoney } from './policy.service.ts';

export const POLICY_DECIDED_TOPIC = 'policies.application_decided';

const STATUS: Record<string, PolicyApplicationStatus> = {
  review: 'in_review',
  returned: 'returned',
  granted: 'granted',
  rejected: 'rejected',
  withdrawn: 'withdrawn',
};

/** The ledger's business key of an application's grant payment: one entry per application, ever. */
export function policyGrantKey(applicationId: string): string {
  return `policy.grant:${applicationId}`;
}

export function policyHooks(ids: IdGenerator, ledger: Pick<LedgerService, 'openAccount' | 'postIn'>): Record<string, WorkflowHooks> {
  const hook: WorkflowHooks = {
    async onEnter(tx, app, step, now, detail) {
      // at submission the policies record is written after the engine's (it names the engine's id): nothing to follow yet
      const rec = await tx.policies.findByWorkflowApplication(app.id);
      const status = STATUS[step];
      if (!rec || !status) return;
      const policy = await tx.policies.findPolicy(rec.policyId);
      const decided = status === 'granted' || status === 'rejected' || status === 'returned';
      const reason = typeof detail.reason === 'string' ? detail.reason : null;
      const amount = typeof detail.grantedFen === 'number' ? detail.grantedFen : null;
      const grantedFen = status === 'granted' ? (amount ?? policy?.benefit.amountFen ?? null) : rec.grantedFen;
      await tx.policies.updateApplication(rec.id, {
        status,
        grantedFen,
        decisionReason: decided ? reason : rec.decisionReason,
        decidedAt: status === 'granted' || status === 'rejected' ? now : rec.decidedAt,
        updatedAt: now,
      });
      // 拨付: the issuer's programme fund −amount, the applicant's policy-grants account +amount (both opened on demand)
      if (status === 'granted' && policy && grantsMoney(policy.benefit) && grantedFen !== null && grantedFen > 0) {
        const fund = await ledger.openAccount(policy.issuerOrgId, 'programme_fund', tx);
        const account = await ledger.openAccount(rec.subjectId, 'policy_grants', tx);
        await ledger.postIn(tx, {
          businessKey: policyGrantKey(rec.id),
          kind: 'policies.grant',
          memo: `政策补贴拨付：${policy.title}`,
          postings: [
            { accountId: fund.id, amount: -grantedFen },
            { accountId: account.id, amount: grantedFen },
          ],
        });
      }
      if (decided)
        await tx.outbox.add({
          id: ids.next(),
          topic: POLICY_DECIDED_TOPIC,
          payload: {
            applicationId: rec.id,
            policyId: rec.policyId,
            title: policy?.title ?? null,
            outcome: status,
            grantedFen,
            reason,
            applicantUserId: rec.applicantUserId,
            applicantOrgId: rec.applicantOrgId,
            talent: rec.subjectType === 'streamer',
          },
          createdAt: now,
          publishedAt: null,
        });
    },
  };
  return { policy_application: hook, talent_policy_application: hook };
}
