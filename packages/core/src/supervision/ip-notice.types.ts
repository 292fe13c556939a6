/** 知识产权保护 in the domain's words: an infringement notice (侵权通知) against a product, and its log. */
import type { IpActionKind, IpNoticeRole, IpNoticeStatus } from '@livehub/contracts';

export interface IpNoticeRecord {
  id: string;
  noticeNo: string;
  status: IpNoticeStatus;
  statusSince: Date;
  brandId: string;
  productId: string;
  merchantOrgId: string;
  /** the brand's registered holder on the platform; null when the office filed for a holder not on it */
  holderOrgId: string | null;
  filedByRole: 'holder' | 'office';
  filedByOrgId: string;
  filedByUserId: string;
  statement: string;
  evidenceDocumentIds: string[];
  /** whether the filing took the product off sale (false: it was not on sale then, nothing to restore) */
  takenDown: boolean;
  counterStatement: string | null;
  counterEvidenceDocumentIds: string[];
  counterForwardedAt: Date | null;
  /** the end of Art. 43's 15 days while the counter-notice waits for the holder */
  actionDueAt: Date | null;
  actionKind: IpActionKind | null;
  actionReference: string | null;
  actionEvidenceDocumentIds: string[];
  closingReason: string | null;
  filedAt: Date;
  updatedAt: Date;
  version: number;
}

export interface IpNoticeEntryRecord {
  id: string;
  noticeId: string;
  at: Date;
  role: IpNoticeRole;
  actorUserId: string | null;
  action: string;
  fromStatus: IpNoticeStatus | null;
  toStatus: IpNoticeStatus;
  note: string | null;
}
