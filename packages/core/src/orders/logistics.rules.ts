/**
 * 物流 (logistics), the pure part: the carriers the platform knows (with their Chinese names and a loose tracking
 * number format each), the package statuses and how they move (only forward), the push signature (HMAC-SHA256 over
 * the raw body with the deployment's key) and the push body's fields. See docs/supply.md § Logistics.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { PackageRecord, SampleLeg } from './logistics.port.ts';

/** A carrier the platform knows: its code (the push route's `:carrier`), its Chinese name, the names merchants type. */
export interface CarrierInfo {
  code: CarrierCode;
  nameZh: string;
  nameEn: string;
  /** what a merchant may type for it (the ship dialog stores the first) */
  aliases: readonly string[];
  /** a loose check of its waybill numbers (运单号) */
  trackingNo: RegExp;
}

export const CARRIER_CODES = ['SF', 'ZTO', 'YTO', 'YD', 'JD', 'EMS'] as const;
export type CarrierCode = (typeof CARRIER_CODES)[number];

export const CARRIERS: readonly CarrierInfo[] = [
  // 顺丰: "SF" then 10–15 letters or digits (the platform's own test numbers are hex), or 12–15 digits
  {
    code: 'SF',
    nameZh: '顺丰速运',
    nameEn: 'SF Express',
    aliases: ['顺丰速运', '顺丰', 'SF'],
    trackingNo: /^(SF[0-9A-Z]{8,15}|\d{12,15})$/i,
  },
  { code: 'ZTO', nameZh: '中通快递', nameEn: 'ZTO Express', aliases: ['中通快递', '中通', 'ZTO'], trackingNo: /^(ZT)?\d{9,15}$/i },
  { code: 'YTO', nameZh: '圆通速递', nameEn: 'YTO Express', aliases: ['圆通速递', '圆通', 'YTO'], trackingNo: /^(YT)?\d{10,15}$/i },
  { code: 'YD', nameZh: '韵达快递', nameEn: 'Yunda Express', aliases: ['韵达快递', '韵达', 'YD'], trackingNo: /^\d{13,15}$/ },
  {
    code: 'JD',
    nameZh: '京东物流',
    nameEn: 'JD Logistics',
    aliases: ['京东物流', '京东快递', '京东', 'JD'],
    trackingNo: /^(JD[0-9A-Z]{10,15}|\d{11,15})$/i,
  },
  {
    code: 'EMS',
    nameZh: '中国邮政 EMS',
    nameEn: 'China Post EMS',
    aliases: ['EMS', '邮政', '中国邮政', '邮政EMS', '中国邮政 EMS'],
    // the UPU S10 form (EA123456789CN) or 13 digits
    trackingNo: /^([A-Z]{2}\d{9}[A-Z]{2}|\d{13})$/i,
  },
];

/** The carrier a code or a typed name stands for; null when unknown. */
export function resolveCarrier(input: string): CarrierInfo | null {
  const s = input.trim();
  return CARRIERS.find((c) => c.code === s.toUpperCase() || c.aliases.includes(s)) ?? null;
}

/** Whether a waybill number looks like the carrier's (loosely: prefixes and lengths, not check digits). */
export function trackingNoFits(carrier: CarrierInfo, trackingNo: string): boolean {
  return carrier.trackingNo.test(trackingNo.trim());
}

/** 揽收, 在途, 派件, 签收, and 疑难/退回 (exception). */
/** A package as the merchant hands it to the carrier: shipped now, not yet subscribed; owned by an order or a sample. */
export function newPackage(
  id: string,
  owner: { orderId: string } | { sampleId: string; leg: SampleLeg },
  p: { merchantOrgId: string; carrier: CarrierCode; trackingNo: string; now: Date },
): PackageRecord {
  return {
    id,
    orderId: 'orderId' in owner ? owner.orderId : null,
    sampleId: 'sampleId' in owner ? owner.sampleId : null,
    sampleLeg: 'sampleId' in owner ? owner.leg : null,
    merchantOrgId: p.merchantOrgId,
    carrier: p.carrier,
    trackingNo: p.trackingNo,
    status: 'shipped',
    shippedAt: p.now,
    subscribedAt: null,
    deliveredAt: null,
    lastEventAt: null,
    updatedAt: p.now,
  };
}

export const PACKAGE_STATUSES = ['picked_up', 'in_transit', 'out_for_delivery', 'delivered', 'exception'] as const;
export type PackageStatus = (typeof PACKAGE_STATUSES)[number] | 'shipped';

const RANK: Record<PackageStatus, number> = { shipped: 0, picked_up: 1, in_transit: 2, out_for_delivery: 3, exception: 3, delivered: 4 };

/**
 * Where a package's status goes on a push: only forward. 签收 is final; an exception (疑难) holds until a later stage
 * than the one it interrupted arrives (a late, older push does not undo it); a push older than the status is kept as
 * an event but moves nothing.
 */
export function advancePackage(current: PackageStatus, incoming: PackageStatus): PackageStatus {
  if (current === 'delivered') return current;
  if (incoming === 'exception') return 'exception';
  return RANK[incoming] > RANK[current] ? incoming : current;
}

/** The push signature: HMAC-SHA256 over the raw body with the deployment's key, hex (header `x-logistics-signature`). */
export function signPush(key: Buffer | string, rawBody: string): string {
  return createHmac('sha256', key).update(rawBody, 'utf8').digest('hex');
}

export function verifyPush(key: Buffer | string, rawBody: string, signature: string | undefined): boolean {
  if (!signature || !/^[0-9a-f]{64}$/i.test(signature)) return false;
  const want = Buffer.from(signPush(key, rawBody), 'hex');
  const got = Buffer.from(signature, 'hex');
  return want.length === got.length && timingSafeEqual(want, got);
}

export const PUSH_SIGNATURE_HEADER = 'x-logistics-signature';

/** One status push (订阅推送) as the platform reads it. */
export interface TrackingPush {
  trackingNo: string;
  status: (typeof PACKAGE_STATUSES)[number];
  /** when the carrier scanned it */
  time: Date;
  /** where (a city, a hub), free text from the carrier */
  location: string;
  description: string;
}

type Parsed = { ok: true; push: TrackingPush } | { ok: false; field: string; issue: string };

/** Reads a push body's fields (after its signature is checked): each wrong field is named. */
export function parsePush(rawBody: string): Parsed {
  let b: unknown;
  try {
    b = JSON.parse(rawBody);
  } catch {
    return { ok: false, field: 'body', issue: 'json' };
  }
  if (typeof b !== 'object' || b === null || Array.isArray(b)) return { ok: false, field: 'body', issue: 'object' };
  const o = b as Record<string, unknown>;
  if (typeof o.trackingNo !== 'string' || o.trackingNo.length < 6 || o.trackingNo.length > 40)
    return { ok: false, field: 'trackingNo', issue: 'required' };
  if (typeof o.status !== 'string' || !(PACKAGE_STATUSES as readonly string[]).includes(o.status))
    return { ok: false, field: 'status', issue: 'enum' };
  const time = typeof o.time === 'string' ? new Date(o.time) : null;
  if (!time || Number.isNaN(time.getTime())) return { ok: false, field: 'time', issue: 'date' };
  // control characters (NUL among them, which PostgreSQL refuses) become spaces
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly what is replaced
  const text = (v: unknown) => (typeof v === 'string' ? v.replace(/[\u0000-\u001f]/g, ' ').slice(0, 200) : '');
  if (o.location !== undefined && typeof o.location !== 'string') return { ok: false, field: 'location', issue: 'string' };
  if (o.description !== undefined && typeof o.description !== 'string') return { ok: false, field: 'description', issue: 'string' };
  return {
    ok: true,
    push: {
      trackingNo: o.trackingNo.trim(),
      status: o.status as TrackingPush['status'],
      time,
      location: text(o.location),
      description: text(o.description),
    },
  };
}

/** What makes two pushes the same event (a carrier re-sends): status, time, place and text. */
export function pushKey(p: TrackingPush): string {
  return createHash('sha256').update(`${p.status}\n${p.time.toISOString()}\n${p.location}\n${p.description}`).digest('hex').slice(0, 32);
}
