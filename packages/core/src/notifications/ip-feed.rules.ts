/**
 * 知识产权保护 (supervision: IP notices, 电子商务法 Art. 42–45) events → inbox items, pure: the merchant hears of a
 * takedown and that it may file a counter-notice; the holder (or the IP office that filed for it) hears of the
 * counter-notice and its 15-day deadline; the merchant hears that the holder complained or sued; both hear of the end.
 * One of the area tables merged in `NOTIFICATION_FEED` (notification-feed.rules.ts).
 */
import { shanghaiDay } from '../settlement/index.ts';
import type { Names } from '../shared/name-directory.ts';
import { date, type FeedRules, type NotificationDraft, nameOr, type Payload, str } from './notification-feed.internal.ts';
import type { Bilingual, NotificationRecipient, NotificationSeverity } from './notifications.types.ts';

interface IpFacts {
  noticeId: string;
  noticeNo: string;
  productId: string;
  merchantOrgId: string;
  /** who speaks for the holder: the holder's merchant staff, or the IP office that filed for it */
  holder: NotificationRecipient;
  link: string;
}

function ipFacts(p: Payload): IpFacts | null {
  const noticeId = str(p.noticeId);
  const noticeNo = str(p.noticeNo);
  const productId = str(p.productId);
  const merchantOrgId = str(p.merchantOrgId);
  const filedBy = str(p.filedByOrgId);
  if (!noticeId || !noticeNo || !productId || !merchantOrgId || !filedBy) return null;
  const holder: NotificationRecipient =
    p.filedByRole === 'office'
      ? { kind: 'org', orgId: filedBy, roles: ['regulator'] }
      : { kind: 'org', orgId: str(p.holderOrgId) ?? filedBy, roles: ['merchant_staff'] };
  return { noticeId, noticeNo, productId, merchantOrgId, holder, link: `/ip-notices?notice=${noticeId}` };
}

const productOr = (names: Names, id: string): Bilingual => nameOr(names, 'products', id, { zh: '商品', en: 'the product' });

/** The notice's merchant, as a recipient. */
const merchantOf = (f: IpFacts): NotificationRecipient => ({ kind: 'org', orgId: f.merchantOrgId, roles: ['merchant_staff'] });

/** An item about the notice's product with no deadline; `text` gets the product's name. */
function aboutProduct(
  f: IpFacts,
  recipient: NotificationRecipient,
  kind: string,
  severity: NotificationSeverity,
  text: (product: Bilingual) => { title: Bilingual; body: Bilingual },
): NotificationDraft {
  return {
    recipient,
    kind,
    severity,
    link: f.link,
    dueAt: null,
    names: { products: [f.productId] },
    render: (names) => text(productOr(names, f.productId)),
  };
}

/** 侵权通知 (Art. 42): the merchant learns its product was taken down and that it may file a counter-notice. */
export function fromIpNoticeFiled(p: Payload): NotificationDraft[] {
  const f = ipFacts(p);
  if (!f) return [];
  const down = p.takenDown === true;
  return [
    aboutProduct(f, merchantOf(f), 'ip.notice_filed', 'action_required', (g) => ({
      title: { zh: `知识产权侵权通知（${f.noticeNo}）`, en: `Infringement notice (${f.noticeNo})` },
      body: {
        zh: `权利人就商品${g.zh}发出侵权通知${down ? '，平台已依法将其下架' : ''}（电子商务法第四十二条）。如认为不构成侵权，可提交不存在侵权行为的声明及证据（反通知）。`,
        en: `A rights holder filed an infringement notice against ${g.en}${down ? ', which the platform took down' : ''} (E-Commerce Law Art. 42). If it does not infringe, file a counter-notice with your statement and evidence.`,
      },
    })),
  ];
}

/** 反通知转送 (Art. 43): the holder may complain to the authority or sue within 15 days, or the product is restored. */
export function fromIpCounterForwarded(p: Payload): NotificationDraft[] {
  const f = ipFacts(p);
  if (!f) return [];
  const due = date(p.actionDueAt);
  const day = due ? shanghaiDay(new Date(due.getTime() - 1)) : null;
  return [
    {
      recipient: f.holder,
      kind: 'ip.counter_forwarded',
      severity: 'action_required',
      link: f.link,
      dueAt: due,
      names: { products: [f.productId], orgs: [f.merchantOrgId] },
      render: (names) => {
        const g = productOr(names, f.productId);
        const m = nameOr(names, 'orgs', f.merchantOrgId, { zh: '商家', en: 'the merchant' });
        return {
          title: { zh: `反通知：${f.noticeNo}`, en: `Counter-notice: ${f.noticeNo}` },
          body: {
            zh: `${m.zh}就商品${g.zh}提交了不存在侵权行为的声明。您可以向有关主管部门投诉或者向人民法院起诉；${day ? `${day} 24 时前` : '十五日内'}未告知平台已投诉或起诉的，平台将终止下架措施（电子商务法第四十三条）。`,
            en: `${m.en} states that ${g.en} does not infringe. You may complain to the authority or sue; unless you tell the platform you did${day ? ` by the end of ${day}` : ' within 15 days'}, the takedown ends (E-Commerce Law Art. 43).`,
          },
        };
      },
    },
  ];
}

/** The holder reported a complaint or a lawsuit in time: the merchant learns the takedown stays. */
export function fromIpActionReported(p: Payload): NotificationDraft[] {
  const f = ipFacts(p);
  if (!f) return [];
  const lawsuit = p.actionKind === 'lawsuit';
  return [
    aboutProduct(f, merchantOf(f), 'ip.action_reported', 'warning', (g) => ({
      title: {
        zh: `权利人已${lawsuit ? '起诉' : '投诉'}（${f.noticeNo}）`,
        en: `The rights holder ${lawsuit ? 'sued' : 'complained'} (${f.noticeNo})`,
      },
      body: {
        zh: `权利人已告知平台其${lawsuit ? '向人民法院起诉' : '向有关主管部门投诉'}，商品${g.zh}继续保持下架，待有关部门或法院处理。`,
        en: `The rights holder told the platform it ${lawsuit ? 'sued' : 'complained to the authority'}; ${g.en} stays off sale until the authority or the court decides.`,
      },
    })),
  ];
}

const IP_CLOSED: Record<string, Bilingual> = {
  restored: {
    zh: '十五日内未收到权利人投诉或起诉的通知，已终止下架措施',
    en: 'no complaint or lawsuit was reported within 15 days; the takedown ended',
  },
  withdrawn: { zh: '权利人已撤回侵权通知', en: 'the rights holder withdrew the notice' },
  found_wrong: { zh: '经核查侵权通知错误', en: 'the notice was found wrong' },
};

/** The takedown ended (restored after 15 days, withdrawn, found wrong): both sides learn of it. */
export function fromIpNoticeClosed(p: Payload): NotificationDraft[] {
  const f = ipFacts(p);
  const why = IP_CLOSED[str(p.status) ?? ''];
  if (!f || !why) return [];
  const back = p.restored === true;
  const item = (recipient: NotificationRecipient): NotificationDraft =>
    aboutProduct(f, recipient, 'ip.notice_closed', 'info', (g) => ({
      title: { zh: `侵权通知已终结（${f.noticeNo}）`, en: `Infringement notice closed (${f.noticeNo})` },
      body: {
        zh: `${why.zh}${back ? `，商品${g.zh}已恢复上架。` : '。'}`,
        en: `${why.en}${back ? `; ${g.en} is back on sale.` : '.'}`,
      },
    }));
  return [item(merchantOf(f)), item(f.holder)];
}

export const IP_FEED: FeedRules = {
  'supervision.ip_notice_filed': fromIpNoticeFiled,
  'supervision.ip_counter_forwarded': fromIpCounterForwarded,
  'supervision.ip_action_reported': fromIpActionReported,
  'supervision.ip_notice_closed': fromIpNoticeClosed,
};
