/**
 * The live context's wiring: agreements (协议, charging slot fees), live sessions, and the room gateway that screens
 * chat inline and fans rooms out through the pub/sub port.
 */
import {
  AgreementService,
  AudienceService,
  type ComplianceService,
  type CreditGateService,
  DocumentLookup,
  LiveService,
  NO_SOURCE_ORG,
  type OrderService,
  type RegistryService,
  RoomHub,
  SessionCatalog,
  SessionRegistry,
  SessionSelection,
  type SlotFeeService,
} from '@livehub/core';
import { randomTokens } from '../adapters/runtime.ts';
import { SimulatedIdentityVerifier } from '../adapters/sim-identity.ts';
import type { Late } from './late.ts';
import type { Platform } from './platform.ts';

export function wireLive(
  p: Platform,
  d: {
    registry: RegistryService;
    slotFees: SlotFeeService;
    compliance: ComplianceService;
    creditGate: CreditGateService;
    /** a session's page counts its paid orders and GMV through the orders context, wired later */
    orders: Late<OrderService>;
  },
) {
  const { config, clock, ids, uow, kv, vault, audit } = p;
  const { registry, slotFees, compliance, creditGate, orders } = d;
  const agreements = new AgreementService({ uow, clock, ids, audit, slotFees });
  // a live session's page counts its paid orders and GMV through the orders context (wired later)
  const live = new LiveService({
    uow,
    clock,
    ids,
    vault,
    tokens: randomTokens,
    audit,
    registry,
    agreements,
    selection: new SessionSelection(),
    catalog: new SessionCatalog(),
    streamers: new SessionRegistry(),
    documents: new DocumentLookup(),
    totals: { sessionTotals: (sessionId) => orders.get().sessionTotals(sessionId) },
    credit: creditGate,
    // live.ended carries the confirmed violations against the streamer during the session (the credit feed's clean hours)
    violations: uow.read.compliance,
  });
  // The room gateway: chat screened inline; rooms fan out through the pub/sub port (Redis with REDIS_URL).
  const gatewayActor = {
    userId: null,
    label: 'system:room-gateway',
    orgId: NO_SOURCE_ORG,
    membershipId: null,
    role: 'system' as const,
    via: 'system' as const,
  };
  // A product of the session as the room's card (null when it is not on the session or no longer approved).
  const productCard = async (sessionId: string, productId: string) => {
    const on = (await uow.read.live.listProducts(sessionId)).some((p) => p.productId === productId);
    const p = on ? await uow.read.catalog.findProduct(productId) : null;
    if (p?.status !== 'approved') return null;
    const skus = await uow.read.catalog.listSkus([p.id]);
    return {
      productId: p.id,
      title: p.title,
      minPriceFen: Math.min(...skus.map((k) => k.priceFen)),
      coverImageId: p.imageIds[0] ?? null,
      stock: skus.reduce((n, k) => n + k.stock, 0),
    };
  };
  // 观众画像: a signed-in viewer's first join of a session adds to its streamer's aggregate (docs/matching.md, ADR 0037)
  // 实名认证's 二要素 check: the built-in simulated authority (a real provider implements the same port; docs/matching.md)
  const identityVerifier = new SimulatedIdentityVerifier(config.simIdentity);
  const audience = new AudienceService({
    uow,
    clock,
    vault,
    audit,
    seen: kv.locks,
    identity: identityVerifier,
    onError: (e) => void process.stderr.write(`audience: ${e instanceof Error ? e.message : String(e)}\n`),
  });
  const rooms = new RoomHub({
    pubsub: kv.pubsub,
    counters: kv.counters,
    clock,
    ids,
    screenChat: (text) => {
      const r = compliance.screen({ text, kind: 'chat' });
      const blocking = r.hits.filter((h) => h.action === 'block' || h.action === 'review');
      return {
        blocked: blocking.length > 0,
        ruleIds: [...new Set(blocking.map((h) => h.rule))],
        reason: blocking[0]?.explanation ?? { zh: '', en: '' },
      };
    },
    roomState: async (sessionId) => {
      const s = await uow.read.live.findSession(sessionId);
      return { pinned: s?.pinnedProductId ? await productCard(sessionId, s.pinnedProductId) : null };
    },
    onPinned: (sessionId, productId) => void uow.read.live.setPinned(sessionId, productId).catch(() => {}),
    productCard,
    onJoined: (sessionId, conn) => audience.joined(sessionId, conn),
    // A blocked chat message goes to the compliance records (and the review queue when its rules say so).
    // The sender is kept: a viewer repeating one message is counted on one review item, not queued again.
    onBlocked: (sessionId, userId, text) => {
      void compliance
        .ingest(gatewayActor, {
          eventId: `chat-${ids.next()}`,
          kind: 'chat',
          text,
          sessionRef: sessionId,
          senderUserId: userId,
          occurredAt: clock.now(),
        })
        .catch(() => {});
    },
  });
  // The platform knows when streams start and stop — from the embedded media server (the default) or from an
  // external one calling the publish hooks — unless playback points at an external server that tells it nothing;
  // then rooms say 'unknown' and the player just tries.
  if (config.publishHookSecret || !config.externalPlayback) rooms.trackStreams();
  return { agreements, audience, identityVerifier, live, rooms };
}
