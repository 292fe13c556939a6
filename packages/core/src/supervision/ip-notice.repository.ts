/**
 * The port of infringement notices (知识产权保护). A notice moves by compare-and-set on its version; its log is
 * append-only. The product and the brand are read through `IpCatalogReader` (the catalog's, wired in the container).
 */
import type { IpNoticeStatus } from '@livehub/contracts';
import type { IpNoticeEntryRecord, IpNoticeRecord } from './ip-notice.types.ts';

export interface IpNoticeRepository {
  insertNotice(n: IpNoticeRecord): Promise<void>;
  findNotice(id: string, opts?: { lock?: boolean }): Promise<IpNoticeRecord | null>;
  /** the open notice (taken_down, countered, action_filed) on this product for this brand, if any */
  openNoticeOf(productId: string, brandId: string): Promise<IpNoticeRecord | null>;
  /** writes `n` when the stored version is `expectVersion`; false otherwise */
  updateNotice(n: IpNoticeRecord, expectVersion: number): Promise<boolean>;
  /** newest first; `party`: notices the organization filed or that are against its products */
  listNotices(opts: {
    status?: IpNoticeStatus | undefined;
    brandId?: string | undefined;
    filedByOrgId?: string | undefined;
    merchantOrgId?: string | undefined;
    /** either side: filed by, held by or against this organization */
    partyOrgId?: string | undefined;
    limit: number;
  }): Promise<IpNoticeRecord[]>;
  /** countered notices whose 15 days ended strictly before `now`, oldest deadline first */
  listLapsed(now: Date, limit: number): Promise<IpNoticeRecord[]>;
  appendEntry(e: IpNoticeEntryRecord): Promise<void>;
  /** oldest first, for the notices given */
  listEntries(noticeIds: readonly string[]): Promise<IpNoticeEntryRecord[]>;
}
