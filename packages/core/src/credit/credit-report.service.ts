/**
 * 信用报告: a signed snapshot of a party's credit — the party, tier, total, dimensions, the counted events with the
 * points they moved, the measures in force, the model version, when it was issued and its number. The content is
 * hashed as canonical JSON (SHA-256) and the hash signed with the server's report key (HMAC); the report is stored
 * as issued, so `verify(number, hash)` can tell anyone whether a report in their hands is genuine. Base
 * certification's 信用征询 issues one in the engine's transaction (`issueIn`).
 */
import { measuresFor, scoreParty } from '@livehub/credit';
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { Repositories, ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import { canonicalJson, sha256Hex } from '../shared/hash.ts';
import type { CreditReportContent, CreditReportRecord } from './credit-appeals.types.ts';
import { shanghaiDay } from '../settlement/index.ts';
import type { CreditPartyDirectory, CreditService } from './credit.service.ts';
import { toEngineEvent } from './credit.service.ts';
import type { CreditPartyKind } from './credit.types.ts';

/** Signs and checks a report's hash with the server's key (HMAC-SHA-256; the key derives from the config's secret). */
export interface CreditReportSigner {
  sign(sha256: string): string;
  verify(sha256: string, signature: string): boolean;
}

/** What issuing a report writes to (its own table, the audit chain) and reads (the party's events). */
export type CreditReportTx = Pick<Repositories, 'credit' | 'creditAppeals' | 'audit'>;

export interface CreditReportDeps {
  uow: ScopedUnitOfWork<'credit' | 'creditAppeals' | 'audit'>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  parties: CreditPartyDirectory;
  credit: Pick<CreditService, 'model' | 'assertMayRead'>;
  signer: CreditReportSigner;
}

export interface CreditReportVerdict {
  genuine: boolean;
  number: string;
  /** why not: no report has this number, the hash is not the report's, or the stored report fails its signature */
  problem: 'unknown_number' | 'hash_mismatch' | 'signature_invalid' | null;
  issuedAt: Date | null;
  tier: string | null;
  partyKind: CreditPartyKind | null;
}

/** How many counted events a report lists (the newest); the count of all is in `eventCount`. */
const REPORT_EVENTS = 200;

export class CreditReportService {
  constructor(private readonly d: CreditReportDeps) {}

  /** Issues (and stores) a report of `partyId` for the party itself, the platform, reviewers or regulators. */
  async issue(actor: Actor, partyId: string): Promise<CreditReportRecord> {
    this.d.credit.assertMayRead(actor, partyId);
    const party = (await this.d.parties.resolve([partyId])).get(partyId);
    if (!party) throw new AppError('credit.unknown_party', { field: 'partyId' });
    return this.d.uow.transaction((tx) => this.issueIn(tx, actor, { id: partyId, ...party }, 'request'));
  }

  /** The in-transaction form (base certification's credit inquiry runs in the approval engine's transaction). */
  async issueIn(
    tx: CreditReportTx,
    actor: Actor,
    party: { id: string; kind: CreditPartyKind; name: string },
    purpose: CreditReportRecord['purpose'],
  ): Promise<CreditReportRecord> {
    const now = this.d.clock.now();
    const model = this.d.credit.model;
    const events = (await tx.credit.eventsOf(party.id)).filter((e) => e.voidedAt === null && e.at <= now);
    const score = scoreParty(party.id, party.kind, events.map(toEngineEvent), model, now);
    const byEvent = new Map<string, { points: number; waived: boolean }>();
    for (const c of score.contributions) {
      const e = byEvent.get(c.eventId) ?? { points: 0, waived: false };
      byEvent.set(c.eventId, { points: e.points + c.points, waived: e.waived || c.waived !== undefined });
    }
    const id = this.d.ids.next();
    const number = reportNumber(id, now);
    const content: CreditReportContent & { eventCount: number } = {
      number,
      party: { id: party.id, kind: party.kind, name: party.name },
      tier: score.tier,
      total: score.total,
      dimensions: score.dimensions.map((x) => ({ key: x.key, zh: x.zh, en: x.en, weightBp: x.weightBp, score: x.score })),
      eventCount: events.length,
      events: [...events]
        .reverse()
        .slice(0, REPORT_EVENTS)
        .map((e) => {
          const c = byEvent.get(e.id);
          return { kind: e.kind, day: shanghaiDay(e.at), points: Math.round((c?.points ?? 0) * 100) / 100, waived: c?.waived ?? false };
        }),
      measures: measuresFor(score.tier, model).map((m) => ({ code: m.code, zh: m.zh, en: m.en })),
      modelVersion: model.version,
      issuedAt: now.toISOString(),
    };
    const sha256 = sha256Hex(canonicalJson(content));
    const report: CreditReportRecord = {
      id,
      number,
      partyId: party.id,
      partyKind: party.kind,
      purpose,
      content,
      sha256,
      signature: this.d.signer.sign(sha256),
      issuedBy: actor.userId,
      issuedAt: now,
    };
    await tx.creditAppeals.insertReport(report);
    await this.d.audit.record(tx, actor, {
      action: 'credit.report_issued',
      targetType: 'credit_party',
      targetId: party.id,
      detail: { number, sha256, purpose, tier: score.tier },
    });
    return report;
  }

  /** Public: whether a report with this number and hash was issued here, unaltered. Says nothing else about the party. */
  async verify(number: string, hash: string): Promise<CreditReportVerdict> {
    const r = await this.d.uow.read.creditAppeals.findReportByNumber(number);
    const none = { genuine: false, number, issuedAt: null, tier: null, partyKind: null };
    if (!r) return { ...none, problem: 'unknown_number' };
    if (r.sha256 !== hash.toLowerCase()) return { ...none, problem: 'hash_mismatch' };
    if (sha256Hex(canonicalJson(r.content)) !== r.sha256 || !this.d.signer.verify(r.sha256, r.signature))
      return { ...none, problem: 'signature_invalid' };
    return { genuine: true, number, problem: null, issuedAt: r.issuedAt, tier: r.content.tier, partyKind: r.partyKind };
  }
}

/** `LHCR-20261204-1A2B3C4D`: the day issued (China time) and the random tail of the report's id. */
export function reportNumber(id: string, at: Date): string {
  return `LHCR-${shanghaiDay(at).replaceAll('-', '')}-${id.replaceAll('-', '').slice(-8).toUpperCase()}`;
}
