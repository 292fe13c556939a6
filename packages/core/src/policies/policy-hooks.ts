/**
 * The policies context's step effects in the approval engine: whichever way a policy application moves (the
 * policies routes, or the generic 审批 screen), the policies record follows in the engine's transaction — in review,
 * returned, granted (with the amount decided, or the policy's fixed amount), rejected, withdrawn — and the applicant
 * is told of a decision through the outbox (`policies.application_decided`, fed to the inbox).
 */
import type { IdGenerator } from '../ports/runtime.ts';
import type { WorkflowHooks } from '../workflows/workflows.types.ts';
import type { PolicyApplicationStatus } from './policies.types.ts';

export const POLICY_DECIDED_TOPIC = 'policies.application_decided';

const STATUS: Record<string, PolicyApplicationStatus> = {
  review: 'in_review',
  returned: 'returned',
  granted: 'granted',
  rejected: 'rejected',
  withdrawn: 'withdrawn',
};

export function policyHooks(ids: IdGenerator): Record<string, WorkflowHooks> {
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
