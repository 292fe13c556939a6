/**
 * The ledger side of paying complaint outcomes: implements the disputes context's `CompensationMoney` port.
 * Postings (docs/settlement.md, "先行赔付金"):
 *
 * - the merchant pays: merchant available −A, compensation payable +A (`complaint_payment:<id>:paid`);
 * - 先行赔付: advance-compensation fund −A, compensation payable +A (`complaint_payment:<id>:advanced`);
 * - either way the consumer is paid at once through the payment channel: compensation payable −A, provider clearing
 *   +A (`complaint_payment:<id>:disbursed`);
 * - 追偿 n: merchant deposit −d, merchant available −b, fund +(d+b) (`complaint_payment:<id>:recovery:<n>`).
 *
 * A payout that leaves the fund below its alert floor writes `settlement.fund_below_floor` to the outbox.
 */
import { AppError } from '../errors.ts';
import type { Repositories } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { LedgerService } from './ledger.service.ts';
import { ADVANCE_FUND_ALERT_FLOOR_FEN, PLATFORM_PARTY, type PostingInput } from './settlement.types.ts';

type Tx = Pick<Repositories, 'ledger' | 'outbox'>;

interface Posting {
  obligationId: string;
  complaintId: string;
  merchantOrgId: string;
  amountFen: number;
}

export interface CompensationMoneyDeps {
  ledger: LedgerService;
  clock: Clock;
  ids: IdGenerator;
  /** the fund's alert floor in fen (ADVANCE_FUND_ALERT_FLOOR_FEN by default) */
  fundFloorFen?: number;
}

export class CompensationMoneyService {
  constructor(private readonly d: CompensationMoneyDeps) {}

  get fundFloorFen(): number {
    return this.d.fundFloorFen ?? ADVANCE_FUND_ALERT_FLOOR_FEN;
  }

  async merchantFunds(tx: Tx, merchantOrgId: string): Promise<{ depositFen: number; availableFen: number }> {
    const [deposit, available] = await Promise.all([
      tx.ledger.findAccountFor(merchantOrgId, 'merchant_deposit'),
      tx.ledger.findAccountFor(merchantOrgId, 'merchant_available'),
    ]);
    return { depositFen: deposit?.balance ?? 0, availableFen: available?.balance ?? 0 };
  }

  async fundBalance(tx: Tx): Promise<number> {
    return (await tx.ledger.findAccountFor(PLATFORM_PARTY, 'advance_compensation_fund'))?.balance ?? 0;
  }

  async merchantPays(tx: Tx, p: Posting): Promise<void> {
    const available = await this.d.ledger.openAccount(p.merchantOrgId, 'merchant_available', tx);
    await this.payOut(tx, p, 'paid', 'compensation.paid', available.id);
  }

  async advance(tx: Tx, p: Posting): Promise<{ fundBalanceFen: number; belowFloor: boolean }> {
    const fund = await this.d.ledger.openAccount(PLATFORM_PARTY, 'advance_compensation_fund', tx);
    const after = await this.payOut(tx, p, 'advanced', 'compensation.advanced', fund.id);
    const belowFloor = after < this.fundFloorFen;
    if (belowFloor)
      await tx.outbox.add({
        id: this.d.ids.next(),
        topic: 'settlement.fund_below_floor',
        payload: {
          balanceFen: after,
          floorFen: this.fundFloorFen,
          shortFen: this.fundFloorFen - after,
          cause: 'compensation.advanced',
          complaintId: p.complaintId,
          merchantOrgId: p.merchantOrgId,
        },
        createdAt: this.d.clock.now(),
        publishedAt: null,
      });
    return { fundBalanceFen: after, belowFloor };
  }

  async recover(tx: Tx, p: Omit<Posting, 'amountFen'> & { seq: number; fromDepositFen: number; fromBalanceFen: number }): Promise<void> {
    const total = p.fromDepositFen + p.fromBalanceFen;
    if (!Number.isSafeInteger(total) || total <= 0 || p.fromDepositFen < 0 || p.fromBalanceFen < 0)
      throw new AppError('settlement.refund_amount_invalid', { field: 'amountFen' });
    const postings: PostingInput[] = [];
    if (p.fromDepositFen > 0)
      postings.push({
        accountId: (await this.d.ledger.openAccount(p.merchantOrgId, 'merchant_deposit', tx)).id,
        amount: -p.fromDepositFen,
      });
    if (p.fromBalanceFen > 0)
      postings.push({
        accountId: (await this.d.ledger.openAccount(p.merchantOrgId, 'merchant_available', tx)).id,
        amount: -p.fromBalanceFen,
      });
    postings.push({ accountId: (await this.d.ledger.openAccount(PLATFORM_PARTY, 'advance_compensation_fund', tx)).id, amount: total });
    await this.d.ledger.postIn(tx, {
      businessKey: `complaint_payment:${p.obligationId}:recovery:${p.seq}`,
      kind: 'compensation.recovered',
      memo: p.complaintId,
      postings,
    });
  }

  /** `from` → compensation payable → the consumer through the channel; returns `from`'s balance after. */
  private async payOut(tx: Tx, p: Posting, step: string, kind: string, fromAccountId: string): Promise<number> {
    const [payable, clearing] = await Promise.all([
      this.d.ledger.openAccount(PLATFORM_PARTY, 'compensation_payable', tx),
      this.d.ledger.openAccount(PLATFORM_PARTY, 'provider_clearing', tx),
    ]);
    const [owed] = await this.d.ledger.postManyIn(tx, [
      {
        businessKey: `complaint_payment:${p.obligationId}:${step}`,
        kind,
        memo: p.complaintId,
        postings: [
          { accountId: fromAccountId, amount: -p.amountFen },
          { accountId: payable.id, amount: p.amountFen },
        ],
      },
      {
        businessKey: `complaint_payment:${p.obligationId}:disbursed`,
        kind: 'compensation.disbursed',
        memo: p.complaintId,
        postings: [
          { accountId: payable.id, amount: -p.amountFen },
          { accountId: clearing.id, amount: p.amountFen },
        ],
      },
    ]);
    return owed?.entry.postings.find((x) => x.accountId === fromAccountId)?.balanceAfter ?? 0;
  }
}
