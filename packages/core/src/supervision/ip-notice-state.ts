/**
 * The notice-and-takedown path of 电子商务法 Art. 42–45 (通知—删除—反通知) as one table: every status change goes
 * through `ipNoticeStep`, which says which role may take which action from which status.
 *
 *   (filed: the product is taken down at once, Art. 42) taken_down ─merchant counter-notice (Art. 43)─▶ countered
 *   countered ─holder reports a complaint or lawsuit within 15 days─▶ action_filed (the takedown stays)
 *   countered ─15 days after forwarding, nothing reported (sweep)─▶ restored
 *   taken_down / countered ─holder withdraws─▶ withdrawn (restored)
 *   taken_down / countered / action_filed ─office finds the notice wrong─▶ found_wrong (restored)
 */
import type { IpNoticeRole, IpNoticeStatus } from '@livehub/contracts';

export const IP_NOTICE_ACTIONS = ['counter', 'report_action', 'withdraw', 'find_wrong', 'counter_lapsed'] as const;
export type IpNoticeAction = (typeof IP_NOTICE_ACTIONS)[number];

interface Step {
  from: readonly IpNoticeStatus[];
  to: IpNoticeStatus;
  by: IpNoticeRole;
}

const TABLE: Record<IpNoticeAction, Step> = {
  counter: { from: ['taken_down'], to: 'countered', by: 'merchant' },
  report_action: { from: ['countered'], to: 'action_filed', by: 'holder' },
  withdraw: { from: ['taken_down', 'countered'], to: 'withdrawn', by: 'holder' },
  find_wrong: { from: ['taken_down', 'countered', 'action_filed'], to: 'found_wrong', by: 'office' },
  counter_lapsed: { from: ['countered'], to: 'restored', by: 'system' },
};

/** Statuses nothing leaves on this platform (after action_filed the authority or the court decides). */
export const IP_FINAL_STATUSES: ReadonlySet<IpNoticeStatus> = new Set(['restored', 'withdrawn', 'found_wrong']);

/** Statuses whose arrival ends the takedown: the product is restored in the same transaction. */
export const IP_RESTORING_STATUSES: ReadonlySet<IpNoticeStatus> = IP_FINAL_STATUSES;

export type IpStepResult = { ok: true; to: IpNoticeStatus } | { ok: false; problem: 'wrong_role' | 'wrong_status' };

/** Where `action` by `role` leads from `status`, or why it may not be taken. A wrong role is reported first. */
export function ipNoticeStep(status: IpNoticeStatus, action: IpNoticeAction, role: IpNoticeRole): IpStepResult {
  const step = TABLE[action];
  if (step.by !== role) return { ok: false, problem: 'wrong_role' };
  if (!step.from.includes(status)) return { ok: false, problem: 'wrong_status' };
  return { ok: true, to: step.to };
}

/** Who takes `action`. */
export function ipNoticeActionRole(action: IpNoticeAction): IpNoticeRole {
  return TABLE[action].by;
}

/** The actions `roles` may take from `status` (what a screen offers). */
export function ipNoticeActionsFor(status: IpNoticeStatus, roles: ReadonlySet<IpNoticeRole>): IpNoticeAction[] {
  return IP_NOTICE_ACTIONS.filter((a) => roles.has(TABLE[a].by) && TABLE[a].by !== 'system' && TABLE[a].from.includes(status));
}

/** Every (from, action, to) the table allows, for documentation and tests. */
export function ipNoticeTransitions(): Array<{ from: IpNoticeStatus; action: IpNoticeAction; to: IpNoticeStatus; by: IpNoticeRole }> {
  return IP_NOTICE_ACTIONS.flatMap((action) =>
    TABLE[action].from.map((from) => ({ from, action, to: TABLE[action].to, by: TABLE[action].by })),
  );
}
