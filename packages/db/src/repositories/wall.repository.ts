/**
 * The monitoring wall's read model (core/supervision/wall.repository.ts): aggregates across the live sessions,
 * orders, screening, reports, complaints, price history and the registry. Each query is bounded by a window or a list
 * of ids and runs on an index: `live_sessions_status_idx`, `orders_paid_idx`, `screening_events_received_idx`,
 * `screening_events_session_idx`, `reports_target_idx`, `reports_filed_idx`, `complaints_merchant_idx`,
 * `orders_session_idx`, `live_session_products_uq`, `price_points_sku_idx`, `clues_subject_idx`.
 */
import type { PricePointFact, WallLiveSession, WallPlace, WallReader, WallRoomEvent } from '@livehub/core';
import { and, count, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { pricePoints, products, productSkus } from '../schema/catalog.ts';
import { screeningEvents, screeningHits } from '../schema/compliance.ts';
import { complaints } from '../schema/disputes.ts';
import { organizations } from '../schema/identity.ts';
import { liveSessionProducts, liveSessions } from '../schema/live.ts';
import { orderLines, orders } from '../schema/orders.ts';
import { clues } from '../schema/supervision.ts';
import { baseProfiles, mcnProfiles } from '../schema/registry.ts';
import { reports } from '../schema/reports.ts';
import { uuids } from './names.repository.ts';

/**
 * The minute since `from` an instant falls in (0 for [from, from + 60 s)). The epoch is written into the query (a
 * number, never text) so that the select and the group by are the same expression.
 */
const minuteOf = (col: unknown, from: Date) =>
  sql<number>`floor((extract(epoch from ${col})::float8 * 1000 - ${sql.raw(String(Math.trunc(from.getTime())))}) / 60000)::int`;

export class DrizzleWallRepository implements WallReader {
  constructor(private readonly db: Db) {}

  async session(id: string) {
    if (uuids([id]).length === 0) return null;
    const [s] = await this.db
      .select({
        id: liveSessions.id,
        title: liveSessions.title,
        streamerUserId: liveSessions.streamerUserId,
        mcnOrgId: liveSessions.mcnOrgId,
        startedAt: liveSessions.startedAt,
        status: liveSessions.status,
      })
      .from(liveSessions)
      .where(eq(liveSessions.id, id));
    return s ?? null;
  }

  async sessionEvents(sessionId: string, limit: number): Promise<WallRoomEvent[]> {
    const events = await this.db
      .select({
        id: screeningEvents.id,
        kind: screeningEvents.kind,
        text: screeningEvents.text,
        decision: screeningEvents.decision,
        occurredAt: screeningEvents.occurredAt,
      })
      .from(screeningEvents)
      .where(eq(screeningEvents.sessionRef, sessionId))
      .orderBy(desc(screeningEvents.occurredAt), desc(screeningEvents.id))
      .limit(limit);
    if (events.length === 0) return [];
    const hits = await this.db
      .select({
        eventId: screeningHits.screeningEventId,
        category: screeningHits.category,
        severity: screeningHits.severity,
        matched: screeningHits.matched,
      })
      .from(screeningHits)
      .where(
        inArray(
          screeningHits.screeningEventId,
          events.map((e) => e.id),
        ),
      );
    const by = new Map<string, WallRoomEvent['hits']>();
    for (const h of hits)
      by.set(h.eventId, [...(by.get(h.eventId) ?? []), { category: h.category, severity: h.severity, matched: h.matched }]);
    return events.map((e) => ({ ...e, hits: by.get(e.id) ?? [] }));
  }

  async liveSessions(limit: number): Promise<WallLiveSession[]> {
    return this.db
      .select({
        id: liveSessions.id,
        title: liveSessions.title,
        streamerUserId: liveSessions.streamerUserId,
        mcnOrgId: liveSessions.mcnOrgId,
        startedAt: liveSessions.startedAt,
      })
      .from(liveSessions)
      .where(eq(liveSessions.status, 'live'))
      .orderBy(desc(liveSessions.startedAt), liveSessions.id)
      .limit(limit);
  }

  async paidPerMinute(from: Date, to: Date): Promise<Array<{ minute: number; gmvFen: number; orders: number }>> {
    const minute = minuteOf(orders.paidAt, from);
    const rows = await this.db
      .select({ minute, gmvFen: sql<string>`coalesce(sum(${orders.totalFen}), 0)`, orders: count() })
      .from(orders)
      .where(and(gte(orders.paidAt, from), lt(orders.paidAt, to)))
      .groupBy(minute);
    return rows.map((r) => ({ minute: Number(r.minute), gmvFen: Number(r.gmvFen), orders: Number(r.orders) }));
  }

  async hitsPerMinute(from: Date, to: Date): Promise<Array<{ minute: number; category: string; hits: number }>> {
    const minute = minuteOf(screeningEvents.receivedAt, from);
    const rows = await this.db
      .select({ minute, category: screeningHits.category, hits: count() })
      .from(screeningEvents)
      .innerJoin(screeningHits, eq(screeningHits.screeningEventId, screeningEvents.id))
      .where(and(gte(screeningEvents.receivedAt, from), lt(screeningEvents.receivedAt, to)))
      .groupBy(minute, screeningHits.category);
    return rows.map((r) => ({ minute: Number(r.minute), category: r.category, hits: Number(r.hits) }));
  }

  async totalsSince(since: Date): Promise<{ gmvFen: number; orders: number; hits: number; reports: number }> {
    const [paid] = await this.db
      .select({ gmvFen: sql<string>`coalesce(sum(${orders.totalFen}), 0)`, orders: count() })
      .from(orders)
      .where(gte(orders.paidAt, since));
    const [hits] = await this.db
      .select({ hits: sql<string>`coalesce(sum(${screeningEvents.hitCount}), 0)` })
      .from(screeningEvents)
      .where(gte(screeningEvents.receivedAt, since));
    const [filed] = await this.db.select({ n: count() }).from(reports).where(gte(reports.filedAt, since));
    return {
      gmvFen: Number(paid?.gmvFen ?? 0),
      orders: Number(paid?.orders ?? 0),
      hits: Number(hits?.hits ?? 0),
      reports: Number(filed?.n ?? 0),
    };
  }

  async sessionHits(sessionIds: string[], since: Date) {
    if (sessionIds.length === 0) return [];
    const rows = await this.db
      .select({ sessionId: screeningEvents.sessionRef, category: screeningHits.category, severity: screeningHits.severity, count: count() })
      .from(screeningEvents)
      .innerJoin(screeningHits, eq(screeningHits.screeningEventId, screeningEvents.id))
      .where(and(inArray(screeningEvents.sessionRef, sessionIds), gte(screeningEvents.occurredAt, since)))
      .groupBy(screeningEvents.sessionRef, screeningHits.category, screeningHits.severity);
    return rows.map((r) => ({ sessionId: r.sessionId as string, category: r.category, severity: r.severity, count: Number(r.count) }));
  }

  async sessionReports(sessionIds: string[]) {
    const ids = uuids(sessionIds);
    if (ids.length === 0) return [];
    const rows = await this.db
      .select({ sessionId: reports.targetId, category: reports.category, count: count() })
      .from(reports)
      .where(and(inArray(reports.targetId, ids), eq(reports.targetKind, 'live_session')))
      .groupBy(reports.targetId, reports.category);
    return rows.map((r) => ({ sessionId: r.sessionId, category: r.category, count: Number(r.count) }));
  }

  async sessionPaid(sessionIds: string[], recentSince: Date) {
    const ids = uuids(sessionIds);
    if (ids.length === 0) return [];
    const rows = await this.db
      .select({
        sessionId: orders.sessionId,
        gmvFen: sql<string>`coalesce(sum(${orders.totalFen}), 0)`,
        recentGmvFen: sql<string>`coalesce(sum(${orders.totalFen}) filter (where ${orders.paidAt} >= ${recentSince.toISOString()}::timestamptz), 0)`,
      })
      .from(orders)
      .where(and(inArray(orders.sessionId, ids), isNotNull(orders.paidAt)))
      .groupBy(orders.sessionId);
    return rows.map((r) => ({ sessionId: r.sessionId as string, gmvFen: Number(r.gmvFen), recentGmvFen: Number(r.recentGmvFen) }));
  }

  async sessionMerchants(sessionIds: string[]) {
    const ids = uuids(sessionIds);
    if (ids.length === 0) return [];
    return this.db
      .selectDistinct({ sessionId: liveSessionProducts.sessionId, merchantOrgId: liveSessionProducts.merchantOrgId })
      .from(liveSessionProducts)
      .where(inArray(liveSessionProducts.sessionId, ids));
  }

  async complaintsAgainst(merchantOrgIds: string[], since: Date): Promise<Map<string, number>> {
    const ids = uuids(merchantOrgIds);
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .select({ merchantOrgId: complaints.merchantOrgId, n: count() })
      .from(complaints)
      .where(and(inArray(complaints.merchantOrgId, ids), gte(complaints.filedAt, since)))
      .groupBy(complaints.merchantOrgId);
    return new Map(rows.map((r) => [r.merchantOrgId, Number(r.n)]));
  }

  async places(mcnOrgIds: string[]): Promise<WallPlace[]> {
    const ids = uuids(mcnOrgIds);
    if (ids.length === 0) return [];
    const base = sql`base`;
    const rows = await this.db
      .select({
        mcnOrgId: organizations.id,
        baseOrgId: mcnProfiles.hostBaseOrgId,
        baseName: sql<string | null>`${base}.name`,
        district: sql<string | null>`coalesce(${baseProfiles.district}, ${base}.district, ${organizations.district})`,
      })
      .from(organizations)
      .leftJoin(mcnProfiles, eq(mcnProfiles.orgId, organizations.id))
      .leftJoin(sql`${organizations} as ${base}`, sql`${base}.id = ${mcnProfiles.hostBaseOrgId}`)
      .leftJoin(baseProfiles, eq(baseProfiles.orgId, mcnProfiles.hostBaseOrgId))
      .where(inArray(organizations.id, ids));
    return rows.map((r) => ({
      mcnOrgId: r.mcnOrgId,
      baseOrgId: r.baseOrgId ?? null,
      baseName: r.baseName ?? null,
      district: r.district ?? null,
    }));
  }

  async sessionPrices(sessionIds: string[], since: Date) {
    const ids = uuids(sessionIds);
    if (ids.length === 0) return [];
    const onAir = await this.db
      .select({
        sessionId: liveSessionProducts.sessionId,
        productId: products.id,
        title: products.title,
        referencePriceFen: products.referencePriceFen,
        crossBorder: products.crossBorder,
        declaredValueFen: products.declaredValueFen,
        originCountry: products.originCountry,
        importMode: products.importMode,
      })
      .from(liveSessionProducts)
      .innerJoin(products, eq(products.id, liveSessionProducts.productId))
      .where(inArray(liveSessionProducts.sessionId, ids));
    const productIds = [...new Set(onAir.map((p) => p.productId))];
    if (productIds.length === 0) return [];
    const pts = await this.db
      .select({
        productId: productSkus.productId,
        skuId: pricePoints.skuId,
        priceFen: pricePoints.priceFen,
        source: pricePoints.source,
        from: pricePoints.validFrom,
        to: pricePoints.validTo,
      })
      .from(pricePoints)
      .innerJoin(productSkus, eq(productSkus.id, pricePoints.skuId))
      .where(and(inArray(productSkus.productId, productIds), or(isNull(pricePoints.validTo), gt(pricePoints.validTo, since))));
    const byProduct = new Map<string, PricePointFact[]>();
    for (const p of pts) {
      byProduct.set(p.productId, [
        ...(byProduct.get(p.productId) ?? []),
        { skuId: p.skuId, priceFen: p.priceFen, source: p.source, from: p.from, to: p.to },
      ]);
    }
    return onAir.map((p) => ({
      sessionId: p.sessionId,
      productId: p.productId,
      title: p.title,
      referencePriceFen: p.referencePriceFen ?? null,
      points: byProduct.get(p.productId) ?? [],
      crossBorder:
        p.crossBorder && p.declaredValueFen !== null && p.originCountry !== null && p.importMode !== null
          ? { declaredValueFen: Number(p.declaredValueFen), originCountry: p.originCountry, importMode: p.importMode }
          : null,
    }));
  }

  async sessionSoldPrices(sessionIds: string[], productIds: string[]) {
    const sids = uuids(sessionIds);
    const pids = uuids(productIds);
    if (sids.length === 0 || pids.length === 0) return [];
    const rows = await this.db
      .select({
        sessionId: orders.sessionId,
        productId: orderLines.productId,
        unitPriceFen: orderLines.unitPriceFen,
        units: sql<number>`coalesce(sum(${orderLines.qty}), 0)::int`,
      })
      .from(orderLines)
      .innerJoin(orders, eq(orders.id, orderLines.orderId))
      .where(
        and(
          inArray(orders.sessionId, sids),
          inArray(orderLines.productId, pids),
          inArray(orders.status, ['paid', 'shipped', 'delivered', 'completed']),
        ),
      )
      .groupBy(orders.sessionId, orderLines.productId, orderLines.unitPriceFen);
    return rows.map((r) => ({
      sessionId: r.sessionId as string,
      productId: r.productId,
      unitPriceFen: Number(r.unitPriceFen),
      units: Number(r.units),
    }));
  }

  async openClueSubjects(productIds: string[], rule: string): Promise<Set<string>> {
    const ids = uuids(productIds);
    if (ids.length === 0) return new Set();
    const rows = await this.db
      .selectDistinct({ subjectId: clues.subjectId })
      .from(clues)
      .where(and(inArray(clues.subjectId, ids), eq(clues.rule, rule), eq(clues.status, 'open')));
    return new Set(rows.map((r) => r.subjectId));
  }
}
