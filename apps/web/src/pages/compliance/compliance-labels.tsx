/** Labels, colours and small tags shared by the review, violation and rule pages. */
import {
  EVENT_KINDS as CONTRACT_EVENT_KINDS,
  PRODUCT_CATEGORIES as CONTRACT_PRODUCT_CATEGORIES,
  SCREENING_CATEGORIES,
} from '@livehub/contracts';
import { Space, Tag } from 'antd';
import { isMessageKey, type Translate, useI18n } from '../../i18n/index.ts';
import type { EventKind, ProductCategory, ReviewStatus, ScreeningCategory, ScreeningDecision, ScreeningHit } from '../../lib/api-types.ts';

export const CATEGORIES: readonly ScreeningCategory[] = SCREENING_CATEGORIES;
export const EVENT_KINDS: readonly EventKind[] = CONTRACT_EVENT_KINDS;
export const PRODUCT_CATEGORIES: readonly ProductCategory[] = CONTRACT_PRODUCT_CATEGORIES;
export const SEVERITIES = [1, 2, 3, 4] as const;

/** Tag colour and highlight palette per severity (1 低 · 2 中 · 3 高 · 4 严重). */
export const SEVERITY_STYLE: Record<number, { tag: string; mark: string; border: string }> = {
  1: { tag: 'blue', mark: '#e6f4ff', border: '#69b1ff' },
  2: { tag: 'gold', mark: '#fff7d6', border: '#faad14' },
  3: { tag: 'volcano', mark: '#ffe7d9', border: '#fa541c' },
  4: { tag: 'red', mark: '#ffdede', border: '#f5222d' },
};

const CATEGORY_COLOR: Record<ScreeningCategory, string> = {
  absolute_claim: 'geekblue',
  medical_claim: 'magenta',
  efficacy_guarantee: 'purple',
  off_platform_diversion: 'volcano',
  fake_review_incentive: 'cyan',
  prohibited_goods: 'red',
  price_fraud: 'orange',
  false_scarcity: 'gold',
};

const DECISION_COLOR: Record<ScreeningDecision, string> = { allow: 'success', warn: 'gold', review: 'processing', block: 'error' };

const STATUS_COLOR: Record<ReviewStatus, string> = { open: 'orange', claimed: 'processing', confirmed: 'error', dismissed: 'default' };

export function categoryLabel(t: Translate, category: ScreeningCategory): string {
  return t(`compliance.category.${category}`);
}

export function severityLabel(t: Translate, severity: number): string {
  const key = `compliance.severity.${severity}`;
  return isMessageKey(key) ? t(key) : String(severity);
}

export function decisionLabel(t: Translate, decision: ScreeningDecision): string {
  return t(`compliance.decision.${decision}`);
}

export function kindLabel(t: Translate, kind: string): string {
  const key = `compliance.kind.${kind}`;
  return isMessageKey(key) ? t(key) : kind;
}

export function viaLabel(t: Translate, via: ScreeningHit['via']): string {
  return t(`compliance.via.${via}`);
}

export function detectorLabel(t: Translate, detector: string): string {
  const key = `compliance.detector.${detector}`;
  return isMessageKey(key) ? t(key) : detector;
}

export function productCategoryLabel(t: Translate, category: string): string {
  const key = `compliance.productCategory.${category}`;
  return isMessageKey(key) ? t(key) : category;
}

export function statusLabel(t: Translate, status: ReviewStatus): string {
  return t(`review.status.${status}`);
}

export function SeverityTag({ severity }: { severity: number }) {
  const { t } = useI18n();
  const style = SEVERITY_STYLE[severity] ?? SEVERITY_STYLE[1];
  return (
    <Tag color={style?.tag} variant="solid" data-severity={severity} style={{ marginInlineEnd: 0, minWidth: 44, textAlign: 'center' }}>
      {severityLabel(t, severity)}
    </Tag>
  );
}

export function CategoryTag({ category }: { category: ScreeningCategory }) {
  const { t } = useI18n();
  return (
    <Tag color={CATEGORY_COLOR[category]} style={{ marginInlineEnd: 0 }}>
      {categoryLabel(t, category)}
    </Tag>
  );
}

export function CategoryTags({ categories }: { categories: readonly ScreeningCategory[] }) {
  return (
    <Space size={[4, 4]} wrap>
      {categories.map((category) => (
        <CategoryTag key={category} category={category} />
      ))}
    </Space>
  );
}

export function DecisionTag({ decision }: { decision: ScreeningDecision }) {
  const { t } = useI18n();
  return (
    <Tag color={DECISION_COLOR[decision]} style={{ marginInlineEnd: 0 }}>
      {decisionLabel(t, decision)}
    </Tag>
  );
}

export function StatusTag({ status }: { status: ReviewStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOR[status]} style={{ marginInlineEnd: 0 }} data-status={status}>
      {statusLabel(t, status)}
    </Tag>
  );
}

export function KindTag({ kind }: { kind: string }) {
  const { t } = useI18n();
  return (
    <Tag variant="outlined" style={{ marginInlineEnd: 0 }}>
      {kindLabel(t, kind)}
    </Tag>
  );
}
