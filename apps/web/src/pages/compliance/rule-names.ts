/**
 * Rule names for screens that receive only rule ids (room warnings, violations): the rule pack in force
 * (GET /api/compliance/rules, cached a minute) names each rule by what it is about and its legal basis —
 * 「功效保证 · 广告法 第二十八条」 — with its one-line summary for a tooltip.
 */
import { useCallback } from 'react';
import { useI18n } from '../../i18n/index.ts';
import { useRulePack } from '../../queries/compliance.ts';
import { categoryLabel } from './compliance-labels.tsx';

export interface RuleName {
  name: string;
  summary: string;
}

/** `(ruleId) => { name, summary }`; while the pack loads (or for a rule it no longer has) null. */
export function useRuleNames(): (ruleId: string) => RuleName | null {
  const { t, locale } = useI18n();
  const pack = useRulePack({ staleTime: 60_000 });
  const rules = pack.data?.rules;
  return useCallback(
    (ruleId: string) => {
      const rule = rules?.find((r) => r.id === ruleId);
      if (!rule) return null;
      const law = rule.law.replace(/^中华人民共和国/, '');
      // the article up to its first 条 (第二十八条第二款第（二）项 → 第二十八条): a name, not a citation
      const article = rule.article.match(/^第[^条]+条/)?.[0] ?? rule.article;
      return {
        name: `${categoryLabel(t, rule.category)} · ${law} ${article}`,
        summary: locale === 'en-US' ? rule.summaryEn : rule.summaryZh,
      };
    },
    [rules, t, locale],
  );
}

/** Rules that share a name (several rules under one article) shown once, with all their ids. */
export function groupByName(ids: readonly string[], ruleName: (id: string) => RuleName | null): { name: string; title: string }[] {
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const rule = ruleName(id);
    const name = rule?.name ?? id;
    groups.set(name, [...(groups.get(name) ?? []), rule ? `${id}：${rule.summary}` : id]);
  }
  return [...groups].map(([name, lines]) => ({ name, title: lines.join('\n') }));
}
