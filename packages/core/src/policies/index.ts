/** The policies context's public entry: 政策服务包 — policies as data, their matching and their applications. */
export type { ApplicantFactsReader, GrantPayment, GrantPaymentsReader } from './facts.port.ts';
export type { PolicyRepository } from './policies.repository.ts';
export {
  evaluate,
  FACT_KEYS,
  FACTS,
  factsRead,
  mergeDeclared,
  ORG_KIND_LABELS,
  parseCondition,
  SELF_DECLARED_FACTS,
  showValue,
} from './condition.rules.ts';
export { PolicyService, grantsMoney } from './policy.service.ts';
export type { PolicyDeps, PolicyDepartments } from './policy.service.ts';
export { PolicyApplicationService } from './policy-application.service.ts';
export type { ApplyInput, PolicyApplicationDeps, ReviewInput } from './policy-application.service.ts';
export { POLICY_DECIDED_TOPIC, policyGrantKey, policyHooks } from './policy-hooks.ts';
export { BENEFIT_KINDS } from './policies.types.ts';
export type * from './policies.types.ts';
