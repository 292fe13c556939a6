/**
 * 登记 (registry) events → inbox items, pure: a qualification about to expire asks the organization to upload a
 * renewed one before the date; a lapsed qualification or streamer certification tells the party it is suspended and
 * where to renew. One of the area tables merged in `NOTIFICATION_FEED` (notification-feed.rules.ts).
 */
import { shanghaiDay } from '../settlement/index.ts';
import {
  date,
  type FeedRules,
  type NotificationDraft,
  nameOr,
  ORG_PARTY,
  type Payload,
  partyRecipient,
  str,
} from './notification-feed.internal.ts';
import type { Bilingual } from './notifications.types.ts';

const QUALIFICATION_LABELS: Record<string, Bilingual> = {
  business_licence: { zh: '营业执照', en: 'business licence' },
  food_licence: { zh: '食品经营许可证', en: 'food business licence' },
  cosmetics_filing: { zh: '化妆品备案', en: 'cosmetics filing' },
  medical_device_registration: { zh: '医疗器械注册证', en: 'medical device registration' },
  brand_authorization: { zh: '品牌授权书', en: 'brand authorization' },
  trademark_certificate: { zh: '商标注册证', en: 'trademark certificate' },
  health_food_registration: { zh: '保健食品注册证', en: 'health food registration' },
  drug_business_licence: { zh: '药品经营许可证', en: 'drug business licence' },
  professional_licence: { zh: '职业资格证书', en: 'professional licence' },
  training_certificate: { zh: '培训合格证明', en: 'training certificate' },
};
const qualification = (type: unknown): Bilingual => QUALIFICATION_LABELS[str(type) ?? ''] ?? { zh: '资质', en: 'qualification' };

/** 资质即将到期: the organization's qualification expires soon; it must upload a renewed one before the date. */
export function fromQualificationExpiring(p: Payload): NotificationDraft[] {
  const org = str(p.ownerOrgId);
  if (!org || !str(p.qualificationId)) return [];
  const due = date(p.expiresAt);
  const q = qualification(p.type);
  const day = due ? shanghaiDay(due) : null;
  return [
    {
      recipient: { kind: 'org', orgId: org, roles: ['merchant_staff'] },
      kind: 'qualification.expiring',
      severity: 'action_required',
      link: '/apply/merchant',
      dueAt: due,
      names: { orgs: [org] },
      render: (names) => {
        const who = nameOr(names, 'orgs', org, { zh: '贵单位', en: 'your organization' });
        return {
          title: { zh: `${q.zh}即将到期`, en: `Your ${q.en} expires soon` },
          body: {
            zh: `${who.zh}的${q.zh}${day ? `将于 ${day} ` : '即将'}到期，请在到期前上传更新后的证照，逾期将暂停经营。`,
            en: `The ${q.en} of ${who.en} expires${day ? ` on ${day}` : ' soon'}. Upload the renewed document before then, or trading is suspended.`,
          },
        };
      },
    },
  ];
}

/** 资质失效: a qualification or a streamer's certification lapsed; the party is suspended until it renews. */
export function fromCertificationLapsed(p: Payload): NotificationDraft[] {
  const party = str(p.partyId);
  if (!party || !str(p.qualificationId)) return [];
  const recipient = partyRecipient(party, p.partyKind);
  if (!recipient) return [];
  const streamer = recipient.kind === 'user';
  const q: Bilingual = streamer ? { zh: '主播资格认证', en: 'streamer certification' } : qualification(p.type);
  const link = streamer ? '/apply/streamer' : (ORG_PARTY[String(p.partyKind)]?.apply ?? '/applications');
  return [
    {
      recipient,
      kind: 'certification.lapsed',
      severity: 'warning',
      link,
      dueAt: null,
      names: streamer ? {} : { orgs: [party] },
      render: (names) => {
        const who = streamer ? { zh: '您', en: 'your' } : nameOr(names, 'orgs', party, { zh: '贵单位', en: 'your organization' });
        return {
          title: { zh: `${q.zh}已失效`, en: `Your ${q.en} has lapsed` },
          body: streamer
            ? {
                zh: '您的主播资格认证已过期，开播与带货已暂停。请重新提交认证材料。',
                en: 'Your streamer certification has expired; going live and selling are suspended. Submit your certification again.',
              }
            : {
                zh: `${who.zh}的${q.zh}已过期，经营已暂停。请上传有效证照并重新提交审核。`,
                en: `The ${q.en} of ${who.en} has expired and trading is suspended. Upload a valid document and submit it for review again.`,
              },
        };
      },
    },
  ];
}

export const REGISTRY_FEED: FeedRules = {
  'registry.qualification_expiring': fromQualificationExpiring,
  'registry.certification_lapsed': fromCertificationLapsed,
};
