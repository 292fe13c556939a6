/**
 * The database schema (Drizzle). Migrations in ../migrations are generated from this file with
 * `npm run db:generate` and committed; the server applies them at start-up. SQL must run on both PGlite
 * (PostgreSQL 17) and PostgreSQL 15, so ids come from the application, never from uuidv7().
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    phoneEnc: text('phone_enc'),
    phoneIndex: text('phone_index'),
    locale: text('locale', { enum: ['zh-CN', 'en-US'] })
      .notNull()
      .default('zh-CN'),
    status: text('status', { enum: ['active', 'disabled'] })
      .notNull()
      .default('active'),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: ts('locked_until'),
    lastLoginAt: ts('last_login_at'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('users_username_lower_uq').on(sql`lower(${t.username})`), index('users_phone_index_idx').on(t.phoneIndex)],
);

export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind', { enum: ['platform', 'regulator', 'live_base', 'mcn', 'merchant', 'service_provider'] }).notNull(),
    name: text('name').notNull(),
    district: text('district'),
    parentId: uuid('parent_id'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('organizations_kind_name_uq').on(t.kind, t.name), index('organizations_parent_idx').on(t.parentId)],
);

export const departments = pgTable(
  'departments',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('departments_org_code_uq').on(t.orgId, t.code)],
);

export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    role: text('role', {
      enum: [
        'platform_admin',
        'reviewer',
        'regulator',
        'base_operator',
        'mcn_manager',
        'streamer',
        'merchant_staff',
        'provider_staff',
        'consumer',
      ],
    }).notNull(),
    departmentId: uuid('department_id').references(() => departments.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('memberships_user_org_role_uq').on(t.userId, t.orgId, t.role), index('memberships_org_idx').on(t.orgId)],
);

/**
 * 成员邀请: a membership offered to a user by an organization; the membership exists only once the user accepts.
 * At most one pending invitation per (organization, user, role).
 */
export const orgInvitations = pgTable(
  'org_invitations',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role', {
      enum: [
        'platform_admin',
        'reviewer',
        'regulator',
        'base_operator',
        'mcn_manager',
        'streamer',
        'merchant_staff',
        'provider_staff',
        'consumer',
      ],
    }).notNull(),
    departmentId: uuid('department_id').references(() => departments.id),
    status: text('status', { enum: ['pending', 'accepted', 'declined', 'revoked', 'expired'] }).notNull(),
    invitedBy: uuid('invited_by').references(() => users.id),
    membershipId: uuid('membership_id'),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    decidedAt: ts('decided_at'),
  },
  (t) => [
    uniqueIndex('org_invitations_pending_uq').on(t.orgId, t.userId, t.role).where(sql`${t.status} = 'pending'`),
    index('org_invitations_user_idx').on(t.userId, t.status),
    index('org_invitations_org_idx').on(t.orgId, t.createdAt),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    membershipId: uuid('membership_id'),
    csrfToken: text('csrf_token').notNull(),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    orgId: uuid('org_id'),
    membershipId: uuid('membership_id'),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull(),
    scopes: text('scopes').array().notNull(),
    createdAt: ts('created_at').notNull(),
    lastUsedAt: ts('last_used_at'),
    expiresAt: ts('expires_at'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [uniqueIndex('api_tokens_hash_uq').on(t.tokenHash), index('api_tokens_user_idx').on(t.userId)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    id: uuid('id').notNull(),
    at: ts('at').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorLabel: text('actor_label'),
    orgId: uuid('org_id'),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
    changeHash: text('change_hash').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    requestId: text('request_id'),
    ip: text('ip'),
  },
  (t) => [index('audit_log_org_idx').on(t.orgId, t.seq), index('audit_log_action_idx').on(t.action, t.seq)],
);

export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey(),
    topic: text('topic').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    createdAt: ts('created_at').notNull(),
    publishedAt: ts('published_at'),
  },
  (t) => [index('outbox_pending_idx').on(t.createdAt).where(sql`${t.publishedAt} is null`)],
);

// ---- compliance (技术+人工实时审核) ---------------------------------------------------------------------------

export const screeningEvents = pgTable(
  'screening_events',
  {
    id: uuid('id').primaryKey(),
    /** the sender's own id for the event: the idempotency key, unique per sending organization */
    eventId: text('event_id').notNull(),
    sourceOrgId: uuid('source_org_id').notNull(),
    actorUserId: uuid('actor_user_id'),
    /** who said or typed it when known (the chat sender, from the room gateway) */
    senderUserId: uuid('sender_user_id'),
    kind: text('kind', { enum: ['transcript', 'chat', 'product_copy', 'overlay'] }).notNull(),
    text: text('text').notNull(),
    sessionRef: text('session_ref'),
    streamerUserId: uuid('streamer_user_id'),
    merchantOrgId: uuid('merchant_org_id'),
    productRef: text('product_ref'),
    productCategory: text('product_category'),
    card: jsonb('card').$type<Record<string, number>>(),
    decision: text('decision', { enum: ['allow', 'warn', 'review', 'block'] }).notNull(),
    hitCount: integer('hit_count').notNull(),
    maxSeverity: integer('max_severity').notNull(),
    packVersion: text('pack_version').notNull(),
    occurredAt: ts('occurred_at').notNull(),
    receivedAt: ts('received_at').notNull(),
  },
  (t) => [
    uniqueIndex('screening_events_source_event_uq').on(t.sourceOrgId, t.eventId),
    index('screening_events_session_idx').on(t.sessionRef, t.occurredAt),
    index('screening_events_received_idx').on(t.receivedAt),
  ],
);

export const screeningHits = pgTable(
  'screening_hits',
  {
    id: uuid('id').primaryKey(),
    screeningEventId: uuid('screening_event_id')
      .notNull()
      .references(() => screeningEvents.id),
    ruleId: text('rule_id').notNull(),
    category: text('category').notNull(),
    severity: integer('severity').notNull(),
    action: text('action').notNull(),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    matched: text('matched').notNull(),
    normalized: text('normalized').notNull(),
    basis: text('basis').notNull(),
    via: text('via').notNull(),
  },
  (t) => [index('screening_hits_event_idx').on(t.screeningEventId), index('screening_hits_category_idx').on(t.category)],
);

export const reviewItems = pgTable(
  'review_items',
  {
    id: uuid('id').primaryKey(),
    screeningEventId: uuid('screening_event_id')
      .notNull()
      .references(() => screeningEvents.id),
    status: text('status', { enum: ['open', 'claimed', 'confirmed', 'dismissed'] }).notNull(),
    severity: integer('severity').notNull(),
    categories: text('categories').array().notNull(),
    dueAt: ts('due_at').notNull(),
    claimedBy: uuid('claimed_by'),
    claimedAt: ts('claimed_at'),
    decidedBy: uuid('decided_by'),
    decidedAt: ts('decided_at'),
    reason: text('reason'),
    createdAt: ts('created_at').notNull(),
    /**
     * hash of session + sender + kind + rules + normalized text: while an item of the group is undecided, a repeat
     * is counted on it (review_item_events) instead of opening another item; null when the event has no session
     */
    groupKey: text('group_key'),
    occurrences: integer('occurrences').notNull(),
    firstSeenAt: ts('first_seen_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull(),
  },
  (t) => [
    uniqueIndex('review_items_event_uq').on(t.screeningEventId),
    index('review_items_status_due_idx').on(t.status, t.dueAt),
    // one undecided item per group: the upsert of a repeat takes this index as its arbiter, on both databases
    uniqueIndex('review_items_open_group_uq').on(t.groupKey).where(sql`${t.status} in ('open', 'claimed') and ${t.groupKey} is not null`),
    check('review_items_occurrences_pos', sql`${t.occurrences} >= 1`),
  ],
);

/** Every screened event counted on a review item (the first one included): the evidence of each repeat. */
export const reviewItemEvents = pgTable(
  'review_item_events',
  {
    reviewItemId: uuid('review_item_id')
      .notNull()
      .references(() => reviewItems.id),
    screeningEventId: uuid('screening_event_id')
      .notNull()
      .references(() => screeningEvents.id),
    occurredAt: ts('occurred_at').notNull(),
  },
  (t) => [
    uniqueIndex('review_item_events_event_uq').on(t.screeningEventId),
    index('review_item_events_item_idx').on(t.reviewItemId, t.occurredAt),
  ],
);

export const violations = pgTable(
  'violations',
  {
    id: uuid('id').primaryKey(),
    reviewItemId: uuid('review_item_id')
      .notNull()
      .references(() => reviewItems.id),
    screeningEventId: uuid('screening_event_id')
      .notNull()
      .references(() => screeningEvents.id),
    ruleIds: text('rule_ids').array().notNull(),
    categories: text('categories').array().notNull(),
    severity: integer('severity').notNull(),
    streamerUserId: uuid('streamer_user_id'),
    merchantOrgId: uuid('merchant_org_id'),
    productRef: text('product_ref'),
    sessionRef: text('session_ref'),
    confirmedBy: uuid('confirmed_by').notNull(),
    confirmedAt: ts('confirmed_at').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [
    uniqueIndex('violations_review_item_uq').on(t.reviewItemId),
    index('violations_streamer_idx').on(t.streamerUserId),
    index('violations_merchant_idx').on(t.merchantOrgId),
  ],
);

export const evidence = pgTable('evidence', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  id: uuid('id').notNull(),
  violationId: uuid('violation_id')
    .notNull()
    .references(() => violations.id),
  /** the original event, its context window, the hits and the rule versions, as recorded */
  content: jsonb('content').$type<Record<string, unknown>>().notNull(),
  contentHash: text('content_hash').notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
  createdAt: ts('created_at').notNull(),
  retainUntil: ts('retain_until').notNull(),
});

/** Exemptions added by a rule editor at run time (often from a dismissed review item), merged into the pack. */
export const ruleExemptions = pgTable(
  'rule_exemptions',
  {
    id: uuid('id').primaryKey(),
    ruleId: text('rule_id').notNull(),
    text: text('text').notNull(),
    reviewItemId: uuid('review_item_id'),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('rule_exemptions_rule_text_uq').on(t.ruleId, t.text)],
);

// ---- workflows (申报 → 审查 → … ) and registry -------------------------------------------------------------------

export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    subjectType: text('subject_type', { enum: ['organization', 'streamer', 'product'] }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    applicantUserId: uuid('applicant_user_id').notNull(),
    applicantOrgId: uuid('applicant_org_id'),
    step: text('step').notNull(),
    status: text('status', { enum: ['in_progress', 'approved', 'rejected', 'withdrawn', 'revoked'] }).notNull(),
    round: integer('round').notNull().default(0),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    stepEnteredAt: ts('step_entered_at').notNull(),
    dueAt: ts('due_at'),
    version: integer('version').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('applications_kind_step_idx').on(t.kind, t.step),
    index('applications_subject_idx').on(t.subjectType, t.subjectId),
    index('applications_due_idx').on(t.dueAt),
  ],
);

export const applicationEvents = pgTable(
  'application_events',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    seq: integer('seq').notNull(),
    at: ts('at').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorLabel: text('actor_label').notNull(),
    department: text('department'),
    action: text('action').notNull(),
    fromStep: text('from_step').notNull(),
    toStep: text('to_step').notNull(),
    reason: text('reason'),
    attachments: uuid('attachments').array().notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [uniqueIndex('application_events_seq_uq').on(t.applicationId, t.seq)],
);

export const jointVotes = pgTable(
  'joint_votes',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    round: integer('round').notNull(),
    department: text('department').notNull(),
    decision: text('decision', { enum: ['approve', 'reject'] }).notNull(),
    actorUserId: uuid('actor_user_id').notNull(),
    at: ts('at').notNull(),
    reason: text('reason'),
  },
  (t) => [uniqueIndex('joint_votes_uq').on(t.applicationId, t.round, t.department)],
);

export const objections = pgTable(
  'objections',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    filedBy: uuid('filed_by').notNull(),
    text: text('text').notNull(),
    status: text('status', { enum: ['open', 'upheld', 'dismissed'] }).notNull(),
    resolvedBy: uuid('resolved_by'),
    resolvedAt: ts('resolved_at'),
    resolution: text('resolution'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('objections_application_idx').on(t.applicationId)],
);

export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey(),
    ownerOrgId: uuid('owner_org_id'),
    ownerUserId: uuid('owner_user_id'),
    uploadedBy: uuid('uploaded_by').notNull(),
    docType: text('doc_type').notNull(),
    fileType: text('file_type', { enum: ['pdf', 'jpeg', 'png'] }).notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    filename: text('filename').notNull(),
    expiresAt: ts('expires_at'),
    retainUntil: ts('retain_until').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('documents_owner_org_idx').on(t.ownerOrgId), index('documents_owner_user_idx').on(t.ownerUserId)],
);

export const applicationDocuments = pgTable(
  'application_documents',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    docType: text('doc_type').notNull(),
  },
  (t) => [uniqueIndex('application_documents_uq').on(t.applicationId, t.documentId)],
);

export const merchantProfiles = pgTable(
  'merchant_profiles',
  {
    orgId: uuid('org_id')
      .primaryKey()
      .references(() => organizations.id),
    creditCode: text('credit_code').notNull(),
    legalName: text('legal_name').notNull(),
    legalRepresentative: text('legal_representative').notNull(),
    contactPhoneEnc: text('contact_phone_enc'),
    addressEnc: text('address_enc'),
    categories: text('categories').array().notNull(),
    depositFen: bigint('deposit_fen', { mode: 'number' }).notNull(),
    status: text('status', { enum: ['pending', 'admitted', 'suspended', 'revoked', 'rejected'] }).notNull(),
    statusReason: text('status_reason'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('merchant_profiles_credit_code_uq').on(t.creditCode)],
);

export const qualifications = pgTable(
  'qualifications',
  {
    id: uuid('id').primaryKey(),
    /** an organization's (merchant) or a streamer's (user) */
    ownerOrgId: uuid('owner_org_id'),
    ownerUserId: uuid('owner_user_id'),
    type: text('type').notNull(),
    number: text('number'),
    documentId: uuid('document_id').references(() => documents.id),
    issuedAt: ts('issued_at'),
    expiresAt: ts('expires_at'),
    status: text('status', { enum: ['valid', 'expiring', 'expired'] }).notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('qualifications_expiry_idx').on(t.expiresAt), index('qualifications_org_idx').on(t.ownerOrgId)],
);

export const streamerProfiles = pgTable(
  'streamer_profiles',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id),
    realNameEnc: text('real_name_enc').notNull(),
    idNumberEnc: text('id_number_enc').notNull(),
    idNumberIndex: text('id_number_index').notNull(),
    birthYear: integer('birth_year').notNull(),
    mcnOrgId: uuid('mcn_org_id'),
    topics: text('topics').array().notNull(),
    marketerLevel: text('marketer_level'),
    virtual: text('virtual', { enum: ['no', 'yes'] }).notNull(),
    operatorUserId: uuid('operator_user_id'),
    virtualLabel: text('virtual_label'),
    status: text('status', { enum: ['pending', 'certified', 'suspended', 'expired', 'revoked', 'rejected'] }).notNull(),
    statusReason: text('status_reason'),
    certifiedUntil: ts('certified_until'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('streamer_profiles_id_number_uq').on(t.idNumberIndex)],
);

export const baseProfiles = pgTable('base_profiles', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organizations.id),
  addressEnc: text('address_enc').notNull(),
  district: text('district').notNull(),
  areaM2: integer('area_m2').notNull(),
  operatorName: text('operator_name').notNull(),
  focus: text('focus'),
  level: text('level', { enum: ['municipal', 'district'] }),
  status: text('status', { enum: ['pending', 'certified', 'downgraded', 'revoked', 'rejected'] }).notNull(),
  certifiedUntil: ts('certified_until'),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const trainingRecords = pgTable(
  'training_records',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    course: text('course').notNull(),
    hours: integer('hours').notNull(),
    completedAt: ts('completed_at').notNull(),
    documentId: uuid('document_id'),
  },
  (t) => [index('training_records_user_idx').on(t.userId)],
);

/** MCN agencies (MCN机构): who they are and which base hosts them. */
export const mcnProfiles = pgTable(
  'mcn_profiles',
  {
    orgId: uuid('org_id')
      .primaryKey()
      .references(() => organizations.id),
    creditCode: text('credit_code').notNull(),
    legalName: text('legal_name').notNull(),
    legalRepresentative: text('legal_representative').notNull(),
    contactPhoneEnc: text('contact_phone_enc').notNull(),
    hostBaseOrgId: uuid('host_base_org_id'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('mcn_profiles_credit_code_uq').on(t.creditCode)],
);

/** Service providers (专业服务机构): supply chain, data and technology services to the live-commerce chain. */
export const providerProfiles = pgTable(
  'provider_profiles',
  {
    orgId: uuid('org_id')
      .primaryKey()
      .references(() => organizations.id),
    creditCode: text('credit_code').notNull(),
    legalName: text('legal_name').notNull(),
    services: text('services').array().notNull(),
    contactPhoneEnc: text('contact_phone_enc').notNull(),
    hostBaseOrgId: uuid('host_base_org_id'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('provider_profiles_credit_code_uq').on(t.creditCode)],
);

// ---- catalog and selection center -------------------------------------------------------------------------------

/** Product categories and their live-sale rules (loaded from the shipped tree, then edited by operators). */
export const categories = pgTable('categories', {
  id: text('id').primaryKey(),
  parentId: text('parent_id'),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  screenAs: text('screen_as').notNull(),
  liveRule: text('live_rule', { enum: ['allowed', 'restricted', 'prohibited'] }).notNull(),
  requiredQualifications: text('required_qualifications').array().notNull(),
  requiredDisclaimer: text('required_disclaimer'),
  noReasonReturn: boolean('no_reason_return').notNull(),
  basis: text('basis'),
  sort: integer('sort').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

/** Brands; `protected` puts one on the key-trademark protection list (重点商标保护名录). */
export const brands = pgTable(
  'brands',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    nameKey: text('name_key').notNull(),
    nameEn: text('name_en'),
    ownerOrgId: uuid('owner_org_id'),
    trademarkNo: text('trademark_no'),
    protected: boolean('protected').notNull(),
    protectedReason: text('protected_reason'),
    protectedAt: ts('protected_at'),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('brands_name_key_uq').on(t.nameKey)],
);

export const brandAuthorizations = pgTable(
  'brand_authorizations',
  {
    id: uuid('id').primaryKey(),
    brandId: uuid('brand_id')
      .notNull()
      .references(() => brands.id),
    merchantOrgId: uuid('merchant_org_id').notNull(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    validUntil: ts('valid_until').notNull(),
    status: text('status', { enum: ['valid', 'revoked'] }).notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('brand_authorizations_merchant_idx').on(t.merchantOrgId, t.brandId)],
);

export const products = pgTable(
  'products',
  {
    id: uuid('id').primaryKey(),
    merchantOrgId: uuid('merchant_org_id')
      .notNull()
      .references(() => organizations.id),
    categoryId: text('category_id').notNull(),
    brandId: uuid('brand_id'),
    title: text('title').notNull(),
    description: text('description').notNull(),
    claims: text('claims').array().notNull(),
    referencePriceFen: bigint('reference_price_fen', { mode: 'number' }),
    imageIds: text('image_ids').array().notNull(),
    qualificationDocIds: text('qualification_doc_ids').array().notNull(),
    sampleAvailable: boolean('sample_available').notNull(),
    sampleStock: integer('sample_stock').notNull(),
    status: text('status', { enum: ['draft', 'in_review', 'returned', 'approved', 'rejected', 'delisted'] }).notNull(),
    statusReason: text('status_reason'),
    reviewApplicationId: uuid('review_application_id'),
    checks: jsonb('checks'),
    salesCount: integer('sales_count').notNull(),
    version: integer('version').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  // the list's keyset order (newest first by created_at, id), within a merchant and across merchants
  (t) => [
    index('products_merchant_created_idx').on(t.merchantOrgId, t.createdAt, t.id),
    index('products_created_idx').on(t.createdAt, t.id),
    index('products_status_idx').on(t.status),
  ],
);

export const productSkus = pgTable(
  'product_skus',
  {
    id: uuid('id').primaryKey(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    name: text('name').notNull(),
    code: text('code'),
    priceFen: bigint('price_fen', { mode: 'number' }).notNull(),
    stock: integer('stock').notNull(),
    sort: integer('sort').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('product_skus_product_idx').on(t.productId), check('product_skus_stock_nonneg', sql`${t.stock} >= 0`)],
);

/** Price history: each price in effect over [valid_from, valid_to). The 7-day lowest price is one query over it. */
export const pricePoints = pgTable(
  'price_points',
  {
    id: uuid('id').primaryKey(),
    skuId: uuid('sku_id')
      .notNull()
      .references(() => productSkus.id),
    priceFen: bigint('price_fen', { mode: 'number' }).notNull(),
    source: text('source', { enum: ['list', 'promotion', 'flash_sale'] }).notNull(),
    validFrom: ts('valid_from').notNull(),
    validTo: ts('valid_to'),
  },
  (t) => [index('price_points_sku_idx').on(t.skuId, t.validFrom)],
);

export const selectionPlans = pgTable(
  'selection_plans',
  {
    id: uuid('id').primaryKey(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    merchantOrgId: uuid('merchant_org_id').notNull(),
    type: text('type', { enum: ['open', 'targeted', 'exclusive'] }).notNull(),
    commissionBp: integer('commission_bp').notNull(),
    mcnServiceFeeBp: integer('mcn_service_fee_bp').notNull(),
    slotFeeFen: bigint('slot_fee_fen', { mode: 'number' }).notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    partners: jsonb('partners').notNull(),
    status: text('status', { enum: ['active', 'ended'] }).notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('selection_plans_product_idx').on(t.productId), index('selection_plans_merchant_idx').on(t.merchantOrgId)],
);

/** The selection square's search read model: one row per approved product with a running plan. */
export const selectionListings = pgTable(
  'selection_listings',
  {
    productId: uuid('product_id').primaryKey(),
    merchantOrgId: uuid('merchant_org_id').notNull(),
    merchantName: text('merchant_name').notNull(),
    title: text('title').notNull(),
    categoryId: text('category_id').notNull(),
    categoryPath: text('category_path').array().notNull(),
    brandName: text('brand_name'),
    coverImageId: text('cover_image_id'),
    minPriceFen: bigint('min_price_fen', { mode: 'number' }).notNull(),
    maxPriceFen: bigint('max_price_fen', { mode: 'number' }).notNull(),
    commissionBp: integer('commission_bp').notNull(),
    planTypes: text('plan_types').array().notNull(),
    audience: text('audience').array().notNull(),
    stock: integer('stock').notNull(),
    salesCount: integer('sales_count').notNull(),
    sampleAvailable: boolean('sample_available').notNull(),
    merchantCredit: integer('merchant_credit'),
    tokens: text('tokens').array().notNull(),
    liveFrom: ts('live_from').notNull(),
    liveUntil: ts('live_until').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('selection_listings_tokens_gin').using('gin', t.tokens),
    // No index on audience: every searcher's audience holds '*', which nearly every listing carries, so it never
    // narrows a search; without statistics (PGlite runs no autovacuum) the planner ANDed its bitmap of nearly every
    // row into each streamer search (+20–45 ms at 100,000 listings).
    index('selection_listings_category_gin').using('gin', t.categoryPath),
    index('selection_listings_sales_idx').on(t.salesCount.desc(), t.productId),
    // One b-tree per sort of the selection search (the repository's LISTING_ORDER, key for key), so a browse or a
    // broad query walks the order and stops at the page instead of sorting every match.
    index('selection_listings_relevance_idx').on(t.salesCount.desc(), t.commissionBp.desc(), t.productId),
    index('selection_listings_commission_idx').on(t.commissionBp.desc(), t.salesCount.desc(), t.productId),
    index('selection_listings_price_idx').on(t.minPriceFen, t.productId),
    index('selection_listings_price_desc_idx').on(t.minPriceFen.desc(), t.productId),
    index('selection_listings_newest_idx').on(t.liveFrom.desc(), t.productId),
  ],
);

export const sampleRequests = pgTable(
  'sample_requests',
  {
    id: uuid('id').primaryKey(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    skuId: uuid('sku_id'),
    merchantOrgId: uuid('merchant_org_id').notNull(),
    streamerUserId: uuid('streamer_user_id').notNull(),
    mcnOrgId: uuid('mcn_org_id'),
    status: text('status', {
      enum: ['requested', 'approved', 'declined', 'shipped', 'received', 'featured', 'return_shipped', 'returned', 'cancelled'],
    }).notNull(),
    recipientEnc: text('recipient_enc').notNull(),
    phoneEnc: text('phone_enc').notNull(),
    addressEnc: text('address_enc').notNull(),
    note: text('note'),
    reason: text('reason'),
    carrier: text('carrier'),
    trackingNo: text('tracking_no'),
    returnCarrier: text('return_carrier'),
    returnTrackingNo: text('return_tracking_no'),
    receivedAt: ts('received_at'),
    featureDueAt: ts('feature_due_at'),
    featuredIn: text('featured_in'),
    overdueAt: ts('overdue_at'),
    history: jsonb('history').notNull(),
    version: integer('version').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('sample_requests_merchant_idx').on(t.merchantOrgId, t.updatedAt),
    index('sample_requests_streamer_idx').on(t.streamerUserId, t.updatedAt),
    index('sample_requests_due_idx').on(t.featureDueAt),
  ],
);

export const agreements = pgTable(
  'agreements',
  {
    id: uuid('id').primaryKey(),
    merchantOrgId: uuid('merchant_org_id').notNull(),
    streamerUserId: uuid('streamer_user_id').notNull(),
    mcnOrgId: uuid('mcn_org_id'),
    status: text('status', { enum: ['pending', 'in_force', 'terminated', 'expired'] }).notNull(),
    currentVersion: integer('current_version').notNull(),
    inForceVersion: integer('in_force_version'),
    inForceProductIds: text('in_force_product_ids').array().notNull(),
    inForceFrom: ts('in_force_from'),
    inForceUntil: ts('in_force_until'),
    terminatedReason: text('terminated_reason'),
    version: integer('version').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('agreements_pair_idx').on(t.merchantOrgId, t.streamerUserId),
    index('agreements_streamer_idx').on(t.streamerUserId),
    index('agreements_mcn_idx').on(t.mcnOrgId),
  ],
);

/** Insert-only: a version's terms never change; its hash is over the parties and the terms. */
export const agreementVersions = pgTable(
  'agreement_versions',
  {
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id),
    version: integer('version').notNull(),
    terms: jsonb('terms').notNull(),
    contentHash: text('content_hash').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('agreement_versions_uq').on(t.agreementId, t.version)],
);

export const agreementAcceptances = pgTable(
  'agreement_acceptances',
  {
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id),
    version: integer('version').notNull(),
    party: text('party', { enum: ['merchant', 'streamer', 'mcn'] }).notNull(),
    userId: uuid('user_id').notNull(),
    contentHash: text('content_hash').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [uniqueIndex('agreement_acceptances_uq').on(t.agreementId, t.version, t.party)],
);

// ---- live sessions --------------------------------------------------------------------------------------------------

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

// ---- orders, stock, flash sales, payments, returns -----------------------------------------------------------------

/** A consumer's saved shipping addresses: every personal field sealed by the PII vault. */
export const consumerAddresses = pgTable(
  'consumer_addresses',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    nameEnc: text('name_enc').notNull(),
    phoneEnc: text('phone_enc').notNull(),
    /** province / city / district: plain, for delivery statistics */
    region: text('region').notNull(),
    detailEnc: text('detail_enc').notNull(),
    isDefault: boolean('is_default').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('consumer_addresses_user_idx').on(t.userId)],
);

export const orders = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey(),
    /** the number people read out on the phone: date + random digits */
    orderNo: text('order_no').notNull(),
    buyerUserId: uuid('buyer_user_id')
      .notNull()
      .references(() => users.id),
    merchantOrgId: uuid('merchant_org_id').notNull(),
    status: text('status', { enum: ['created', 'paid', 'shipped', 'delivered', 'completed', 'cancelled', 'refunded'] }).notNull(),
    /** attribution (带货归属): the session, streamer, MCN and agreement the order came through */
    sessionId: uuid('session_id'),
    streamerUserId: uuid('streamer_user_id'),
    mcnOrgId: uuid('mcn_org_id'),
    agreementId: uuid('agreement_id'),
    agreementVersion: integer('agreement_version'),
    flashSaleId: uuid('flash_sale_id'),
    totalFen: bigint('total_fen', { mode: 'number' }).notNull(),
    refundedFen: bigint('refunded_fen', { mode: 'number' }).notNull(),
    commissionFen: bigint('commission_fen', { mode: 'number' }).notNull(),
    /** the shipping address as sealed JSON (name, phone, region, detail) and its plain region */
    addressEnc: text('address_enc').notNull(),
    region: text('region').notNull(),
    carrier: text('carrier'),
    trackingNo: text('tracking_no'),
    payBy: ts('pay_by').notNull(),
    paidAt: ts('paid_at'),
    shippedAt: ts('shipped_at'),
    deliveredAt: ts('delivered_at'),
    completedAt: ts('completed_at'),
    cancelledAt: ts('cancelled_at'),
    cancelReason: text('cancel_reason'),
    retainUntil: ts('retain_until').notNull(),
    version: integer('version').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('orders_no_uq').on(t.orderNo),
    index('orders_buyer_idx').on(t.buyerUserId, t.createdAt),
    index('orders_merchant_idx').on(t.merchantOrgId, t.createdAt),
    index('orders_session_idx').on(t.sessionId),
    index('orders_status_pay_by_idx').on(t.status, t.payBy),
    index('orders_flash_sale_idx').on(t.flashSaleId),
  ],
);

/** Order lines snapshot what was sold: price, SKU, and the commission terms in force at that moment. */
export const orderLines = pgTable(
  'order_lines',
  {
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    lineNo: integer('line_no').notNull(),
    productId: uuid('product_id').notNull(),
    skuId: uuid('sku_id').notNull(),
    title: text('title').notNull(),
    skuName: text('sku_name').notNull(),
    categoryId: text('category_id').notNull(),
    /** 七天无理由退货 applies to this line (false for the statutory exceptions of its category) */
    noReasonReturn: boolean('no_reason_return').notNull(),
    unitPriceFen: bigint('unit_price_fen', { mode: 'number' }).notNull(),
    qty: integer('qty').notNull(),
    commissionBp: integer('commission_bp').notNull(),
    streamerShareBp: integer('streamer_share_bp').notNull(),
    commissionFen: bigint('commission_fen', { mode: 'number' }).notNull(),
    returnedQty: integer('returned_qty').notNull(),
    reversedCommissionFen: bigint('reversed_commission_fen', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('order_lines_uq').on(t.orderId, t.lineNo)],
);

/**
 * Stock moves only through reservations: held while an order awaits payment, sold once paid, released when the
 * order is cancelled or times out. For every SKU: stock left + held + sold = stock ever put in.
 */
export const stockReservations = pgTable(
  'stock_reservations',
  {
    id: uuid('id').primaryKey(),
    skuId: uuid('sku_id').notNull(),
    orderId: uuid('order_id').notNull(),
    flashSaleId: uuid('flash_sale_id'),
    qty: integer('qty').notNull(),
    status: text('status', { enum: ['held', 'sold', 'released'] }).notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('stock_reservations_sku_idx').on(t.skuId, t.status),
    index('stock_reservations_order_idx').on(t.orderId),
    check('stock_reservations_qty_pos', sql`${t.qty} > 0`),
  ],
);

/** A flash sale (秒杀): its quantity is carved out of the SKU's stock when it is created. */
export const flashSales = pgTable(
  'flash_sales',
  {
    id: uuid('id').primaryKey(),
    sessionId: uuid('session_id').notNull(),
    productId: uuid('product_id').notNull(),
    skuId: uuid('sku_id').notNull(),
    merchantOrgId: uuid('merchant_org_id').notNull(),
    createdBy: uuid('created_by').notNull(),
    priceFen: bigint('price_fen', { mode: 'number' }).notNull(),
    quantity: integer('quantity').notNull(),
    perUserLimit: integer('per_user_limit').notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    status: text('status', { enum: ['scheduled', 'ended', 'cancelled'] }).notNull(),
    /** units given back to the SKU's stock when the sale ended unsold */
    returnedQty: integer('returned_qty').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('flash_sales_session_idx').on(t.sessionId), index('flash_sales_status_idx').on(t.status)],
);

/**
 * One row per unit slot taken in a flash sale. The slot is unique per sale (a unique index) and ≥ 1 (a CHECK); the
 * one write path refuses a slot above the sale's quantity, so no more claims than units can be written — whatever
 * the counter in front says.
 */
export const flashSaleClaims = pgTable(
  'flash_sale_claims',
  {
    flashSaleId: uuid('flash_sale_id')
      .notNull()
      .references(() => flashSales.id),
    slot: integer('slot').notNull(),
    orderId: uuid('order_id').notNull(),
    userId: uuid('user_id').notNull(),
    /** the buyer's own unit number in the sale, 1..per-user limit: the database's guard of the limit */
    buyerUnit: integer('buyer_unit').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('flash_sale_claims_slot_uq').on(t.flashSaleId, t.slot),
    check('flash_sale_claims_slot_pos', sql`${t.slot} >= 1`),
    uniqueIndex('flash_sale_claims_buyer_unit_uq').on(t.flashSaleId, t.userId, t.buyerUnit),
    check('flash_sale_claims_buyer_unit_pos', sql`${t.buyerUnit} >= 1`),
    index('flash_sale_claims_order_idx').on(t.orderId),
  ],
);

/** Idempotency-Key: the same key and body return the same result; another body with the key is refused. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: uuid('user_id').notNull(),
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    response: jsonb('response').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('idempotency_keys_uq').on(t.userId, t.scope, t.key)],
);

export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    provider: text('provider').notNull(),
    providerRef: text('provider_ref'),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    status: text('status', { enum: ['pending', 'succeeded', 'failed', 'expired'] }).notNull(),
    payUrl: text('pay_url'),
    failureReason: text('failure_reason'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('payments_order_idx').on(t.orderId)],
);

/** Every provider notification once: a replayed one (same provider and notify id) is refused. */
export const paymentNotifications = pgTable(
  'payment_notifications',
  {
    provider: text('provider').notNull(),
    notifyId: text('notify_id').notNull(),
    kind: text('kind').notNull(),
    ref: text('ref').notNull(),
    receivedAt: ts('received_at').notNull(),
  },
  (t) => [uniqueIndex('payment_notifications_uq').on(t.provider, t.notifyId)],
);

export const refunds = pgTable(
  'refunds',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    paymentId: uuid('payment_id').notNull(),
    returnId: uuid('return_id'),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    reason: text('reason').notNull(),
    status: text('status', { enum: ['pending', 'succeeded', 'failed'] }).notNull(),
    createdAt: ts('created_at').notNull(),
    completedAt: ts('completed_at'),
  },
  (t) => [index('refunds_order_idx').on(t.orderId)],
);

/** After-sales (售后): a return request for some lines of a delivered order. */
export const returnRequests = pgTable(
  'return_requests',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    buyerUserId: uuid('buyer_user_id').notNull(),
    merchantOrgId: uuid('merchant_org_id').notNull(),
    kind: text('kind', { enum: ['no_reason', 'quality'] }).notNull(),
    reason: text('reason').notNull(),
    lines: jsonb('lines').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    status: text('status', { enum: ['requested', 'approved', 'rejected', 'shipped_back', 'received', 'refunded', 'cancelled'] }).notNull(),
    rejectReason: text('reject_reason'),
    carrier: text('carrier'),
    trackingNo: text('tracking_no'),
    receivedAt: ts('received_at'),
    /** 收到退货之日起七日内退款 (消费者权益保护法 Art. 25) */
    refundDueAt: ts('refund_due_at'),
    refundId: uuid('refund_id'),
    overdueFlaggedAt: ts('overdue_flagged_at'),
    version: integer('version').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('return_requests_order_idx').on(t.orderId),
    index('return_requests_merchant_idx').on(t.merchantOrgId, t.status),
    index('return_requests_buyer_idx').on(t.buyerUserId),
  ],
);
