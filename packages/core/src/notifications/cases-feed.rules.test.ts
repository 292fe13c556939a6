/**
 * The inbox feed's case items for departments (案件移送, 联合执法), through `NOTIFICATION_FEED` as the outbox reaches
 * them, and the masked case title they show (rules in cases-feed.rules.ts).
 */
import { describe, expect, it } from 'vitest';
import { noNames } from '../shared/name-directory.ts';
import { caseTitleForInbox } from './cases-feed.rules.ts';
import { feed } from './feed-test-kit.ts';

describe('案件移送 and 联合执法 reach the receiving departments', () => {
  it('tells the department a case was transferred to, with the case and the sender, not the reason', () => {
    const [item, ...rest] = feed('supervision.case_transferred', {
      caseId: 'c1',
      caseNo: '浦市监案〔2026〕3号',
      title: '涉嫌商标侵权',
      from: 'scjgj',
      fromName: '市场监管局',
      to: 'swc',
      toName: '商务委',
      reason: '由商务委主办，联系人 13812345678',
    });
    expect(rest).toEqual([]);
    expect(item).toMatchObject({
      recipient: { kind: 'department', departmentCode: 'swc', roles: ['regulator'] },
      kind: 'case.transferred',
      severity: 'action_required',
      link: '/supervision/cases?case=c1',
    });
    const text = item?.render(noNames());
    expect(text?.title.zh).toBe('案件移送：浦市监案〔2026〕3号');
    expect(text?.body.zh).toBe('市场监管局将案件 浦市监案〔2026〕3号「涉嫌商标侵权」移送本部门办理，移送理由见案件记录。');
    expect(JSON.stringify(text)).not.toContain('13812345678');
  });

  it('one item per invited department; an incomplete payload gives none', () => {
    const items = feed('supervision.case_joined', {
      caseId: 'c1',
      caseNo: 'N1',
      title: '涉嫌商标侵权',
      holder: 'scjgj',
      holderName: '市场监管局',
      departments: ['zscqj', 'swc'],
    });
    expect(items.map((i) => i.recipient)).toEqual([
      { kind: 'department', departmentCode: 'zscqj', roles: ['regulator'] },
      { kind: 'department', departmentCode: 'swc', roles: ['regulator'] },
    ]);
    expect(items[0]?.render(noNames()).body.zh).toBe('市场监管局邀请本部门协办案件 N1「涉嫌商标侵权」：可查阅案件、补充证据。');
    expect(feed('supervision.case_joined', { caseId: 'c1', caseNo: 'N1', departments: [] })).toEqual([]);
    expect(feed('supervision.case_transferred', { caseId: 'c1', caseNo: 'N1' })).toEqual([]);
  });

  it('a case title masks phone and ID numbers and is cut to one short line', () => {
    expect(caseTitleForInbox('王某 13812345678 身份证 110101199003071234 售假')).toBe('王某 138****5678 身份证 110***********1234 售假');
    expect(caseTitleForInbox('长'.repeat(80))?.length).toBe(60);
    expect(caseTitleForInbox('')).toBeNull();
  });
});
