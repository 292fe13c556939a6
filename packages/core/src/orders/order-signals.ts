/**
 * The fake-order (刷单) detector's signals, captured when an order is placed and paid (docs/supervision.md, "The live
 * path"): the browser's device id, the client IP, the delivery address and the payer account, each stored only as
 * the PII vault's blind index (a keyed HMAC) of its normalised value under its own prefix — so equal values match
 * across orders, nothing can be read back, and a device hash never equals an address hash. Never in a response.
 */
import type { PiiVault } from '../ports/runtime.ts';
import type { Address } from './order.rules.ts';
import type { ClientSignals, OrderSignalsRecord } from './order.types.ts';

/** A device id the web app sends (`x-device-id`): 8–128 characters of letters, digits, `-` and `_`. */
export const DEVICE_ID_PATTERN = /^[A-Za-z0-9_-]{8,128}$/;

/**
 * The address as one place: region and detail (not the name or the phone, which differ within a household and a
 * ring's drop address alike), Unicode-folded (full-width digits and letters to ASCII), lower case, without spaces or
 * punctuation — "上海市 嘉定区 / 安亭镇墨玉南路８８８号" and "上海市嘉定区安亭镇墨玉南路888号" are one address.
 */
export function normaliseAddress(a: Pick<Address, 'region' | 'detail'>): string {
  return `${a.region}${a.detail}`
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

/** The IP as one value: an IPv4 address mapped into IPv6 (`::ffff:1.2.3.4`) is the IPv4 address; null when empty. */
export function normaliseIp(ip: string | null | undefined): string | null {
  const v = (ip ?? '').trim().toLowerCase();
  if (v === '') return null;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(v);
  return mapped ? (mapped[1] as string) : v;
}

/** Hashes the signals with the vault's keyed blind index, one prefix per kind. */
export class OrderSignalHasher {
  constructor(private readonly vault: PiiVault) {}

  private hash(kind: 'device' | 'ip' | 'address' | 'payer', value: string): string {
    return this.vault.blindIndex(`order-signal:${kind}:${value}`);
  }

  /** The signals of a new order (its payer is known once it is paid). */
  forOrder(orderId: string, address: Address, client: ClientSignals | undefined, now: Date): OrderSignalsRecord {
    const device = client?.deviceId && DEVICE_ID_PATTERN.test(client.deviceId) ? client.deviceId : null;
    const ip = normaliseIp(client?.ip);
    const place = normaliseAddress(address);
    return {
      orderId,
      deviceHash: device ? this.hash('device', device) : null,
      ipHash: ip ? this.hash('ip', ip) : null,
      addressHash: place ? this.hash('address', place) : null,
      payerAccountHash: null,
      createdAt: now,
    };
  }

  /** The payer account the provider reported (already opaque to the platform), keyed once more. */
  payerAccount(opaque: string): string {
    return this.hash('payer', opaque);
  }
}
