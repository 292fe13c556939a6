/**
 * Rule names for screens that receive only rule ids (room warnings, violations): the rule pack in force
 * (GET /api/compliance/rules, cached a minute) gives each rule's one-line summary in the page's language.
 */
import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useI18n } from '../../i18n.ts';
import { endpoints, queryKeys } from '../../lib/endpoints.ts';

/** `(ruleId) => name`; while the pack loads (or for a rule it no longer has) the name is null. */
export function useRuleNames(): (ruleId: string) => string | null {
  const { locale } = useI18n();
  const pack = useQuery({ queryKey: queryKeys.rulePack, queryFn: endpoints.rulePack, staleTime: 60_000 });
  const rules = pack.data?.rules;
  return useCallback(
    (ruleId: string) => {
      const rule = rules?.find((r) => r.id === ruleId);
      if (!rule) return null;
      return locale === 'en-US' ? rule.summaryEn : rule.summaryZh;
    },
    [rules, locale],
  );
}
