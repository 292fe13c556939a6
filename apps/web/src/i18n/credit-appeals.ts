/**
 * Messages of credit appeals (信用申诉) where the approval pages show them, and of the credit inquiry's findings from
 * a credit report: merged into the dictionary by i18n/index.ts. zh-CN is the source; en-US must provide every key.
 */

export const creditAppealsZh = {
  'registry.kind.credit_appeal': '信用申诉',
  'registry.event.uphold': '申诉成立',
  'registry.step.upheld': '申诉成立',
  'registry.finding.creditReport': '信用报告 {number} · 等级 {tier} · {total} 分 · 信用{rating}',
} as const;

export const creditAppealsEn: Record<keyof typeof creditAppealsZh, string> = {
  'registry.kind.credit_appeal': 'Credit appeal',
  'registry.event.uphold': 'Appeal upheld',
  'registry.step.upheld': 'Upheld',
  'registry.finding.creditReport': 'Credit report {number} · tier {tier} · {total} points · credit {rating}',
};
