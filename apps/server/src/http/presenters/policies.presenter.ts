/** 政策服务包: policies, the verdicts on an applicant's facts, applications and totals as the contracts show them. */
import type { FactName, MatchedPolicies, PolicyApplicationView, PolicyView } from '@livehub/contracts';
import {
  FACT_KEYS,
  FACTS,
  type Facts,
  factsRead,
  type MatchedPolicy,
  type PolicyApplicationListing,
  type PolicyRecord,
  SELF_DECLARED_FACTS,
  showValue,
} from '@livehub/core';

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

export function presentPolicy(p: PolicyRecord, issuerName: string | null): PolicyView {
  return {
    id: p.id,
    issuerDepartment: p.issuerDepartment,
    issuerName,
    kind: p.kind,
    title: p.title,
    summary: p.summary,
    basis: p.basis,
    conditions: p.conditions,
    benefit: p.benefit,
    applyFrom: iso(p.applyFrom),
    applyUntil: iso(p.applyUntil),
    documents: p.documents,
    status: p.status,
    publishedAt: iso(p.publishedAt),
    createdAt: p.createdAt.toISOString(),
  };
}

export function presentPolicyApplication(a: PolicyApplicationListing): PolicyApplicationView {
  return {
    id: a.id,
    policyId: a.policyId,
    policyTitle: a.policyTitle,
    policyKind: a.policyKind,
    workflowApplicationId: a.workflowApplicationId,
    subjectType: a.subjectType,
    subjectName: a.subjectName,
    status: a.status,
    declared: a.declared,
    reasons: a.reasons,
    requestedFen: a.requestedFen,
    grantedFen: a.grantedFen,
    paidFen: a.paidFen,
    paidAt: iso(a.paidAt),
    decisionReason: a.decisionReason,
    decidedAt: iso(a.decidedAt),
    createdAt: a.createdAt.toISOString(),
  };
}

/** What LiveHub knows of the applicant (the facts of its kind), and each open policy with its verdict. */
export function presentMatched(m: { facts: Facts; names: Map<string, string>; policies: MatchedPolicy[] }): MatchedPolicies {
  const facts = FACT_KEYS.filter((k) => k in m.facts || FACTS[k].selfDeclared).map((k) => {
    const v = m.facts[k];
    return {
      fact: k as FactName,
      label: FACTS[k].label,
      value: v === undefined || v === null ? null : showValue(k, v, m.names),
      selfDeclared: FACTS[k].selfDeclared,
    };
  });
  return {
    facts,
    items: m.policies.map((x) => ({
      policy: presentPolicy(x.policy, x.issuerName),
      status: x.eligibility.status,
      reasons: x.eligibility.reasons,
      missing: x.eligibility.missing,
      declare: factsRead(x.policy.conditions).filter((k) => SELF_DECLARED_FACTS.includes(k)) as FactName[],
      application: x.application ? { id: x.application.id, status: x.application.status } : null,
    })),
  };
}
