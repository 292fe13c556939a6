/**
 * Error codes of settlement (settlement, ledger, finance, statements, reconciliation, payouts, deposit): code → kind and bilingual message.
 * One part of the catalogue that ../errors.ts merges into ERROR_CATALOGUE; services throw these codes with AppError
 * from ../errors.ts and never import this file.
 */
import type { ErrorDef } from './error-def.ts';

export const SETTLEMENT_ERRORS = {
  'ledger.business_key_invalid': {
    kind: 'invalid',
    zh: '分录须有 1 至 200 个字符的业务键和类型',
    en: 'An entry needs a business key and a kind of 1 to 200 characters',
  },
  'ledger.too_few_postings': { kind: 'invalid', zh: '一笔分录至少要有两条记账行', en: 'An entry needs at least two postings' },
  'ledger.amount_invalid': {
    kind: 'invalid',
    zh: '记账金额须为非零整数分，且绝对值不超过 {max} 分',
    en: 'A posting amount must be a non-zero whole number of fen, at most {max} in size',
  },
  'ledger.unbalanced': {
    kind: 'invalid',
    zh: '分录借贷不平：各记账行合计 {sum} 分，应为 0',
    en: 'The entry does not balance: its postings sum to {sum} fen instead of 0',
  },
  'ledger.account_not_found': { kind: 'not_found', zh: '结算账户不存在', en: 'No such ledger account' },
  'ledger.account_closed': {
    kind: 'conflict',
    zh: '结算账户已关闭，不能再记账',
    en: 'The ledger account is closed: nothing can be posted to it',
  },
  'ledger.account_not_empty': {
    kind: 'conflict',
    zh: '账户余额为 {balance} 分，须为 0 才能关闭',
    en: 'The account holds {balance} fen: only an empty account can be closed',
  },
  'ledger.insufficient_balance': {
    kind: 'conflict',
    zh: '账户余额不足：余额 {balance} 分，本次变动 {delta} 分，不能低于 {floor} 分',
    en: 'Insufficient balance: {balance} fen, a change of {delta} fen would take it below {floor}',
  },
  'ledger.key_reused': {
    kind: 'conflict',
    zh: '业务键 {businessKey} 已记过不同的分录',
    en: 'The business key {businessKey} was already posted with different postings',
  },
  'ledger.entry_not_found': { kind: 'not_found', zh: '分录不存在', en: 'No such journal entry' },
  'ledger.split_invalid': {
    kind: 'invalid',
    zh: '分账比例须为非负整数基点，合计 10000（当前 {total}）',
    en: 'Split shares must be non-negative whole basis points adding up to 10000 (they add up to {total})',
  },
  'settlement.split_invalid': {
    kind: 'invalid',
    zh: '订单结算金额小于商品行合计，无法分账',
    en: 'The settled amount is less than the lines add up to: the order cannot be split',
  },
  'settlement.refund_amount_invalid': {
    kind: 'invalid',
    zh: '退款金额须为正整数（分）',
    en: 'The refund amount must be a positive whole number of fen',
  },
  'settlement.refund_exceeds_refundable': {
    kind: 'invalid',
    zh: '退款金额超过可退金额（最多 {refundableFen} 分）',
    en: 'The refund is more than can be refunded (at most {refundableFen} fen)',
  },
  'settlement.order_not_completed': {
    kind: 'conflict',
    zh: '只有已完成的订单可以售后退款',
    en: 'Only a completed order can get an after-sales refund',
  },
  'settlement.fee_rate_invalid': {
    kind: 'invalid',
    zh: '平台服务费率须为 0–10000 的整数基点',
    en: 'The platform fee rate must be whole basis points from 0 to 10000',
  },
  'finance.no_party': {
    kind: 'forbidden',
    zh: '当前账号未关联结算主体（机构或主播），无法查看资金',
    en: 'Your account is not tied to a settlement party (an organization or a streamer)',
  },
  'finance.kind_not_yours': {
    kind: 'invalid',
    zh: '该账户类型不属于当前结算主体（{kind}）',
    en: 'Your party holds no account of this kind ({kind})',
  },
  'statements.period_invalid': {
    kind: 'invalid',
    zh: '对账期间无效：须为 YYYY-MM-DD（某日）或 YYYY-MM（某月）',
    en: 'Invalid period: use YYYY-MM-DD (a day) or YYYY-MM (a month)',
  },
  'statements.forbidden': { kind: 'forbidden', zh: '无权查看该主体的对账单', en: 'You may not read this party’s statement' },
  'reconciliation.forbidden': { kind: 'forbidden', zh: '无权执行对账操作', en: 'You may not perform reconciliation' },
  'reconciliation.run_not_found': { kind: 'not_found', zh: '该日尚未对账', en: 'That day has not been reconciled yet' },
  'reconciliation.item_not_found': { kind: 'not_found', zh: '对账差异不存在', en: 'No such reconciliation difference' },
  'reconciliation.already_resolved': { kind: 'conflict', zh: '该差异已处理', en: 'The difference is already resolved' },
  'reconciliation.note_invalid': {
    kind: 'invalid',
    zh: '处理说明须为 1–{max} 个字符',
    en: 'The resolution note must be 1–{max} characters',
  },
  'payouts.amount_invalid': {
    kind: 'invalid',
    zh: '金额须为大于 0 的整数分',
    en: 'The amount must be a whole number of fen greater than 0',
  },
  'payouts.insufficient_balance': {
    kind: 'invalid',
    zh: '可提现余额不足：可提现 {availableFen} 分，申请 {amountFen} 分',
    en: 'Not enough available balance: {availableFen} fen available, {amountFen} fen asked',
  },
  'payouts.idempotency_required': {
    kind: 'invalid',
    zh: '提现申请须带 Idempotency-Key 请求头',
    en: 'A payout request needs an Idempotency-Key header',
  },
  'payouts.idempotency_conflict': {
    kind: 'conflict',
    zh: '该 Idempotency-Key 已用于另一笔不同的提现申请',
    en: 'This Idempotency-Key was already used for a different payout request',
  },
  'payouts.on_hold': { kind: 'conflict', zh: '提现已被平台冻结：{reason}', en: 'Payouts are on hold by the platform: {reason}' },
  'payouts.hold_reason_required': { kind: 'invalid', zh: '请填写冻结原因', en: 'A reason for the hold is required' },
  'payouts.hold_not_found': { kind: 'not_found', zh: '该方没有生效中的提现冻结', en: 'This party has no active payout hold' },
  'payouts.not_found': { kind: 'not_found', zh: '提现申请不存在', en: 'No such payout' },
  'payouts.illegal_transition': {
    kind: 'conflict',
    zh: '提现当前状态（{status}）不能执行此操作（{action}）',
    en: 'The payout is {status}: cannot {action}',
  },
  'payouts.stale': { kind: 'conflict', zh: '提现已被他人处理，请刷新', en: 'The payout changed meanwhile: reload it' },
  'payouts.unknown_provider': { kind: 'not_found', zh: '未知的转账渠道', en: 'Unknown payout provider' },
  'payouts.bad_signature': { kind: 'unauthenticated', zh: '转账结果通知签名无效', en: 'The payout result signature is invalid' },
  'payouts.stale_notification': {
    kind: 'invalid',
    zh: '转账结果通知已过期',
    en: 'The payout result notification is outside the replay window',
  },
  'payouts.malformed': { kind: 'invalid', zh: '转账结果通知格式错误', en: 'Malformed payout result notification' },
  'payouts.replayed': { kind: 'conflict', zh: '重复的转账结果通知（已处理）', en: 'Replayed payout result (already processed)' },
  'payouts.amount_mismatch': { kind: 'invalid', zh: '转账金额与提现申请不一致', en: 'The transferred amount does not match the payout' },
  'deposit.insufficient': {
    kind: 'conflict',
    zh: '保证金不足：该类目需 {requiredFen} 分，当前 {balanceFen} 分，需补缴 {dueFen} 分后才能上架',
    en: 'Deposit too low: this category requires {requiredFen} fen, the deposit holds {balanceFen}; pay {dueFen} fen to list',
  },
  'deposit.nothing_due': { kind: 'invalid', zh: '当前没有需缴纳的保证金，请填写金额', en: 'No deposit is due: give an amount' },
  'deposit.deduction_exceeds_balance': {
    kind: 'invalid',
    zh: '扣除金额超过保证金余额：余额 {balanceFen} 分，扣除 {amountFen} 分',
    en: 'The deduction exceeds the deposit: {balanceFen} fen held, {amountFen} fen asked',
  },
} as const satisfies Record<string, ErrorDef>;
