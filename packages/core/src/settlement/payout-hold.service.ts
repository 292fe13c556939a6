/**
 * 冻结提现: the platform holds a party's payouts (an open case, a low credit tier) until it releases them. Requests
 * and approvals of a held party are refused by `PayoutService`. Other contexts (credit, disputes) call `placeHold`
 * with the system actor, or `placeHoldIn` inside their own transaction.
 */
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { Repositories, ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import type { NameReader } from '../shared/name-directory.ts';
import type { PayoutHoldRecord } from './payout.types.ts';

export interface PayoutHoldDeps {
  uow: ScopedUnitOfWork<'payouts' | 'audit'>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  names: NameReader;
}

export class PayoutHoldService {
  constructor(private readonly d: PayoutHoldDeps) {}

  /** Holds a party's payouts (platform admin, or another context's service with the system actor). */
  async placeHold(actor: Actor, partyId: string, reason: string): Promise<PayoutHoldRecord> {
    if (actor.role !== 'platform_admin' && actor.role !== 'system') throw new AppError('auth.forbidden');
    return this.d.uow.transaction((tx) => this.placeHoldIn(tx, actor, partyId, reason));
  }

  /** The in-transaction form, for a context that holds payouts together with its own change (an open case). */
  async placeHoldIn(tx: Pick<Repositories, 'payouts' | 'audit'>, actor: Actor, partyId: string, reason: string): Promise<PayoutHoldRecord> {
    const trimmed = reason.trim();
    if (trimmed.length < 2) throw new AppError('payouts.hold_reason_required', { field: 'reason' });
    const hold = await tx.payouts.placeHold({
      id: this.d.ids.next(),
      partyId,
      reason: trimmed,
      placedBy: actor.userId,
      placedAt: this.d.clock.now(),
      releasedBy: null,
      releasedAt: null,
    });
    await this.d.audit.record(tx, actor, {
      action: 'payout.hold',
      targetType: 'payout_hold',
      targetId: hold.id,
      detail: { partyId, reason: trimmed },
    });
    return hold;
  }

  async releaseHold(actor: Actor, partyId: string): Promise<{ released: boolean }> {
    if (actor.role !== 'platform_admin' && actor.role !== 'system') throw new AppError('auth.forbidden');
    return this.d.uow.transaction(async (tx) => {
      const hold = await tx.payouts.activeHold(partyId);
      if (!hold) throw new AppError('payouts.hold_not_found', { field: 'partyId' });
      const released = await tx.payouts.releaseHold(hold.id, actor.userId, this.d.clock.now());
      await this.d.audit.record(tx, actor, {
        action: 'payout.release',
        targetType: 'payout_hold',
        targetId: hold.id,
        detail: { partyId },
      });
      return { released };
    });
  }

  /** The in-transaction release, for a context lifting its own hold (credit leaving tier D); false when none is active. */
  async releaseHoldIn(tx: Pick<Repositories, 'payouts' | 'audit'>, actor: Actor, partyId: string, reasonPrefix?: string): Promise<boolean> {
    const hold = await tx.payouts.activeHold(partyId);
    if (!hold || (reasonPrefix !== undefined && !hold.reason.startsWith(reasonPrefix))) return false;
    const released = await tx.payouts.releaseHold(hold.id, actor.userId, this.d.clock.now());
    await this.d.audit.record(tx, actor, { action: 'payout.release', targetType: 'payout_hold', targetId: hold.id, detail: { partyId } });
    return released;
  }

  /**
   * Several holds in one go (a recompute moving many parties to tier D): parties already held are skipped, the others
   * held in one statement and audited together. Returns the holds placed.
   */
  async placeHoldsIn(
    tx: Pick<Repositories, 'payouts' | 'audit'>,
    actor: Actor,
    items: Array<{ partyId: string; reason: string }>,
  ): Promise<PayoutHoldRecord[]> {
    if (items.length === 0) return [];
    const now = this.d.clock.now();
    const holds = items.map(({ partyId, reason }) => {
      const trimmed = reason.trim();
      if (trimmed.length < 2) throw new AppError('payouts.hold_reason_required', { field: 'reason' });
      return { id: this.d.ids.next(), partyId, reason: trimmed, placedBy: actor.userId, placedAt: now, releasedBy: null, releasedAt: null };
    });
    const placed = await tx.payouts.placeHolds(holds);
    await this.d.audit.recordMany(
      tx,
      placed.map((h) => ({
        actor,
        input: { action: 'payout.hold', targetType: 'payout_hold', targetId: h.id, detail: { partyId: h.partyId, reason: h.reason } },
      })),
    );
    return placed;
  }

  /** The batch form of `releaseHoldIn`: releases the parties' active holds whose reason starts with the prefix. */
  async releaseHoldsIn(
    tx: Pick<Repositories, 'payouts' | 'audit'>,
    actor: Actor,
    partyIds: string[],
    reasonPrefix: string,
  ): Promise<number> {
    if (partyIds.length === 0) return 0;
    const active = (await tx.payouts.activeHoldsOf(partyIds)).filter((h) => h.reason.startsWith(reasonPrefix));
    const released = new Set(
      await tx.payouts.releaseHolds(
        active.map((h) => h.id),
        actor.userId,
        this.d.clock.now(),
      ),
    );
    await this.d.audit.recordMany(
      tx,
      active
        .filter((h) => released.has(h.id))
        .map((h) => ({
          actor,
          input: { action: 'payout.release', targetType: 'payout_hold', targetId: h.id, detail: { partyId: h.partyId } },
        })),
    );
    return released.size;
  }

  /** The parties' active holds and those placed since `since` (the credit context's sweep, in its transaction). */
  holdsSinceIn(tx: Pick<Repositories, 'payouts'>, partyIds: string[], since: Date): Promise<PayoutHoldRecord[]> {
    return tx.payouts.holdsSince(partyIds, since);
  }

  /** Whether a party's payouts are held (for other contexts' screens). */
  activeHold(partyId: string): Promise<PayoutHoldRecord | null> {
    return this.d.uow.read.payouts.activeHold(partyId);
  }

  async holds(actor: Actor, activeOnly = true): Promise<Array<{ hold: PayoutHoldRecord; partyName: string }>> {
    if (actor.role !== 'platform_admin') throw new AppError('auth.forbidden');
    const list = await this.d.uow.read.payouts.listHolds({ activeOnly, limit: 200 });
    const ids = list.map((h) => h.partyId);
    const names = await this.d.names.namesFor({ orgs: ids, users: ids });
    return list.map((hold) => ({ hold, partyName: names.orgs.get(hold.partyId) ?? names.users.get(hold.partyId) ?? '' }));
  }
}
