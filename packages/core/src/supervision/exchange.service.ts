/**
 * 跨区域协同 (长三角 cross-region sharing): this region's clues and credit records exported as a bundle signed with
 * its Ed25519 key; another region's bundle imported only when it comes from a partner the regulator registered, with
 * that partner's key, unchanged, recent and not imported before. Parties travel by 统一社会信用代码 and name — no
 * personal data leaves; a received clue naming a party of this region becomes a clue here (跨区域移送) for its
 * department, with the provenance kept on the record. Every export, import and partner change is audited.
 */
import {
  type CaseMeasure,
  EXCHANGE_FORMAT,
  type ExchangeBundle,
  type ExchangeBundleView,
  type ExchangeExport,
  type ExchangeImportResult,
  type ExchangeItem,
  type ExchangeKind,
  type ExchangeOverview,
  type ExchangeRecordView,
  type ExchangeRegionCreate,
  exchangeBundleSchema,
} from '@livehub/contracts';
import type { AuditService } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { ScopedUnitOfWork } from '../ports/repositories.ts';
import type { Clock, IdGenerator, PiiVault } from '../ports/runtime.ts';
import type { Actor } from '../shared/actor.ts';
import type { NameReader } from '../shared/name-directory.ts';
import { MEASURE_LABELS } from './case.rules.ts';
import { clueSummary } from './clue-feed.rules.ts';
import type { ClueService, DepartmentDirectory } from './clue.service.ts';
import { bundleSha256, generateRegionKey, keyIdOf, normalizePublicKey, publicKeyPem, signBundle, verifyBundle } from './exchange-bundle.ts';
import type { ExchangeBundleRecord, ExchangeKeyRecord, ExchangeRecord } from './exchange.types.ts';

/** What the exchange reads of the registry, catalog and credit (a reader port; the server composes it). */
export interface ExchangeDirectory {
  /** organizations' 统一社会信用代码 and registered names (those without one are not shared) */
  creditCodes(orgIds: string[]): Promise<Map<string, { creditCode: string; name: string }>>;
  /** the organization of this region with that code, if any */
  orgByCreditCode(code: string): Promise<{ orgId: string; name: string } | null>;
  /** the merchant and title of products */
  productOwners(productIds: string[]): Promise<Map<string, { orgId: string; title: string }>>;
  /** organizations' credit scores in these tiers (the parties under closer supervision), at most `limit` */
  creditRecords(
    tiers: string[],
    limit: number,
  ): Promise<Array<{ orgId: string; tier: 'A' | 'B' | 'C' | 'D'; score: number; tierSince: Date | null }>>;
}

export interface ExchangeDeps {
  uow: ScopedUnitOfWork<'exchange' | 'clues' | 'cases' | 'audit' | 'outbox'>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditService;
  vault: PiiVault;
  names: NameReader;
  departments: DepartmentDirectory;
  directory: ExchangeDirectory;
  clues: ClueService;
  /** this region: its administrative division code and name */
  region: { code: string; name: string };
}

const DAY = 86_400_000;
/** a bundle older than this, or from more than the skew in the future, is refused */
export const BUNDLE_MAX_AGE_DAYS = 180;
const CLOCK_SKEW_MS = 10 * 60_000;
const EXPORT_DEFAULT_DAYS = 90;
const EXPORT_LIMIT = 5000;
/** the credit tiers shared with partners: the parties under closer supervision */
const SHARED_TIERS = ['C', 'D'];

export class ExchangeService {
  constructor(private readonly d: ExchangeDeps) {}

  /** This region's key: made on first use (another process may race: the first stored wins). */
  private async key(): Promise<ExchangeKeyRecord> {
    const stored = await this.d.uow.read.exchange.findKey();
    if (stored) return stored;
    const k = generateRegionKey();
    await this.d.uow.transaction((tx) =>
      tx.exchange.insertKey({
        regionCode: this.d.region.code,
        regionName: this.d.region.name,
        publicKey: k.publicKey,
        privateKeySealed: this.d.vault.encrypt(k.privateKey),
        createdAt: this.d.clock.now(),
      }),
    );
    const made = await this.d.uow.read.exchange.findKey();
    if (!made) throw new AppError('internal');
    return made;
  }

  async overview(): Promise<ExchangeOverview> {
    const k = await this.key();
    const [regions, bundles] = await Promise.all([this.d.uow.read.exchange.listRegions(), this.d.uow.read.exchange.listBundles(50)]);
    const names = await this.d.names.namesFor({ users: [...regions.map((r) => r.addedByUserId), ...bundles.map((b) => b.actorUserId)] });
    return {
      region: { code: this.d.region.code, name: this.d.region.name, keyId: keyIdOf(k.publicKey), publicKey: publicKeyPem(k.publicKey) },
      regions: regions.map((r) => ({
        code: r.code,
        name: r.name,
        keyId: r.keyId,
        addedAt: r.addedAt.toISOString(),
        addedByName: r.addedByUserId ? (names.users.get(r.addedByUserId) ?? null) : null,
      })),
      bundles: bundles.map((b) => bundleView(b, b.actorUserId ? (names.users.get(b.actorUserId) ?? null) : null)),
    };
  }

  /** 登记合作地区: a partner region and its public key (a new key replaces the old one). */
  async addRegion(actor: Actor, input: ExchangeRegionCreate): Promise<ExchangeOverview> {
    if (input.code === this.d.region.code) throw new AppError('exchange.own_region_key', { field: 'code' });
    const publicKey = normalizePublicKey(input.publicKey);
    if (!publicKey) throw new AppError('exchange.bad_public_key', { field: 'publicKey' });
    await this.d.uow.transaction(async (tx) => {
      const before = await tx.exchange.findRegion(input.code);
      const keyId = keyIdOf(publicKey);
      await tx.exchange.upsertRegion({
        code: input.code,
        name: input.name,
        publicKey,
        keyId,
        addedByUserId: actor.userId,
        addedAt: this.d.clock.now(),
      });
      await this.d.audit.record(tx, actor, {
        action: 'supervision.region_registered',
        targetType: 'exchange_region',
        targetId: input.code,
        detail: { name: input.name, keyId, replacedKeyId: before?.keyId ?? null },
      });
    });
    return this.overview();
  }

  /** 导出: the caller's clues (their department's, or all for the office) and the C/D credit records, signed. */
  async export(actor: Actor, input: ExchangeExport): Promise<ExchangeBundle> {
    const k = await this.key();
    const now = this.d.clock.now();
    const since = input.since ? new Date(`${input.since}T00:00:00+08:00`) : new Date(now.getTime() - EXPORT_DEFAULT_DAYS * DAY);
    const items: ExchangeItem[] = [];
    if (input.kinds.includes('clue')) items.push(...(await this.clueItems(actor, since)));
    if (input.kinds.includes('credit')) items.push(...(await this.creditItems()));
    if (input.kinds.includes('case')) items.push(...(await this.caseItems(actor, since)));
    const bundle = signBundle(
      {
        format: EXCHANGE_FORMAT,
        region: { code: this.d.region.code, name: this.d.region.name },
        keyId: keyIdOf(k.publicKey),
        createdAt: now.toISOString(),
        items,
      },
      this.d.vault.decrypt(k.privateKeySealed),
    );
    const sha256 = bundleSha256(bundle);
    await this.d.uow.transaction(async (tx) => {
      await tx.exchange.insertBundle({
        id: this.d.ids.next(),
        direction: 'export',
        regionCode: this.d.region.code,
        regionName: this.d.region.name,
        sha256,
        items: items.length,
        matched: 0,
        createdAt: now,
        at: now,
        actorUserId: actor.userId,
      });
      await this.d.audit.record(tx, actor, {
        action: 'supervision.bundle_exported',
        targetType: 'exchange_bundle',
        targetId: sha256,
        detail: {
          kinds: input.kinds,
          since: since.toISOString(),
          items: items.length,
          clues: items.filter((i) => i.kind === 'clue').length,
        },
      });
    });
    return bundle;
  }

  private async clueItems(actor: Actor, since: Date): Promise<ExchangeItem[]> {
    const department = await this.d.departments.departmentOf(actor);
    const rows = (
      await this.d.uow.read.clues.listClues({ departments: department === null ? undefined : [department], limit: EXPORT_LIMIT })
    ).filter((c) => c.lastAt >= since && c.rule !== 'cross_region' && (c.subjectKind === 'organization' || c.subjectKind === 'product'));
    const products = await this.d.directory.productOwners(rows.filter((c) => c.subjectKind === 'product').map((c) => c.subjectId));
    const orgOf = (c: (typeof rows)[number]) => (c.subjectKind === 'product' ? (products.get(c.subjectId)?.orgId ?? null) : c.subjectId);
    const codes = await this.d.directory.creditCodes(rows.map(orgOf).filter((x): x is string => x !== null));
    const out: ExchangeItem[] = [];
    for (const c of rows) {
      const org = orgOf(c);
      const party = org ? codes.get(org) : undefined;
      if (!party) continue;
      out.push({
        kind: 'clue',
        id: c.id,
        rule: c.rule,
        riskLevel: c.riskLevel,
        status: c.status,
        summary: clueSummary(c.rule, c.facts),
        subject: { kind: 'organization', creditCode: party.creditCode, name: party.name },
        productTitle: c.subjectKind === 'product' ? (products.get(c.subjectId)?.title ?? null) : null,
        signals: c.signals,
        firstAt: c.firstAt.toISOString(),
        lastAt: c.lastAt.toISOString(),
      });
    }
    return out;
  }

  /** 处罚决定: the caller's department's decided cases against organizations, with the measures in words. */
  private async caseItems(actor: Actor, since: Date): Promise<ExchangeItem[]> {
    const department = await this.d.departments.departmentOf(actor);
    const rows = (
      await this.d.uow.read.cases.listCases({ departments: department === null ? undefined : [department], limit: EXPORT_LIMIT })
    ).filter((c) => c.partyKind === 'organization' && c.decision !== null && c.decidedAt !== null && c.decidedAt >= since);
    const codes = await this.d.directory.creditCodes(rows.map((c) => c.partyId));
    const out: ExchangeItem[] = [];
    for (const c of rows) {
      const party = codes.get(c.partyId);
      if (!party || !c.decision || !c.decidedAt) continue;
      out.push({
        kind: 'case',
        id: c.id,
        caseNo: c.caseNo,
        subject: { kind: 'organization', creditCode: party.creditCode, name: party.name },
        measures: c.decision.measures.map((m) => ({ kind: m.kind, ...measureWords(m) })),
        legalBasis: c.decision.legalBasis,
        decidedAt: c.decidedAt.toISOString(),
        documentSha256: c.documentSha256,
      });
    }
    return out;
  }

  private async creditItems(): Promise<ExchangeItem[]> {
    const scores = await this.d.directory.creditRecords(SHARED_TIERS, EXPORT_LIMIT);
    const codes = await this.d.directory.creditCodes(scores.map((s) => s.orgId));
    const out: ExchangeItem[] = [];
    for (const s of scores) {
      const party = codes.get(s.orgId);
      if (!party) continue;
      out.push({
        kind: 'credit',
        id: s.orgId,
        subject: { kind: 'organization', creditCode: party.creditCode, name: party.name },
        tier: s.tier,
        score: s.score,
        tierSince: s.tierSince ? s.tierSince.toISOString() : null,
      });
    }
    return out;
  }

  /** 导入: verified, then every item kept with its provenance; clues about parties of this region raised here. */
  async import(actor: Actor, raw: unknown): Promise<ExchangeImportResult> {
    const parsed = exchangeBundleSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = issue?.path.map(String).join('.') ?? '';
      throw new AppError('exchange.malformed', {
        field: path ? `bundle.${path}` : 'bundle',
        details: { issue: `${path || 'bundle'}: ${issue?.message ?? 'invalid'}` },
      });
    }
    const bundle = parsed.data;
    if (bundle.region.code === this.d.region.code) throw new AppError('exchange.own_region', { field: 'bundle.region.code' });
    const partner = await this.d.uow.read.exchange.findRegion(bundle.region.code);
    if (!partner)
      throw new AppError('exchange.unknown_region', {
        field: 'bundle.region.code',
        details: { region: `${bundle.region.name} ${bundle.region.code}` },
      });
    if (bundle.keyId !== partner.keyId)
      throw new AppError('exchange.key_mismatch', { field: 'bundle.keyId', details: { region: partner.name } });
    if (!verifyBundle(bundle, partner.publicKey)) throw new AppError('exchange.bad_signature', { field: 'bundle.signature' });
    const now = this.d.clock.now();
    const created = new Date(bundle.createdAt);
    if (created.getTime() > now.getTime() + CLOCK_SKEW_MS || created.getTime() < now.getTime() - BUNDLE_MAX_AGE_DAYS * DAY)
      throw new AppError('exchange.stale', { field: 'bundle.createdAt', details: { createdAt: bundle.createdAt } });

    // the parties named, matched to this region's by their credit code (reads, before the transaction)
    const local = new Map<string, { orgId: string; name: string } | null>();
    for (const item of bundle.items)
      if (!local.has(item.subject.creditCode))
        local.set(item.subject.creditCode, await this.d.directory.orgByCreditCode(item.subject.creditCode));
    const matched = bundle.items.filter((i) => local.get(i.subject.creditCode)).length;
    const record: ExchangeBundleRecord = {
      id: this.d.ids.next(),
      direction: 'import',
      regionCode: partner.code,
      regionName: partner.name,
      sha256: bundleSha256(bundle),
      items: bundle.items.length,
      matched,
      createdAt: created,
      at: now,
      actorUserId: actor.userId,
    };
    const cluesRaised = await this.d.uow.transaction(async (tx) => {
      if (!(await tx.exchange.insertBundle(record))) throw new AppError('exchange.already_imported', { field: 'bundle' });
      let raised = 0;
      for (const item of bundle.items) {
        const party = local.get(item.subject.creditCode) ?? null;
        let localClueId: string | null = null;
        if (item.kind === 'clue' && party && item.status === 'open') {
          localClueId = await this.d.clues.raiseCrossRegion(tx, actor, {
            sourceRegionCode: partner.code,
            sourceRegionName: partner.name,
            sourceId: item.id,
            orgId: party.orgId,
            riskLevel: item.riskLevel,
            facts: { remoteRule: item.rule, remoteSummary: item.summary, productTitle: item.productTitle, remoteSignals: item.signals },
            at: now,
          });
          if (localClueId) raised++;
        }
        await tx.exchange.upsertRecord({
          id: this.d.ids.next(),
          bundleId: record.id,
          kind: item.kind,
          sourceRegionCode: partner.code,
          sourceId: item.id,
          subjectCreditCode: item.subject.creditCode,
          subjectName: item.subject.name,
          localOrgId: party?.orgId ?? null,
          localClueId,
          item,
          importedAt: now,
        });
      }
      await this.d.audit.record(tx, actor, {
        action: 'supervision.bundle_imported',
        targetType: 'exchange_bundle',
        targetId: record.sha256,
        detail: { region: partner.code, keyId: bundle.keyId, items: bundle.items.length, matched, cluesRaised: raised },
      });
      return raised;
    });
    const names = await this.d.names.namesFor({ users: [actor.userId] });
    return {
      bundle: bundleView(record, actor.userId ? (names.users.get(actor.userId) ?? null) : null),
      imported: bundle.items.length,
      matched,
      cluesRaised,
    };
  }

  /** What partners sent, newest first, with provenance and the local party it names. */
  async records(q: { kind?: ExchangeKind | undefined; limit: number }): Promise<ExchangeRecordView[]> {
    const rows = await this.d.uow.read.exchange.listRecords(q);
    const regions = new Map((await this.d.uow.read.exchange.listRegions()).map((r) => [r.code, r.name]));
    const bundles = await this.d.uow.read.exchange.bundleHashes(rows.map((r) => r.bundleId));
    const names = await this.d.names.namesFor({ orgs: rows.map((r) => r.localOrgId) });
    return rows.map((r: ExchangeRecord) => ({
      id: r.id,
      kind: r.kind,
      sourceRegionCode: r.sourceRegionCode,
      sourceRegionName: regions.get(r.sourceRegionCode) ?? r.sourceRegionCode,
      sourceId: r.sourceId,
      bundleSha256: bundles.get(r.bundleId) ?? '',
      subjectCreditCode: r.subjectCreditCode,
      subjectName: r.subjectName,
      localOrgId: r.localOrgId,
      localOrgName: r.localOrgId ? (names.orgs.get(r.localOrgId) ?? null) : null,
      localClueId: r.localClueId,
      item: r.item,
      importedAt: r.importedAt.toISOString(),
    }));
  }
}

function measureWords(m: CaseMeasure): { zh: string; en: string } {
  const label = MEASURE_LABELS[m.kind];
  if (m.kind === 'fine')
    return { zh: `${label.zh} ¥${(m.amountFen / 100).toFixed(2)}`, en: `${label.en} ¥${(m.amountFen / 100).toFixed(2)}` };
  if (m.kind === 'suspend_live') return { zh: `${label.zh} ${m.days} 天`, en: `${label.en} for ${m.days} days` };
  return label;
}

function bundleView(b: ExchangeBundleRecord, actorName: string | null): ExchangeBundleView {
  return {
    id: b.id,
    direction: b.direction,
    regionCode: b.regionCode,
    regionName: b.regionName,
    sha256: b.sha256,
    items: b.items,
    matched: b.matched,
    createdAt: b.createdAt.toISOString(),
    at: b.at.toISOString(),
    actorName,
  };
}
