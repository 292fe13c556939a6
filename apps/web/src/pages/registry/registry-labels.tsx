/** Labels, colours and small tags shared by the admission, certification and approval pages. */
import { DOCUMENT_KINDS, MERCHANT_CATEGORIES, PROVIDER_SERVICES as SERVICES, STREAMER_TOPICS } from '@livehub/contracts';
import { Tag } from 'antd';
import { type Translate, useI18n } from '../../i18n/index.ts';
import type { DocumentKind, MarketerLevel, MerchantCategory, ProviderService, StreamerTopic } from '../../lib/api-types.ts';
import { labelOr } from '../../lib/labels.ts';

export const DOC_KINDS: readonly DocumentKind[] = DOCUMENT_KINDS;
export const CATEGORIES: readonly MerchantCategory[] = MERCHANT_CATEGORIES;
export const TOPICS: readonly StreamerTopic[] = STREAMER_TOPICS;
export const MARKETER_LEVELS: readonly MarketerLevel[] = ['五级', '四级', '三级', '二级', '一级'];
/** Topics whose content needs a professional licence on file (网络主播行为规范, 2022) — the server enforces the same. */
export const LICENSED_TOPICS: readonly StreamerTopic[] = ['medicine', 'finance', 'law', 'education'];
export const JOINT_DEPARTMENTS = ['swc', 'scjgj', 'zscqj'] as const;
/** What a 专业服务机构 offers (服务机构登记). */
export const PROVIDER_SERVICES: readonly ProviderService[] = SERVICES;

export const docKindLabel = (t: Translate, kind: string) => labelOr(t, `registry.docKind.${kind}`, kind);
export const topicLabel = (t: Translate, topic: string) => labelOr(t, `registry.topic.${topic}`, topic);
export const departmentLabel = (t: Translate, code: string) => labelOr(t, `registry.dept.${code}`, code);
export const eventLabel = (t: Translate, action: string) => labelOr(t, `registry.event.${action}`, action);
export const gateReasonLabel = (t: Translate, reason: string) => labelOr(t, `registry.gate.reason.${reason}`, reason);
export const marketerLevelLabel = (t: Translate, level: string) => labelOr(t, `registry.marketerLevel.${level}`, level);
export const kindLabel = (t: Translate, kind: string) => labelOr(t, `registry.kind.${kind}`, kind);
export const serviceLabel = (t: Translate, service: string) => labelOr(t, `registry.service.${service}`, service);
export const categoryLabel = (t: Translate, category: string) => labelOr(t, `compliance.productCategory.${category}`, category);

const STATUS_COLOR: Record<string, string> = {
  in_progress: 'processing',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'default',
  revoked: 'volcano',
};

export function ApplicationStatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOR[status] ?? 'default'} data-testid="application-status" data-status={status} style={{ marginInlineEnd: 0 }}>
      {labelOr(t, `registry.status.${status}`, status)}
    </Tag>
  );
}

const KIND_COLOR: Record<string, string> = {
  merchant_admission: 'magenta',
  streamer_certification: 'volcano',
  base_certification: 'gold',
  product_review: 'geekblue',
  credit_appeal: 'purple',
};

export function KindTag({ kind, title }: { kind: string; title?: string }) {
  const { t } = useI18n();
  return (
    <Tag color={KIND_COLOR[kind] ?? 'default'} variant="outlined" style={{ marginInlineEnd: 0 }}>
      {title ?? kindLabel(t, kind)}
    </Tag>
  );
}

const STREAMER_STATUS_COLOR: Record<string, string> = {
  none: 'default',
  pending: 'processing',
  certified: 'success',
  suspended: 'warning',
  expired: 'default',
  revoked: 'error',
  rejected: 'error',
};

export function StreamerStatusTag({ status }: { status: string | null }) {
  const { t } = useI18n();
  const key = status ?? 'none';
  return (
    <Tag color={STREAMER_STATUS_COLOR[key] ?? 'default'} data-testid="streamer-status" data-status={key} style={{ marginInlineEnd: 0 }}>
      {labelOr(t, `registry.streamerStatus.${key}`, key)}
    </Tag>
  );
}
