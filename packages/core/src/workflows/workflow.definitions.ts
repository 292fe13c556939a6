/**
 * The approval workflows LiveHub runs, as data. Base certification follows the seeds' path
 * 申报 → 材料审查 → 信用征询 → 多部门联审 → 公示 → 认定 → 年度绩效评价 → 续期 / 降级 / 退出 (seeds 000, 003, 004);
 * merchant admission and streamer certification follow seed 002 measure 14. Step ids are stable: applications
 * store them.
 */
import { AppError } from '../errors.ts';
import type { WorkflowDefinition } from './workflows.types.ts';

const REVIEWERS = ['platform_admin', 'reviewer'] as const;

export const BASE_CERTIFICATION: WorkflowDefinition = {
  kind: 'base_certification',
  title: { zh: '直播基地认定', en: 'Live base certification' },
  subject: 'organization',
  initial: 'material_review',
  withdrawable: true,
  steps: {
    material_review: {
      type: 'task',
      title: { zh: '材料审查', en: 'Material review' },
      actors: { roles: ['regulator'], departments: ['swc'] },
      deadlineWorkingDays: 10,
      requiredDocuments: ['base_materials'],
      actions: {
        approve: { to: 'credit_inquiry', label: { zh: '材料齐全，进入信用征询', en: 'Complete: to credit inquiry' } },
        return: { to: 'returned', label: { zh: '退回补正', en: 'Return for correction' }, requiresReason: true },
        reject: { to: 'rejected', label: { zh: '不予受理', en: 'Reject' }, requiresReason: true },
      },
    },
    returned: {
      type: 'task',
      title: { zh: '退回补正', en: 'Returned for correction' },
      actors: { applicant: true },
      deadlineWorkingDays: 15,
      actions: { resubmit: { to: 'material_review', label: { zh: '重新提交', en: 'Resubmit' } } },
    },
    credit_inquiry: {
      type: 'automatic',
      title: { zh: '信用征询', en: 'Credit inquiry' },
      run: 'credit_inquiry',
      next: 'joint_review',
    },
    joint_review: {
      type: 'joint_review',
      title: { zh: '多部门联审', en: 'Joint departmental review' },
      departments: ['swc', 'scjgj', 'zscqj'],
      deadlineWorkingDays: 10,
      onApproved: 'public_notice',
      onRejected: 'rejected',
    },
    public_notice: {
      type: 'notice',
      title: { zh: '社会公示', en: 'Public notice' },
      days: 5,
      resolvers: { roles: ['regulator'], departments: ['swc'] },
      onElapsed: 'certified',
      onObjectionUpheld: 'returned',
    },
    certified: {
      type: 'task',
      title: { zh: '认定（年度绩效评价）', en: 'Certified (annual evaluation)' },
      actors: { roles: ['regulator'], departments: ['swc'] },
      actions: {
        renew: { to: 'certified', label: { zh: '评价合格，续期', en: 'Evaluation passed: renew' }, requiresReason: true },
        downgrade: { to: 'certified', label: { zh: '评价不达标，降级', en: 'Below target: downgrade' }, requiresReason: true },
        exit: { to: 'revoked', label: { zh: '退出（撤销认定）', en: 'Exit (revoke)' }, requiresReason: true },
      },
    },
    rejected: { type: 'final', title: { zh: '未通过', en: 'Rejected' }, outcome: 'rejected' },
    revoked: { type: 'final', title: { zh: '已退出', en: 'Revoked' }, outcome: 'revoked' },
    withdrawn: { type: 'final', title: { zh: '已撤回', en: 'Withdrawn' }, outcome: 'withdrawn' },
  },
};

export const MERCHANT_ADMISSION: WorkflowDefinition = {
  kind: 'merchant_admission',
  title: { zh: '商家入驻审核', en: 'Merchant admission' },
  subject: 'organization',
  initial: 'review',
  withdrawable: true,
  steps: {
    review: {
      type: 'task',
      title: { zh: '资质审核', en: 'Qualification review' },
      actors: { roles: REVIEWERS },
      deadlineWorkingDays: 3,
      requiredDocuments: ['business_licence'],
      actions: {
        approve: { to: 'admitted', label: { zh: '准予入驻', en: 'Admit' } },
        return: { to: 'returned', label: { zh: '退回补正', en: 'Return for correction' }, requiresReason: true },
        reject: { to: 'rejected', label: { zh: '不予入驻', en: 'Reject' }, requiresReason: true },
      },
    },
    returned: {
      type: 'task',
      title: { zh: '退回补正', en: 'Returned for correction' },
      actors: { applicant: true },
      deadlineWorkingDays: 15,
      actions: { resubmit: { to: 'review', label: { zh: '重新提交', en: 'Resubmit' } } },
    },
    admitted: {
      type: 'task',
      title: { zh: '已入驻', en: 'Admitted' },
      actors: { roles: REVIEWERS },
      actions: {
        suspend: { to: 'suspended', label: { zh: '暂停经营', en: 'Suspend' }, requiresReason: true },
        revoke: { to: 'revoked', label: { zh: '清退', en: 'Revoke' }, requiresReason: true },
      },
    },
    suspended: {
      type: 'task',
      title: { zh: '已暂停', en: 'Suspended' },
      actors: { roles: REVIEWERS },
      actions: {
        reinstate: { to: 'admitted', label: { zh: '恢复经营', en: 'Reinstate' }, requiresReason: true },
        revoke: { to: 'revoked', label: { zh: '清退', en: 'Revoke' }, requiresReason: true },
      },
    },
    rejected: { type: 'final', title: { zh: '未通过', en: 'Rejected' }, outcome: 'rejected' },
    revoked: { type: 'final', title: { zh: '已清退', en: 'Revoked' }, outcome: 'revoked' },
    withdrawn: { type: 'final', title: { zh: '已撤回', en: 'Withdrawn' }, outcome: 'withdrawn' },
  },
};

export const STREAMER_CERTIFICATION: WorkflowDefinition = {
  kind: 'streamer_certification',
  title: { zh: '主播认证', en: 'Streamer certification' },
  subject: 'streamer',
  initial: 'identity_checks',
  withdrawable: true,
  steps: {
    identity_checks: {
      type: 'automatic',
      title: { zh: '实名与年龄核验', en: 'Identity and age checks' },
      run: 'identity_checks',
      next: 'review',
      onFail: 'rejected',
    },
    review: {
      type: 'task',
      title: { zh: '平台审核', en: 'Platform review' },
      actors: { roles: REVIEWERS },
      deadlineWorkingDays: 3,
      requiredDocuments: ['id_card'],
      actions: {
        approve: { to: 'certified', label: { zh: '认证通过', en: 'Certify' } },
        return: { to: 'returned', label: { zh: '退回补正', en: 'Return for correction' }, requiresReason: true },
        reject: { to: 'rejected', label: { zh: '不予认证', en: 'Reject' }, requiresReason: true },
      },
    },
    returned: {
      type: 'task',
      title: { zh: '退回补正', en: 'Returned for correction' },
      actors: { applicant: true },
      deadlineWorkingDays: 15,
      actions: { resubmit: { to: 'identity_checks', label: { zh: '重新提交', en: 'Resubmit' } } },
    },
    certified: {
      type: 'task',
      title: { zh: '已认证', en: 'Certified' },
      actors: { roles: REVIEWERS },
      actions: {
        suspend: { to: 'suspended', label: { zh: '暂停直播资格', en: 'Suspend' }, requiresReason: true },
        revoke: { to: 'revoked', label: { zh: '撤销认证', en: 'Revoke' }, requiresReason: true },
      },
    },
    suspended: {
      type: 'task',
      title: { zh: '已暂停', en: 'Suspended' },
      actors: { roles: REVIEWERS },
      actions: {
        reinstate: { to: 'certified', label: { zh: '恢复资格', en: 'Reinstate' }, requiresReason: true },
        revoke: { to: 'revoked', label: { zh: '撤销认证', en: 'Revoke' }, requiresReason: true },
      },
    },
    rejected: { type: 'final', title: { zh: '未通过', en: 'Rejected' }, outcome: 'rejected' },
    revoked: { type: 'final', title: { zh: '已撤销', en: 'Revoked' }, outcome: 'revoked' },
    withdrawn: { type: 'final', title: { zh: '已撤回', en: 'Withdrawn' }, outcome: 'withdrawn' },
  },
};

/**
 * 商品审核 (seed 002; 网络直播营销选品规范): automatic pre-checks — category rule, qualifications, key-trademark
 * authorization, the screening engine over the copy — then a platform reviewer. A blocking pre-check failure
 * rejects at once with the rule and its legal basis; a returned product is corrected and resubmitted.
 */
export const PRODUCT_REVIEW: WorkflowDefinition = {
  kind: 'product_review',
  title: { zh: '商品审核', en: 'Product review' },
  subject: 'product',
  initial: 'pre_checks',
  withdrawable: true,
  steps: {
    pre_checks: {
      type: 'automatic',
      title: { zh: '自动预审', en: 'Automatic pre-checks' },
      run: 'pre_checks',
      next: 'review',
      onFail: 'rejected',
    },
    review: {
      type: 'task',
      title: { zh: '人工审核', en: 'Human review' },
      actors: { roles: REVIEWERS },
      deadlineWorkingDays: 2,
      actions: {
        approve: { to: 'approved', label: { zh: '审核通过', en: 'Approve' } },
        return: { to: 'returned', label: { zh: '退回修改', en: 'Return for changes' }, requiresReason: true },
        reject: { to: 'rejected', label: { zh: '驳回', en: 'Reject' }, requiresReason: true },
      },
    },
    returned: {
      type: 'task',
      title: { zh: '退回修改', en: 'Returned for changes' },
      actors: { applicant: true },
      deadlineWorkingDays: 15,
      actions: { resubmit: { to: 'pre_checks', label: { zh: '修改后重新提交', en: 'Resubmit' } } },
    },
    approved: { type: 'final', title: { zh: '审核通过', en: 'Approved' }, outcome: 'approved' },
    rejected: { type: 'final', title: { zh: '未通过', en: 'Rejected' }, outcome: 'rejected' },
    withdrawn: { type: 'final', title: { zh: '已撤回', en: 'Withdrawn' }, outcome: 'withdrawn' },
  },
};

/**
 * 信用申诉 (issue #16): a party contests one of its own credit events; a platform reviewer upholds it (the event is
 * voided and the party rescored, the history kept) or rejects it (nothing changes). The subject is the party (an
 * organization, or a streamer); the event is in the application's data. The credit context reacts to the decision
 * through its `WorkflowHooks`.
 */
export const CREDIT_APPEAL: WorkflowDefinition = {
  kind: 'credit_appeal',
  title: { zh: '信用申诉', en: 'Credit appeal' },
  subject: 'organization',
  initial: 'review',
  withdrawable: false,
  steps: {
    review: {
      type: 'task',
      title: { zh: '平台复核', en: 'Platform review' },
      actors: { roles: REVIEWERS },
      deadlineWorkingDays: 5,
      actions: {
        uphold: { to: 'upheld', label: { zh: '申诉成立，撤销该事件', en: 'Uphold: void the event' }, requiresReason: true },
        reject: { to: 'rejected', label: { zh: '申诉不成立', en: 'Reject the appeal' }, requiresReason: true },
      },
    },
    upheld: { type: 'final', title: { zh: '申诉成立', en: 'Upheld' }, outcome: 'approved' },
    rejected: { type: 'final', title: { zh: '申诉不成立', en: 'Rejected' }, outcome: 'rejected' },
  },
};

/**
 * 政策申报 (政策服务包, issue #21): an enterprise applies for a policy; the department that issued it reviews —
 * grant (with the amount), reject, or return for more documents. The issuing department differs per policy, so the
 * reviewer is the regulator whose department is the one the application names (`data.department`). The policies
 * context keeps its own record in step through its `WorkflowHooks`.
 */
function policyReview(kind: string, title: { zh: string; en: string }, subject: 'organization' | 'streamer'): WorkflowDefinition {
  return {
    kind,
    title,
    subject,
    initial: 'review',
    withdrawable: true,
    steps: {
      review: {
        type: 'task',
        title: { zh: '主管部门审核', en: 'Review by the issuing department' },
        actors: { roles: ['regulator'], departmentFrom: 'department' },
        deadlineWorkingDays: 15,
        actions: {
          approve: { to: 'granted', label: { zh: '核定通过', en: 'Grant' } },
          return: { to: 'returned', label: { zh: '退回补充材料', en: 'Return for more documents' }, requiresReason: true },
          reject: { to: 'rejected', label: { zh: '不予支持', en: 'Reject' }, requiresReason: true },
        },
      },
      returned: {
        type: 'task',
        title: { zh: '补充材料', en: 'More documents' },
        actors: { applicant: true },
        deadlineWorkingDays: 15,
        actions: { resubmit: { to: 'review', label: { zh: '补充后重新提交', en: 'Resubmit' } } },
      },
      granted: { type: 'final', title: { zh: '已核定', en: 'Granted' }, outcome: 'approved' },
      rejected: { type: 'final', title: { zh: '不予支持', en: 'Rejected' }, outcome: 'rejected' },
      withdrawn: { type: 'final', title: { zh: '已撤回', en: 'Withdrawn' }, outcome: 'withdrawn' },
    },
  };
}

export const POLICY_APPLICATION = policyReview('policy_application', { zh: '政策申报', en: 'Policy application' }, 'organization');
export const TALENT_POLICY_APPLICATION = policyReview(
  'talent_policy_application',
  { zh: '人才政策申报', en: 'Talent policy application' },
  'streamer',
);

export const WORKFLOWS: Record<string, WorkflowDefinition> = {
  base_certification: BASE_CERTIFICATION,
  merchant_admission: MERCHANT_ADMISSION,
  streamer_certification: STREAMER_CERTIFICATION,
  product_review: PRODUCT_REVIEW,
  credit_appeal: CREDIT_APPEAL,
  policy_application: POLICY_APPLICATION,
  talent_policy_application: TALENT_POLICY_APPLICATION,
};

/** The definition of an application kind; an unknown kind is the caller's error (`field: kind`). */
export function definitionOf(kind: string): WorkflowDefinition {
  const def = WORKFLOWS[kind];
  if (!def) throw new AppError('workflow.unknown_kind', { field: 'kind' });
  return def;
}

/** Steps in which the subject holds its certification / admission. */
export const GRANTED_STEPS: Record<string, readonly string[]> = {
  base_certification: ['certified'],
  merchant_admission: ['admitted'],
  streamer_certification: ['certified'],
  product_review: ['approved'],
};

/** Checks a definition's internal consistency: every target exists, finals have no way out. */
export function validateDefinition(def: WorkflowDefinition): string[] {
  const problems: string[] = [];
  const has = (id: string) => id in def.steps;
  if (!has(def.initial)) problems.push(`initial step ${def.initial} does not exist`);
  for (const [id, step] of Object.entries(def.steps)) {
    const targets: string[] = [];
    if (step.type === 'task') targets.push(...Object.values(step.actions).map((a) => a.to));
    if (step.type === 'joint_review') targets.push(step.onApproved, step.onRejected);
    if (step.type === 'notice') targets.push(step.onElapsed, step.onObjectionUpheld);
    if (step.type === 'automatic') targets.push(step.next, ...(step.onFail ? [step.onFail] : []));
    for (const t of targets) if (!has(t)) problems.push(`${id} leads to missing step ${t}`);
  }
  if (def.withdrawable && !has('withdrawn')) problems.push('withdrawable workflow lacks a withdrawn step');
  return problems;
}
