/**
 * Live sessions (直播场次): sessions, the products on them and their recordings.
 */
import { bigint, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import { products } from './catalog.ts';
import { users } from './identity.ts';

export const liveSessions = pgTable(
  'live_sessions',
  {
    id: uuid('id').primaryKey(),
    streamerUserId: uuid('streamer_user_id')
      .notNull()
      .references(() => users.id),
    mcnOrgId: uuid('mcn_org_id'),
    title: text('title').notNull(),
    coverImageId: uuid('cover_image_id'),
    scheduledAt: ts('scheduled_at').notNull(),
    status: text('status', { enum: ['scheduled', 'live', 'ended', 'cancelled'] }).notNull(),
    coHostUserIds: text('co_host_user_ids').array().notNull(),
    /** the product pinned in the room now (讲解中), kept here so every process and every late viewer sees it */
    pinnedProductId: uuid('pinned_product_id'),
    streamKeyHash: text('stream_key_hash').notNull(),
    streamKeyEnc: text('stream_key_enc').notNull(),
    startedAt: ts('started_at'),
    endedAt: ts('ended_at'),
    peakViewers: integer('peak_viewers').notNull(),
    avgViewers: integer('avg_viewers').notNull(),
    chatMessages: integer('chat_messages').notNull(),
    orders: integer('orders').notNull(),
    gmvFen: bigint('gmv_fen', { mode: 'number' }).notNull(),
    retainUntil: ts('retain_until'),
    /** 先审后播 (credit measure `prereview`): when and by whom a platform reviewer pre-reviewed the script and cards */
    prereviewedAt: ts('prereviewed_at'),
    prereviewedBy: uuid('prereviewed_by'),
    version: integer('version').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('live_sessions_streamer_idx').on(t.streamerUserId, t.scheduledAt),
    index('live_sessions_status_idx').on(t.status),
    index('live_sessions_mcn_idx').on(t.mcnOrgId),
  ],
);

export const liveSessionProducts = pgTable(
  'live_session_products',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => liveSessions.id),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    merchantOrgId: uuid('merchant_org_id').notNull(),
    agreementId: uuid('agreement_id'),
    sort: integer('sort').notNull(),
  },
  (t) => [uniqueIndex('live_session_products_uq').on(t.sessionId, t.productId)],
);

/**
 * Recordings of a session's stream (直播内容保存不少于三年): the embedded media server's FLV files and what an external
 * server reports. `retain_until` is at least three years after the end and never before the session's own.
 */
export const liveRecordings = pgTable(
  'live_recordings',
  {
    id: uuid('id').primaryKey(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => liveSessions.id),
    source: text('source', { enum: ['embedded', 'external'] }).notNull(),
    /** the file on the media server's disk, or the storage key / URL an external server reported */
    filePath: text('file_path'),
    startedAt: ts('started_at').notNull(),
    /** null while recording */
    endedAt: ts('ended_at'),
    bytes: bigint('bytes', { mode: 'number' }),
    /** SHA-256 of the closed file, hex */
    sha256: text('sha256'),
    retainUntil: ts('retain_until').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('live_recordings_session_idx').on(t.sessionId, t.startedAt), index('live_recordings_retain_idx').on(t.retainUntil)],
);
