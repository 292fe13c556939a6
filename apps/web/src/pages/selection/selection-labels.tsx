/** Tags, labels and the category tree the catalog, selection-square, sample and agreement pages share. */
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { type Translate, useI18n } from '../../i18n/index.ts';
import type { Category, ProductView } from '../../lib/api-types.ts';
import { labelOr } from '../../lib/labels.ts';

export type ProductStatus = ProductView['status'];
export type LiveRule = Category['liveRule'];

const PRODUCT_STATUS_COLOR: Record<ProductStatus, string> = {
  draft: 'default',
  in_review: 'processing',
  returned: 'warning',
  approved: 'success',
  rejected: 'error',
  delisted: 'default',
};

export function ProductStatusTag({ status }: { status: ProductStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={PRODUCT_STATUS_COLOR[status]} data-testid="product-status" data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`catalog.status.${status}`)}
    </Tag>
  );
}

const LIVE_RULE_COLOR: Record<LiveRule, string> = { allowed: 'green', restricted: 'orange', prohibited: 'red' };

export function LiveRuleTag({ rule, small = false }: { rule: LiveRule; small?: boolean }) {
  const { t } = useI18n();
  return (
    <Tag
      color={LIVE_RULE_COLOR[rule]}
      variant={rule === 'prohibited' ? 'solid' : 'filled'}
      data-rule={rule}
      style={{ marginInlineEnd: 0, ...(small ? { fontSize: 11, lineHeight: '18px', paddingInline: 5 } : {}) }}
    >
      {t(`catalog.liveRule.${rule}`)}
    </Tag>
  );
}

const PLAN_TYPE_COLOR: Record<string, string> = { open: 'blue', targeted: 'purple', exclusive: 'magenta' };

export const planTypeLabel = (t: Translate, type: string) => labelOr(t, `selection.planType.${type}`, type);

export function PlanTypeTag({ type }: { type: string }) {
  const { t } = useI18n();
  return (
    <Tag color={PLAN_TYPE_COLOR[type] ?? 'default'} data-testid="plan-type" data-type={type} style={{ marginInlineEnd: 0 }}>
      {planTypeLabel(t, type)}
    </Tag>
  );
}

const SAMPLE_STATUS_COLOR: Record<string, string> = {
  requested: 'processing',
  approved: 'cyan',
  declined: 'error',
  shipped: 'blue',
  received: 'geekblue',
  featured: 'success',
  return_shipped: 'purple',
  returned: 'default',
  cancelled: 'default',
};

export function SampleStatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  return (
    <Tag color={SAMPLE_STATUS_COLOR[status] ?? 'default'} data-testid="sample-status" data-status={status} style={{ marginInlineEnd: 0 }}>
      {labelOr(t, `sample.status.${status}`, status)}
    </Tag>
  );
}

const AGREEMENT_STATUS_COLOR: Record<string, string> = {
  pending: 'processing',
  in_force: 'success',
  terminated: 'error',
  expired: 'default',
};

export function AgreementStatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  return (
    <Tag
      color={AGREEMENT_STATUS_COLOR[status] ?? 'default'}
      data-testid="agreement-status"
      data-status={status}
      style={{ marginInlineEnd: 0 }}
    >
      {labelOr(t, `agreement.status.${status}`, status)}
    </Tag>
  );
}

export const partyLabel = (t: Translate, party: string) => labelOr(t, `agreement.party.${party}`, party);
export const obligationLabel = (t: Translate, code: string) => labelOr(t, `agreement.obligation.${code}`, code);
export const qualificationLabel = (t: Translate, code: string) => labelOr(t, `registry.docKind.${code}`, code);

/** A category's name in the UI language. */
export function categoryName(locale: string, c: { nameZh: string; nameEn: string }): string {
  return locale === 'zh-CN' ? c.nameZh : c.nameEn;
}

/** "家居日用 / 厨具餐具" */
export function categoryPathText(locale: string, path: ReadonlyArray<{ nameZh: string; nameEn: string }>): string {
  return path.map((c) => categoryName(locale, c)).join(' / ');
}

/** The path from the root to `id` in the category list. */
export function pathOf(categories: readonly Category[], id: string): Category[] {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const path: Category[] = [];
  let cur = byId.get(id);
  while (cur && path.length < 10) {
    path.unshift(cur);
    cur = cur.parentId ? byId.get(cur.parentId) : undefined;
  }
  return path;
}

const RULE_RANK: Record<LiveRule, number> = { allowed: 0, restricted: 1, prohibited: 2 };

/** The rule that applies to a category: the strictest along its path (as the server's pre-check computes it). */
export function effectiveRule(categories: readonly Category[], id: string) {
  const path = pathOf(categories, id);
  let rule: LiveRule = 'allowed';
  let from: Category | null = null;
  const qualifications = new Set<string>();
  let disclaimer: string | null = null;
  for (const c of path) {
    if (RULE_RANK[c.liveRule] >= RULE_RANK[rule]) {
      rule = c.liveRule;
      from = c;
    }
    for (const q of c.requiredQualifications) qualifications.add(q);
    disclaimer = c.requiredDisclaimer ?? disclaimer;
  }
  return { path, rule, basis: from?.basis ?? path.at(-1)?.basis ?? null, qualifications: [...qualifications], disclaimer };
}

export interface CategoryNode {
  value: string;
  title: ReactNode;
  /** what the select shows once chosen, and what search matches */
  label: string;
  search: string;
  children?: CategoryNode[];
}

/** The category list as TreeSelect data; each node shows its live-sale rule, prohibited ones stand out. */
export function categoryTree(categories: readonly Category[], locale: string, withRule = true): CategoryNode[] {
  const sorted = [...categories].sort((a, b) => a.sort - b.sort);
  const build = (parentId: string | null): CategoryNode[] =>
    sorted
      .filter((c) => c.parentId === parentId)
      .map((c) => {
        const path = pathOf(categories, c.id);
        const children = build(c.id);
        const name = categoryName(locale, c);
        return {
          value: c.id,
          label: categoryPathText(locale, path),
          search: `${c.nameZh} ${c.nameEn} ${path.map((p) => p.nameZh).join(' ')}`,
          title: (
            <span
              data-testid={`category-option-${c.id}`}
              style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}
              className={c.liveRule === 'prohibited' ? 'lh-cat-prohibited' : undefined}
            >
              {name}
              {withRule ? <LiveRuleTag rule={c.liveRule} small /> : null}
            </span>
          ),
          ...(children.length > 0 ? { children } : {}),
        };
      });
  return build(null);
}
