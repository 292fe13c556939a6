/**
 * 对账单: a party's statement for a day or a month (China time). For each of the party's accounts (or the one kind
 * asked for): the opening balance (the last `balanceAfter` before the period), every posting of the period in
 * posting order with its business key decoded into a reference and its kind in Chinese, and the closing balance
 * (the last `balanceAfter` before the period's end) — so opening + the period's postings = closing.
 *
 * Who reads whose: a merchant's staff its organization's, an MCN manager its organization's, a streamer their own;
 * the platform's admins and regulators any party's. Everyone else is refused.
 */
import { AppError } from '../errors.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import type { NameReader } from '../shared/name-directory.ts';
import { decodeBusinessKey, displayMemo, entryKindLabel, parsePeriod, referenceOf, statementTotals, sumTotals } from './statement.rules.ts';
import type { AccountStatement, Statement, StatementLine } from './statement.types.ts';
import { ACCOUNT_KINDS, PLATFORM_PARTY } from './settlement.types.ts';

export interface StatementDeps {
  uow: ScopedUnitOfWork<'ledger'>;
  clock: Clock;
  names: NameReader;
}

export interface StatementQuery {
  partyId: string;
  /** `YYYY-MM-DD` or `YYYY-MM`, China time */
  period: string;
  /** one kind of account only (an `AccountKind`; anything else is refused with the field) */
  kind?: string | undefined;
}

/** The roles that read any party's statement (regulators read only: statements have no writes). */
const ANY_PARTY: ReadonlySet<Actor['role']> = new Set(['platform_admin', 'regulator', 'system']);

/** Whether `actor` may read `partyId`'s statement. */
export function mayReadStatement(actor: Actor, partyId: string): boolean {
  if (ANY_PARTY.has(actor.role)) return true;
  if (actor.role === 'merchant_staff' || actor.role === 'mcn_manager') return actor.orgId !== null && actor.orgId === partyId;
  if (actor.role === 'streamer') return actor.userId !== null && actor.userId === partyId;
  return false;
}

export class StatementService {
  constructor(private readonly d: StatementDeps) {}

  async statement(actor: Actor, q: StatementQuery): Promise<Statement> {
    if (!mayReadStatement(actor, q.partyId)) throw new AppError('statements.forbidden', { field: 'partyId' });
    const period = parsePeriod(q.period);
    if (q.kind !== undefined && !Object.hasOwn(ACCOUNT_KINDS, q.kind))
      throw new AppError('request.invalid', { field: 'kind', details: { issue: 'kind' } });
    const ledger = this.d.uow.read.ledger;
    const accounts = (await ledger.listAccounts(q.partyId)).filter((a) => q.kind === undefined || a.kind === q.kind);
    const raw = await Promise.all(
      accounts.map(async (a) => ({
        account: a,
        opening: await ledger.balanceAt(a.id, period.from),
        lines: await ledger.listLinesBetween(a.id, period.from, period.to),
      })),
    );
    // names in one query per kind: the orders the lines refer to, and the party
    const orderIds = new Set<string>();
    for (const r of raw)
      for (const l of r.lines) {
        const k = decodeBusinessKey(l.businessKey);
        if ((k.refType === 'order' || k.refType === 'release') && k.refId) orderIds.add(k.refId);
      }
    const names = await this.d.names.namesFor({ orders: orderIds, orgs: [q.partyId], users: [q.partyId] });
    const out: AccountStatement[] = raw.map(({ account, opening, lines }) => {
      const entries: StatementLine[] = lines.map((l) => {
        const k = decodeBusinessKey(l.businessKey);
        return {
          postedAt: l.postedAt,
          entryId: l.entryId,
          seq: l.seq,
          businessKey: l.businessKey,
          kind: l.kind,
          kindLabel: entryKindLabel(l.kind),
          refType: k.refType,
          refId: k.refId,
          reference: referenceOf(k, names.orders),
          memo: displayMemo(l.memo),
          amount: l.amount,
          balanceAfter: l.balanceAfter,
        };
      });
      return {
        accountId: account.id,
        kind: account.kind,
        kindLabel: ACCOUNT_KINDS[account.kind].zh,
        entries,
        ...statementTotals(opening, entries),
      };
    });
    const partyName = q.partyId === PLATFORM_PARTY ? '平台' : (names.orgs.get(q.partyId) ?? names.users.get(q.partyId) ?? '未知主体');
    return { partyId: q.partyId, partyName, period, accounts: out, totals: sumTotals(out), generatedAt: this.d.clock.now() };
  }
}
