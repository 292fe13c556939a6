/**
 * Live sessions (直播场次): what a streamer schedules, the pre-live checklist, the stream key the media server
 * authenticates publishing with, the products on the session and the statistics kept afterwards.
 */

export type LiveSessionStatus = 'scheduled' | 'live' | 'ended' | 'cancelled';

export interface LiveSessionRecord {
  id: string;
  streamerUserId: string;
  mcnOrgId: string | null;
  title: string;
  coverImageId: string | null;
  scheduledAt: Date;
  status: LiveSessionStatus;
  coHostUserIds: string[];
  pinnedProductId: string | null;
  /** SHA-256 of the stream key: what publishing is checked against */
  streamKeyHash: string;
  /** the stream key sealed by the PII vault, so the streamer's console can show it again */
  streamKeyEnc: string;
  startedAt: Date | null;
  endedAt: Date | null;
  peakViewers: number;
  avgViewers: number;
  chatMessages: number;
  orders: number;
  gmvFen: number;
  /** recordings and transaction records are kept at least 3 years after the stream (网络交易监督管理办法) */
  retainUntil: Date | null;
  /** 先审后播: set when a platform reviewer pre-reviewed the session (credit measure `prereview`); cleared when its products change */
  prereviewedAt: Date | null;
  prereviewedBy: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface LiveSessionProductRecord {
  sessionId: string;
  productId: string;
  merchantOrgId: string;
  agreementId: string | null;
  sort: number;
}

/** What the room counted, kept on the session when it ends. */
export interface SessionStats {
  peakViewers: number;
  /** the mean of the room's viewer-count samples (one every 2 s while anyone was in the room), rounded */
  avgViewers: number;
  /** chat messages accepted (blocked and refused ones are not) */
  chatMessages: number;
  /** orders attributed to the session that were paid, and their value (refunds included: GMV is what was sold) */
  orders?: number;
  gmvFen?: number;
}

export interface ChecklistItem {
  key:
    | 'streamer_certified'
    | 'virtual_label'
    | 'merchant_admitted'
    | 'product_approved'
    | 'agreement_in_force'
    | 'not_live_elsewhere'
    | 'credit_prereview';
  ok: boolean;
  /** the product the item is about, when it is about one */
  productId: string | null;
  message: { zh: string; en: string };
}

/** Where a recording was made: the embedded media server, or an external one (SRS, nginx-rtmp) reporting it. */
export type LiveRecordingSource = 'embedded' | 'external';

/** A recording of a session's stream, kept at least 3 years after it ended (直播内容保存不少于三年). */
export interface LiveRecordingRecord {
  id: string;
  sessionId: string;
  source: LiveRecordingSource;
  /** the file on the media server's disk, or the storage key / URL an external server reported (null: unknown) */
  filePath: string | null;
  startedAt: Date;
  /** null while recording */
  endedAt: Date | null;
  bytes: number | null;
  /** SHA-256 of the closed file, hex (null: not computed, e.g. an external server's file) */
  sha256: string | null;
  /** at least 3 years after the end, never before the session's `retainUntil` */
  retainUntil: Date;
  createdAt: Date;
}

/** A session and the products on it. */
export interface SessionDetail {
  session: LiveSessionRecord;
  products: LiveSessionProductRecord[];
}

/** A product on a session as the session's page shows it. */
export interface SessionProductListing {
  productId: string;
  title: string;
  categoryId: string | null;
  merchantOrgId: string;
  agreementId: string | null;
  minPriceFen: number | null;
}

/** A session with the names and statistics its page shows (the server presents it with its playback URLs). */
export interface SessionListing {
  session: LiveSessionRecord;
  streamerName: string;
  stats: { peakViewers: number; avgViewers: number; chatMessages: number; orders: number; gmvFen: number };
  products: SessionProductListing[];
}

/** The orders context's reader port for a live session's paid orders and GMV. */
export interface SessionTotalsReader {
  sessionTotals(sessionId: string): Promise<{ orders: number; gmvFen: number }>;
}
