/**
 * The ledger (结算台账): opens accounts, posts journal entries, reverses them, and verifies the whole. Insert-only:
 * an entry is never changed or deleted; a mistake is corrected by a reversing entry. Each post is idempotent by its
 * business key, and floors hold under concurrency: the accounts are locked in id order and the balance UPDATE
 * itself refuses to cross a floor. `postIn` / `postManyIn` / `reverseIn` post in a transaction the caller already
 * holds, so a business change (an order paid, a refund) and its money move commit together or not at all.
 *
 * Postings are not audited one by one: the journal is itself an insert-only record, and the business change that
 * causes an entry is audited by the service that makes it. Closing an account (an operator's act) is audited.
 */
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { Repositories, ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import { applyPostings, reversalOf, samePostings, validateEntry } from './ledger.rules.ts';
import {
  ACCOUNT_KINDS,
  type AccountKind,
  type AccountLine,
  type EntryInput,
  type LedgerAccountRecord,
  type LedgerEntry,
  type LedgerEntryRecord,
  type LedgerVerification,
  type LineCursor,
  type PostingInput,
  type PostResult,
  shardsOf,
} from './settlement.types.ts';

/** The repositories a caller's transaction must offer to post in it. */
export type LedgerTx = Pick<Repositories, 'ledger'>;

export interface LedgerDeps {
  uow: ScopedUnitOfWork<'ledger' | 'audit'>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
}

type Posting = EntryInput & { reversesEntryId?: string | null };

/** How many broken entries or accounts `verify` lists (it counts them all in `ok`). */
const VERIFY_LIST = 100;

export class LedgerService {
  /** a hot account's rows (itself, then its shards), by the account's id: filled as accounts are opened (ADR 0015) */
  private readonly rowsOfAccount = new Map<string, string[]>();
  /** the account each known shard belongs to */
  private readonly accountOfRow = new Map<string, string>();
  /** `party:kind` of the hot accounts whose shards this ledger has seen opened */
  private readonly hotAccountIds = new Set<string>();

  constructor(private readonly d: LedgerDeps) {}

  /** The party's account of `kind`, opened on first use (idempotent; concurrent openers get the same account). */
  async openAccount(partyId: string, kind: AccountKind, tx?: LedgerTx): Promise<LedgerAccountRecord> {
    if (!(kind in ACCOUNT_KINDS)) throw new AppError('request.invalid', { field: 'kind', details: { issue: 'kind' } });
    const record: LedgerAccountRecord = {
      id: this.d.ids.next(),
      partyId,
      kind,
      floor: ACCOUNT_KINDS[kind].floor,
      status: 'open',
      balance: 0,
      version: 1,
      createdAt: this.d.clock.now(),
      closedAt: null,
    };
    // a hot account's shards are opened with it, once: an account this ledger already knows needs only its row read
    const known = this.hotAccountIds.has(`${partyId}:${kind}`);
    const shardIds = known ? [] : Array.from({ length: shardsOf(kind) - 1 }, () => this.d.ids.next());
    const open = async (t: LedgerTx) => {
      const { shardIds: rows, ...account } = await t.ledger.openAccount(record, shardIds);
      if (rows.length > 1) {
        this.hotAccountIds.add(`${partyId}:${kind}`);
        this.rowsOfAccount.set(account.id, rows);
        for (const id of rows) this.accountOfRow.set(id, account.id);
      }
      return account;
    };
    return tx ? open(tx) : this.d.uow.transaction(open);
  }

  /**
   * Where a transaction's postings go: a hot account's to one of its rows, picked per transaction, so concurrent
   * transactions spread over the shards instead of queueing on one row lock; any other account's to itself. An
   * account opened by another process is not known here and is posted to directly: still right, only not spread.
   */
  private router(): (accountId: string) => string {
    const pick = Math.floor(Math.random() * 5040); // divisible by every shard count up to 10: an even spread
    return (id) => {
      const rows = this.rowsOfAccount.get(id);
      return rows ? (rows[pick % rows.length] as string) : id;
    };
  }

  /** Postings with each shard named by its account, to compare a replay with what is stored. */
  private async byAccount(tx: LedgerTx, postings: readonly PostingInput[]): Promise<PostingInput[]> {
    const unknown = postings.map((p) => p.accountId).filter((id) => !this.accountOfRow.has(id));
    const heads = unknown.length > 0 ? await tx.ledger.headsOf([...new Set(unknown)]) : new Map<string, string>();
    return postings.map((p) => ({ ...p, accountId: this.accountOfRow.get(p.accountId) ?? heads.get(p.accountId) ?? p.accountId }));
  }

  async account(id: string): Promise<LedgerAccountRecord> {
    const a = await this.d.uow.read.ledger.findAccount(id);
    if (!a) throw new AppError('ledger.account_not_found', { field: 'accountId' });
    return a;
  }

  accountFor(partyId: string, kind: AccountKind): Promise<LedgerAccountRecord | null> {
    return this.d.uow.read.ledger.findAccountFor(partyId, kind);
  }

  /** A party's balances, one account per kind. */
  balances(partyId: string): Promise<LedgerAccountRecord[]> {
    return this.d.uow.read.ledger.listAccounts(partyId);
  }

  /** An account's lines, newest first, a page at a time (pass the last line's postedAt and entryId as `before`). */
  async lines(accountId: string, opts: { before?: LineCursor; limit?: number } = {}): Promise<AccountLine[]> {
    const limit = Math.min(Math.max(opts.limit ?? 50, 1), 500);
    return this.d.uow.read.ledger.listLines(accountId, { limit, ...(opts.before ? { before: opts.before } : {}) });
  }

  async entry(id: string): Promise<LedgerEntry> {
    const e = await this.d.uow.read.ledger.findEntry(id);
    if (!e) throw new AppError('ledger.entry_not_found', { field: 'entryId' });
    return e;
  }

  /** Posts one entry in a transaction of its own. */
  async post(entry: EntryInput): Promise<PostResult> {
    return this.d.uow.transaction((tx) => this.postIn(tx, entry));
  }

  /** Posts one entry in the caller's transaction. */
  async postIn(tx: LedgerTx, entry: EntryInput): Promise<PostResult> {
    const [r] = await this.postManyIn(tx, [entry]);
    return r as PostResult;
  }

  /** Posts several entries in one transaction: all of them or none (a batch of transfers, one commit). */
  async postMany(entries: EntryInput[]): Promise<PostResult[]> {
    return this.d.uow.transaction((tx) => this.postManyIn(tx, entries));
  }

  /**
   * Posts entries in the caller's transaction, in order. An entry whose business key is already stored with the
   * same postings is a replay (returned as first posted, `replayed: true`); with other postings it is refused.
   * Every floor is checked at each posting of the sequence on the locked balances, and again by the UPDATE.
   */
  async postManyIn(tx: LedgerTx, entries: Posting[]): Promise<PostResult[]> {
    entries.forEach(validateEntry);
    const now = this.d.clock.now();
    // One record per business key; a key repeated in the batch must repeat the same postings.
    const byKey = new Map<string, { input: Posting; record: LedgerEntryRecord }>();
    for (const input of entries) {
      const seen = byKey.get(input.businessKey);
      if (seen) {
        if (!samePostings(seen.input.postings, input.postings)) throw keyReused(input.businessKey);
        continue;
      }
      byKey.set(input.businessKey, {
        input,
        record: {
          id: this.d.ids.next(),
          businessKey: input.businessKey,
          kind: input.kind,
          memo: input.memo ?? null,
          reversesEntryId: input.reversesEntryId ?? null,
          postedAt: now,
        },
      });
    }
    // Sorted by key: two batches sharing keys wait on each other's unique-index entries in the same order.
    const fresh = [...byKey.values()].sort((a, b) => (a.record.businessKey < b.record.businessKey ? -1 : 1));
    // The postings in entry order (the running balances follow it), a hot account's sent to one of its shards;
    // the repository keeps only the new entries'.
    const route = this.router();
    const ordered = [...byKey.values()].map((f) => ({
      ...f,
      postings: f.input.postings.map((p) => ({ ...p, accountId: route(p.accountId) })),
    }));
    const { inserted, accounts } = await tx.ledger.postEntries(
      fresh.map((f) => f.record),
      ordered.flatMap((f) => f.postings.map((p, seq) => ({ entryId: f.record.id, seq, accountId: p.accountId, amount: p.amount }))),
      now,
    );
    const results = new Map<string, PostResult>();

    const replays = fresh.filter((f) => !inserted.has(f.record.businessKey));
    if (replays.length > 0) {
      for (const stored of await tx.ledger.findEntriesByKeys(replays.map((f) => f.record.businessKey))) {
        const f = byKey.get(stored.businessKey);
        if (f && !samePostings(await this.byAccount(tx, f.input.postings), await this.byAccount(tx, stored.postings)))
          throw keyReused(stored.businessKey);
        results.set(stored.businessKey, { entry: stored, replayed: true });
      }
    }

    const posting = ordered.filter((f) => inserted.has(f.record.businessKey));
    if (posting.length > 0) {
      // The accounts as locked, before the change: every rule is checked on them now, and a refusal throws, which
      // rolls back the whole statement (entries, balances, postings) with the caller's transaction.
      const locked = new Map(accounts.map((a) => [a.id, a]));
      const { balancesAfter, deltas } = applyPostings(locked, posting);
      for (const [accountId, delta] of deltas)
        if (!locked.get(accountId)?.changed) {
          // reached only if the locked view was wrong: the UPDATE's guard held
          const a = locked.get(accountId);
          throw new AppError('ledger.insufficient_balance', {
            field: 'postings',
            details: { accountId, balance: a?.balance, delta, floor: a?.floor },
          });
        }
      posting.forEach((f, i) => {
        const postings = f.postings.map((p, seq) => ({
          entryId: f.record.id,
          seq,
          accountId: p.accountId,
          amount: p.amount,
          balanceAfter: balancesAfter[i]?.[seq] ?? 0,
          postedAt: now,
        }));
        results.set(f.record.businessKey, { entry: { ...f.record, postings }, replayed: false });
      });
    }
    return entries.map((e) => results.get(e.businessKey) as PostResult);
  }

  /** Reverses an entry with a new entry of the opposite postings (idempotent: one reversal per entry). */
  async reverse(entryId: string, reason: string): Promise<PostResult> {
    return this.d.uow.transaction((tx) => this.reverseIn(tx, entryId, reason));
  }

  async reverseIn(tx: LedgerTx, entryId: string, reason: string): Promise<PostResult> {
    const entry = await tx.ledger.findEntry(entryId);
    if (!entry) throw new AppError('ledger.entry_not_found', { field: 'entryId' });
    const [r] = await this.postManyIn(tx, [reversalOf(entry, reason)]);
    return r as PostResult;
  }

  /** Closes an empty account: nothing can be posted to it afterwards. */
  async close(actor: Actor, accountId: string): Promise<LedgerAccountRecord> {
    return this.d.uow.transaction(async (tx) => {
      const [a] = await tx.ledger.lockAccounts([accountId]);
      if (!a) throw new AppError('ledger.account_not_found', { field: 'accountId' });
      if (a.status === 'closed') return a;
      // a hot account's shards hold its money: it is one of the platform's own, never closed
      if (shardsOf(a.kind) > 1) throw new AppError('request.invalid', { field: 'accountId', details: { issue: 'sharded' } });
      if (a.balance !== 0) throw new AppError('ledger.account_not_empty', { field: 'accountId', details: { balance: a.balance } });
      const now = this.d.clock.now();
      await tx.ledger.closeAccount(accountId, now);
      await this.d.audit.record(tx, actor, {
        action: 'ledger.account_closed',
        targetType: 'ledger_account',
        targetId: accountId,
        detail: { partyId: a.partyId, kind: a.kind },
      });
      return { ...a, status: 'closed', closedAt: now, version: a.version + 1 };
    });
  }

  /**
   * Every entry sums to zero (with two postings or more), every balance equals its postings, no floor is crossed,
   * every posting has its entry and its account.
   */
  async verify(): Promise<LedgerVerification> {
    const a = await this.d.uow.read.ledger.aggregates(VERIFY_LIST);
    const ok =
      a.unbalancedEntries.length === 0 &&
      a.driftedAccounts.length === 0 &&
      a.belowFloor.length === 0 &&
      a.orphanPostings === 0 &&
      a.balanceTotal === 0;
    return { ok, ...a };
  }
}

function keyReused(businessKey: string): AppError {
  return new AppError('ledger.key_reused', { field: 'businessKey', details: { businessKey } });
}
