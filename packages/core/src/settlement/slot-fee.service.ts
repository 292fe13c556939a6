/**
 * 坑位费 (slot fees) through the ledger (the selection context's `SlotFeeMoney` port): when an agreement version comes
 * into force the merchant is charged its slot fee — from its available balance, the shortfall into its debt — into
 * `slot_fees` (party: the merchant, held for the slot). Once the agreement's start date has passed the settle job
 * releases it to the streamer and the MCN (split by `streamerShareBp`, the streamer listed first; no MCN → all to the
 * streamer), each party's debt paid first. An agreement terminated before its start date gets it back (the
 * merchant's debt paid first). A new version in force returns the earlier versions' fees still held, then charges its own.
 */
import type { SlotFeeCharge, SlotFeeMoney, SlotFeeTx } from '../selection/slot-fee.port.ts';
import type { Clock } from '../ports/runtime.ts';
import { FULL_BP, splitByBasisPoints } from './ledger.rules.ts';
import type { LedgerService } from './ledger.service.ts';
import { settleDebtFirst, takeBack } from './settle.rules.ts';
import type { AccountKind, PostingInput, SlotFeeRecord } from './settlement.types.ts';

export interface SlotFeeDeps {
  ledger: LedgerService;
  clock: Clock;
}

export const slotFeeKey = (agreementId: string, version: number): string => `slot_fee:${agreementId}:v${version}`;

export class SlotFeeService implements SlotFeeMoney {
  constructor(private readonly d: SlotFeeDeps) {}

  private async acct(tx: SlotFeeTx, partyId: string, kind: AccountKind): Promise<string> {
    return (await this.d.ledger.openAccount(partyId, kind, tx)).id;
  }

  private async balanceOf(tx: SlotFeeTx, accountId: string): Promise<number> {
    const [a] = await tx.ledger.lockAccounts([accountId]);
    return a?.balance ?? 0;
  }

  /** Income of `amount` to a party's available account of `kind`, its debt paid back first. */
  private async income(tx: SlotFeeTx, partyId: string, kind: AccountKind, amount: number): Promise<PostingInput[]> {
    if (amount <= 0) return [];
    const debt = await this.acct(tx, partyId, 'debt');
    const r = settleDebtFirst(amount, await this.balanceOf(tx, debt));
    const out: PostingInput[] = [];
    if (r.toDebt > 0) out.push({ accountId: debt, amount: r.toDebt });
    if (r.toAvailable > 0) out.push({ accountId: await this.acct(tx, partyId, kind), amount: r.toAvailable });
    return out;
  }

  async inForce(tx: SlotFeeTx, c: SlotFeeCharge): Promise<void> {
    const now = this.d.clock.now();
    for (const f of await tx.settlement.listHeldSlotFees(c.agreementId, { lock: true }))
      if (f.version !== c.version) await this.giveBack(tx, f, now);
    if (!Number.isSafeInteger(c.slotFeeFen) || c.slotFeeFen <= 0) return;
    const record: SlotFeeRecord = {
      agreementId: c.agreementId,
      version: c.version,
      merchantOrgId: c.merchantOrgId,
      streamerUserId: c.streamerUserId,
      mcnOrgId: c.mcnOrgId,
      amountFen: c.slotFeeFen,
      streamerShareBp: c.streamerShareBp,
      startsAt: c.startsAt,
      status: 'held',
      chargedAt: now,
      settledAt: null,
    };
    if (!(await tx.settlement.insertSlotFee(record))) return;
    const available = await this.acct(tx, c.merchantOrgId, 'merchant_available');
    const t = takeBack(c.slotFeeFen, await this.balanceOf(tx, available));
    const postings: PostingInput[] = [];
    if (t.fromAvailable > 0) postings.push({ accountId: available, amount: -t.fromAvailable });
    if (t.toDebt > 0) postings.push({ accountId: await this.acct(tx, c.merchantOrgId, 'debt'), amount: -t.toDebt });
    postings.push({ accountId: await this.acct(tx, c.merchantOrgId, 'slot_fees'), amount: c.slotFeeFen });
    await this.d.ledger.postIn(tx, { businessKey: slotFeeKey(c.agreementId, c.version), kind: 'slot_fee', memo: c.agreementId, postings });
  }

  async terminated(tx: SlotFeeTx, agreementId: string, at: Date): Promise<void> {
    for (const f of await tx.settlement.listHeldSlotFees(agreementId, { lock: true })) if (at < f.startsAt) await this.giveBack(tx, f, at);
  }

  /** A held fee back to the merchant (its debt first). */
  private async giveBack(tx: SlotFeeTx, f: SlotFeeRecord, at: Date): Promise<void> {
    if (!(await tx.settlement.settleSlotFee(f.agreementId, f.version, 'returned', at))) return;
    const postings: PostingInput[] = [
      { accountId: await this.acct(tx, f.merchantOrgId, 'slot_fees'), amount: -f.amountFen },
      ...(await this.income(tx, f.merchantOrgId, 'merchant_available', f.amountFen)),
    ];
    await this.d.ledger.postIn(tx, {
      businessKey: `${slotFeeKey(f.agreementId, f.version)}:returned`,
      kind: 'slot_fee.returned',
      memo: f.agreementId,
      postings,
    });
  }

  /** The start has come: the fee goes to the streamer and the MCN (the settle job). Returns whether it moved. */
  async releaseIn(tx: SlotFeeTx, f: SlotFeeRecord, at: Date): Promise<boolean> {
    if (!(await tx.settlement.settleSlotFee(f.agreementId, f.version, 'released', at))) return false;
    const bp = Math.min(FULL_BP, Math.max(0, f.streamerShareBp));
    const split = f.mcnOrgId
      ? splitByBasisPoints(f.amountFen, [
          { key: 'streamer', bp },
          { key: 'mcn', bp: FULL_BP - bp },
        ])
      : new Map([['streamer', f.amountFen]]);
    const postings: PostingInput[] = [
      { accountId: await this.acct(tx, f.merchantOrgId, 'slot_fees'), amount: -f.amountFen },
      ...(await this.income(tx, f.streamerUserId, 'streamer_commission_available', split.get('streamer') ?? 0)),
      ...(f.mcnOrgId ? await this.income(tx, f.mcnOrgId, 'mcn_commission_available', split.get('mcn') ?? 0) : []),
    ];
    await this.d.ledger.postIn(tx, {
      businessKey: `${slotFeeKey(f.agreementId, f.version)}:released`,
      kind: 'slot_fee.released',
      memo: f.agreementId,
      postings,
    });
    return true;
  }
}
