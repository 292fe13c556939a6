/**
 * 举报 (disputes: reports) events → inbox items, pure: the platform's handlers hear of a new report; a signed-in
 * reporter hears how it was handled; when it was found true, the reported party hears what was found. Nothing of the
 * reporter is ever read into an item for anyone else. docs/reports.md. One of the area tables merged in
 * `NOTIFICATION_FEED` (notification-feed.rules.ts).
 */
import type { Names } from '../shared/name-directory.ts';
import { type FeedRules, type NotificationDraft, nameOr, type Payload, str } from './notification-feed.internal.ts';
import type { Bilingual, NotificationRecipient } from './notifications.types.ts';

const REPORT_CATEGORY_LABELS: Record<string, Bilingual> = {
  false_advertising: { zh: '虚假宣传', en: 'false advertising' },
  prohibited_goods: { zh: '违禁商品', en: 'prohibited goods' },
  vulgar: { zh: '色情低俗', en: 'vulgar content' },
  fraud: { zh: '诈骗', en: 'fraud' },
  infringement: { zh: '侵权', en: 'infringement' },
  minors: { zh: '未成年人保护', en: 'protection of minors' },
  other: { zh: '其他', en: 'other' },
};
const REPORT_TARGETS: Record<string, { names: keyof Names; word: Bilingual }> = {
  live_session: { names: 'sessions', word: { zh: '直播间', en: 'live room' } },
  product: { names: 'products', word: { zh: '商品', en: 'product' } },
  organization: { names: 'orgs', word: { zh: '机构', en: 'organization' } },
  user: { names: 'users', word: { zh: '用户', en: 'user' } },
};
const REPORT_OUTCOMES: Record<string, Bilingual> = {
  substantiated: { zh: '经核实属实', en: 'substantiated' },
  unsubstantiated: { zh: '经核实不属实', en: 'not substantiated' },
  referred: { zh: '已移交监管部门作为线索处理', en: 'referred to the regulator as a clue' },
};

/** 新举报: the platform's handlers (admins, reviewers) hear of a report to handle; never who filed it. */
export function fromReportFiled(p: Payload): NotificationDraft[] {
  const target = REPORT_TARGETS[str(p.targetKind) ?? ''];
  const id = str(p.targetId);
  if (!target || !id || !str(p.reportId)) return [];
  const category = REPORT_CATEGORY_LABELS[str(p.category) ?? ''] ?? REPORT_CATEGORY_LABELS.other;
  return [
    {
      recipient: { kind: 'orgKind', orgKind: 'platform', roles: ['platform_admin', 'reviewer'] },
      kind: 'report.filed',
      severity: 'action_required',
      link: '/reports',
      dueAt: null,
      names: { [target.names]: [id] },
      render: (names) => {
        const what = nameOr(names, target.names, id, target.word);
        return {
          title: { zh: '新举报待受理', en: 'New report to handle' },
          body: {
            zh: `收到对${target.word.zh}${what.zh}的举报（${category?.zh}），请在举报受理中处理。`,
            en: `A report about the ${target.word.en} ${what.en} (${category?.en}) is waiting in the reports queue.`,
          },
        };
      },
    },
  ];
}

/** 举报处理结果: a signed-in reporter hears how their report was handled (an anonymous one tracks it by code). */
export function fromReportHandled(p: Payload): NotificationDraft[] {
  const reporter = str(p.reporterUserId);
  const outcome = REPORT_OUTCOMES[str(p.status) ?? ''];
  const target = REPORT_TARGETS[str(p.targetKind) ?? ''];
  const id = str(p.targetId);
  if (!reporter || !outcome || !target || !id) return [];
  const reason = str(p.outcome);
  return [
    {
      recipient: { kind: 'user', userId: reporter },
      kind: 'report.handled',
      severity: 'info',
      link: '/reports/mine',
      dueAt: null,
      names: { [target.names]: [id] },
      render: (names) => {
        const what = nameOr(names, target.names, id, target.word);
        return {
          title: { zh: `您的举报已处理：${outcome.zh}`, en: `Your report was handled: ${outcome.en}` },
          body: {
            zh: `您对${target.word.zh}${what.zh}的举报${outcome.zh}。${reason ? `处理意见：${reason}` : ''}`,
            en: `Your report about the ${target.word.en} ${what.en} was ${outcome.en}.${reason ? ` Reason: ${reason}` : ''}`,
          },
        };
      },
    },
  ];
}

/**
 * 举报属实, for the reported party: the organization the report is about (its staff) and the person (a live room's
 * streamer, a reported user) learn what was found — the target, the category, the finding — and never who reported:
 * nothing of the reporter (id, name, phone, tracking code) is read here, and phone numbers in the finding are masked.
 */
export function fromReportFound(p: Payload): NotificationDraft[] {
  if (p.status !== 'substantiated') return [];
  const target = REPORT_TARGETS[str(p.targetKind) ?? ''];
  const id = str(p.targetId);
  if (!target || !id || !str(p.reportId)) return [];
  const org = str(p.subjectOrgId);
  const person = str(p.subjectUserId);
  const recipients: NotificationRecipient[] = [];
  if (org) recipients.push({ kind: 'org', orgId: org, roles: ['merchant_staff', 'mcn_manager', 'base_operator'] });
  if (person) recipients.push({ kind: 'user', userId: person });
  const category = REPORT_CATEGORY_LABELS[str(p.category) ?? ''] ?? REPORT_CATEGORY_LABELS.other;
  const finding = maskPhones(str(p.outcome));
  return recipients.map((recipient) => ({
    recipient,
    kind: 'report.found',
    severity: 'warning',
    // a live room's or a product's report was confirmed through its review item: the violations page shows it
    link: target.names === 'sessions' || target.names === 'products' ? '/violations' : '/notifications',
    dueAt: null,
    names: { [target.names]: [id] },
    render: (names) => {
      const what = nameOr(names, target.names, id, target.word);
      return {
        title: { zh: `举报经核实属实：${category?.zh}`, en: `A report was found true: ${category?.en}` },
        body: {
          zh: `平台收到对${target.word.zh}${what.zh}的举报（${category?.zh}），经核实属实。${finding ? `核实结论：${finding}` : ''}请及时整改；如有异议，可联系平台申诉。`,
          en: `A report about the ${target.word.en} ${what.en} (${category?.en}) was found true.${finding ? ` Finding: ${finding}` : ''} Put it right; contact the platform to contest it.`,
        },
      };
    },
  }));
}

/** Mainland mobile numbers in free text, masked as everywhere else (138****5678). */
function maskPhones(text: string | null): string | null {
  return text ? text.replace(/(?<!\d)(1\d{2})\d{4}(\d{4})(?!\d)/g, '$1****$2') : null;
}

/** 举报处理结果: the reporter hears how it was handled; when found true, the reported party hears what was found. */
export function fromReportHandledAll(p: Payload): NotificationDraft[] {
  return [...fromReportHandled(p), ...fromReportFound(p)];
}

export const REPORTS_FEED: FeedRules = {
  'reports.report_filed': fromReportFiled,
  'reports.report_handled': fromReportHandledAll,
};
