/**
 * 提现: a merchant, streamer or MCN asks to withdraw from its available balance (Idempotency-Key). The payout row and
 * its posting `payout:<id>` (available → payouts in transit) commit together; below the approval threshold the
 * transfer goes to the payout provider at once, at or above it a platform admin approves (or rejects: the funds
 * return). The provider's signed result pays it out (`payout:<id>:paid`) or returns it (`payout:<id>:failed`), each
 * notification processed once. A party whose payouts are held (冻结, `PayoutHoldService`) is refused.
 */
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { Repositories, ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator, PiiVault } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import { canonicalJson, sha256Hex } from '../shared/hash.ts';
import type { NameReader } from '../shared/name-directory.ts';
import type { LedgerService } from './ledger.service.ts';
import type { PayoutProvider, TransferNotification } from './payout.port.ts';
import { checkAmount, maskAccountNo, maskHolder, needsApproval, nextPayoutStatus, payoutEntry, payoutPartyOf } from './payout.rules.ts';
import {
  PAYOUT_ACCOUNT,
  type PayoutHoldRecord,
  type PayoutPartyKind,
  type PayoutRecord,
  type PayoutRequestInput,
  type PayoutStatus,
  type PayoutSummary,
  type PayoutView,
} from './payout.types.ts';
import { PLATFORM_PARTY } from './settlement.types.ts';

export type PayoutScope = 'payouts' | 'ledger' | 'audit' | 'outbox';
type PayoutTx = Pick<Repositories, PayoutScope>;

export interface PayoutDeps {
  uow: ScopedUnitOfWork<PayoutScope>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  ledger: LedgerService;
  vault: PiiVault;
  providers: PayoutProvider[];
  names: NameReader;
  /** a payout of at least this many fen waits for a platform admin (e.g. ¥50,000 = 5,000,000) */
  approvalThresholdFen: number;
}

const SYSTEM: Actor = { userId: null, label: 'system:payouts', orgId: null, membershipId: null, role: 'system', via: 'system' };

class KeyRace extends Error {}

export class PayoutService {
  private readonly providers: Map<string, PayoutProvider>;
  private readonly provider: PayoutProvider;

  constructor(private readonly d: PayoutDeps) {
    this.providers = new Map(d.providers.map((p) => [p.name, p]));
    const first = d.providers[0];
    if (!first) throw new Error('PayoutService needs a payout provider');
    this.provider = first;
  }

  private party(actor: Actor): { partyId: string; partyKind: PayoutPartyKind } {
    const p = payoutPartyOf(actor);
    if (!p) throw new AppError('auth.forbidden');
    return p;
  }

  /** 申请提现 for the actor's own party. The same key with the same body returns the first payout. */
  async request(actor: Actor, input: PayoutRequestInput, idempotencyKey: string | undefined): Promise<PayoutView> {
    const { partyId, partyKind } = this.party(actor);
    const userId = actor.userId as string;
    const amountFen = checkAmount(input.amountFen);
    if (!idempotencyKey) throw new AppError('payouts.idempotency_required', { field: 'Idempotency-Key' });
    const requestHash = sha256Hex(canonicalJson({ partyId, ...input, bankName: input.bankName ?? null }));
    const prior = await this.d.uow.read.payouts.findByKey(userId, idempotencyKey);
    if (prior) return this.replay(prior, requestHash);
    const hold = await this.d.uow.read.payouts.activeHold(partyId);
    if (hold) throw onHold(hold);
    const now = this.d.clock.now();
    const approval = needsApproval(amountFen, this.d.approvalThresholdFen);
    const record: PayoutRecord = {
      id: this.d.ids.next(),
      partyId,
      partyKind,
      amountFen,
      method: input.method,
      accountNameEnc: this.d.vault.encrypt(input.accountName),
      accountNoEnc: this.d.vault.encrypt(input.accountNo),
      bankName: input.method === 'bank' ? (input.bankName ?? null) : null,
      status: approval ? 'pending_approval' : 'processing',
      requestedBy: userId,
      idempotencyKey,
      requestHash,
      provider: this.provider.name,
      providerRef: null,
      sentAt: null,
      failureReason: null,
      decidedBy: null,
      decisionNote: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    try {
      await this.d.uow.transaction(async (tx) => {
        const held = await tx.payouts.activeHold(partyId);
        if (held) throw onHold(held);
        const available = await tx.ledger.findAccountFor(partyId, PAYOUT_ACCOUNT[partyKind]);
        const balance = available?.balance ?? 0;
        if (balance < amountFen)
          throw new AppError('payouts.insufficient_balance', { field: 'amountFen', details: { availableFen: balance, amountFen } });
        if (!(await tx.payouts.insert(record))) throw new KeyRace();
        await this.d.ledger.postIn(tx, {
          ...payoutEntry(record.id, 'requested', amountFen, await this.accounts(tx, partyId, partyKind)),
          memo: approval ? '待审批' : null,
        });
        await this.d.audit.record(tx, actor, {
          action: 'payout.request',
          targetType: 'payout',
          targetId: record.id,
          orgId: partyKind === 'streamer' ? null : partyId,
          detail: { partyId, partyKind, amountFen, method: input.method, status: record.status },
        });
      });
    } catch (e) {
      if (e instanceof AppError && e.code === 'ledger.insufficient_balance')
        throw new AppError('payouts.insufficient_balance', { field: 'amountFen', details: { amountFen } });
      if (e instanceof KeyRace) {
        const first = await this.d.uow.read.payouts.findByKey(userId, idempotencyKey);
        if (first) return this.replay(first, requestHash);
      }
      throw e;
    }
    if (!approval) await this.sendOrLeave(record);
    return this.view((await this.d.uow.read.payouts.find(record.id)) ?? record);
  }

  private async replay(prior: PayoutRecord, requestHash: string): Promise<PayoutView> {
    if (prior.requestHash !== requestHash) throw new AppError('payouts.idempotency_conflict', { field: 'Idempotency-Key' });
    return this.view((await this.d.uow.read.payouts.find(prior.id)) ?? prior);
  }

  private async accounts(tx: PayoutTx, partyId: string, partyKind: PayoutPartyKind) {
    const [available, inTransit, clearing] = await Promise.all([
      this.d.ledger.openAccount(partyId, PAYOUT_ACCOUNT[partyKind], tx),
      this.d.ledger.openAccount(PLATFORM_PARTY, 'payouts_in_transit', tx),
      this.d.ledger.openAccount(PLATFORM_PARTY, 'provider_clearing', tx),
    ]);
    return { available: available.id, inTransit: inTransit.id, clearing: clearing.id };
  }

  /** Hands a processing payout to its provider (idempotent on the payout id) and marks it sent. */
  private async send(p: PayoutRecord): Promise<void> {
    const provider = this.providers.get(p.provider) ?? this.provider;
    const { providerRef } = await provider.createTransfer({
      payoutId: p.id,
      amountFen: p.amountFen,
      method: p.method,
      accountName: this.d.vault.decrypt(p.accountNameEnc),
      accountNo: this.d.vault.decrypt(p.accountNoEnc),
      bankName: p.bankName,
      remark: `LiveHub 提现 ${p.id.slice(-8)}`,
    });
    await this.d.uow.transaction(async (tx) => {
      const cur = await tx.payouts.find(p.id, { lock: true });
      if (!cur || cur.sentAt) return;
      await tx.payouts.update(
        { ...cur, sentAt: this.d.clock.now(), providerRef: cur.providerRef ?? providerRef, version: cur.version + 1 },
        cur.version,
      );
    });
  }

  /**
   * Hands the payout over; if the provider cannot be reached now, the payout stays `processing` with `sentAt` null
   * and the periodic sweep (`resendUnsent`) hands it over again — the request itself has been accepted.
   */
  private async sendOrLeave(p: PayoutRecord): Promise<boolean> {
    try {
      await this.send(p);
      return true;
    } catch {
      return false;
    }
  }

  /** Sends again the processing payouts a crash or an unreachable provider left unsent (deduped on the payout id). */
  async resendUnsent(limit = 100): Promise<number> {
    const unsent = await this.d.uow.read.payouts.listUnsent(limit);
    let sent = 0;
    for (const p of unsent) if (await this.sendOrLeave(p)) sent++;
    return sent;
  }

  /** 审批通过 (platform admin): the payout goes to the provider. */
  async approve(actor: Actor, id: string, note?: string): Promise<PayoutView> {
    const p = await this.decide(actor, id, 'approve', note ?? null);
    await this.sendOrLeave(p);
    return this.view((await this.d.uow.read.payouts.find(id)) ?? p);
  }

  /** 驳回 (platform admin): the funds return to the party's available balance. */
  async reject(actor: Actor, id: string, reason: string): Promise<PayoutView> {
    return this.view(await this.decide(actor, id, 'reject', reason));
  }

  private async decide(actor: Actor, id: string, event: 'approve' | 'reject', note: string | null): Promise<PayoutRecord> {
    if (actor.role !== 'platform_admin') throw new AppError('auth.forbidden');
    return this.d.uow.transaction(async (tx) => {
      const p = await tx.payouts.find(id, { lock: true });
      if (!p) throw new AppError('payouts.not_found', { field: 'id' });
      const status = nextPayoutStatus(p.status, event);
      if (!status) throw new AppError('payouts.illegal_transition', { field: 'id', details: { status: p.status, action: event } });
      if (event === 'approve') {
        const hold = await tx.payouts.activeHold(p.partyId);
        if (hold) throw onHold(hold);
      }
      const next: PayoutRecord = {
        ...p,
        status,
        decidedBy: actor.userId,
        decisionNote: note,
        updatedAt: this.d.clock.now(),
        version: p.version + 1,
      };
      if (!(await tx.payouts.update(next, p.version))) throw new AppError('payouts.stale', { field: 'id' });
      if (event === 'reject')
        await this.d.ledger.postIn(tx, {
          ...payoutEntry(p.id, 'rejected', p.amountFen, await this.accounts(tx, p.partyId, p.partyKind)),
          memo: note,
        });
      await this.d.audit.record(tx, actor, {
        action: event === 'approve' ? 'payout.approve' : 'payout.reject',
        targetType: 'payout',
        targetId: p.id,
        orgId: p.partyKind === 'streamer' ? null : p.partyId,
        detail: { partyId: p.partyId, amountFen: p.amountFen, note },
      });
      return next;
    });
  }

  /** 转账结果通知: verified by the provider adapter, processed once per notification id. */
  async onResult(providerName: string, headers: Record<string, string | undefined>, rawBody: string): Promise<{ ok: true }> {
    const provider = this.providers.get(providerName);
    if (!provider) throw new AppError('payouts.unknown_provider', { field: 'provider' });
    const check = provider.verifyNotification(headers, rawBody);
    if (!check.ok)
      throw new AppError(
        check.reason === 'bad_signature'
          ? 'payouts.bad_signature'
          : check.reason === 'stale'
            ? 'payouts.stale_notification'
            : 'payouts.malformed',
      );
    const n = check.notification;
    const actor: Actor = { ...SYSTEM, label: `system:payouts:${provider.name}` };
    await this.d.uow.transaction(async (tx) => {
      const fresh = await tx.payouts.recordNotification({
        provider: provider.name,
        notifyId: n.notifyId,
        payoutId: n.payoutId,
        kind: n.kind,
        receivedAt: this.d.clock.now(),
      });
      if (!fresh) throw new AppError('payouts.replayed');
      await this.applyResult(tx, actor, n);
    });
    return { ok: true };
  }

  private async applyResult(tx: PayoutTx, actor: Actor, n: TransferNotification): Promise<void> {
    const p = await tx.payouts.find(n.payoutId, { lock: true });
    if (!p) throw new AppError('payouts.not_found', { field: 'payoutId' });
    if (n.amountFen !== p.amountFen) throw new AppError('payouts.amount_mismatch', { field: 'amountFen' });
    const event = n.kind === 'transfer.succeeded' ? 'paid' : 'failed';
    const status = nextPayoutStatus(p.status, event);
    if (!status) return; // already settled: a late or second result changes nothing
    const next: PayoutRecord = {
      ...p,
      status,
      providerRef: n.providerRef || p.providerRef,
      failureReason: event === 'failed' ? (n.reason ?? 'failed') : null,
      updatedAt: this.d.clock.now(),
      version: p.version + 1,
    };
    if (!(await tx.payouts.update(next, p.version))) throw new AppError('payouts.stale');
    await this.d.ledger.postIn(tx, {
      ...payoutEntry(p.id, event, p.amountFen, await this.accounts(tx, p.partyId, p.partyKind)),
      memo: n.reason,
    });
    await this.d.audit.record(tx, actor, {
      action: event === 'paid' ? 'payout.paid' : 'payout.failed',
      targetType: 'payout',
      targetId: p.id,
      orgId: p.partyKind === 'streamer' ? null : p.partyId,
      detail: { amountFen: p.amountFen, providerRef: n.providerRef, reason: n.reason },
    });
    await tx.outbox.add({
      id: this.d.ids.next(),
      topic: `payout.${event}`,
      payload: { payoutId: p.id, partyId: p.partyId, partyKind: p.partyKind, amountFen: p.amountFen, reason: n.reason },
      createdAt: this.d.clock.now(),
      publishedAt: null,
    });
  }

  // ---- reads ----------------------------------------------------------------------------------------------------

  /** The actor's own payouts (merchant, streamer, MCN), or anyone's for the platform. */
  async list(
    actor: Actor,
    opts: { status?: PayoutStatus | undefined; partyId?: string | undefined; limit: number },
  ): Promise<PayoutView[]> {
    let partyId = opts.partyId;
    if (actor.role !== 'platform_admin' && actor.role !== 'regulator') partyId = this.party(actor).partyId;
    const rows = await this.d.uow.read.payouts.list({ partyId, status: opts.status, limit: opts.limit });
    return this.views(rows);
  }

  async get(actor: Actor, id: string): Promise<PayoutView> {
    const p = await this.d.uow.read.payouts.find(id);
    const own = p && (actor.role === 'platform_admin' || payoutPartyOf(actor)?.partyId === p.partyId);
    if (!p || !own) throw new AppError('payouts.not_found', { field: 'id' });
    return this.view(p);
  }

  async summary(actor: Actor): Promise<PayoutSummary> {
    const { partyId, partyKind } = this.party(actor);
    const available = await this.d.ledger.accountFor(partyId, PAYOUT_ACCOUNT[partyKind]);
    const transit = (await this.d.uow.read.payouts.list({ partyId, status: 'processing', limit: 200 }))
      .concat(await this.d.uow.read.payouts.list({ partyId, status: 'pending_approval', limit: 200 }))
      .reduce((s, p) => s + p.amountFen, 0);
    return {
      partyId,
      partyKind,
      availableFen: available?.balance ?? 0,
      inTransitFen: transit,
      approvalThresholdFen: this.d.approvalThresholdFen,
      hold: await this.d.uow.read.payouts.activeHold(partyId),
    };
  }

  private async view(p: PayoutRecord): Promise<PayoutView> {
    const [v] = await this.views([p]);
    return v as PayoutView;
  }

  private async views(rows: PayoutRecord[]): Promise<PayoutView[]> {
    const names = await this.d.names.namesFor({
      orgs: rows.filter((r) => r.partyKind !== 'streamer').map((r) => r.partyId),
      users: rows.filter((r) => r.partyKind === 'streamer').map((r) => r.partyId),
    });
    return rows.map((record) => ({
      record,
      partyName: names.orgs.get(record.partyId) ?? names.users.get(record.partyId) ?? '',
      accountName: maskHolder(this.d.vault.decrypt(record.accountNameEnc)),
      accountNo: maskAccountNo(this.d.vault.decrypt(record.accountNoEnc), record.method),
    }));
  }
}

function onHold(h: PayoutHoldRecord): AppError {
  return new AppError('payouts.on_hold', { field: 'partyId', details: { reason: h.reason } });
}
