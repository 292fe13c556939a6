/**
 * The settlement ledger (结算台账) in the domain's words: accounts per party and kind, journal entries (分录) of two
 * or more postings in integer fen that sum to zero. A posting's amount is signed: positive adds to the account's
 * balance (money arrives in it), negative takes from it. Provider clearing is the one account that runs negative by
 * design: it is where money enters the platform from the payment provider, so it mirrors everything held inside.
 */

/** Every kind of account, with its floor (the lowest balance it may reach; `null`: no floor) and what it holds. */
export const ACCOUNT_KINDS = {
  /** 待结算: buyers' payments held until the order completes or is refunded */
  escrow: { floor: 0, party: 'platform', zh: '待结算（买家货款托管）', en: 'Escrow (buyer payments held)' },
  merchant_pending: { floor: 0, party: 'org', zh: '商家待结算', en: 'Merchant pending' },
  merchant_available: { floor: 0, party: 'org', zh: '商家可提现', en: 'Merchant available' },
  streamer_commission_pending: { floor: 0, party: 'user', zh: '主播佣金待结算', en: 'Streamer commission pending' },
  streamer_commission_available: { floor: 0, party: 'user', zh: '主播佣金可提现', en: 'Streamer commission available' },
  mcn_commission_pending: { floor: 0, party: 'org', zh: 'MCN 佣金待结算', en: 'MCN commission pending' },
  mcn_commission_available: { floor: 0, party: 'org', zh: 'MCN 佣金可提现', en: 'MCN commission available' },
  /**
   * every settled order credits it, so it is the ledger's hot account: spread over shards (ADR 0015). No floor: a
   * buyer's refund that takes the fee back must never be refused because of the platform's own revenue account.
   */
  platform_fee_revenue: { floor: null, party: 'platform', zh: '平台服务费收入', en: 'Platform fee revenue', shards: 16 },
  /** 坑位费: fixed fees per agreement, charged to the merchant for a slot in a streamer's session */
  slot_fees: { floor: 0, party: 'org', zh: '坑位费', en: 'Slot fees' },
  /** 保证金: a merchant's deposit, drawn on for compensation */
  merchant_deposit: { floor: 0, party: 'org', zh: '商家保证金', en: 'Merchant deposit' },
  /** 先行赔付金: the platform's fund that compensates buyers before a case is settled */
  advance_compensation_fund: { floor: 0, party: 'platform', zh: '先行赔付金', en: 'Advance-compensation fund' },
  refunds_payable: { floor: 0, party: 'platform', zh: '应付退款', en: 'Refunds payable' },
  /** 应付消费者赔付: a complaint's compensation on its way to the consumer (paid by the merchant or advanced by the fund) */
  compensation_payable: { floor: 0, party: 'platform', zh: '应付消费者赔付', en: 'Compensation payable to consumers' },
  payouts_in_transit: { floor: 0, party: 'platform', zh: '提现在途', en: 'Payouts in transit' },
  /** the payment provider's side: money in makes it negative, money out (refunds, payouts) brings it back */
  provider_clearing: { floor: null, party: 'platform', zh: '支付渠道清算', en: 'Payment provider clearing', shards: 8 },
  /**
   * 项目专项资金: the issuing department's programme fund (party: the regulator organization). No floor: it stands
   * for the appropriation outside LiveHub, so each grant makes it more negative and a claw-back brings it back.
   */
  programme_fund: { floor: null, party: 'org', zh: '项目专项资金', en: 'Programme fund' },
  /** 项目资金: what one funded project (party: the project's id) has been granted and keeps; a claw-back takes it back */
  project_funds: { floor: 0, party: 'any', zh: '项目资金', en: 'Project funds' },
  /**
   * 政策补贴: what a policy applicant (party: the organization's id, or the streamer's user id) has been granted by
   * approved money benefits, one entry per application from the issuer's programme fund (docs/programmes.md)
   */
  policy_grants: { floor: 0, party: 'any', zh: '政策补贴', en: 'Policy grants' },
  /** 欠款: what a party owes the platform (negative when it owes) after a refund took back more than it held; later income settles it first */
  debt: { floor: null, party: 'any', zh: '欠款', en: 'Debt' },
} as const satisfies Record<
  string,
  { floor: number | null; party: 'platform' | 'org' | 'user' | 'any'; zh: string; en: string; shards?: number }
>;

export type AccountKind = keyof typeof ACCOUNT_KINDS;
export const ACCOUNT_KIND_NAMES = Object.keys(ACCOUNT_KINDS) as AccountKind[];

/**
 * How many rows an account of `kind` is spread over (ADR 0015): 1 for most; a hot account's postings go to one of
 * its shards per transaction, so concurrent transactions do not queue on one row. Only kinds without a floor are
 * sharded: a floor holds per row, and a debit must not be refused because one shard is low while the sum is not.
 */
export function shardsOf(kind: AccountKind): number {
  const k: { floor: number | null; shards?: number } = ACCOUNT_KINDS[kind];
  return k.floor === null ? Math.max(1, k.shards ?? 1) : 1;
}

/**
 * 先行赔付金警戒线: the balance below which the advance-compensation fund raises an alert (`settlement.fund_below_floor`,
 * the finance page's warning). Not the ledger's floor (the fund can never go below zero): the level at which platform
 * finance should top it up before it cannot pay. 50,000 yuan by default; the container may set another.
 */
export const ADVANCE_FUND_ALERT_FLOOR_FEN = 5_000_000;

/** The party of the platform's own accounts (escrow, fee revenue, the fund, clearing). */
export const PLATFORM_PARTY = '00000000-0000-0000-0000-000000000000';

export type AccountStatus = 'open' | 'closed';

export interface LedgerAccountRecord {
  id: string;
  /** an organization or user id, or PLATFORM_PARTY */
  partyId: string;
  kind: AccountKind;
  /** copied from the kind when the account opens, so the database can hold it in the balance update */
  floor: number | null;
  status: AccountStatus;
  /** fen; always the sum of the account's postings */
  balance: number;
  /** moves on every balance change */
  version: number;
  /**
   * 0 (or absent): the account itself. 1…n−1: a shard of a hot account (same party and kind), posted to by the
   * ledger and read through the account: its balance and lines are the sum of all its shards' (ADR 0015).
   */
  shard?: number;
  createdAt: Date;
  closedAt: Date | null;
}

/** One side of an entry: a signed amount in fen on one account. */
export interface PostingInput {
  accountId: string;
  amount: number;
}

/** What a caller posts. `businessKey` names the business fact (e.g. `order:<id>:paid`) and makes posting idempotent. */
export interface EntryInput {
  businessKey: string;
  /** what caused it, e.g. `order.paid`, `refund`, `payout`, `transfer`, `reversal` */
  kind: string;
  memo?: string | null;
  postings: PostingInput[];
}

export interface LedgerEntryRecord {
  id: string;
  businessKey: string;
  kind: string;
  memo: string | null;
  /** the entry this one reverses, if it is a reversal */
  reversesEntryId: string | null;
  postedAt: Date;
}

export interface LedgerPostingRecord {
  entryId: string;
  /** position within the entry, from 0 */
  seq: number;
  accountId: string;
  amount: number;
  /** the account's balance right after this posting */
  balanceAfter: number;
  postedAt: Date;
}

export interface LedgerEntry extends LedgerEntryRecord {
  postings: LedgerPostingRecord[];
}

/** A posted entry, and whether it had been posted before under the same business key (an idempotent replay). */
export interface PostResult {
  entry: LedgerEntry;
  replayed: boolean;
}

/** One line of an account's history (newest first), with its entry's key for the statement. */
export interface AccountLine extends LedgerPostingRecord {
  businessKey: string;
  kind: string;
  memo: string | null;
}

/** The next page after a line: lines posted before `postedAt`, or at it with a smaller entry id. */
export interface LineCursor {
  postedAt: Date;
  entryId: string;
}

/** What the database says about the whole ledger, in aggregate (the repository computes it in a few queries). */
/** What the one-statement posting path did: the keys it inserted, and each touched account as locked before it. */
export interface PostedBatch {
  inserted: Set<string>;
  accounts: Array<Pick<LedgerAccountRecord, 'id' | 'balance' | 'floor' | 'status'> & { changed: boolean }>;
}

export interface LedgerAggregates {
  /** accounts, a hot account counted once (its shard rows are not accounts) */
  accounts: number;
  entries: number;
  postings: number;
  /** the sum of every account's balance: zero when every entry sums to zero */
  balanceTotal: number;
  /** entries whose postings do not sum to zero, or that have fewer than two postings (at most `limit`) */
  unbalancedEntries: Array<{ entryId: string; sum: number; postings: number }>;
  /** accounts whose balance is not the sum of their postings (at most `limit`) */
  driftedAccounts: Array<{ accountId: string; balance: number; postingsSum: number }>;
  /** accounts below their floor (at most `limit`) */
  belowFloor: Array<{ accountId: string; balance: number; floor: number }>;
  /**
   * postings whose entry or account does not exist: the postings table has no foreign keys (ADR 0015) — its one
   * writer, ledger_post(), inserts a posting only with its entry and on a locked account — so this is checked here
   */
  orphanPostings: number;
}

export interface LedgerVerification extends LedgerAggregates {
  ok: boolean;
}

/** A share of a split in basis points (1 bp = 0.01 %); the shares of one split add up to 10,000. */
export interface SplitShare<K extends string = string> {
  key: K;
  bp: number;
}

// ---- the money flows (order-money.service.ts, settle.service.ts) ---------------------------------------------------

/** Who receives a share of an order's split. */
export type SplitRole = 'merchant' | 'platform' | 'streamer' | 'mcn';

/** One party's share of a settled order: the amount posted at completion and what refunds after it took back. */
export interface SplitShareRecord {
  role: SplitRole;
  partyId: string;
  /** the pending account it went to (platform: platform_fee_revenue) */
  kind: AccountKind;
  amountFen: number;
  reversedFen: number;
}

/** An order's settlement (结算单): its split at completion, the release date (T+N) and what was refunded after. */
export interface OrderSettlementRecord {
  orderId: string;
  merchantOrgId: string;
  /** what left escrow at completion: paid minus the refunds recorded before */
  settledFen: number;
  shares: SplitShareRecord[];
  completedAt: Date;
  releaseDueAt: Date;
  releasedAt: Date | null;
  settledAt: Date;
  version: number;
}

/** 平台服务费率: the platform's fee on a category's sales, in basis points. */
export interface FeeRateRecord {
  categoryId: string;
  feeBp: number;
  updatedBy: string | null;
  updatedAt: Date;
}

/** One order line as the split reads it (the order's snapshot of price, quantity and the agreement's terms). */
export interface SplitLine {
  categoryId: string;
  unitPriceFen: number;
  qty: number;
  returnedQty: number;
  commissionBp: number;
  streamerShareBp: number;
}

/** 坑位费: a slot fee charged to the merchant when an agreement version came into force, held until the start date. */
export interface SlotFeeRecord {
  agreementId: string;
  version: number;
  merchantOrgId: string;
  streamerUserId: string;
  mcnOrgId: string | null;
  amountFen: number;
  streamerShareBp: number;
  startsAt: Date;
  /** held in slot_fees; released to the streamer / MCN after the start; returned to the merchant */
  status: 'held' | 'released' | 'returned';
  chargedAt: Date;
  settledAt: Date | null;
}
