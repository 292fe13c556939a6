/**
 * 政策申报 (policies) events → inbox items, pure: the applicant learns that the issuing department granted (with the
 * amount), rejected or returned their application. One of the area tables merged in `NOTIFICATION_FEED`
 * (notification-feed.rules.ts).
 */
import { fenToYuan as yuan } from '../settlement/index.ts';
import { type FeedRules, fen, type NotificationDraft, type Payload, str } from './notification-feed.internal.ts';
import type { Bilingual } from './notifications.types.ts';

/** 政策申报结果: the issuing department granted, rejected or returned a policy application; the applicant is told. */
export function fromPolicyDecided(p: Payload): NotificationDraft[] {
  const user = str(p.applicantUserId);
  const outcome = str(p.outcome);
  if (!user || !str(p.applicationId) || (outcome !== 'granted' && outcome !== 'rejected' && outcome !== 'returned')) return [];
  const title = str(p.title) ?? '政策';
  const amount = fen(p.grantedFen);
  const reason = str(p.reason);
  const why = { zh: reason ? `（${reason}）` : '', en: reason ? ` (${reason})` : '' };
  const text: Record<string, { title: Bilingual; body: Bilingual }> = {
    granted: {
      title: { zh: '政策申报已核定', en: 'Policy application granted' },
      body: {
        zh: `您申报的「${title}」已核定通过${amount !== null ? `，核定金额 ¥${yuan(amount)}` : ''}。`,
        en: `Your application for "${title}" was granted${amount !== null ? `: ¥${yuan(amount)}` : ''}.`,
      },
    },
    rejected: {
      title: { zh: '政策申报未获支持', en: 'Policy application rejected' },
      body: { zh: `您申报的「${title}」未获支持${why.zh}。`, en: `Your application for "${title}" was rejected${why.en}.` },
    },
    returned: {
      title: { zh: '政策申报需补充材料', en: 'Policy application returned' },
      body: {
        zh: `您申报的「${title}」被退回补充材料${why.zh}，请补充后重新提交。`,
        en: `Your application for "${title}" was returned for more documents${why.en}; add them and resubmit.`,
      },
    },
  };
  const t = text[outcome] as { title: Bilingual; body: Bilingual };
  return [
    {
      recipient: { kind: 'user', userId: user },
      kind: `policy.${outcome}`,
      severity: outcome === 'returned' ? 'action_required' : outcome === 'granted' ? 'info' : 'warning',
      link: p.talent === true ? '/talent-policies' : '/policies',
      dueAt: null,
      names: {},
      render: () => t,
    },
  ];
}

export const POLICIES_FEED: FeedRules = {
  'policies.application_decided': fromPolicyDecided,
};
