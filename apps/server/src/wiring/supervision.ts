/**
 * The regulator's side (docs/supervision.md): clues from the event stream, regional exchange, the live wall,
 * cross-border reports, cases with their enforcement through the gates, IP notices, and statistics.
 */
import {
  AppError,
  CaseService,
  type CatalogService,
  ClueService,
  CrossBorderReportService,
  type DepartmentDirectory,
  type DocumentReadGrant,
  eventsChannel,
  ExchangeService,
  IpNoticeService,
  type OrganizationService,
  type OutboxDispatcher,
  type RegistryService,
  type RoomHub,
  type SessionEndService,
  StatisticsService,
  WallService,
} from '@livehub/core';
import { caseDecisionPdf } from '../adapters/case-decision-pdf.ts';
import { crossBorderReader } from '../adapters/cross-border-market.ts';
import { exchangeDirectory } from '../adapters/exchange-directory.ts';
import type { LocalFileStore } from '../adapters/file-store.ts';
import { sessionMarketReader } from '../adapters/session-market.ts';
import { sessionOrdersReader } from '../adapters/session-orders.ts';
import { statsXlsx } from '../http/presenters/statistics.presenter.ts';
import type { Platform } from './platform.ts';

export function wireSupervision(
  p: Platform,
  d: {
    orgs: OrganizationService;
    outbox: OutboxDispatcher;
    rooms: RoomHub;
    catalog: CatalogService;
    registry: RegistryService;
    sessionEnd: SessionEndService;
    files: LocalFileStore;
    readGrants: DocumentReadGrant[];
  },
) {
  const { config, clock, ids, uow, kv, vault, audit, names } = p;
  const { orgs, outbox, rooms, catalog, registry, sessionEnd, files, readGrants } = d;
  // 监管线索: detectors on the event stream raise clues for the regulator's departments (docs/supervision.md).
  const departments: DepartmentDirectory = {
    departmentOf: (actor) => orgs.departmentOf(actor),
    departmentsOf: async (orgId) => new Map((await uow.read.orgs.listDepartments([orgId])).map((d) => [d.code, d.name])),
  };
  // what the supervision services are each built on: storage, time, ids, the audit log, names and the departments
  const base = { uow, clock, ids, audit, names, departments };
  const clues = new ClueService({
    ...base,
    market: sessionMarketReader(uow),
    orders: sessionOrdersReader(uow),
  });
  // the detectors take each outbox pass as one batch: a few reads and one transaction for all its events (docs/supervision.md)
  outbox.onBatch(ClueService.topics(), async (events) => void (await clues.ingestBatch(events)));
  // 跨区域协同: signed bundles of clues and credit records for partner regions (docs/supervision.md)
  const exchange = new ExchangeService({
    ...base,
    vault,
    directory: exchangeDirectory(uow),
    clues,
    region: config.region,
  });
  // 实时监测大屏: the market now for regulators, pushed after the outbox's events on any process (docs/supervision.md).
  const wall = new WallService({ uow, clock, names, viewers: rooms, pubsub: kv.pubsub, eventsChannel });
  // 跨境商品: declared customs values against live sale prices (低报价格), for regulators.
  const crossBorder = new CrossBorderReportService({ clock, reader: crossBorderReader(uow) });
  // 案件: a clue filed as a case, 告知 and 陈述申辩 online, a decision as a PDF executed through the gates.
  const cases = new CaseService({
    ...base,
    files,
    render: caseDecisionPdf,
    enforcement: {
      takeDown: async (actor, productId, reason) => {
        try {
          await catalog.delist(actor, productId, reason);
        } catch (e) {
          // already off sale: the decision's takedown holds without doing it again
          if (!(e instanceof AppError && e.code === 'catalog.not_listed')) throw e;
        }
      },
      revokeCertification: (actor, userId, reason) => registry.revokeStreamer(actor, userId, reason),
      endLive: async (actor, userId, reason) => {
        for (const s of await uow.read.live.listSessions({ streamerUserId: userId, status: ['live'], limit: 20 }))
          await sessionEnd.end(actor, s.id, reason);
      },
    },
  });
  // 知识产权保护 (电子商务法 Art. 42–45): a rights holder's notice takes the product down through the catalog's 下架 in the
  // notice's own transaction; a counter-notice starts the 15 days the sweep (tick) watches (docs/supervision.md).
  const ipNotices = new IpNoticeService({
    ...base,
    catalog: {
      product: async (id) => {
        const p = await uow.read.catalog.findProduct(id);
        return p ? { id: p.id, name: p.title, merchantOrgId: p.merchantOrgId, status: p.status } : null;
      },
      brand: (id) => uow.read.catalog.findBrand(id),
      brandNames: async (ids) =>
        new Map((await uow.read.catalog.findBrands([...ids])).map((b) => [b.id, { name: b.name, trademarkNo: b.trademarkNo }])),
      takeDownIn: (tx, actor, productId, reason) => catalog.delistIn(tx, actor, productId, reason),
      restoreIn: (tx, actor, productId, reason, note) => catalog.relistIn(tx, actor, productId, reason, note),
    },
    documents: {
      ownerOf: async (id) => {
        const d = await uow.read.workflows.findDocument(id);
        return d ? { orgId: d.ownerOrgId, userId: d.uploadedBy } : null;
      },
    },
  });
  // the parties to a notice and the office read each other's evidence
  readGrants.push({ name: 'ip_notice_evidence', mayRead: (actor, documentId) => ipNotices.mayReadEvidence(actor, documentId) });
  // 统计分析: the rollups follow orders, sessions, complaints and violations through the outbox (docs/supervision.md)
  const statistics = new StatisticsService({ uow, clock, ids, audit, xlsx: statsXlsx, region: config.region });
  for (const topic of StatisticsService.topics()) outbox.on(topic, async (e) => void (await statistics.ingest(e)));
  return { departments, clues, exchange, wall, crossBorder, cases, ipNotices, statistics };
}
