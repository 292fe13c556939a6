/** Violations and the rule pack: query keys and hooks. */
import { endpoints } from '../lib/endpoints.ts';
import { apiHook, useApiQuery, type ApiQueryOptions } from './query-options.ts';

export const complianceKeys = {
  violations: ['violations'] as const,
  rulePack: ['compliance', 'rules'] as const,
};

/** The latest `limit` violations. */
export const useViolations = (limit: number, options?: ApiQueryOptions<'listViolations'>) =>
  useApiQuery(complianceKeys.violations, () => endpoints.listViolations(limit), options);
export const useRulePack = apiHook(complianceKeys.rulePack, endpoints.rulePack);
