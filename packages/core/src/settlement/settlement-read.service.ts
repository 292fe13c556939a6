/**
 * What the pages and the statements read of the money flows: a party's balances by kind, and an order's split
 * (each party's share, what refunds took back, the release date). Reads only; tenant checks are the caller's.
 */
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { AccountKind, OrderSettlementRecord } from './settlement.types.ts';

export interface SettlementReadDeps {
  uow: ScopedUnitOfWork<'ledger' | 'settlement'>;
}

export class SettlementReader {
  constructor(private readonly d: SettlementReadDeps) {}

  /** The party's balance per account kind (kinds it has no account of are left out). */
  async balancesByKind(partyId: string): Promise<Partial<Record<AccountKind, number>>> {
    const out: Partial<Record<AccountKind, number>> = {};
    for (const a of await this.d.uow.read.ledger.listAccounts(partyId)) out[a.kind] = a.balance;
    return out;
  }

  /** The order's split at completion, or null while it is not settled. */
  orderSplit(orderId: string): Promise<OrderSettlementRecord | null> {
    return this.d.uow.read.settlement.findOrderSettlement(orderId);
  }
}
