/** 跨区域协同 in the domain's words: this region's key, the partner regions, the bundles and the items received. */
import type { ExchangeItem, ExchangeKind } from '@livehub/contracts';

export interface ExchangeKeyRecord {
  regionCode: string;
  regionName: string;
  /** raw 32-byte Ed25519 public key, base64 */
  publicKey: string;
  /** PKCS#8 DER, base64, sealed by the vault */
  privateKeySealed: string;
  createdAt: Date;
}

export interface ExchangeRegionRecord {
  code: string;
  name: string;
  publicKey: string;
  keyId: string;
  addedByUserId: string | null;
  addedAt: Date;
}

export interface ExchangeBundleRecord {
  id: string;
  direction: 'export' | 'import';
  regionCode: string;
  regionName: string;
  sha256: string;
  items: number;
  matched: number;
  createdAt: Date;
  at: Date;
  actorUserId: string | null;
}

export interface ExchangeRecord {
  id: string;
  bundleId: string;
  kind: ExchangeKind;
  sourceRegionCode: string;
  sourceId: string;
  subjectCreditCode: string;
  subjectName: string;
  localOrgId: string | null;
  localClueId: string | null;
  item: ExchangeItem;
  importedAt: Date;
}
