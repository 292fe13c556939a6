/**
 * 监管案件 (supervision: cases) events → inbox items, pure: the party of a case hears of the intended penalty with its
 * 陈述申辩 deadline, then of the decision; a department hears of a case transferred to it (案件移送) or of an
 * invitation to handle one jointly (联合执法), by the case's number and masked title — never the party's data. One of
 * the area tables merged in `NOTIFICATION_FEED` (notification-feed.rules.ts).
 */
import type { Role } from '@livehub/contracts';
import { byWhen, date, type FeedRules, type NotificationDraft, type Payload, str } from './notification-feed.internal.ts';
import type { NotificationRecipient } from './notifications.types.ts';

/** Who a case is against: an organization's managing staff, or the streamer. */
function caseParty(p: Payload): NotificationRecipient | null {
  const id = str(p.partyId);
  if (!id) return null;
  if (p.partyKind === 'user') return { kind: 'user', userId: id };
  if (p.partyKind === 'organization') return { kind: 'org', orgId: id, roles: ['merchant_staff', 'mcn_manager', 'base_operator'] };
  return null;
}

/** 行政处罚告知: a regulator told the party the facts and the measures intended; it may state its case by the deadline. */
export function fromCaseNotified(p: Payload): NotificationDraft[] {
  const recipient = caseParty(p);
  const caseId = str(p.caseId);
  const caseNo = str(p.caseNo);
  const due = date(p.defenceDueAt);
  if (!recipient || !caseId || !caseNo) return [];
  const by = byWhen(due);
  return [
    {
      recipient,
      kind: 'case.notified',
      severity: 'action_required',
      link: `/supervision/notices?case=${caseId}`,
      dueAt: due,
      names: {},
      render: () => ({
        title: { zh: `监管通知：行政处罚告知（${caseNo}）`, en: `Regulator's notice of intended penalty (${caseNo})` },
        body: {
          zh: `监管部门拟对您作出行政处罚，已告知事实、理由和依据。您有权陈述、申辩，${by.zh}在线提交；逾期未提交视为放弃。`,
          en: `A regulator intends to impose a penalty and has told you the facts, reasons and basis. You may state your case online ${by.en}; silence past the deadline waives it.`,
        },
      }),
    },
  ];
}

/** 行政处罚决定: the decision is issued; the document can be downloaded from the notice. */
export function fromCaseDecided(p: Payload): NotificationDraft[] {
  const recipient = caseParty(p);
  const caseId = str(p.caseId);
  const caseNo = str(p.caseNo);
  if (!recipient || !caseId || !caseNo) return [];
  return [
    {
      recipient,
      kind: 'case.decided',
      severity: 'warning',
      link: `/supervision/notices?case=${caseId}`,
      dueAt: null,
      names: {},
      render: () => ({
        title: { zh: `监管通知：行政处罚决定（${caseNo}）`, en: `Regulator's penalty decision (${caseNo})` },
        body: {
          zh: '监管部门已作出行政处罚决定，请查看并下载决定书。',
          en: 'A regulator has decided the case; read it and download the decision document.',
        },
      }),
    },
  ];
}

/** A case's title as the inbox shows it: its summary on one line, at most 60 characters, phone and ID numbers masked. */
export function caseTitleForInbox(summary: unknown): string | null {
  const s = str(summary);
  if (!s) return null;
  const line = s
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\d{17}[\dXx]|\d{15}/g, (m) => `${m.slice(0, 3)}${'*'.repeat(m.length - 7)}${m.slice(-4)}`)
    .replace(/1[3-9]\d{9}/g, (m) => `${m.slice(0, 3)}****${m.slice(-4)}`);
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

const REGULATOR_ROLES: readonly Role[] = ['regulator'];

/** 案件移送: a case was handed to the department; its members now hold it (who sent it, which case — not the party's data). */
export function fromCaseTransferred(p: Payload): NotificationDraft[] {
  const caseId = str(p.caseId);
  const caseNo = str(p.caseNo);
  const to = str(p.to);
  if (!caseId || !caseNo || !to) return [];
  const title = caseTitleForInbox(p.title);
  const from = str(p.fromName) ?? '联席会议办公室';
  return [
    {
      recipient: { kind: 'department', departmentCode: to, roles: REGULATOR_ROLES },
      kind: 'case.transferred',
      severity: 'action_required',
      link: `/supervision/cases?case=${caseId}`,
      dueAt: null,
      names: {},
      render: () => ({
        title: { zh: `案件移送：${caseNo}`, en: `Case transferred to your department: ${caseNo}` },
        body: {
          zh: `${from}将案件 ${caseNo}${title ? `「${title}」` : ''}移送本部门办理，移送理由见案件记录。`,
          en: `${from} transferred case ${caseNo}${title ? ` "${title}"` : ''} to your department; the reason is in the case log.`,
        },
      }),
    },
  ];
}

/** 联合执法: the department is invited to handle a case jointly (协办): read it and add evidence. */
export function fromCaseJoined(p: Payload): NotificationDraft[] {
  const caseId = str(p.caseId);
  const caseNo = str(p.caseNo);
  const departments = Array.isArray(p.departments) ? p.departments.map(str).filter((d): d is string => d !== null) : [];
  if (!caseId || !caseNo || departments.length === 0) return [];
  const title = caseTitleForInbox(p.title);
  const from = str(p.holderName) ?? '联席会议办公室';
  return departments.map((code) => ({
    recipient: { kind: 'department', departmentCode: code, roles: REGULATOR_ROLES },
    kind: 'case.joined',
    severity: 'info',
    link: `/supervision/cases?case=${caseId}`,
    dueAt: null,
    names: {},
    render: () => ({
      title: { zh: `联合执法邀请：${caseNo}`, en: `Joint handling requested: ${caseNo}` },
      body: {
        zh: `${from}邀请本部门协办案件 ${caseNo}${title ? `「${title}」` : ''}：可查阅案件、补充证据。`,
        en: `${from} invited your department to handle case ${caseNo}${title ? ` "${title}"` : ''} jointly: read it and add evidence.`,
      },
    }),
  }));
}

export const CASES_FEED: FeedRules = {
  'supervision.case_notified': fromCaseNotified,
  'supervision.case_decided': fromCaseDecided,
  'supervision.case_transferred': fromCaseTransferred,
  'supervision.case_joined': fromCaseJoined,
};
