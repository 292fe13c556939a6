/**
 * 信用征询 from the credit context: base certification's automatic step (and any other that runs `credit_inquiry`)
 * issues a signed credit report of its subject in the approval engine's transaction and hands the joint review its
 * findings — the report, tier and total; tier C or D asks for attention.
 */
import type { CreditInquiryPort, CreditReportService } from '@livehub/core';
import { creditPartiesIn } from './credit-parties.ts';

const INQUIRY_ACTOR = {
  userId: null,
  label: 'system:credit_inquiry',
  orgId: null,
  membershipId: null,
  role: 'system',
  via: 'system',
} as const;

export function creditReportInquiry(reports: Pick<CreditReportService, 'issueIn'>): CreditInquiryPort {
  return {
    async inquire(tx, subject) {
      const party = (await creditPartiesIn(tx).resolve([subject.id])).get(subject.id);
      if (!party) return { ok: true, findings: { source: 'livehub-credit', rating: 'unknown', subjectType: subject.type } };
      const r = await reports.issueIn(tx, INQUIRY_ACTOR, { id: subject.id, ...party }, 'inquiry');
      const tier = r.content.tier;
      return {
        ok: true,
        findings: {
          source: 'livehub-credit',
          reportId: r.id,
          reportNumber: r.number,
          sha256: r.sha256,
          tier,
          total: r.content.total,
          modelVersion: r.content.modelVersion,
          events: r.content.events.length,
          measures: r.content.measures.map((m) => m.code),
          rating: tier === 'C' || tier === 'D' ? 'attention' : 'good',
        },
      };
    },
  };
}
