/**
 * Pure rules of the compliance context: how repeats are grouped, who may decide an item, what evidence holds and
 * how its chain is hashed. No I/O here; the job services call these.
 */
import { normalizeTerm, type RuleDef, type RulePack } from '@livehub/compliance';
import type { Actor } from '../shared/actor.ts';
import { canonicalJson, sha256Hex } from '../shared/hash.ts';
import type {
  ComplianceSettings,
  IngestInput,
  IngestResult,
  LiveWarning,
  EvidenceRecord,
  ReviewItemRecord,
  ReviewItemView,
  ReviewOccurrence,
  ScreeningEventRecord,
  ScreeningHitRecord,
  ViolationRecord,
} from './compliance.types.ts';

export const EVIDENCE_GENESIS = '0'.repeat(64);
/** the source of events sent by no organization (the system, the CLI) */
export const NO_SOURCE_ORG = '00000000-0000-0000-0000-000000000000';
/** how long evidence is kept: ≥ 3 years (网络交易监督管理办法; 电子商务法 Art. 31) */
export const EVIDENCE_RETENTION_MS = 3 * 366 * 86_400_000;
/** a claim older than this no longer holds an item: another reviewer may take it */
export const CLAIM_TIMEOUT_MS = 30 * 60_000;
/** how many occurrences of a grouped item the detail and the evidence list (the count is always exact) */
export const OCCURRENCES_SHOWN = 50;

export const DEFAULT_COMPLIANCE_SETTINGS: ComplianceSettings = {
  reviewMinSeverity: 2,
  slaMinutes: { 1: 240, 2: 60, 3: 15, 4: 5 },
  contextEvents: 8,
  extraSamplingBp: 2000,
};

/** The group key of an item opened by sampling (never grouped: one per event), which marks it as sampled. */
export const SAMPLED_GROUP_PREFIX = 'sampled:';

/**
 * 抽检: whether a passed event is sampled into the review queue at this rate (basis points). Deterministic: the
 * first 32 bits of SHA-256 of the event id, modulo 10,000, below the rate.
 */
export function sampledForReview(eventId: string, rateBp: number): boolean {
  if (rateBp <= 0) return false;
  return Number.parseInt(sha256Hex(eventId).slice(0, 8), 16) % 10_000 < rateBp;
}

/** The short name of a rule: its explanation without the quoted match (使用了绝对化用语“{matched}” → 使用了绝对化用语). */
export function ruleName(rule: Pick<RuleDef, 'explain'>): { zh: string; en: string } {
  const strip = (t: string) =>
    t
      .replace(/[“"]?\{matched\}[”"]?/g, '')
      .replace(/[（(]\s*[)）]/g, '')
      .replace(/\s*[，,:：]\s*(?=[，,]|$)/g, '')
      .replace(/\s{2,}/g, ' ')
      .trim();
  return { zh: strip(rule.explain.zh), en: strip(rule.explain.en) };
}

/**
 * The group of a hit: one session, one sender (the chat sender; else the streamer; else the sending organization),
 * one kind of event, the same rules, the same text once normalized (width, case, traditional characters, inserted
 * symbols and spaces do not make a new item). Events outside a session are never grouped.
 */
export function groupKey(event: ScreeningEventRecord, hits: Array<Pick<ScreeningHitRecord, 'ruleId'>>): string | null {
  if (!event.sessionRef) return null;
  const sender = event.senderUserId
    ? `u:${event.senderUserId}`
    : event.streamerUserId
      ? `s:${event.streamerUserId}`
      : `o:${event.sourceOrgId}`;
  const rules = [...new Set(hits.map((h) => h.ruleId))].sort();
  return sha256Hex(canonicalJson({ session: event.sessionRef, sender, kind: event.kind, rules, text: normalizeTerm(event.text) }));
}

const SESSION_ID = /^[0-9a-f-]{36}$/;

/**
 * The warning a live session's managers get when a newly screened event of it hits a rule: the rules, the text
 * (first 200 characters) and the first hit's explanation with what was said filled in. Null when there is nothing
 * to warn about: a retry, no hit, or no live session (a session reference that is not a session id).
 */
export function liveWarning(pack: RulePack, input: Pick<IngestInput, 'kind' | 'text' | 'sessionRef'>, r: IngestResult): LiveWarning | null {
  if (r.duplicate || r.hits.length === 0 || !input.sessionRef || !SESSION_ID.test(input.sessionRef)) return null;
  const first = r.hits[0];
  const explain = first ? pack.rules.find((x) => x.id === first.ruleId)?.explain : undefined;
  return {
    source: input.kind === 'chat' ? 'chat' : 'transcript',
    ruleIds: [...new Set(r.hits.map((h) => h.ruleId))],
    text: input.text.slice(0, 200),
    message: explain
      ? { zh: explain.zh.replaceAll('{matched}', first?.matched ?? ''), en: explain.en.replaceAll('{matched}', first?.matched ?? '') }
      : { zh: '检测到违规表述', en: 'A violation was detected' },
  };
}

/** True when a claim taken at `claimedAt` has lapsed by `now`. */
export function claimIsStale(claimedAt: Date | null, now: Date): boolean {
  return claimedAt !== null && now.getTime() - claimedAt.getTime() > CLAIM_TIMEOUT_MS;
}

/** Why `actor` may not decide `item` now, or null when they may. */
export function decisionRefusal(
  actor: Pick<Actor, 'userId'>,
  item: Pick<ReviewItemRecord, 'status' | 'claimedBy' | 'claimedAt'>,
  now: Date,
): 'review.already_decided' | 'review.claimed_by_other' | null {
  if (item.status === 'confirmed' || item.status === 'dismissed') return 'review.already_decided';
  if (item.status === 'claimed' && item.claimedBy !== actor.userId && !claimIsStale(item.claimedAt, now)) return 'review.claimed_by_other';
  return null;
}

/**
 * What a confirmed violation's evidence holds: the violation, the event as screened, its hits, the session's
 * context, every repeat it stands for (up to OCCURRENCES_SHOWN named) and the rules as they were.
 */
export function evidenceContent(
  pack: RulePack,
  v: ViolationRecord,
  item: ReviewItemView,
  context: ScreeningEventRecord[],
  occurrences: ReviewOccurrence[],
  now: Date,
): Record<string, unknown> {
  const e = item.event;
  const rules = [...new Set(item.hits.map((h) => h.ruleId))].map((rid) => {
    const r = pack.rules.find((x) => x.id === rid);
    return r ? { id: r.id, category: r.category, severity: r.severity, basis: r.basis } : { id: rid };
  });
  return {
    violation: {
      id: v.id,
      categories: v.categories,
      severity: v.severity,
      reason: v.reason,
      confirmedBy: v.confirmedBy,
      confirmedAt: now.toISOString(),
    },
    event: {
      id: e.id,
      eventId: e.eventId,
      kind: e.kind,
      text: e.text,
      occurredAt: e.occurredAt.toISOString(),
      sessionRef: e.sessionRef,
      streamerUserId: e.streamerUserId,
      merchantOrgId: e.merchantOrgId,
      productRef: e.productRef,
      productCategory: e.productCategory,
      card: e.card,
    },
    hits: item.hits.map((h) => ({
      rule: h.ruleId,
      category: h.category,
      severity: h.severity,
      start: h.start,
      end: h.end,
      matched: h.matched,
      normalized: h.normalized,
      basis: h.basis,
    })),
    context: context.map((c) => ({ id: c.id, kind: c.kind, text: c.text, occurredAt: c.occurredAt.toISOString() })),
    // a grouped item stands for every repeat: how many, when, and (up to OCCURRENCES_SHOWN) which events
    occurrences: {
      count: item.occurrences,
      firstSeenAt: item.firstSeenAt.toISOString(),
      lastSeenAt: item.lastSeenAt.toISOString(),
      events: occurrences.map((o) => ({ id: o.screeningEventId, eventId: o.eventId, occurredAt: o.occurredAt.toISOString() })),
    },
    rulePack: { id: pack.id, version: e.packVersion },
    rules,
  };
}

export function evidenceHash(r: Omit<EvidenceRecord, 'hash'>): string {
  return sha256Hex(
    canonicalJson({
      prev: r.prevHash,
      seq: r.seq,
      id: r.id,
      violationId: r.violationId,
      content: r.contentHash,
      at: r.createdAt.toISOString(),
      retainUntil: r.retainUntil.toISOString(),
    }),
  );
}

/**
 * Checks one stretch of the evidence chain after (`prevSeq`, `prevHash`): the first record whose sequence, link,
 * content hash or own hash does not recompute is reported; otherwise the new head.
 */
export function checkEvidenceChain(
  rows: EvidenceRecord[],
  prev: { seq: number; hash: string },
): { broken: { seq: number; reason: string; checked: number } | null; head: { seq: number; hash: string } } {
  let { seq: prevSeq, hash: prevHash } = prev;
  let checked = 0;
  for (const r of rows) {
    const fail = (reason: string) => ({ broken: { seq: r.seq, reason, checked }, head: { seq: prevSeq, hash: prevHash } });
    if (r.seq !== prevSeq + 1) return fail(`sequence gap: expected ${prevSeq + 1}, found ${r.seq}`);
    if (r.prevHash !== prevHash) return fail('prev_hash does not match the previous record');
    if (sha256Hex(canonicalJson(r.content)) !== r.contentHash) return fail('content does not match content_hash');
    const { hash, ...rest } = r;
    if (evidenceHash(rest) !== hash) return fail('record hash does not recompute');
    prevHash = r.hash;
    prevSeq = r.seq;
    checked++;
  }
  return { broken: null, head: { seq: prevSeq, hash: prevHash } };
}
